"""Contacts (stakeholders): create, edit, soft-delete, restore; reporting-line checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Contact, Site, StanceChange, User, utcnow
from kamdesk.services import records
from kamdesk.services.errors import FieldError, NotFound, ValidationError
from kamdesk.services.fields import CONTACT_FIELDS
from kamdesk.services.records import Edit

KIND = "contact"


def contact_values(session: Session, contact_id: str) -> dict[str, Any]:
    contact = records.get_live(session, Contact, contact_id, KIND)
    return {name: getattr(contact, name) for name in CONTACT_FIELDS} | {
        "account_id": contact.account_id
    }


def reporting_chain(session: Session, start_id: str | None) -> list[str]:
    """Ids from ``start_id`` up its reporting line, stopping at the top or at a repeat."""
    chain: list[str] = []
    current = start_id
    while current is not None and current not in chain:
        chain.append(current)
        current = session.scalar(select(Contact.reports_to_id).where(Contact.id == current))
    return chain


def _name(session: Session, contact_id: str) -> str:
    contact = session.get(Contact, contact_id)
    return contact.full_name if contact is not None else contact_id


def _check(uow: UnitOfWork, contact: Contact, values: dict[str, Any]) -> None:
    session = uow.session
    errors = []
    manager_id = values.get("reports_to_id")
    if manager_id:
        manager = session.get(Contact, manager_id)
        if manager is None or manager.deleted_at is not None:
            errors.append(FieldError("reports_to_id", "unknown_record", "no such contact"))
        elif manager.account_id != contact.account_id:
            errors.append(
                FieldError(
                    "reports_to_id", "other_account", "the manager must work at the same account"
                )
            )
        elif contact.id is not None and contact.id in (
            chain := reporting_chain(session, manager_id)
        ):
            # The loop the change would close: this contact → new manager → … → this contact.
            loop = chain[: chain.index(contact.id) + 1]
            names = [contact.full_name] + [_name(session, cid) for cid in loop]
            path = " → ".join(names)
            errors.append(
                FieldError(
                    "reports_to_id",
                    "cycle",
                    f"this would create a reporting cycle ({path})",
                    {"path": path},
                )
            )
    site_id = values.get("site_id")
    if site_id:
        site = session.get(Site, site_id)
        if site is None or site.deleted_at is not None or site.account_id != contact.account_id:
            errors.append(FieldError("site_id", "unknown_record", "not a site of this account"))
    owner_id = values.get("relationship_owner_id")
    owner = session.get(User, owner_id) if owner_id else None
    if owner_id and (owner is None or owner.deleted_at is not None):
        errors.append(FieldError("relationship_owner_id", "unknown_record", "no such user"))
    if errors:
        raise ValidationError(errors)


def create_contact(uow: UnitOfWork, account_id: str, values: Mapping[str, Any]) -> str:
    records.get_live(uow, Account, account_id, "account")
    return records.create(
        uow, Contact, CONTACT_FIELDS, values, fixed={"account_id": account_id}, check=_check
    )


def update_contact(
    uow: UnitOfWork,
    contact_id: str,
    values: Mapping[str, Any],
    *,
    author_id: str | None = None,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    edit = records.update(
        uow, Contact, KIND, CONTACT_FIELDS, contact_id, values, check=_check, expected=expected
    )
    if "stance" in edit.before or "influence" in edit.before:
        contact = uow.session.get(Contact, contact_id)
        assert contact is not None
        # Stance and influence keep a history: the map's "as of" view replays it.
        uow.session.add(
            StanceChange(
                contact_id=contact_id,
                changed_at=utcnow(),
                author_id=author_id,
                stance_before=edit.before.get("stance", contact.stance),
                stance_after=contact.stance,
                influence_before=edit.before.get("influence", contact.influence),
                influence_after=contact.influence,
            )
        )
        uow.session.flush()
    return edit


def delete_contact(uow: UnitOfWork, contact_id: str) -> None:
    records.soft_delete(uow, Contact, KIND, contact_id)


def restore_contact(uow: UnitOfWork, contact_id: str) -> None:
    contact = uow.session.get(Contact, contact_id)
    if contact is None:
        raise NotFound(KIND, contact_id)
    records.restore(uow, Contact, KIND, contact_id)
