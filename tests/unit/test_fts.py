"""Full-text search (FTS5): accent-insensitive, prefix, kept current by triggers, safe queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from kamdesk.db import Database, fts
from kamdesk.models import Account, Contact, Interaction


def search(db: Database, fts_table: str, user_text: str) -> list[int]:
    query = fts.match_expression(user_text)
    if query is None:
        return []
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :q ORDER BY rowid"),
            {"q": query},
        )
        return [r[0] for r in rows]


def rowid(db: Database, table: str, row_id: str) -> int:
    with db.engine.connect() as conn:
        return conn.execute(
            text(f"SELECT rowid FROM {table} WHERE id = :id"), {"id": row_id}
        ).scalar_one()


def add(db: Database, *objects: object) -> None:
    with db.unit_of_work() as uow:
        uow.session.add_all(objects)
        uow.commit()


@pytest.fixture
def accounts(db: Database) -> dict[str, Account]:
    made = {
        "sg": Account(name="Société Générale", sector="Banque"),
        "michelin": Account(name="Michelin", legal_name="Compagnie Générale des Établissements"),
        "orange": Account(name="Orange", description="Opérateur télécom, fibre et 5G"),
    }
    add(db, *made.values())
    return made


def test_accent_insensitive_account_search(db: Database, accounts: dict[str, Account]) -> None:
    sg = rowid(db, "accounts", accounts["sg"].id)
    assert search(db, "accounts_fts", "societe generale") == [sg]
    assert search(db, "accounts_fts", "SOCIÉTÉ") == [sg]
    assert search(db, "accounts_fts", "Société Générale") == [sg]


def test_every_word_must_match(db: Database, accounts: dict[str, Account]) -> None:
    michelin = rowid(db, "accounts", accounts["michelin"].id)
    sg = rowid(db, "accounts", accounts["sg"].id)
    assert sorted(search(db, "accounts_fts", "generale")) == sorted([sg, michelin])
    assert search(db, "accounts_fts", "generale etablissements") == [michelin]
    assert search(db, "accounts_fts", "generale nowhere") == []


def test_indexed_columns_other_than_name(db: Database, accounts: dict[str, Account]) -> None:
    orange = rowid(db, "accounts", accounts["orange"].id)
    assert search(db, "accounts_fts", "telecom") == [orange]
    assert search(db, "accounts_fts", "5g") == [orange]
    assert search(db, "accounts_fts", "banque") == [rowid(db, "accounts", accounts["sg"].id)]


def test_prefix_finds_contact(db: Database, accounts: dict[str, Account]) -> None:
    michel = Contact(
        account_id=accounts["orange"].id,
        first_name="Michel",
        last_name="Lefèvre",
        job_title="Directeur des achats",
        email="michel.lefevre@orange.example",
    )
    other = Contact(account_id=accounts["orange"].id, first_name="Anne", last_name="Michaud")
    add(db, michel, other)
    michel_rowid = rowid(db, "contacts", michel.id)
    assert search(db, "contacts_fts", "miche") == [michel_rowid]
    assert search(db, "contacts_fts", "lefev") == [michel_rowid]
    assert search(db, "contacts_fts", "achat") == [michel_rowid]
    assert sorted(search(db, "contacts_fts", "mich")) == sorted(
        [michel_rowid, rowid(db, "contacts", other.id)]
    )


def test_hyphenated_names_and_apostrophes_are_found(
    db: Database, accounts: dict[str, Account]
) -> None:
    marc = Contact(account_id=accounts["orange"].id, first_name="Marc-Antoine", last_name="L'Hôte")
    add(db, marc)
    marc_rowid = rowid(db, "contacts", marc.id)
    assert search(db, "contacts_fts", "Marc-Antoine") == [marc_rowid]
    assert search(db, "contacts_fts", "marc-ant") == [marc_rowid]
    assert search(db, "contacts_fts", "l'hote") == [marc_rowid]


def test_update_of_an_indexed_column_reindexes(db: Database, accounts: dict[str, Account]) -> None:
    orange = rowid(db, "accounts", accounts["orange"].id)
    with db.unit_of_work() as uow:
        uow.session.get(Account, accounts["orange"].id).name = "Orange Business Services"
        uow.commit()
    assert search(db, "accounts_fts", "business") == [orange]
    assert search(db, "accounts_fts", "orange") == [orange]

    with db.unit_of_work() as uow:
        uow.session.get(Account, accounts["orange"].id).name = "Ora Telecom"
        uow.commit()
    assert search(db, "accounts_fts", "business") == []  # the old name no longer matches
    assert search(db, "accounts_fts", "ora") == [orange]


def test_update_of_an_unindexed_column_keeps_the_index(
    db: Database, accounts: dict[str, Account]
) -> None:
    sg = rowid(db, "accounts", accounts["sg"].id)
    with db.unit_of_work() as uow:
        uow.session.get(Account, accounts["sg"].id).tier = "grand compte"
        uow.commit()
    assert search(db, "accounts_fts", "societe") == [sg]
    with db.engine.connect() as conn:
        check = conn.exec_driver_sql(
            "INSERT INTO accounts_fts(accounts_fts, rank) VALUES ('integrity-check', 1)"
        )
        check.close()


def test_soft_deleted_rows_stay_indexed(db: Database, accounts: dict[str, Account]) -> None:
    sg = rowid(db, "accounts", accounts["sg"].id)
    with db.unit_of_work() as uow:
        uow.session.get(Account, accounts["sg"].id).deleted_at = dt.datetime.now(dt.UTC)
        uow.commit()
    # Searches join the source table and skip tombstones; a restore needs no reindex.
    assert search(db, "accounts_fts", "societe") == [sg]


def test_interactions_are_indexed(db: Database, accounts: dict[str, Account]) -> None:
    meeting = Interaction(
        kind="meeting",
        occurred_at=dt.datetime(2026, 2, 3, 14, 0, tzinfo=dt.UTC),
        subject="Revue d'affaires trimestrielle",
        body="Renouvellement du contrat cadre évoqué ; décision en mars.",
        account_id=accounts["orange"].id,
    )
    add(db, meeting)
    found = [rowid(db, "interactions", meeting.id)]
    assert search(db, "interactions_fts", "renouvellement") == found
    assert search(db, "interactions_fts", "decision mars") == found
    assert search(db, "interactions_fts", "trimestriel") == found


def test_an_emails_timeline_copy_is_left_out_of_the_index_even_after_a_rebuild(
    db: Database, accounts: dict[str, Account]
) -> None:
    """Activities that repeat a linked email are not indexed; the email itself is."""
    from kamdesk.models import Email

    email = Email(subject="Offre fibre", text="Tarif dégressif", raw_sha256="0" * 64)
    add(db, email)
    copy = Interaction(
        kind="email",
        occurred_at=dt.datetime(2026, 2, 3, 14, 0, tzinfo=dt.UTC),
        subject="Offre fibre",
        body="Tarif dégressif",
        account_id=accounts["orange"].id,
        email_id=email.id,
    )
    add(db, copy)
    assert search(db, "interactions_fts", "degressif") == []
    assert search(db, "emails_fts", "degressif") == [rowid(db, "emails", email.id)]
    copy_row = rowid(db, "interactions", copy.id)
    # Unlinked from its email, it becomes an activity of its own (and indexed); linked again,
    # it leaves the index — with a full rebuild in between, triggers and index still agree.
    for linked, expected in ((None, [copy_row]), (email.id, [])):
        with db.unit_of_work() as uow:
            row = uow.session.get(Interaction, copy.id)
            assert row is not None
            row.email_id = linked
            uow.commit()
        assert search(db, "interactions_fts", "degressif") == expected
        with db.engine.begin() as conn:
            fts.install(conn)
            # The index's own consistency (not its match with every content row, which a
            # filtered index does not have by design).
            check = "INSERT INTO interactions_fts(interactions_fts) VALUES ('integrity-check')"
            conn.execute(text(check))
        assert search(db, "interactions_fts", "degressif") == expected


def test_install_rebuilds_the_index(db: Database, accounts: dict[str, Account]) -> None:
    sg = rowid(db, "accounts", accounts["sg"].id)
    with db.engine.begin() as conn:
        fts.uninstall(conn)
    with db.engine.begin() as conn:
        fts.install(conn)
    assert search(db, "accounts_fts", "societe") == [sg]


def test_fts_table_names_cover_the_shadow_tables(db: Database) -> None:
    with db.engine.connect() as conn:
        names = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_fts%' "
                "ESCAPE '\\'"
            )
        }
    assert names
    assert names <= fts.fts_table_names()


# -- match_expression never lets user input reach FTS5 syntax -----------------------------------

NASTY_INPUTS = [
    '"',
    '""',
    "'",
    "''",
    '"unterminated',
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "NOT NOT",
    "a OR OR b",
    "*",
    "**",
    "a*",
    "*a",
    "(",
    ")",
    "()",
    "(a",
    "a)",
    "-foo",
    "--",
    "foo-bar",
    "+",
    'a"b',
    'say "hello" world',
    "NEAR(",
    "NEAR(a b, 2)",
    "NEAR",
    "😀",
    "🇫🇷 Orange",
    "caf\u00e9 cafe\u0301",  # precomposed and combining accents
    "",
    "   ",
    "\t\n",
    "!@#$%^&*()_+-=[]{}|;:,.<>?/~`",
    "...",
    "@",
    "_",
    "col:val",
    "name:Orange",
    "{name legal_name}: x",
    "^x",
    "^",
    "a.b",
    "jean.dupont@orange.fr",
    "l'Oréal",
    "x" * 500,
    "\x00",
    "a\x00b",
    "%",
    "a%b_c",
    "\\",
    "Ωmega ǅ ℌ ²",
    "١٢٣",  # Arabic-Indic digits
    "中文 検索",
]


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for the many read-only queries below (a file per case would be slow)."""
    database = Database.open(tmp_path_factory.mktemp("fts") / "kamdesk.sqlite", create=True)
    add(database, Account(name="Société Générale", description="banque, l'Oréal, 5G"))
    try:
        yield database
    finally:
        database.close()


@pytest.mark.parametrize("user_text", NASTY_INPUTS)
def test_match_expression_never_raises_an_fts_syntax_error(
    shared_db: Database, user_text: str
) -> None:
    query = fts.match_expression(user_text)
    if query is None:
        return  # nothing searchable: the caller skips the search
    assert isinstance(query, str) and query
    with shared_db.engine.connect() as conn:
        for src in fts.SOURCES:
            conn.execute(
                text(f"SELECT rowid FROM {src.fts_table} WHERE {src.fts_table} MATCH :q"),
                {"q": query},
            ).all()


@pytest.mark.parametrize("user_text", ["", "   ", "😀", "...", "@", "()", "*", '"'])
def test_match_expression_gives_none_when_nothing_is_searchable(user_text: str) -> None:
    assert fts.match_expression(user_text) is None


def test_operators_are_searched_as_words(db: Database) -> None:
    """``NOT`` typed by the user is a word to find, not an operator."""
    account = Account(name="Not Only Software")
    add(db, account)
    assert search(db, "accounts_fts", "not only") == [rowid(db, "accounts", account.id)]
    assert search(db, "accounts_fts", "software NOT") == [rowid(db, "accounts", account.id)]
