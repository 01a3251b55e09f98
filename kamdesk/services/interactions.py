"""Interactions (calls, meetings, notes…): the account timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Contact, Interaction, InteractionContact, Opportunity, utcnow
from kamdesk.services import records
from kamdesk.services.errors import FieldError, StaleEdit, ValidationError
from kamdesk.services.fields import INTERACTION_FIELDS
from kamdesk.services.records import Edit

KIND = "interaction"


def interaction_values(session: Session, interaction_id: str) -> dict[str, Any]:
    item = records.get_live(session, Interaction, interaction_id, KIND)
    values = {name: getattr(item, name) for name in INTERACTION_FIELDS}
    values["account_id"] = item.account_id
    values["contact_ids"] = _contact_ids(session, interaction_id)
    return values


def _contact_ids(session: Session, interaction_id: str) -> list[str]:
    return list(
        session.scalars(
            select(InteractionContact.contact_id).where(
                InteractionContact.interaction_id == interaction_id,
                InteractionContact.deleted_at.is_(None),
            )
        )
    )


def _contact_ids_sorted(session: Session, interaction_id: str) -> list[str]:
    return sorted(_contact_ids(session, interaction_id))


def _check_contacts(session: Session, account_id: str, contact_ids: Sequence[str]) -> None:
    for contact_id in contact_ids:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None or contact.account_id != account_id:
            raise ValidationError(
                [FieldError("contact_ids", "unknown_record", "not a contact of this account")]
            )


def _check(uow: UnitOfWork, item: Interaction, values: dict[str, Any]) -> None:
    opp_id = values.get("opportunity_id")
    if opp_id:
        opp = uow.session.get(Opportunity, opp_id)
        if opp is None or opp.deleted_at is not None or opp.account_id != item.account_id:
            raise ValidationError(
                [
                    FieldError(
                        "opportunity_id", "unknown_record", "not an opportunity of this account"
                    )
                ]
            )


def create_interaction(
    uow: UnitOfWork,
    account_id: str,
    values: Mapping[str, Any],
    contact_ids: Sequence[str] = (),
    *,
    author_id: str | None = None,
) -> str:
    records.get_live(uow, Account, account_id, "account")
    _check_contacts(uow.session, account_id, contact_ids)
    interaction_id = records.create(
        uow,
        Interaction,
        INTERACTION_FIELDS,
        values,
        fixed={"account_id": account_id, "author_id": author_id},
        check=_check,
    )
    for contact_id in dict.fromkeys(contact_ids):
        uow.session.add(InteractionContact(interaction_id=interaction_id, contact_id=contact_id))
    uow.session.flush()
    return interaction_id


def update_interaction(
    uow: UnitOfWork,
    interaction_id: str,
    values: Mapping[str, Any],
    contact_ids: Sequence[str] | None = None,
    *,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    values = dict(values)
    if "contact_ids" in values:  # as in the Edit this returns, so that undo can replay it
        listed = values.pop("contact_ids")
        contact_ids = listed if contact_ids is None else contact_ids
    expected = dict(expected or {})
    expected_contacts = expected.pop("contact_ids", None)
    if expected_contacts is not None and sorted(expected_contacts) != _contact_ids_sorted(
        uow.session, interaction_id
    ):
        raise StaleEdit(KIND, interaction_id, ["contact_ids"])
    edit = records.update(
        uow,
        Interaction,
        KIND,
        INTERACTION_FIELDS,
        interaction_id,
        values,
        check=_check,
        expected=expected,
    )
    if contact_ids is None:
        return edit
    item = uow.session.get(Interaction, interaction_id)
    assert item is not None
    _check_contacts(uow.session, item.account_id, contact_ids)
    links = {
        link.contact_id: link
        for link in uow.session.scalars(
            select(InteractionContact).where(InteractionContact.interaction_id == interaction_id)
        )
    }
    before = sorted(cid for cid, link in links.items() if link.deleted_at is None)
    wanted = set(contact_ids)
    for contact_id, link in links.items():
        if contact_id not in wanted and link.deleted_at is None:
            link.deleted_at = utcnow()
        elif contact_id in wanted and link.deleted_at is not None:
            link.deleted_at = None
    for contact_id in wanted - links.keys():
        uow.session.add(InteractionContact(interaction_id=interaction_id, contact_id=contact_id))
    uow.session.flush()
    if before != sorted(wanted):
        return Edit(
            interaction_id,
            edit.before | {"contact_ids": before},
            edit.after | {"contact_ids": sorted(wanted)},
        )
    return edit


def delete_interaction(uow: UnitOfWork, interaction_id: str) -> None:
    records.soft_delete(uow, Interaction, KIND, interaction_id)


def restore_interaction(uow: UnitOfWork, interaction_id: str) -> None:
    records.restore(uow, Interaction, KIND, interaction_id)
