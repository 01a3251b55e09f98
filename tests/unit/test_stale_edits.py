"""Undo and redo never overwrite what someone else wrote since, and never resurrect orphans."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.models import Contact
from kamdesk.services.accounts import create_account, delete_account
from kamdesk.services.contacts import (
    create_contact,
    delete_contact,
    restore_contact,
    update_contact,
)
from kamdesk.services.errors import ParentDeleted, StaleEdit, ValidationError
from kamdesk.services.fields import ACCOUNT_FIELDS, clean
from kamdesk.services.interactions import create_interaction, update_interaction
from kamdesk.services.sites import create_site, delete_site


def write(db, fn):  # noqa: ANN001
    with db.unit_of_work() as uow:
        result = fn(uow)
        uow.commit()
    return result


@pytest.fixture
def account(db) -> str:
    return write(db, lambda u: create_account(u, {"name": "Banque Corvial"}))


def test_undo_refuses_to_overwrite_a_later_change(db, account) -> None:
    cid = write(
        db, lambda u: create_contact(u, account, {"first_name": "Lucie", "last_name": "Bonnet"})
    )
    edit = write(db, lambda u: update_contact(u, cid, {"job_title": "Acheteuse"}))
    write(
        db, lambda u: update_contact(u, cid, {"job_title": "Directrice des achats"})
    )  # a colleague
    with pytest.raises(StaleEdit) as excinfo:
        write(db, lambda u: update_contact(u, cid, edit.before, expected=edit.after))
    assert excinfo.value.fields == ["job_title"]
    with db.read() as s:
        assert s.get(Contact, cid).job_title == "Directrice des achats"
    # Without a later change, the same undo goes through.
    edit2 = write(db, lambda u: update_contact(u, cid, {"phone": "+33 1 99 00 00 01"}))
    write(db, lambda u: update_contact(u, cid, edit2.before, expected=edit2.after))
    with db.read() as s:
        assert s.get(Contact, cid).phone is None


def test_undo_of_participants_checks_them_too(db, account) -> None:
    a = write(db, lambda u: create_contact(u, account, {"first_name": "A", "last_name": "A"}))
    b = write(db, lambda u: create_contact(u, account, {"first_name": "B", "last_name": "B"}))
    when = dt.datetime(2026, 5, 4, 10, tzinfo=dt.UTC)
    iid = write(
        db,
        lambda u: create_interaction(
            u, account, {"kind": "call", "occurred_at": when, "subject": "x"}, [a]
        ),
    )
    edit = write(db, lambda u: update_interaction(u, iid, {}, [a, b]))
    write(db, lambda u: update_interaction(u, iid, {}, [b]))  # changed elsewhere
    with pytest.raises(StaleEdit):
        write(db, lambda u: update_interaction(u, iid, edit.before, expected=edit.after))


def test_restoring_a_record_of_a_deleted_account_is_refused(db, account) -> None:
    cid = write(
        db, lambda u: create_contact(u, account, {"first_name": "Anne", "last_name": "Henry"})
    )
    write(db, lambda u: delete_contact(u, cid))
    write(db, lambda u: delete_account(u, account))
    with pytest.raises(ParentDeleted):
        write(db, lambda u: restore_contact(u, cid))


def test_references_to_deleted_records_are_refused(db, account) -> None:
    site = write(db, lambda u: create_site(u, account, {"name": "Siège"}))
    write(db, lambda u: delete_site(u, site))
    with pytest.raises(ValidationError) as excinfo:
        write(
            db,
            lambda u: create_contact(
                u, account, {"first_name": "A", "last_name": "B", "site_id": site}
            ),
        )
    assert excinfo.value.errors[0].field == "site_id"

    gone = write(
        db, lambda u: create_contact(u, account, {"first_name": "Gone", "last_name": "Away"})
    )
    write(db, lambda u: delete_contact(u, gone))
    when = dt.datetime(2026, 5, 4, 10, tzinfo=dt.UTC)
    with pytest.raises(ValidationError):
        write(
            db,
            lambda u: create_interaction(
                u, account, {"kind": "call", "occurred_at": when, "subject": "x"}, [gone]
            ),
        )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("potential_revenue_cents", "99999999999999999999"),
        ("renewal_date", "0202-05-01"),
        ("customer_since", "2301-01-01"),
    ],
)
def test_implausible_values_are_refused_next_to_their_field(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as excinfo:
        clean(ACCOUNT_FIELDS, {field: value}, partial=True)
    assert excinfo.value.errors[0].field == field
