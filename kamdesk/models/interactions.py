"""Interactions: the account timeline (calls, meetings, notes, emails, quotes sent…)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Interaction(Synced, Base):
    __tablename__ = "interactions"
    __table_args__ = (
        # The timeline (newest first) and its counts per kind are index-only reads.
        Index(
            "ix_interactions_account_timeline", "account_id", "occurred_at", "kind", "deleted_at"
        ),
        # "Last contact" per account (calls, meetings, emails) is one seek in this partial index,
        # even with a million activities. Its WHERE must match services.accounts.contact_filter.
        Index(
            "ix_interactions_account_last_contact",
            "account_id",
            "occurred_at",
            "id",  # covering: the per-contact last contact joins on id without reading rows
            sqlite_where=text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
            postgresql_where=text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
        ),
        # An email's timeline activity (relinking, unlinking); most activities are not emails.
        Index(
            "ix_interactions_email",
            "email_id",
            sqlite_where=text("email_id IS NOT NULL"),
            postgresql_where=text("email_id IS NOT NULL"),
        ),
    )

    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[dt.datetime]
    direction: Mapped[str | None] = mapped_column(String(8))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"), index=True)
    author_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
    duration_minutes: Mapped[int | None]
    email_id: Mapped[str | None] = mapped_column(ForeignKey("emails.id"))


class InteractionContact(Synced, Base):
    """Which contacts took part in an interaction (many per interaction)."""

    __tablename__ = "interaction_contacts"

    __table_args__ = (
        # Covering: an activity's participants (and whether the link is live) without table reads.
        Index("ix_interaction_contacts_participants", "interaction_id", "contact_id", "deleted_at"),
    )

    interaction_id: Mapped[str] = mapped_column(ForeignKey("interactions.id"))
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id"), index=True)
