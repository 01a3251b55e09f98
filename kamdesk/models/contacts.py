"""Contacts (stakeholders) at a customer, their reporting lines and stance history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Contact(Synced, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("influence BETWEEN 1 AND 5", name="influence_range"),
        CheckConstraint("stance BETWEEN -2 AND 2", name="stance_range"),
    )

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    site_id: Mapped[str | None] = mapped_column(ForeignKey("sites.id"))
    civility: Mapped[str | None] = mapped_column(String(16))
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80), index=True)
    job_title: Mapped[str | None] = mapped_column(String(160))
    department: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), index=True)  # stored lower-case
    other_emails: Mapped[list[str]] = mapped_column(default=list)
    phone: Mapped[str | None] = mapped_column(String(40))
    mobile: Mapped[str | None] = mapped_column(String(40))
    reports_to_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    buying_role: Mapped[str | None] = mapped_column(String(32))
    influence: Mapped[int] = mapped_column(default=3)
    stance: Mapped[int] = mapped_column(default=0)
    interests: Mapped[str | None] = mapped_column(Text)
    relationship_owner_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    consent: Mapped[str | None] = mapped_column(String(40))  # GDPR legal basis
    left_at: Mapped[dt.date | None]  # left the company: kept for history, shown greyed out
    email_bounced: Mapped[bool] = mapped_column(default=False)
    custom_fields: Mapped[dict[str, Any]] = mapped_column(default=dict)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class StanceChange(Synced, Base):
    """One change of a contact's stance or influence, for the "as of" view of the map."""

    __tablename__ = "stance_changes"

    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
    changed_at: Mapped[dt.datetime]
    author_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    stance_before: Mapped[int | None]
    stance_after: Mapped[int]
    influence_before: Mapped[int | None]
    influence_after: Mapped[int]
