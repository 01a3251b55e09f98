"""Global search: accents, prefixes, ranking, tombstones, hostile input, cancellation."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kamdesk.db import Database
from kamdesk.db.fts import match_expression, words
from kamdesk.models import Opportunity, Pipeline, Stage
from kamdesk.services import accounts, contacts, interactions
from kamdesk.services.search import (
    EXACT,
    KINDS,
    NAME,
    TEXT,
    SearchCancelled,
    SearchResults,
    SearchSession,
    search,
)

NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


class Portfolio:
    """A few records made through the services, by name."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ids: dict[str, str] = {}

    def account(self, name: str, **values: object) -> str:
        with self.db.unit_of_work() as uow:
            self.ids[name] = accounts.create_account(uow, {"name": name, **values})
            uow.commit()
        return self.ids[name]

    def contact(self, account: str, first: str, last: str, **values: object) -> str:
        with self.db.unit_of_work() as uow:
            self.ids[f"{first} {last}"] = contacts.create_contact(
                uow, self.ids[account], {"first_name": first, "last_name": last, **values}
            )
            uow.commit()
        return self.ids[f"{first} {last}"]

    def activity(
        self, account: str, subject: str, when: dt.datetime = NOW, **values: object
    ) -> str:
        fields = {"kind": "call", "occurred_at": when, "subject": subject, **values}
        with self.db.unit_of_work() as uow:
            self.ids[subject] = interactions.create_interaction(uow, self.ids[account], fields)
            uow.commit()
        return self.ids[subject]

    def opportunity(self, account: str, title: str, amount_cents: int = 0) -> str:
        with self.db.unit_of_work() as uow:
            stage_id = uow.session.query(Stage.id).scalar()
            if stage_id is None:
                pipeline = Pipeline(name="Ventes")
                uow.session.add(pipeline)
                uow.session.flush()
                stage = Stage(pipeline_id=pipeline.id, name="Proposition", probability=40)
                uow.session.add(stage)
                uow.session.flush()
                stage_id = stage.id
            pipeline_id = uow.session.get(Stage, stage_id).pipeline_id
            opp = Opportunity(
                account_id=self.ids[account],
                title=title,
                pipeline_id=pipeline_id,
                stage_id=stage_id,
                amount_cents=amount_cents,
            )
            uow.session.add(opp)
            uow.commit()
        self.ids[title] = opp.id
        return opp.id

    def delete(self, service_delete, name: str) -> None:  # noqa: ANN001
        with self.db.unit_of_work() as uow:
            service_delete(uow, self.ids[name])
            uow.commit()


@pytest.fixture
def portfolio(db: Database) -> Portfolio:
    p = Portfolio(db)
    p.account("Société Générale", sector="Banque")
    p.account("Michelin", legal_name="Compagnie Générale des Établissements Michelin")
    p.contact("Michelin", "Michel", "Lefèvre", job_title="Directeur des achats")
    p.contact("Société Générale", "Élodie", "Roux", job_title="Directrice financière")
    p.opportunity("Michelin", "Renouvellement du contrat cadre", 15_000_000)
    p.activity("Michelin", "Rendez-vous avec Michel Lefèvre", body="Point sur le contrat cadre")
    return p


