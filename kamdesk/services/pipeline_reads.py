"""Read-only views for the opportunity editor: stage history, linked activities, catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import (
    Contact,
    Interaction,
    Opportunity,
    Product,
    Stage,
    StageHistory,
    utcnow,
)
from kamdesk.services import records
from kamdesk.services.account_view import TimelineRow, timeline_rows
from kamdesk.services.pipeline_moves import KIND


@dataclass(frozen=True)
class HistoryRow:
    stage: str
    entered_at: dt.datetime
    left_at: dt.datetime | None
    days: int  # whole days in the stage (up to now while still in it)
    stage_id: str = ""


@dataclass(frozen=True)
class ProductInfo:
    id: str
    code: str
    name: str
    family: str | None
    list_price_cents: int
    currency: str


def stage_history(
    session: Session, opportunity_id: str, *, now: dt.datetime | None = None
) -> list[HistoryRow]:
    """The stages the opportunity went through, oldest first."""
    records.get_live(session, Opportunity, opportunity_id, KIND)
    now = now or utcnow()
    return [
        HistoryRow(name, entered, left, ((left or now) - entered).days, stage_id)
        for stage_id, name, entered, left in session.execute(
            select(StageHistory.stage_id, Stage.name, StageHistory.entered_at, StageHistory.left_at)
            .join(Stage, Stage.id == StageHistory.stage_id)
            .where(StageHistory.opportunity_id == opportunity_id, StageHistory.deleted_at.is_(None))
            .order_by(StageHistory.entered_at, StageHistory.id)
        )
    ]


def linked_interactions(session: Session, opportunity_id: str) -> list[TimelineRow]:
    """Activities linked to the opportunity, newest first."""
    return timeline_rows(
        session, [Interaction.opportunity_id == opportunity_id, Interaction.deleted_at.is_(None)]
    )


def list_products(session: Session) -> list[ProductInfo]:
    """The live, active catalog by name."""
    return [
        ProductInfo(*row)
        for row in session.execute(
            select(
                Product.id,
                Product.code,
                Product.name,
                Product.family,
                Product.list_price_cents,
                Product.currency,
            )
            .where(Product.deleted_at.is_(None), Product.active.is_(True))
            .order_by(Product.name)
        )
    ]


def account_contacts(session: Session, account_id: str) -> list[tuple[str, str]]:
    """(id, name) of the account's live contacts, to pick the economic buyer and champion."""
    return [
        (cid, f"{first} {last}".strip())
        for cid, first, last in session.execute(
            select(Contact.id, Contact.first_name, Contact.last_name)
            .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
            .order_by(Contact.last_name, Contact.first_name)
        )
    ]
