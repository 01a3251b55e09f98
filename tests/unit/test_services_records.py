"""Create, edit, delete and restore accounts, sites, contacts and activities on a real SQLite file.

Each refusal is checked the way the dialogs rely on it: every bad field listed with its code,
and nothing written (the outbox, which records every change, is unchanged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from kamdesk.db import Database, UnitOfWork
from kamdesk.models import (
    Account,
    Contact,
    Interaction,
    InteractionContact,
    OutboxEntry,
    Site,
    StanceChange,
    User,
)
from kamdesk.services import accounts, contacts, interactions, sites
from kamdesk.services.errors import NotFound, ValidationError
from kamdesk.services.fields import ACCOUNT_FIELDS, clean


def write(db: Database, fn: Callable[[UnitOfWork], Any]) -> Any:
    with db.unit_of_work() as uow:
        result = fn(uow)
        uow.commit()
    return result


def get(db: Database, model: type, record_id: str) -> Any:
    with db.read() as session:
        obj = session.get(model, record_id)
        session.expunge(obj)
        return obj


def outbox_size(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry))


def codes(error: ValidationError) -> dict[str, str]:
    return {e.field: e.code for e in error.errors}


@pytest.fixture
def kam(db: Database) -> str:
    def add(uow: UnitOfWork) -> str:
        user = User(name="Claire Dubois", email="claire.dubois@example.com", role="kam")
        uow.session.add(user)
        uow.session.flush()
        return user.id

    return write(db, add)


@pytest.fixture
def account(db: Database, kam: str) -> str:
    return write(
        db,
        lambda uow: accounts.create_account(
            uow, {"name": "Renault", "tier": "large_account", "owner_id": kam}
        ),
    )


def new_contact(db: Database, account_id: str, first: str, last: str, **values: Any) -> str:
    return write(
        db,
        lambda uow: contacts.create_contact(
            uow, account_id, {"first_name": first, "last_name": last, **values}
        ),
    )


# -- accounts ----------------------------------------------------------------------------------
def test_account_is_created_with_typed_values_from_text(db: Database, kam: str) -> None:
    account_id = write(
        db,
        lambda uow: accounts.create_account(
            uow,
            {
                "name": "  Michelin ",
                "siren": "855 200 887",
                "email_domains": "michelin.com; @Michelin.fr",
                "potential_revenue_cents": "150 000,50 €",
                "renewal_date": "31/12/2026",
                "growth_potential": "3",
                "owner_id": kam,
            },
        ),
    )

    account = get(db, Account, account_id)
    assert account.name == "Michelin"
    assert account.tier == "standard"  # the default when none is given
    assert account.siren == "855200887"
    assert account.email_domains == ["michelin.com", "michelin.fr"]
    assert account.potential_revenue_cents == 15_000_050
    assert account.renewal_date == dt.date(2026, 12, 31)
    assert account.growth_potential == 3


def test_account_update_returns_only_what_changed(db: Database, account: str) -> None:
    edit = write(
        db,
        lambda uow: accounts.update_account(
            uow, account, {"name": "Renault", "sector": "Automotive", "tier": "large_account"}
        ),
    )

    assert edit.record_id == account
    assert edit.before == {"sector": None}
    assert edit.after == {"sector": "Automotive"}
    assert edit.changed

    again = write(db, lambda uow: accounts.update_account(uow, account, {"sector": "Automotive"}))
    assert not again.changed


def test_account_delete_and_restore(db: Database, account: str) -> None:
    write(db, lambda uow: accounts.delete_account(uow, account))
    assert get(db, Account, account).deleted_at is not None
    with pytest.raises(NotFound):
        write(db, lambda uow: accounts.update_account(uow, account, {"sector": "Automotive"}))

    write(db, lambda uow: accounts.restore_account(uow, account))
    assert get(db, Account, account).deleted_at is None


def test_every_bad_field_is_listed_at_once_and_nothing_is_written(db: Database) -> None:
    before = outbox_size(db)

    with pytest.raises(ValidationError) as refused:
        write(
            db,
            lambda uow: accounts.create_account(
                uow,
                {
                    "name": " ",
                    "siren": "12345",
                    "website": "www.renault .fr",
                    "email_domains": "renault",
                    "growth_potential": "7",
                    "potential_revenue_cents": "beaucoup",
                    "renewal_date": "31/02/2026",
                    "tier": "gold",
                },
            ),
        )

    assert codes(refused.value) == {
        "name": "required",
        "siren": "invalid_digits",
        "website": "invalid_url",
        "email_domains": "invalid_domain",
        "growth_potential": "out_of_range",
        "potential_revenue_cents": "invalid_amount",
        "renewal_date": "invalid_date",
        "tier": "invalid_choice",
    }
    assert refused.value.for_field("growth_potential").params == {"minimum": 0, "maximum": 4}
    assert outbox_size(db) == before


@pytest.mark.parametrize(
    ("typed", "cents"),
    [("150 000,50 €", 15_000_050), ("150000.5", 15_000_050), ("1,234.50", 123_450), ("0", 0)],
)
def test_amounts_are_read_as_people_type_them(typed: str, cents: int) -> None:
    values = {"name": "X", "tier": "standard", "potential_revenue_cents": typed}
    assert clean(ACCOUNT_FIELDS, values, partial=False)["potential_revenue_cents"] == cents


@pytest.mark.parametrize(
    ("typed", "code"),
    [("-5", "negative_amount"), ("12.5.5", "invalid_amount"), ("abc €", "invalid_amount")],
)
def test_bad_amounts_are_refused(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        clean(ACCOUNT_FIELDS, {"potential_revenue_cents": typed}, partial=True)
    assert codes(refused.value) == {"potential_revenue_cents": code}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("28/02/2026", dt.date(2026, 2, 28)),
        ("2026-02-28", dt.date(2026, 2, 28)),
        ("28.02.2026", dt.date(2026, 2, 28)),
        ("31/02/2026", None),
        ("2026-13-01", None),
        ("demain", None),
    ],
)
def test_dates_are_parsed_or_refused(typed: str, expected: dt.date | None) -> None:
    if expected is None:
        with pytest.raises(ValidationError) as refused:
            clean(ACCOUNT_FIELDS, {"renewal_date": typed}, partial=True)
        assert codes(refused.value) == {"renewal_date": "invalid_date"}
    else:
        assert clean(ACCOUNT_FIELDS, {"renewal_date": typed}, partial=True) == {
            "renewal_date": expected
        }


def test_a_group_cannot_become_its_own_subsidiary(db: Database, account: str) -> None:
    subsidiary = write(
        db, lambda uow: accounts.create_account(uow, {"name": "Dacia", "parent_id": account})
    )
    grandchild = write(
        db,
        lambda uow: accounts.create_account(uow, {"name": "Dacia Maroc", "parent_id": subsidiary}),
    )
    before = outbox_size(db)

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.update_account(uow, account, {"parent_id": grandchild}))
    assert codes(refused.value) == {"parent_id": "cycle"}

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.update_account(uow, account, {"parent_id": account}))
    assert codes(refused.value) == {"parent_id": "self_parent"}

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.update_account(uow, account, {"parent_id": "no-such-id"}))
    assert codes(refused.value) == {"parent_id": "unknown_record"}

    assert get(db, Account, account).parent_id is None
    assert outbox_size(db) == before


def test_a_group_with_live_subsidiaries_cannot_be_deleted(db: Database, account: str) -> None:
    subsidiary = write(
        db, lambda uow: accounts.create_account(uow, {"name": "Dacia", "parent_id": account})
    )

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.delete_account(uow, account))
    assert codes(refused.value) == {"parent_id": "has_subsidiaries"}
    assert refused.value.errors[0].params == {"count": 1}
    assert get(db, Account, account).deleted_at is None

    write(db, lambda uow: accounts.delete_account(uow, subsidiary))
    write(db, lambda uow: accounts.delete_account(uow, account))  # now it may go
    assert get(db, Account, account).deleted_at is not None


def test_an_update_cannot_blank_a_required_field(db: Database, account: str) -> None:
    anne = new_contact(db, account, "Anne", "Martin")
    before = outbox_size(db)

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.update_account(uow, account, {"name": "   "}))
    assert codes(refused.value) == {"name": "required"}

    with pytest.raises(ValidationError) as refused:
        write(
            db,
            lambda uow: contacts.update_contact(uow, anne, {"first_name": "", "last_name": None}),
        )
    assert codes(refused.value) == {"first_name": "required", "last_name": "required"}

    assert get(db, Account, account).name == "Renault"
    assert outbox_size(db) == before


def test_an_unknown_owner_is_refused(db: Database, account: str) -> None:
    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: accounts.update_account(uow, account, {"owner_id": "ghost"}))
    assert codes(refused.value) == {"owner_id": "unknown_record"}


# -- sites -------------------------------------------------------------------------------------
def test_site_create_update_delete_restore(db: Database, account: str) -> None:
    site_id = write(
        db,
        lambda uow: sites.create_site(
            uow, account, {"name": "Technocentre", "city": "Guyancourt", "is_headquarters": "oui"}
        ),
    )
    site = get(db, Site, site_id)
    assert (site.country, site.is_headquarters, site.account_id) == ("FR", True, account)

    edit = write(
        db,
        lambda uow: sites.update_site(uow, site_id, {"city": "Boulogne", "name": "Technocentre"}),
    )
    assert (edit.before, edit.after) == ({"city": "Guyancourt"}, {"city": "Boulogne"})

    write(db, lambda uow: sites.delete_site(uow, site_id))
    assert get(db, Site, site_id).deleted_at is not None
    write(db, lambda uow: sites.restore_site(uow, site_id))
    assert get(db, Site, site_id).deleted_at is None


def test_a_site_needs_a_live_account(db: Database, account: str) -> None:
    write(db, lambda uow: accounts.delete_account(uow, account))
    with pytest.raises(NotFound):
        write(db, lambda uow: sites.create_site(uow, account, {"name": "Flins"}))


# -- contacts ----------------------------------------------------------------------------------
def test_contact_create_update_delete_restore(db: Database, account: str, kam: str) -> None:
    anne = new_contact(
        db, account, "Anne", "Martin", email=" Anne.Martin@Renault.COM ", left_at="2026-01-15"
    )
    contact = get(db, Contact, anne)
    assert contact.email == "anne.martin@renault.com"
    assert contact.left_at == dt.date(2026, 1, 15)
    assert (contact.influence, contact.stance) == (3, 0)  # model defaults

    edit = write(
        db,
        lambda uow: contacts.update_contact(
            uow, anne, {"job_title": "CPO", "stance": "2", "first_name": "Anne"}, author_id=kam
        ),
    )
    assert edit.before == {"job_title": None, "stance": 0}
    assert edit.after == {"job_title": "CPO", "stance": 2}
    with db.read() as session:
        history = session.scalars(select(StanceChange).where(StanceChange.contact_id == anne)).all()
        assert [(h.stance_before, h.stance_after, h.author_id) for h in history] == [(0, 2, kam)]

    write(db, lambda uow: contacts.delete_contact(uow, anne))
    assert get(db, Contact, anne).deleted_at is not None
    write(db, lambda uow: contacts.restore_contact(uow, anne))
    assert get(db, Contact, anne).deleted_at is None


def test_contact_fields_are_all_checked_at_once(db: Database, account: str) -> None:
    with pytest.raises(ValidationError) as refused:
        new_contact(
            db, account, "", "Martin", email="anne@", influence="9", stance="-3", left_at="hier"
        )
    assert codes(refused.value) == {
        "first_name": "required",
        "email": "invalid_email",
        "influence": "out_of_range",
        "stance": "out_of_range",
        "left_at": "invalid_date",
    }


def test_a_reporting_cycle_is_refused_and_nothing_written(db: Database, account: str) -> None:
    anne = new_contact(db, account, "Anne", "Martin")
    bruno = new_contact(db, account, "Bruno", "Petit", reports_to_id=anne)  # B → A
    before = outbox_size(db)

    with pytest.raises(ValidationError) as refused:  # A → B would close the loop
        write(db, lambda uow: contacts.update_contact(uow, anne, {"reports_to_id": bruno}))

    error = refused.value.for_field("reports_to_id")
    assert error is not None and error.code == "cycle"
    assert error.params["path"] == "Anne Martin → Bruno Petit → Anne Martin"
    assert get(db, Contact, anne).reports_to_id is None
    assert outbox_size(db) == before


def test_a_manager_from_another_account_is_refused(db: Database, account: str) -> None:
    other = write(db, lambda uow: accounts.create_account(uow, {"name": "Orange"}))
    anne = new_contact(db, account, "Anne", "Martin")
    olivier = new_contact(db, other, "Olivier", "Roux")

    with pytest.raises(ValidationError) as refused:
        write(db, lambda uow: contacts.update_contact(uow, anne, {"reports_to_id": olivier}))
    assert codes(refused.value) == {"reports_to_id": "other_account"}

    with pytest.raises(ValidationError) as refused:
        new_contact(db, account, "Bruno", "Petit", reports_to_id=olivier)
    assert codes(refused.value) == {"reports_to_id": "other_account"}


# -- interactions ------------------------------------------------------------------------------
def test_interaction_with_participants_then_edit_undo_and_delete(
    db: Database, account: str, kam: str
) -> None:
    anne = new_contact(db, account, "Anne", "Martin")
    bruno = new_contact(db, account, "Bruno", "Petit")
    call = write(
        db,
        lambda uow: interactions.create_interaction(
            uow,
            account,
            {"kind": "call", "occurred_at": "2026-11-20 14:30+01:00", "subject": "Renewal"},
            [anne, bruno],
            author_id=kam,
        ),
    )
    item = get(db, Interaction, call)
    assert item.occurred_at == dt.datetime(2026, 11, 20, 13, 30, tzinfo=dt.UTC)
    assert item.author_id == kam
    with db.read() as session:
        assert (
            session.scalar(select(func.count()).where(InteractionContact.interaction_id == call))
            == 2
        )

    edit = write(
        db,
        lambda uow: interactions.update_interaction(
            uow, call, {"subject": "Renewal 2027"}, contact_ids=[anne]
        ),
    )
    assert edit.before == {"subject": "Renewal", "contact_ids": sorted([anne, bruno])}
    assert edit.after == {"subject": "Renewal 2027", "contact_ids": [anne]}

    # Undo replays ``before`` through the same service, participants included.
    write(db, lambda uow: interactions.update_interaction(uow, call, dict(edit.before)))
    with db.read() as session:
        assert interactions.interaction_values(session, call)["subject"] == "Renewal"
        assert sorted(interactions.interaction_values(session, call)["contact_ids"]) == sorted(
            [anne, bruno]
        )

    write(db, lambda uow: interactions.delete_interaction(uow, call))
    assert get(db, Interaction, call).deleted_at is not None
    write(db, lambda uow: interactions.restore_interaction(uow, call))
    assert get(db, Interaction, call).deleted_at is None


def test_interaction_refusals(db: Database, account: str) -> None:
    other = write(db, lambda uow: accounts.create_account(uow, {"name": "Orange"}))
    olivier = new_contact(db, other, "Olivier", "Roux")
    before = outbox_size(db)

    with pytest.raises(ValidationError) as refused:
        write(
            db,
            lambda uow: interactions.create_interaction(
                uow, account, {"kind": "fax", "occurred_at": "hier", "subject": ""}
            ),
        )
    assert codes(refused.value) == {
        "kind": "invalid_choice",
        "occurred_at": "invalid_datetime",
        "subject": "required",
    }

    with pytest.raises(ValidationError) as refused:
        write(
            db,
            lambda uow: interactions.create_interaction(
                uow,
                account,
                {"kind": "note", "occurred_at": "2026-11-20 09:00", "subject": "Memo"},
                [olivier],
            ),
        )
    assert codes(refused.value) == {"contact_ids": "unknown_record"}
    assert outbox_size(db) == before


def test_an_opened_attachment_copy_is_read_only_and_never_overwritten(
    db: Database, tmp_path
) -> None:
    import os
    import stat

    from kamdesk.services.attachments import add_attachment, export_copy

    account_id = write(db, lambda u: accounts.create_account(u, {"name": "Vallorex Santé"}))
    source = tmp_path / "Plan de compte.txt"
    source.write_text("v1")
    attachment_id = write(
        db, lambda u: add_attachment(u, db.blob_dir, source, account_id=account_id)
    )
    folder = tmp_path / "open"
    with db.read() as session:
        first = export_copy(session, db.blob_dir, attachment_id, folder)
    assert first.read_text() == "v1" and not first.stat().st_mode & stat.S_IWUSR
    with db.read() as session:
        assert (
            export_copy(session, db.blob_dir, attachment_id, folder) == first
        )  # same bytes: reused
    os.chmod(first, 0o644)
    first.write_text("edited by the user in the opened copy")
    with db.read() as session:
        second = export_copy(session, db.blob_dir, attachment_id, folder)
    assert second != first and second.name == first.name and second.read_text() == "v1"
    assert first.read_text() == "edited by the user in the opened copy"
