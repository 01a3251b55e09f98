"""Soft deletes are restorable: the deleted-items list and restore, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.services import trash
from kamdesk.services.accounts import create_account, delete_account
from kamdesk.services.contacts import create_contact, delete_contact
from kamdesk.services.interactions import create_interaction, delete_interaction
from kamdesk.services.sites import create_site, delete_site
from kamdesk.services.trash import ParentDeleted


def write(db, fn):  # noqa: ANN001
    with db.unit_of_work() as uow:
        result = fn(uow)
        uow.commit()
    return result


@pytest.fixture
def records(db):
    account = write(
        db, lambda u: create_account(u, {"name": "Vallorex Santé", "tier": "key_account"})
    )
    contact = write(
        db, lambda u: create_contact(u, account, {"first_name": "Anne", "last_name": "Henry"})
    )
    site = write(db, lambda u: create_site(u, account, {"name": "Siège Lyon"}))
    when = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
    note = write(
        db,
        lambda u: create_interaction(
            u, account, {"kind": "note", "occurred_at": when, "subject": "COPIL"}
        ),
    )
    return account, contact, site, note


def test_deleted_records_are_listed_newest_first_and_restored(db, records) -> None:
    account, contact, site, note = records
    write(db, lambda u: delete_site(u, site))
    write(db, lambda u: delete_contact(u, contact))
    write(db, lambda u: delete_interaction(u, note))
    with db.read() as s:
        rows = trash.list_deleted(s)
    assert [(r.kind, r.label) for r in rows] == [
        ("interaction", "COPIL"),
        ("contact", "Anne Henry"),
        ("site", "Siège Lyon"),
    ]
    assert all(r.account == "Vallorex Santé" for r in rows)

    write(db, lambda u: trash.restore(u, "contact", contact))
    with db.read() as s:
        assert {r.id for r in trash.list_deleted(s)} == {site, note}


def test_a_child_of_a_deleted_account_waits_for_its_account(db, records) -> None:
    account, contact, _site, _note = records
    write(db, lambda u: delete_contact(u, contact))
    write(db, lambda u: delete_account(u, account))
    with pytest.raises(ParentDeleted, match="Vallorex Santé"):
        write(db, lambda u: trash.restore(u, "contact", contact))
    write(db, lambda u: trash.restore(u, "account", account))
    write(db, lambda u: trash.restore(u, "contact", contact))
    with db.read() as s:
        assert trash.list_deleted(s) == []


def test_restore_and_delete_are_inverses_for_undo(db, records) -> None:
    _account, contact, _site, _note = records
    write(db, lambda u: delete_contact(u, contact))
    write(db, lambda u: trash.restore(u, "contact", contact))
    write(db, lambda u: trash.delete(u, "contact", contact))
    with db.read() as s:
        assert [r.id for r in trash.list_deleted(s)] == [contact]
