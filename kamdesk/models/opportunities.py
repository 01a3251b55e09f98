"""The opportunity aggregate: the deal, its product lines, buying committee and stage history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced

MEDDIC_ITEMS = (
    "metrics",
    "economic_buyer_id",
    "decision_criteria",
    "decision_process",
    "identified_pain",
    "champion_id",
)


class Opportunity(Synced, Base):
    __tablename__ = "opportunities"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    pipeline_id: Mapped[str] = mapped_column(ForeignKey("pipelines.id"), index=True)
    stage_id: Mapped[str] = mapped_column(ForeignKey("stages.id"), index=True)
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)  # open/won/lost
    amount_cents: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    probability: Mapped[int] = mapped_column(default=0)
    probability_manual: Mapped[bool] = mapped_column(default=False)
    expected_close: Mapped[dt.date | None] = mapped_column(index=True)
    owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    position: Mapped[float] = mapped_column(default=0.0)  # order within its Kanban column
    stage_entered_at: Mapped[dt.datetime | None]
    closed_at: Mapped[dt.datetime | None]
    close_reason: Mapped[str | None] = mapped_column(Text)
    competitor: Mapped[str | None] = mapped_column(String(120))
    next_step: Mapped[str | None] = mapped_column(String(300))
    next_step_date: Mapped[dt.date | None]
    description: Mapped[str | None] = mapped_column(Text)
    # MEDDIC
    metrics: Mapped[str | None] = mapped_column(Text)
    economic_buyer_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    decision_criteria: Mapped[str | None] = mapped_column(Text)
    decision_process: Mapped[str | None] = mapped_column(Text)
    identified_pain: Mapped[str | None] = mapped_column(Text)
    champion_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))


class OpportunityLine(Synced, Base):
    __tablename__ = "opportunity_lines"

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunities.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[float] = mapped_column(default=1.0)
    unit_price_cents: Mapped[int] = mapped_column(default=0)


class OpportunityContact(Synced, Base):
    """A stakeholder on the opportunity's buying committee, with their role in this decision."""

    __tablename__ = "opportunity_contacts"

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunities.id"), index=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(32))


class StageHistory(Synced, Base):
    __tablename__ = "stage_history"

    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunities.id"), index=True)
    stage_id: Mapped[str] = mapped_column(ForeignKey("stages.id"))
    entered_at: Mapped[dt.datetime]
    left_at: Mapped[dt.datetime | None]
