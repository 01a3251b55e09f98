"""Data at scale (``kamdesk demo --scale``): exact volumes, valid keys, the schema and the
full-text index rebuilt after the bulk load, realistic skew, reproducibility, and the services
still working on it. Real SQLite files; a tiny custom scale and the ``kam`` scale."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import sqlite3
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, func, select, text

from kamdesk.cli import main
from kamdesk.db import Database, fts
from kamdesk.demo import DemoSummary
from kamdesk.demo.scale import SCALES, TABLES, Scale, generate_scaled
from kamdesk.models import Account, Base, Interaction, InteractionContact, OutboxEntry, User
from kamdesk.services.account_view import TIMELINE_PAGE, load_account_360
from kamdesk.services.accounts import list_accounts

TODAY = dt.date(2026, 5, 20)
TINY = Scale("tiny", accounts=30, contacts=300, opportunities=100, interactions=5_000)
CASES = {"tiny": TINY, "kam": SCALES["kam"]}


@dataclass(frozen=True)
class Generated:
    db: Database
    path: Path
    scale: Scale
    summary: DemoSummary


def _generate(path: Path, scale: Scale, seed: int = 42) -> tuple[Database, DemoSummary]:
    db = Database.open(path, create=True)
    return db, generate_scaled(db, scale, seed=seed, today=TODAY)


@pytest.fixture(scope="module", params=sorted(CASES))
def scaled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Generated]:
    scale = CASES[request.param]
    path = tmp_path_factory.mktemp("scale") / f"{scale.name}.sqlite"
    db, summary = _generate(path, scale)
    yield Generated(db, path, scale, summary)
    db.close()


@pytest.fixture
def copy(scaled: Generated, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the generated database, for tests that write to it."""
    target = tmp_path / "copy.sqlite"
    src, dst = sqlite3.connect(scaled.path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    db = Database.open(target)
    try:
        yield db
    finally:
        db.close()


def _scalar(db: Database, sql: str, **params: Any) -> Any:
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _all(db: Database, sql: str, **params: Any) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(sql), params).all())


# -- volumes and validity -------------------------------------------------------------------------


def test_requested_counts_are_exact(scaled: Generated) -> None:
    s, scale = scaled.summary, scaled.scale
    assert (s.accounts, s.contacts, s.opportunities, s.interactions) == (
        scale.accounts,
        scale.contacts,
        scale.opportunities,
        scale.interactions,
    )
    assert s.users == scale.kams + scale.managers + 1
    for field in dataclasses.fields(DemoSummary):
        stored = _scalar(scaled.db, f"SELECT count(*) FROM {field.name}")
        assert stored == getattr(s, field.name), field.name
        assert stored > 0, field.name


def test_every_table_of_the_model_is_filled_except_mail_and_attachments(scaled: Generated) -> None:
    written = set(TABLES)
    assert written == {f.name for f in dataclasses.fields(DemoSummary)}
    assert _scalar(scaled.db, "SELECT count(*) FROM outbox") == 0  # demo data never syncs
    assert _scalar(scaled.db, "SELECT count(*) FROM emails") == 0


def test_foreign_keys_hold_and_the_file_is_sound(scaled: Generated) -> None:
    assert _all(scaled.db, "PRAGMA foreign_key_check") == []
    assert _all(scaled.db, "PRAGMA integrity_check") == [("ok",)]
    assert _scalar(scaled.db, "PRAGMA journal_mode") == "wal"  # restored after the load


def _encoders(conn: Connection, table: str) -> dict[str, tuple[Any, Any]]:
    dialect = conn.dialect
    coders = {}
    for col in Base.metadata.tables[table].columns:
        impl = col.type.dialect_impl(dialect)
        bind, result = impl.bind_processor(dialect), impl.result_processor(dialect, None)
        if bind or result:
            coders[col.name] = (bind or (lambda v: v), result or (lambda v: v))
    return coders


def test_values_are_stored_exactly_as_the_orm_stores_them(scaled: Generated) -> None:
    """Core inserts bypass the types: decoding then re-encoding any stored value is a no-op."""
    with scaled.db.engine.connect() as conn:
        for table in TABLES:
            coders = _encoders(conn, table)
            rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY random() LIMIT 300"))
            for row in rows.mappings():
                for name, (bind, result) in coders.items():
                    stored = row[name]
                    if stored is not None:
                        assert bind(result(stored)) == stored, (table, name, stored)
    with scaled.db.read() as session:  # and the ORM reads every row back
        for table in ("accounts", "contacts", "opportunities", "invoices", "tickets", "tasks"):
            model = next(m.class_ for m in Base.registry.mappers if m.local_table.name == table)
            assert len(session.scalars(select(model)).all()) == getattr(scaled.summary, table)