@pytest.fixture
def session(db: Database) -> Iterator[SearchSession]:
    with SearchSession(db.path) as s:
        yield s


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portfolio, made once for the module (searches only read it)."""
    from kamdesk.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("search-demo") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, seed=42, today=dt.date(2026, 11, 26))
    db.close()
    return path


@pytest.fixture(scope="module")
def demo_session(demo_path: Path) -> Iterator[SearchSession]:
    with SearchSession(demo_path) as s:
        yield s


def titles(results: SearchResults, kind: str) -> list[str]:
    return [hit.title for hit in results.group(kind).hits]


# -- matching ---------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["societe generale", "SOCIETE GÉNÉRALE", "Société Générale"])
def test_accents_and_case_do_not_matter(portfolio: Portfolio, session, typed: str) -> None:
    results = session.search(typed)
    assert titles(results, "account")[0] == "Société Générale"
    assert results.group("account").hits[0].match == EXACT


def test_prefixes_find_people_and_records(portfolio: Portfolio, session) -> None:
    results = session.search("miche")
    assert titles(results, "contact") == ["Michel Lefèvre"]
    assert "Michelin" in titles(results, "account")
    hit = results.group("contact").hits[0]
    assert hit.account_id == portfolio.ids["Michelin"]
    assert hit.detail == "Directeur des achats"
    assert hit.account_name == "Michelin"
    assert hit.subtitle == "Directeur des achats · Michelin"


def test_a_contact_is_found_by_last_name_without_accents(portfolio: Portfolio, session) -> None:
    results = session.search("lefevre")
    assert titles(results, "contact") == ["Michel Lefèvre"]
    assert results.group("contact").hits[0].match == EXACT
    assert session.search("michel lefevre").group("contact").hits[0].match == EXACT
    assert session.search("lefevre michel").group("contact").hits[0].match == EXACT
    assert titles(session.search("mich lef"), "contact") == ["Michel Lefèvre"]


def test_hyphenated_names_and_references_match_as_phrases(portfolio: Portfolio, session) -> None:
    portfolio.contact("Michelin", "Marc-Antoine", "Durand")
    portfolio.activity("Michelin", "Ticket INC-2026-00062 : capteur muet")
    assert titles(session.search("marc-antoine"), "contact") == ["Marc-Antoine Durand"]
    assert titles(session.search("marc-ant"), "contact") == ["Marc-Antoine Durand"]
    assert titles(session.search("INC-2026-00062"), "activity") == [
        "Ticket INC-2026-00062 : capteur muet"
    ]


def test_every_kind_is_found_with_its_context(portfolio: Portfolio, session) -> None:
    opportunity = session.search("renouvellement").group("opportunity").hits[0]
    assert opportunity.title == "Renouvellement du contrat cadre"
    assert (opportunity.detail, opportunity.amount_cents) == ("Proposition", 15_000_000)
    assert opportunity.account_id == portfolio.ids["Michelin"]
    activity = session.search("rendez").group("activity").hits[0]
    assert activity.title == "Rendez-vous avec Michel Lefèvre"
    assert (activity.detail, activity.when) == ("call", NOW)
    assert activity.subtitle == "2026-11-20 · call · Michelin"
    # the body is searched too
    assert titles(session.search("point contrat"), "activity") == [activity.title]


def test_groups_come_in_a_fixed_order_with_every_kind(portfolio: Portfolio, session) -> None:
    results = session.search("michel")
    assert [g.kind for g in results.groups] == list(KINDS)
    assert [g.kind for g in results.groups if g.hits] == ["account", "contact", "activity"]
    assert [h.kind for h in results.hits] == ["account", "contact", "activity"]
    assert results.text == "michel"
    empty = session.search("introuvable")
    assert not empty and [g.kind for g in empty.groups] == list(KINDS)


# -- ranking ----------------------------------------------------------------------------------


def test_an_exact_account_name_comes_first(db: Database, session) -> None:
    p = Portfolio(db)
    for other in ("Armanthe", "Cimentis", "Fervanne", "Marvelis", "Ostrélia", "Quadrivel"):
        p.account(other)  # bm25 ranks a word only when it is rarer than in half of the rows
    p.account("Laboratoires Vallorex", legal_name="Vallorex Laboratoires")
    p.account("Cliniques Vallorex Sud-Ouest")
    p.account("Vallorex Santé Nord")
    p.account("Vallorex Santé")
    # A long description makes bm25 rank the exact name below "Laboratoires Vallorex".
    p.account("Vallorex", description="Groupe de santé présent dans toute la France " * 8)
    with db.engine.connect() as conn:
        by_bm25 = conn.exec_driver_sql(
            "SELECT a.name FROM accounts_fts JOIN accounts a ON a.rowid = accounts_fts.rowid "
            "WHERE accounts_fts MATCH 'vallorex' ORDER BY bm25(accounts_fts) LIMIT 1"
        ).scalar()
    assert by_bm25 == "Laboratoires Vallorex"

    results = session.search("vallorex")
    assert titles(results, "account")[:3] == [
        "Vallorex",  # exact
        "Vallorex Santé",  # starts with it, shortest first
        "Vallorex Santé Nord",
    ]
    assert set(titles(results, "account")[3:]) == {
        "Laboratoires Vallorex",  # then the other matches by bm25
        "Cliniques Vallorex Sud-Ouest",
    }
    assert [h.match for h in results.group("account").hits] == [EXACT, NAME, NAME, TEXT, TEXT]
    assert titles(session.search("VALLOREX SANTE"), "account")[:2] == [
        "Vallorex Santé",
        "Vallorex Santé Nord",
    ]


def test_an_exact_contact_name_comes_before_longer_names(portfolio: Portfolio, session) -> None:
    portfolio.contact("Michelin", "Martine", "Aubry", job_title="Acheteuse")
    portfolio.contact("Michelin", "Paul", "Martinez")
    portfolio.contact("Michelin", "Léa", "Martin")
    portfolio.contact("Michelin", "Hugo", "Petit", job_title="Martin-pêcheur amateur")
    results = session.search("martin")
    assert titles(results, "contact") == [
        "Léa Martin",
        "Martine Aubry",
        "Paul Martinez",
        "Hugo Petit",
    ]
    assert [h.match for h in results.group("contact").hits] == [EXACT, NAME, NAME, TEXT]


def test_activities_come_newest_first(portfolio: Portfolio, session) -> None:
    for days in (30, 1, 10):
        portfolio.activity("Michelin", f"Atelier qualité J-{days}", NOW - dt.timedelta(days=days))
    found = session.search("atelier").group("activity").hits
    assert [h.title for h in found] == [
        "Atelier qualité J-1",
        "Atelier qualité J-10",
        "Atelier qualité J-30",
    ]


# -- limits and "more" ------------------------------------------------------------------------


def test_more_tells_when_a_group_was_cut(portfolio: Portfolio, db: Database) -> None:
    for n in range(3):
        portfolio.contact("Michelin", f"Agent{n}", "Dupuis")
    with SearchSession(db.path) as s:
        three = s.search("dupuis", per_kind=3).group("contact")
        two = s.search("dupuis", per_kind=2).group("contact")
    assert (len(three.hits), three.more) == (3, False)
    assert (len(two.hits), two.more) == (2, True)


def test_more_counts_name_and_text_matches_together(portfolio: Portfolio, db: Database) -> None:
    portfolio.account("Corvial")
    portfolio.account("Banque Corvial")
    with SearchSession(db.path) as s:
        assert s.search("corvial", per_kind=2).group("account").more is False
        portfolio.account("Corvial Assurances")
        cut = s.search("corvial", per_kind=2).group("account")
    assert [h.title for h in cut.hits] == ["Corvial", "Corvial Assurances"]
    assert cut.more is True


def test_one_character_searches_names_only(portfolio: Portfolio, session) -> None:
    results = session.search("m")
    assert titles(results, "account") == ["Michelin"]
    assert titles(results, "contact") == ["Michel Lefèvre"]
    assert not results.group("opportunity").hits and not results.group("activity").hits
    # "É" folds to "e": Élodie, by her first name
    assert titles(session.search("É"), "contact") == ["Élodie Roux"]


def test_one_character_words_do_not_become_activity_prefixes() -> None:
    assert match_expression(words("jean d"), short_prefixes=False) == '"jean"*'
    assert match_expression(words("l'oréal"), short_prefixes=False) == '"l oréal"*'
    assert match_expression(words("plan a"), short_prefixes=False) == '"plan"*'
    assert match_expression(words("t 2"), short_prefixes=False) is None
    assert match_expression(words("jean d")) == '"jean"* "d"*'


# -- tombstones -------------------------------------------------------------------------------


def test_deleted_records_never_show(portfolio: Portfolio, session) -> None:
    portfolio.contact("Michelin", "Michel", "Dubois")
    portfolio.delete(contacts.delete_contact, "Michel Lefèvre")
    portfolio.delete(interactions.delete_interaction, "Rendez-vous avec Michel Lefèvre")
    results = session.search("michel")
    assert titles(results, "contact") == ["Michel Dubois"]
    assert not results.group("activity").hits
    assert not session.search("lefevre")


def test_a_deleted_account_hides_its_records_too(portfolio: Portfolio, session) -> None:
    portfolio.delete(accounts.delete_account, "Michelin")
    for typed in ("michelin", "michel", "renouvellement", "rendez", "m"):
        assert not session.search(typed), typed
    assert titles(session.search("generale"), "account") == ["Société Générale"]


# -- hostile input ----------------------------------------------------------------------------

NASTY = [
    "",
    "   ",
    "\t\n",
    '"',
    '""',
    "'",
    "michel'",
    '"michel',
    "AND",
    "OR",
    "NOT",
    "michel AND",
    "OR michel",
    "NOT michel",
    "michel NOT lefevre",
    "NEAR(",
    "NEAR(michel lefevre, 2)",
    "*",
    "mich*",
    "**",
    "-",
    "-michel",
    "michel -lefevre",
    "(",
    ")",
    "(michel",
    "michel)",
    "((()",
    "col:val",
    "first_name:michel",
    "{first_name}: michel",
    "^x",
    "^michel",
    "+",
    "a + b",
    "😀",
    "michel 😀",
    "👨‍👩‍👧",
    "%",
    "_",
    "\\",
    "'; DROP TABLE accounts; --",
    "\x00",
    "\u0301",
    "ß",
    "ǅ",
    "٣",
    "ℌ",
    "x" * 2000,
]


@pytest.mark.parametrize("typed", NASTY, ids=[repr(t)[:24] for t in NASTY])
def test_any_input_is_safe(demo_session: SearchSession, typed: str) -> None:
    results = demo_session.search(typed)
    assert [g.kind for g in results.groups] == list(KINDS)


def test_random_input_never_raises(demo_session: SearchSession) -> None:
    rng = random.Random(20261126)
    alphabet = list("\"'()*^:+-{}[],.;@_ \t") + list("abcémiĉ0123") + ["AND", "OR", "NOT", "NEAR"]
    alphabet += ["😀", "\u0301", "ß", "ﬁ", "İ"]
    for _ in range(300):
        typed = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        demo_session.search(typed)


def test_search_also_takes_a_sqlalchemy_connection(portfolio: Portfolio, db: Database) -> None:
    with db.engine.connect() as conn:
        assert titles(search(conn, "michelin"), "account") == ["Michelin"]


# -- the session and cancellation -------------------------------------------------------------


def test_the_session_connection_is_read_only(db: Database, session) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        session.connection.execute("DELETE FROM accounts")


def test_cancel_interrupts_a_running_query(portfolio: Portfolio, session) -> None:
    entered, cancelled = threading.Event(), threading.Event()

    def hold_until_cancelled() -> int:
        # Called by SQLite inside the search's first query: wait there until cancel() ran.
        entered.set()
        cancelled.wait(10)
        return 0  # "go on": SQLite then sees the interrupt and stops the query

    session.connection.set_progress_handler(hold_until_cancelled, 1)
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(session.search("michel"))
        except SearchCancelled as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    assert entered.wait(10)
    session.cancel()
    cancelled.set()
    worker.join(10)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], SearchCancelled)

    session.connection.set_progress_handler(None, 1)
    assert titles(session.search("michel"), "contact") == ["Michel Lefèvre"]


def test_a_cancel_between_two_queries_stops_the_search(portfolio: Portfolio, db: Database) -> None:
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 1  # after the first query

    with db.engine.connect() as conn, pytest.raises(SearchCancelled):
        search(conn, "michel", is_cancelled=cancelled)


def test_a_cancel_while_idle_does_not_cancel_the_next_search(portfolio: Portfolio, session) -> None:
    session.cancel()
    assert titles(session.search("michelin"), "account") == ["Michelin"]


# -- on the demo portfolio -----------------------------------------------------------------


def test_demo_names_are_found_without_accents(demo_session: SearchSession) -> None:
    for typed, kind, expected in [
        ("helio composites", "account", "Hélio Composites"),
        ("ostrelia", "account", "Ostrélia Télécom"),
        ("elodie roux", "contact", "Élodie Roux"),
    ]:
        hits = demo_session.search(typed).group(kind).hits
        assert hits and hits[0].title == expected, typed


@pytest.mark.parametrize("typed", ["re", "a", "de la", "projet", "client", "NEAR(", '"'])
def test_common_terms_fill_every_group_without_error(
    demo_session: SearchSession, typed: str
) -> None:
    results = demo_session.search(typed)
    for group in results.groups:
        assert len(group.hits) <= 8
        assert group.more is False or len(group.hits) == 8
        assert len({h.id for h in group.hits}) == len(group.hits)
