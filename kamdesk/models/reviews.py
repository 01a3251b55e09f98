"""Business reviews (QBRs) and NPS answers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class BusinessReview(Synced, Base):
    __tablename__ = "business_reviews"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    scheduled_on: Mapped[dt.date]
    held_on: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)
    actions: Mapped[str | None] = mapped_column(Text)


class NpsResponse(Synced, Base):
    __tablename__ = "nps_responses"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    score: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[dt.date]