def test_every_index_of_the_model_is_back(scaled: Generated) -> None:
    expected = {str(ix.name): ix for table in Base.metadata.tables.values() for ix in table.indexes}
    stored = dict(_all(scaled.db, "SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    assert set(expected) <= set(stored)
    partial = stored["ix_interactions_account_last_contact"]
    assert "WHERE kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL" in partial


def test_the_schema_still_matches_the_migrations(scaled: Generated) -> None:
    hidden = fts.fts_table_names()

    def include(_obj: Any, name: str | None, type_: str, *_: Any) -> bool:
        return not (type_ == "table" and name in hidden)

    with scaled.db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        assert compare_metadata(context, Base.metadata) == []


# -- full-text search -----------------------------------------------------------------------------


def _tokens(value: str | None) -> set[str]:
    """What FTS5 ``unicode61 remove_diacritics 2`` makes of a text (close enough for words)."""
    plain = unicodedata.normalize("NFKD", (value or "").lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return set(re.findall(r"[^\W_]+", plain))


def test_the_full_text_index_matches_the_tables(scaled: Generated) -> None:
    db = scaled.db
    for source in fts.SOURCES:
        table, index = source.table, source.fts_table
        assert _scalar(db, f"SELECT count(*) FROM {index}") == _scalar(
            db, f"SELECT count(*) FROM {table}"
        )
        with db.engine.begin() as conn:  # FTS5 compares its index with the content table
            conn.execute(text(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)"))


@pytest.mark.parametrize("word", ["facture", "comité", "passerelle"])
def test_a_word_finds_exactly_the_interactions_that_contain_it(
    scaled: Generated, word: str
) -> None:
    rows = _all(scaled.db, "SELECT rowid, subject, body FROM interactions")
    (wanted,) = _tokens(word)
    expected = {
        rowid for rowid, subject, body in rows if wanted in _tokens(subject) | _tokens(body)
    }
    found = {
        rowid
        for (rowid,) in _all(
            scaled.db,
            "SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH :q",
            q=f'"{word}"',
        )
    }
    assert expected
    assert found == expected


def test_a_ticket_number_finds_its_ticket_entry(scaled: Generated) -> None:
    number = _scalar(scaled.db, "SELECT number FROM tickets ORDER BY opened_at DESC LIMIT 1")
    phrase = '"' + number.replace("-", " ") + '"'
    found = _all(
        scaled.db,
        "SELECT i.kind, i.subject FROM interactions_fts f JOIN interactions i ON i.rowid = f.rowid "
        "WHERE interactions_fts MATCH :q",
        q=phrase,
    )
    assert [kind for kind, _ in found] == ["ticket"]
    assert number in found[0][1]


def test_triggers_are_back_new_rows_are_indexed(copy: Database) -> None:
    with copy.unit_of_work() as uow:
        account = Account(name="Zorglub Aéronautique")
        uow.session.add(account)
        uow.session.flush()
        uow.session.add(
            Interaction(
                kind="note", occurred_at=dt.datetime.now(dt.UTC), subject="Réunion xylophone",
                account_id=account.id,
            )
        )  # fmt: skip
        uow.commit()
    for table, word in (("accounts", "aeronautique"), ("interactions", "xylophone")):
        hits = _scalar(
            copy,
            f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q",
            q=fts.match_expression(word),
        )
        assert hits == 1, table


# -- shape ----------------------------------------------------------------------------------------


def test_reporting_lines_are_trees_within_each_account(scaled: Generated) -> None:
    rows = _all(scaled.db, "SELECT id, account_id, reports_to_id FROM contacts")
    account_of = {cid: account for cid, account, _ in rows}
    manager_of = {cid: manager for cid, _, manager in rows}
    roots = 0
    for cid, account, manager in rows:
        if manager is None:
            roots += 1
            continue
        assert account_of[manager] == account
        seen = {cid}
        while manager is not None:
            assert manager not in seen, "reporting cycle"
            seen.add(manager)
            manager = manager_of[manager]
    assert roots == scaled.scale.accounts  # one CEO per account


def test_groups_have_subsidiaries(scaled: Generated) -> None:
    rows = _all(scaled.db, "SELECT id, parent_id FROM accounts")
    parents = {parent for _, parent in rows if parent}
    children = [cid for cid, parent in rows if parent]
    assert parents and children
    assert not parents & set(children)  # one level: a group is nobody's subsidiary
    assert len(children) == max(len(parents), round(scaled.scale.accounts * 0.10))


def test_a_few_huge_accounts_and_many_small_ones(scaled: Generated) -> None:
    sizes = [n for (n,) in _all(scaled.db, "SELECT count(*) FROM interactions GROUP BY account_id")]
    assert len(sizes) == scaled.scale.accounts
    assert max(sizes) >= 10 * statistics.median(sizes)
    contacts = [n for (n,) in _all(scaled.db, "SELECT count(*) FROM contacts GROUP BY account_id")]
    assert max(contacts) >= 3 * statistics.median(contacts)


def test_interactions_have_one_to_three_contacts_and_mixed_kinds(scaled: Generated) -> None:
    per = _all(
        scaled.db,
        "SELECT min(n), max(n), count(*) FROM (SELECT count(ic.id) AS n FROM interactions i "
        "LEFT JOIN interaction_contacts ic ON ic.interaction_id = i.id GROUP BY i.id)",
    )
    assert per == [(1, 3, scaled.scale.interactions)]
    kinds = dict(_all(scaled.db, "SELECT kind, count(*) FROM interactions GROUP BY kind"))
    assert set(kinds) == {"call", "meeting", "email", "note", "quote_sent", "invoice", "ticket"}
    # Every interaction's contacts belong to its account.
    assert not _all(
        scaled.db,
        "SELECT 1 FROM interaction_contacts ic JOIN interactions i ON i.id = ic.interaction_id "
        "JOIN contacts c ON c.id = ic.contact_id WHERE c.account_id != i.account_id LIMIT 1",
    )


def test_history_spans_years_and_grows_denser(scaled: Generated) -> None:
    first, last = _all(scaled.db, "SELECT min(occurred_at), max(occurred_at) FROM interactions")[0]
    assert first < f"{TODAY.year - 4}"
    assert last < TODAY.isoformat()
    per_year = dict(
        _all(scaled.db, "SELECT substr(occurred_at, 1, 4), count(*) FROM interactions GROUP BY 1")
    )
    assert per_year[str(TODAY.year - 1)] > per_year[str(TODAY.year - 4)]
    invoice_years = _all(
        scaled.db,
        "SELECT min(julianday(max_day) - julianday(min_day)) / 365, "
        "max(julianday(max_day) - julianday(min_day)) / 365 FROM "
        "(SELECT min(issued_on) AS min_day, max(issued_on) AS max_day FROM invoices "
        "GROUP BY account_id)",
    )[0]
    assert invoice_years[0] >= 1.5 and invoice_years[1] <= 5.01  # two to five years of invoices


def test_revenue_follows_account_size(scaled: Generated) -> None:
    rows = _all(
        scaled.db,
        "SELECT sum(amount_cents) FROM invoices WHERE issued_on >= :since "
        "GROUP BY account_id ORDER BY 1 DESC",
        since=(TODAY - dt.timedelta(days=365)).isoformat(),
    )
    revenue = [r for (r,) in rows]
    assert revenue[0] >= 5 * statistics.median(revenue)
    assert revenue[0] / sum(revenue) < 0.6  # big, yet not the whole business


def test_the_current_user_is_a_kam(scaled: Generated) -> None:
    me = scaled.db.get_setting("current_user_id")
    with scaled.db.read() as session:
        user = session.get(User, me)
        assert user is not None and user.role == "kam"
        managers = session.scalar(select(func.count()).where(User.role == "manager"))
        assert managers == scaled.scale.managers


# -- reproducibility and refusal ------------------------------------------------------------------


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}
    finally:
        conn.close()


def test_same_seed_same_rows_other_seed_other_rows(tmp_path: Path) -> None:
    small = dataclasses.replace(TINY, interactions=2_000)
    dumps = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        db, _ = _generate(tmp_path / f"{name}.sqlite", small, seed)
        db.close()
        dumps.append(_dump(tmp_path / f"{name}.sqlite"))
    assert dumps[0] == dumps[1]  # ids, times and texts alike
    assert dumps[0]["accounts"] != dumps[2]["accounts"]
    assert dumps[0]["interactions"] != dumps[2]["interactions"]


def test_a_database_that_is_not_empty_is_refused_and_left_intact(copy: Database) -> None:
    before = _scalar(copy, "SELECT count(*) FROM interactions")
    with pytest.raises(ValueError, match="not empty"):
        generate_scaled(copy, TINY, today=TODAY)
    assert _scalar(copy, "SELECT count(*) FROM interactions") == before
    assert _scalar(copy, "SELECT count(*) FROM interactions_fts") == before


def test_bad_scales_are_refused(db: Database) -> None:
    with pytest.raises(ValueError, match="unknown scale"):
        generate_scaled(db, "galaxy")
    with pytest.raises(ValueError):
        Scale("x", accounts=10, contacts=5, opportunities=0, interactions=0)
    with pytest.raises(ValueError):
        Scale("x", accounts=10, contacts=20, opportunities=0, interactions=0, owner_kams=99)


def test_an_error_during_the_load_rolls_everything_back(db: Database, monkeypatch) -> None:
    from kamdesk.demo import scale as scale_module

    def broken(*_: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(scale_module, "write_timeline", broken)
    with pytest.raises(RuntimeError, match="on fire"):
        generate_scaled(db, TINY, today=TODAY)
    assert _scalar(db, "SELECT count(*) FROM accounts") == 0
    assert _scalar(db, "PRAGMA journal_mode") == "wal"
    names = {n for (n,) in _all(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_interactions_account_last_contact" in names
    assert {"interactions_fts", "accounts_fts"} <= {
        n for (n,) in _all(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    monkeypatch.undo()
    summary = generate_scaled(db, TINY, today=TODAY)  # and the database is still usable
    assert summary.accounts == TINY.accounts


# -- the services on it ---------------------------------------------------------------------------


def test_the_account_list_and_the_360_view_work(scaled: Generated) -> None:
    with scaled.db.read() as session:
        rows = list_accounts(session, today=TODAY)
        assert len(rows) == scaled.scale.accounts
        assert all(r.owner for r in rows)
        assert sum(1 for r in rows if r.parent) == sum(1 for r in rows if r.parent_id)
        assert max(r.revenue_year_cents for r in rows) > 0
        biggest, count = _all(
            scaled.db,
            "SELECT account_id, count(*) FROM interactions GROUP BY account_id "
            "ORDER BY 2 DESC LIMIT 1",
        )[0]
        view = load_account_360(session, biggest, scaled.db.blob_dir, today=TODAY)
    assert view.timeline_total == count
    assert len(view.timeline) == min(count, TIMELINE_PAGE)
    assert view.contacts and view.opportunities and view.documents and view.sites
    assert view.header.revenue_year_cents > 0
    assert view.header.last_contact_at is not None


def test_interaction_contacts_point_to_live_people(scaled: Generated) -> None:
    """Nobody takes part in an interaction before being known or after leaving."""
    with scaled.db.read() as session:
        late = session.execute(
            select(func.count())
            .select_from(InteractionContact)
            .join(Interaction, Interaction.id == InteractionContact.interaction_id)
            .where(
                text(
                    "EXISTS (SELECT 1 FROM contacts c WHERE c.id = interaction_contacts.contact_id "
                    "AND (c.created_at > interactions.occurred_at OR "
                    "(c.left_at IS NOT NULL AND c.left_at <= substr(interactions.occurred_at, 1, 10))))"
                )
            )
        ).scalar()
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    assert late == 0


# -- command line ---------------------------------------------------------------------------------


def test_cli_generates_the_kam_scale_with_progress(tmp_path: Path, capsys) -> None:
    path = tmp_path / "kam.sqlite"
    assert main(["--db", str(path), "demo", "--scale", "kam", "--seed", "3"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"kam scale data written to {path}: ")
    assert "20000 interactions" in out and "10 accounts" in out
    assert "interactions" in err and "full-text index" in err  # one line per table
    assert main(["--db", str(path), "demo", "--scale", "kam"]) == 1
    assert "not empty" in capsys.readouterr().err


def test_cli_plain_demo_is_unchanged_and_bad_scales_are_usage_errors(
    tmp_path: Path, capsys
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(tmp_path / "x.sqlite"), "demo", "--scale", "galaxy"])
    assert exc.value.code == 2
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "d.sqlite"), "demo", "--scale", "demo"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("demo portfolio written to") and err == ""
