"""Deleted records, newest first, and putting them back ("soft, restorable" deletes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Attachment, Contact, Interaction, Site
from kamdesk.services import accounts, attachments, contacts, interactions, sites
from kamdesk.services.errors import NotFound, ParentDeleted

__all__ = ["DeletedRow", "ParentDeleted", "delete", "list_deleted", "restore"]


@dataclass(frozen=True)
class DeletedRow:
    kind: str  # account / contact / site / interaction / attachment
    id: str
    label: str
    account_id: str | None
    account: str | None
    deleted_at: dt.datetime


@dataclass(frozen=True)
class _Kind:
    model: Any
    label: Callable[[Any], str]
    restore: Callable[[UnitOfWork, str], None]


KINDS: dict[str, _Kind] = {
    "account": _Kind(Account, lambda a: a.name, accounts.restore_account),
    "contact": _Kind(Contact, lambda c: c.full_name, contacts.restore_contact),
    "site": _Kind(Site, lambda s: s.name, sites.restore_site),
    "interaction": _Kind(Interaction, lambda i: i.subject, interactions.restore_interaction),
    "attachment": _Kind(Attachment, lambda a: a.filename, attachments.restore_attachment),
}


def list_deleted(session: Session, limit: int = 500) -> list[DeletedRow]:
    names = dict(session.execute(select(Account.id, Account.name)).all())
    rows: list[DeletedRow] = []
    for kind, spec in KINDS.items():
        model = spec.model
        for record in session.scalars(
            select(model)
            .where(model.deleted_at.is_not(None))
            .order_by(model.deleted_at.desc())
            .limit(limit)
        ):
            account_id = record.id if kind == "account" else record.account_id
            rows.append(
                DeletedRow(
                    kind,
                    record.id,
                    spec.label(record),
                    account_id,
                    names.get(account_id),
                    record.deleted_at,
                )
            )
    rows.sort(key=lambda r: r.deleted_at, reverse=True)
    return rows[:limit]


def restore(uow: UnitOfWork, kind: str, record_id: str) -> None:
    spec = KINDS.get(kind)
    if spec is None:
        raise NotFound(kind, record_id)
    spec.restore(uow, record_id)  # refuses with ParentDeleted when the account is deleted too


def delete(uow: UnitOfWork, kind: str, record_id: str) -> None:
    """The inverse of ``restore``, for undo."""
    deleters = {
        "account": accounts.delete_account,
        "contact": contacts.delete_contact,
        "site": sites.delete_site,
        "interaction": interactions.delete_interaction,
        "attachment": attachments.delete_attachment,
    }
    deleters[kind](uow, record_id)
