"""Accounts: list, create, edit, soft-delete, restore; group/subsidiary checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session, aliased

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Account, Interaction, Invoice, Opportunity, User
from kamdesk.services import records
from kamdesk.services.errors import FieldError, ValidationError
from kamdesk.services.fields import ACCOUNT_FIELDS
from kamdesk.services.records import Edit

KIND = "account"


@dataclass(frozen=True)
class AccountRow:
    """One line of the account list."""

    id: str
    name: str
    tier: str
    sector: str | None
    owner_id: str | None
    owner: str | None
    parent_id: str | None
    parent: str | None
    revenue_year_cents: int
    open_pipeline_cents: int
    last_contact_at: dt.datetime | None
    renewal_date: dt.date | None


def year_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)


# What counts as being in touch with the customer for "last contact": not an internal note, an
# invoice sent by accounting, or a meeting planned for next week.
CONTACT_KINDS = ("call", "meeting", "email")


def contact_filter(now: dt.datetime | None = None) -> list[Any]:
    """WHERE clauses selecting the interactions that count as a contact with the customer."""
    return [
        Interaction.deleted_at.is_(None),
        # Literal values, not bound parameters: SQLite only uses the partial index
        # ix_interactions_account_last_contact when it can see the IN list is the same.
        Interaction.kind.in_([literal_column(f"'{kind}'") for kind in CONTACT_KINDS]),
        Interaction.occurred_at <= (now or dt.datetime.now(dt.UTC)),
    ]


def total_revenue(session: Session, start: dt.date, end: dt.date) -> int:
    """Our whole invoiced revenue between two dates: the base of every "share of our revenue".

    All invoices (one covering-index range read) minus those of deleted accounts (usually none),
    rather than joining every invoice to its account: this runs on every 360° view.
    """
    in_period = (Invoice.deleted_at.is_(None), Invoice.issued_on.between(start, end))
    everything = session.scalar(
        select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(*in_period)
    )
    deleted_accounts = select(Account.id).where(Account.deleted_at.is_not(None))
    of_deleted = session.scalar(
        select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(
            *in_period, Invoice.account_id.in_(deleted_accounts)
        )
    )
    return int(everything or 0) - int(of_deleted or 0)


def revenue_by_account(session: Session, start: dt.date, end: dt.date) -> dict[str, int]:
    """Invoiced amount per account between two dates (inclusive)."""
    rows = session.execute(
        select(Invoice.account_id, func.sum(Invoice.amount_cents))
        .where(Invoice.deleted_at.is_(None), Invoice.issued_on.between(start, end))
        .group_by(Invoice.account_id)
    )
    return {account_id: int(total or 0) for account_id, total in rows}


def open_pipeline_by_account(session: Session) -> dict[str, int]:
    """Sum of open opportunity amounts per account."""
    rows = session.execute(
        select(Opportunity.account_id, func.sum(Opportunity.amount_cents))
        .where(Opportunity.deleted_at.is_(None), Opportunity.status == "open")
        .group_by(Opportunity.account_id)
    )
    return {account_id: int(total or 0) for account_id, total in rows}


def list_accounts(
    session: Session, *, today: dt.date | None = None, include_deleted: bool = False
) -> list[AccountRow]:
    """Every account with the figures the list shows, in three aggregate queries."""
    revenue = revenue_by_account(session, *year_bounds(today or dt.date.today()))
    pipeline = open_pipeline_by_account(session)
    # One index seek per account (partial index), instead of grouping a million activities.
    last_contact = (
        select(func.max(Interaction.occurred_at))
        .where(Interaction.account_id == Account.id, *contact_filter())
        .correlate(Account)
        .scalar_subquery()
    )
    parent = aliased(Account)
    query = (
        select(
            Account.id,
            Account.name,
            Account.tier,
            Account.sector,
            Account.owner_id,
            User.name,
            Account.parent_id,
            parent.name,
            last_contact,
            Account.renewal_date,
        )
        .outerjoin(User, User.id == Account.owner_id)
        .outerjoin(parent, parent.id == Account.parent_id)
        .order_by(func.lower(Account.name))
    )
    if not include_deleted:
        query = query.where(Account.deleted_at.is_(None))
    return [
        AccountRow(
            id=account_id,
            name=name,
            tier=tier,
            sector=sector,
            owner_id=owner_id,
            owner=owner,
            parent_id=parent_id,
            parent=parent_name,
            revenue_year_cents=revenue.get(account_id, 0),
            open_pipeline_cents=pipeline.get(account_id, 0),
            last_contact_at=_as_datetime(last),
            renewal_date=renewal,
        )
        for account_id, name, tier, sector, owner_id, owner, parent_id, parent_name, last, renewal in (
            session.execute(query)
        )
    ]


def _as_datetime(value: Any) -> dt.datetime | None:
    # func.max() over a TypeDecorator column returns the stored text, not the decoded value.
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(value)


def account_values(session: Session, account_id: str) -> dict[str, Any]:
    """The editable fields of one account, as the edit dialog and ``accounts show`` need them."""
    account = records.get_live(session, Account, account_id, KIND)
    return {name: getattr(account, name) for name in ACCOUNT_FIELDS}


def _check(uow: UnitOfWork, account: Account, values: dict[str, Any]) -> None:
    errors = []
    if values.get("parent_id"):
        parent_id = values["parent_id"]
        if parent_id == account.id:
            errors.append(
                FieldError("parent_id", "self_parent", "an account cannot be its own group")
            )
        else:
            parent = uow.session.get(Account, parent_id)
            if parent is None or parent.deleted_at is not None:
                errors.append(FieldError("parent_id", "unknown_record", "no such account"))
            elif account.id is not None and _is_descendant(uow.session, parent_id, account.id):
                errors.append(
                    FieldError(
                        "parent_id",
                        "cycle",
                        "this would make the group a subsidiary of its own subsidiary",
                    )
                )
    owner = uow.session.get(User, values["owner_id"]) if values.get("owner_id") else None
    if values.get("owner_id") and (owner is None or owner.deleted_at is not None):
        errors.append(FieldError("owner_id", "unknown_record", "no such user"))
    if errors:
        raise ValidationError(errors)


def _is_descendant(session: Session, candidate_id: str, ancestor_id: str) -> bool:
    """True if ``candidate_id`` sits somewhere below ``ancestor_id`` in the group tree."""
    seen = set()
    current: str | None = candidate_id
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = session.scalar(select(Account.parent_id).where(Account.id == current))
    return False


def create_account(uow: UnitOfWork, values: Mapping[str, Any]) -> str:
    values = {"tier": "standard"} | dict(values)
    return records.create(uow, Account, ACCOUNT_FIELDS, values, check=_check)


def update_account(
    uow: UnitOfWork,
    account_id: str,
    values: Mapping[str, Any],
    *,
    expected: Mapping[str, Any] | None = None,
) -> Edit:
    return records.update(
        uow, Account, KIND, ACCOUNT_FIELDS, account_id, values, check=_check, expected=expected
    )


def delete_account(uow: UnitOfWork, account_id: str) -> None:
    live_children = uow.session.scalar(
        select(func.count()).where(Account.parent_id == account_id, Account.deleted_at.is_(None))
    )
    if live_children:
        raise ValidationError(
            [
                FieldError(
                    "parent_id",
                    "has_subsidiaries",
                    f"this group still has {live_children} subsidiaries: move or delete them first",
                    {"count": live_children},
                )
            ]
        )
    records.soft_delete(uow, Account, KIND, account_id)


def restore_account(uow: UnitOfWork, account_id: str) -> None:
    records.restore(uow, Account, KIND, account_id)


def count_accounts(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(Account).where(Account.deleted_at.is_(None))
        )
        or 0
    )


def list_deleted_accounts(session: Session) -> list[tuple[str, str, dt.datetime | None]]:
    return [
        (a.id, a.name, a.deleted_at)
        for a in session.scalars(
            select(Account)
            .where(Account.deleted_at.is_not(None))
            .order_by(Account.deleted_at.desc())
        )
    ]


def find_account(session: Session, id_or_name: str) -> str | None:
    """An account id from its id or exact name (case-insensitive, "ÉNERGIE" = "Énergie"), for the CLI.

    Compared in Python: SQLite's lower() leaves accented capitals as they are.
    """
    if session.get(Account, id_or_name) is not None:
        return id_or_name
    wanted = id_or_name.strip().casefold()
    ids = [
        account_id
        for account_id, name in session.execute(
            select(Account.id, Account.name).where(Account.deleted_at.is_(None))
        )
        if name.casefold() == wanted
    ]
    return ids[0] if len(ids) == 1 else None
