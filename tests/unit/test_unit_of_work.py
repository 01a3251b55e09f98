"""The unit of work: HLC/updated_at stamping, the outbox row in the same transaction, Changes."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kamdesk.db import Changes, Database
from kamdesk.hlc import Timestamp
from kamdesk.models import Account, Contact, OutboxEntry


class Boom(Exception):
    pass


def outbox(db: Database) -> list[OutboxEntry]:
    with db.read() as session:
        entries = list(session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))
        session.expunge_all()  # keep them readable after db.read() rolls back
        return entries


def count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


def raw_row(db: Database, table: str, row_id: str) -> dict | None:
    with db.engine.connect() as conn:
        row = conn.execute(text(f"SELECT * FROM {table} WHERE id = :id"), {"id": row_id})
        found = row.mappings().first()
        return dict(found) if found else None


def add_account(db: Database, name: str = "Michelin", **values: object) -> Account:
    with db.unit_of_work() as uow:
        account = Account(name=name, **values)
        uow.session.add(account)
        uow.commit()
    return account


# -- insert -------------------------------------------------------------------------------------


def test_insert_writes_one_outbox_row_with_every_field(db: Database) -> None:
    with db.unit_of_work() as uow:
        account = Account(name="Renault", sector="Automobile")
        uow.session.add(account)
        changes = uow.commit()

    entries = outbox(db)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.op == "insert"
    assert entry.table_name == "accounts"
    assert entry.row_id == account.id
    assert entry.base_hlc is None
    assert entry.hlc == account.hlc
    assert uuid.UUID(entry.mutation_id).version == 7

    columns = {attr.key for attr in inspect(Account).column_attrs}
    assert set(entry.fields) == columns
    assert entry.fields["name"] == "Renault"
    assert entry.fields["sector"] == "Automobile"
    assert entry.fields["id"] == account.id
    assert entry.fields["hlc"] == account.hlc
    # Column defaults are applied before the INSERT, so the outbox carries them too.
    assert entry.fields["email_domains"] == []
    assert entry.fields["custom_fields"] == {}
    assert entry.fields["tier"] == "standard"
    assert entry.fields["strategic_reference"] == 0
    assert entry.fields["legal_name"] is None
    assert entry.fields["deleted_at"] is None
    # Timestamps travel as the same ISO-8601 UTC text the database stores.
    row = raw_row(db, "accounts", account.id)
    assert row is not None
    assert entry.fields["created_at"] == row["created_at"]
    assert entry.fields["updated_at"] == row["updated_at"]
    assert row["created_at"].endswith("Z")
    assert row["hlc"] == account.hlc
    assert row["email_domains"] == "[]"

    assert changes.rows == {"accounts": {account.id: "insert"}}


def test_insert_stamps_hlc_from_the_database_clock(db: Database) -> None:
    account = add_account(db)
    stamp = Timestamp.parse(account.hlc)
    assert stamp.node == db.node_id
    assert account.created_at.tzinfo is not None
    assert account.updated_at == account.created_at


def test_insert_keeps_an_explicit_id(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.session.add(Account(id="01900000-0000-7000-8000-000000000001", name="Orange"))
        changes = uow.commit()
    assert changes.ids("accounts") == {"01900000-0000-7000-8000-000000000001"}
    assert outbox(db)[0].row_id == "01900000-0000-7000-8000-000000000001"


# -- update / delete / restore ------------------------------------------------------------------


def test_update_writes_only_the_changed_fields_with_base_hlc(db: Database) -> None:
    account = add_account(db, "Michelin")
    first_hlc = account.hlc
    first_updated = account.updated_at

    with db.unit_of_work() as uow:
        loaded = uow.session.get(Account, account.id)
        assert loaded is not None
        loaded.name = "Michelin SCA"
        loaded.renewal_date = dt.date(2027, 1, 31)
        changes = uow.commit()
        new_hlc = loaded.hlc
        new_updated = loaded.updated_at

    entries = outbox(db)
    assert [e.op for e in entries] == ["insert", "update"]
    update = entries[1]
    assert update.fields == {"name": "Michelin SCA", "renewal_date": "2027-01-31"}
    assert update.base_hlc == first_hlc
    assert update.hlc == new_hlc
    assert new_hlc > first_hlc
    assert new_updated >= first_updated
    assert update.row_id == account.id
    assert raw_row(db, "accounts", account.id)["hlc"] == new_hlc
    assert changes.rows == {"accounts": {account.id: "update"}}


def test_successive_updates_chain_their_base_hlc(db: Database) -> None:
    account = add_account(db)
    for sector in ("Pneus", "Mobilité", "Industrie"):
        with db.unit_of_work() as uow:
            uow.session.get(Account, account.id).sector = sector
            uow.commit()
    entries = outbox(db)
    assert [e.op for e in entries] == ["insert", "update", "update", "update"]
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.base_hlc == before.hlc
        assert after.hlc > before.hlc


def test_setting_a_field_to_its_current_value_writes_nothing(db: Database) -> None:
    account = add_account(db, "Orange")
    with db.unit_of_work() as uow:
        loaded = uow.session.get(Account, account.id)
        loaded.name = "Orange"
        changes = uow.commit()
        assert loaded.hlc == account.hlc
    assert not changes
    assert len(outbox(db)) == 1


def test_soft_delete_then_restore(db: Database) -> None:
    account = add_account(db, "Thales")
    when = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)

    with db.unit_of_work() as uow:
        uow.session.get(Account, account.id).deleted_at = when
        deleted = uow.commit()
    with db.unit_of_work() as uow:
        uow.session.get(Account, account.id).deleted_at = None
        restored = uow.commit()

    assert deleted.rows == {"accounts": {account.id: "delete"}}
    assert restored.rows == {"accounts": {account.id: "restore"}}
    entries = outbox(db)
    assert [e.op for e in entries] == ["insert", "delete", "restore"]
    assert entries[1].fields == {"deleted_at": "2026-03-01T09:30:00.000000Z"}
    assert entries[2].fields == {"deleted_at": None}
    assert entries[2].base_hlc == entries[1].hlc
    assert raw_row(db, "accounts", account.id)["deleted_at"] is None


def test_delete_with_other_fields_is_still_a_delete(db: Database) -> None:
    account = add_account(db, "Safran")
    with db.unit_of_work() as uow:
        loaded = uow.session.get(Account, account.id)
        loaded.description = "fusion"
        loaded.deleted_at = dt.datetime.now(dt.UTC)
        uow.commit()
    last = outbox(db)[-1]
    assert last.op == "delete"
    assert set(last.fields) == {"description", "deleted_at"}


# -- atomicity ----------------------------------------------------------------------------------


def test_exception_before_commit_rolls_back_change_and_outbox(db: Database) -> None:
    with pytest.raises(Boom), db.unit_of_work() as uow:
        uow.session.add(Account(name="Never"))
        uow.session.flush()  # the rows reach SQLite inside the transaction…
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == 1
        raise Boom  # …and go away with it
    assert count(db, Account) == 0
    assert count(db, OutboxEntry) == 0


def test_leaving_without_commit_rolls_back(db: Database) -> None:
    account = add_account(db, "Airbus")
    with db.unit_of_work() as uow:
        uow.session.get(Account, account.id).name = "Not saved"
        uow.session.flush()
    assert raw_row(db, "accounts", account.id)["name"] == "Airbus"
    assert [e.op for e in outbox(db)] == ["insert"]


def test_check_constraint_failure_at_commit_leaves_neither_row_nor_outbox(db: Database) -> None:
    account = add_account(db, "Orange")
    with db.unit_of_work() as uow:
        uow.session.add(
            Contact(account_id=account.id, first_name="Michel", last_name="Dupont", influence=9)
        )
        with pytest.raises(IntegrityError, match="influence"):
            uow.commit()
        assert not uow.changes
    assert count(db, Contact) == 0
    with db.read() as session:
        tables = session.scalars(select(OutboxEntry.table_name)).all()
    assert tables == ["accounts"]


def test_failed_update_keeps_the_previous_values_and_no_outbox_row(db: Database) -> None:
    account = add_account(db, "Orange")
    with db.unit_of_work() as uow:
        contact = Contact(account_id=account.id, first_name="Anne", last_name="Martin")
        uow.session.add(contact)
        uow.commit()
    before = raw_row(db, "contacts", contact.id)

    with db.unit_of_work() as uow:
        loaded = uow.session.get(Contact, contact.id)
        loaded.influence = 9
        loaded.job_title = "DSI"
        with pytest.raises(IntegrityError):
            uow.commit()

    assert raw_row(db, "contacts", contact.id) == before
    assert [e.op for e in outbox(db)] == ["insert", "insert"]


def test_foreign_key_failure_rolls_back_everything(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.session.add(Account(name="Ok"))
        uow.session.add(Contact(account_id="no-such-account", first_name="A", last_name="B"))
        with pytest.raises(IntegrityError):
            uow.commit()
    assert count(db, Account) == 0
    assert count(db, Contact) == 0
    assert count(db, OutboxEntry) == 0


# -- guards -------------------------------------------------------------------------------------


def test_hard_delete_of_a_synced_row_raises(db: Database) -> None:
    account = add_account(db, "Engie")
    with db.unit_of_work() as uow:
        uow.session.delete(uow.session.get(Account, account.id))
        with pytest.raises(RuntimeError, match="hard delete"):
            uow.commit()
    assert raw_row(db, "accounts", account.id) is not None
    assert count(db, OutboxEntry) == 1


def test_bare_session_cannot_insert_a_synced_row(db: Database) -> None:
    with Session(db.engine) as session:
        session.add(Account(name="Sneaky"))
        with pytest.raises(RuntimeError, match="UnitOfWork"):
            session.commit()
    assert count(db, Account) == 0


def test_bare_session_cannot_update_a_synced_row(db: Database) -> None:
    account = add_account(db, "Legrand")
    with Session(db.engine) as session:
        session.get(Account, account.id).name = "Sneaky"
        with pytest.raises(RuntimeError, match="UnitOfWork"):
            session.commit()
    assert raw_row(db, "accounts", account.id)["name"] == "Legrand"
    assert count(db, OutboxEntry) == 1


def test_read_session_cannot_write_a_synced_row(db: Database) -> None:
    with db.read() as session:
        session.add(Account(name="Sneaky"))
        with pytest.raises(RuntimeError, match="UnitOfWork"):
            session.flush()
    assert count(db, Account) == 0


# -- Changes ------------------------------------------------------------------------------------


def test_commit_returns_table_id_op(db: Database) -> None:
    kept = add_account(db, "Kept")
    gone = add_account(db, "Gone")
    with db.unit_of_work() as uow:
        new = Account(name="New")
        uow.session.add(new)
        uow.session.flush()
        new.sector = "Énergie"  # insert then update in one unit of work: still an insert
        contact = Contact(account_id=new.id, first_name="Léa", last_name="Roux")
        uow.session.add(contact)
        uow.session.get(Account, kept.id).website = "https://kept.example"
        uow.session.get(Account, gone.id).deleted_at = dt.datetime.now(dt.UTC)
        changes = uow.commit()

    assert isinstance(changes, Changes)
    assert changes.rows == {
        "accounts": {new.id: "insert", kept.id: "update", gone.id: "delete"},
        "contacts": {contact.id: "insert"},
    }
    assert changes.tables == {"accounts", "contacts"}
    assert changes.ids("contacts") == {contact.id}
    assert changes.ids("opportunities") == set()
    assert changes.touches("contacts", "opportunities")
    assert not changes.touches("opportunities")
    # Two flushes of the new account: an insert row and an update row, in that order.
    ops = [(e.row_id, e.op) for e in outbox(db)[2:]]
    assert (new.id, "insert") in ops and (new.id, "update") in ops
    assert ops.index((new.id, "insert")) < ops.index((new.id, "update"))


def test_commits_in_one_unit_of_work_accumulate(db: Database) -> None:
    with db.unit_of_work() as uow:
        first = Account(name="One")
        uow.session.add(first)
        uow.commit()
        second = Account(name="Two")
        uow.session.add(second)
        changes = uow.commit()
    assert changes.rows == {"accounts": {first.id: "insert", second.id: "insert"}}


def test_nothing_changed_gives_empty_changes(db: Database) -> None:
    with db.unit_of_work() as uow:
        changes = uow.commit()
    assert not changes
    assert changes.rows == {}


# -- record_outbox=False (applying changes pulled from the server) ------------------------------


def test_record_outbox_false_stamps_hlc_but_writes_no_outbox(db: Database) -> None:
    with db.unit_of_work(record_outbox=False) as uow:
        account = Account(name="From server")
        uow.session.add(account)
        changes = uow.commit()
    assert count(db, OutboxEntry) == 0
    assert changes.rows == {"accounts": {account.id: "insert"}}
    stored = raw_row(db, "accounts", account.id)["hlc"]
    assert stored and stored == account.hlc
    assert Timestamp.parse(stored).node == db.node_id

    with db.unit_of_work(record_outbox=False) as uow:
        uow.session.get(Account, account.id).name = "Renamed"
        uow.commit()
    assert count(db, OutboxEntry) == 0
    assert raw_row(db, "accounts", account.id)["hlc"] > stored


# -- outbox order and the clock across restarts -------------------------------------------------


def test_outbox_seq_order_is_hlc_order(db: Database) -> None:
    accounts = [add_account(db, f"A{i}") for i in range(5)]
    with db.unit_of_work() as uow:
        for account in accounts:
            uow.session.get(Account, account.id).tier = "grand compte"
        uow.commit()
    hlcs = [e.hlc for e in outbox(db)]
    assert len(hlcs) == 10
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == len(hlcs)


def test_reopened_database_keeps_its_node_and_issues_later_hlcs(db_path) -> None:
    first = Database.open(db_path, create=True)
    node = first.node_id
    # A change stamped far in the future (a machine whose clock ran ahead, since corrected).
    future = str(Timestamp(4_000_000_000_000, 12, node))
    with Session(first.engine) as session:  # the outbox itself is not a synced table
        session.add(
            OutboxEntry(
                mutation_id=str(uuid.uuid4()),
                hlc=future,
                table_name="accounts",
                row_id="x",
                op="update",
                fields={},
            )
        )
        session.commit()
    first.close()

    second = Database.open(db_path)
    try:
        assert second.node_id == node
        account = add_account(second, "After restart")
        assert account.hlc > future
    finally:
        second.close()


# -- bulk insert (imports) ------------------------------------------------------------------------


def test_insert_rows_matches_what_the_orm_path_writes(db: Database) -> None:
    """A row inserted in bulk is indistinguishable from one added as an ORM object."""
    orm = add_account(db, "Renault", sector="Automobile")
    with db.unit_of_work() as uow:
        rows = [{"name": "Michelin", "sector": "Pneumatiques"}, {"name": "Orange"}]
        uow.insert_rows(Account, rows)
        changes = uow.commit()

    ids = [row["id"] for row in rows]
    assert changes.rows == {"accounts": {ids[0]: "insert", ids[1]: "insert"}}
    entries = {e.row_id: e for e in outbox(db)}
    bulk, reference = entries[ids[0]], entries[orm.id]
    assert bulk.op == "insert" and bulk.base_hlc is None
    assert set(bulk.fields) == set(reference.fields)
    for key in ("email_domains", "custom_fields", "tier", "strategic_reference", "deleted_at"):
        assert bulk.fields[key] == reference.fields[key], key
    row = raw_row(db, "accounts", ids[0])
    assert row is not None
    assert row["name"] == "Michelin" and row["tier"] == "standard"
    assert row["email_domains"] == "[]"
    assert row["hlc"] == bulk.hlc == bulk.fields["hlc"]
    assert bulk.fields["created_at"] == row["created_at"]
    # One clock: every HLC is later than the one before, in insertion order.
    assert Timestamp.parse(orm.hlc) < Timestamp.parse(entries[ids[0]].hlc)
    assert Timestamp.parse(entries[ids[0]].hlc) < Timestamp.parse(entries[ids[1]].hlc)


def test_insert_rows_writes_many_rows_per_statement_and_keeps_each_one_whole(
    db: Database,
) -> None:
    """Past one statement's worth of rows (200, and a remainder): every row, its JSON values,
    its dates, its outbox entry in order, and its place in the full-text index (a trigger)."""
    founded = dt.datetime(2001, 5, 4, 8, 30, tzinfo=dt.UTC)
    rows = [
        {
            "name": f"Compte {i:03d} Lumière",
            "email_domains": [f"c{i}.example"] if i % 2 else [],
            "custom_fields": {"rang": i} if i % 3 else {},
            "created_at": founded if i % 5 == 0 else None,
        }
        for i in range(451)
    ]
    with db.unit_of_work() as uow:
        uow.insert_rows(Account, rows)
        uow.commit()

    with db.read() as session:
        stored = {a.id: a for a in session.scalars(select(Account))}
        assert len(stored) == 451
        for i, row in enumerate(rows):
            account = stored[row["id"]]
            assert account.name == f"Compte {i:03d} Lumière"
            assert account.email_domains == ([f"c{i}.example"] if i % 2 else [])
            assert account.custom_fields == ({"rang": i} if i % 3 else {})
            if i % 5 == 0:
                assert account.created_at == founded
            assert account.updated_at == account.created_at
        found = session.execute(
            text("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'lumiere'")
        ).scalar()
        assert found == 451
    entries = outbox(db)
    assert [e.row_id for e in entries] == [row["id"] for row in rows]
    assert entries[1].fields["email_domains"] == ["c1.example"]
    assert entries[0].fields["custom_fields"] == {}
    assert entries[0].fields["created_at"] == "2001-05-04T08:30:00.000000Z"


def test_insert_rows_rolls_back_with_its_unit_of_work(db: Database) -> None:
    with pytest.raises(Boom), db.unit_of_work() as uow:
        uow.insert_rows(Account, [{"name": "Michelin"}])
        raise Boom
    assert count(db, Account) == 0
    assert outbox(db) == []


def test_insert_rows_refuses_a_local_table(db: Database) -> None:
    with db.unit_of_work() as uow, pytest.raises(TypeError):
        uow.insert_rows(OutboxEntry, [{"mutation_id": "x"}])
