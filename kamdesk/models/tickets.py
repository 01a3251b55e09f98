"""Support tickets, with the timestamps an SLA is measured on."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Ticket(Synced, Base):
    __tablename__ = "tickets"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    number: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(12), default="normal")
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    opened_at: Mapped[dt.datetime]
    first_response_at: Mapped[dt.datetime | None]
    resolved_at: Mapped[dt.datetime | None]
    sla_hours: Mapped[int | None]
