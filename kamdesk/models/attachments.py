"""Attachment metadata; the bytes live content-addressed (SHA-256) in the data folder."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Attachment(Synced, Base):
    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str | None] = mapped_column(String(120))
    size: Mapped[int] = mapped_column(default=0)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"), index=True)
    interaction_id: Mapped[str | None] = mapped_column(ForeignKey("interactions.id"), index=True)
    email_id: Mapped[str | None] = mapped_column(ForeignKey("emails.id"), index=True)
    added_by_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"))
