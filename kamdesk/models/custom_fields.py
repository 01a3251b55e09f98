"""Fields admins add without code; values live in each record's ``custom_fields`` JSON."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class CustomFieldDefinition(Synced, Base):
    __tablename__ = "custom_field_definitions"

    entity: Mapped[str] = mapped_column(String(32))  # "account", "contact", …
    key: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(
        String(16), default="text"
    )  # text, number, date, choice, bool
    options: Mapped[list[str]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(default=0)
