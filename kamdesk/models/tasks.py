"""Tasks and reminders, automation rules and the alerts they raise."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced


class Task(Synced, Base):
    __tablename__ = "tasks"

    kind: Mapped[str] = mapped_column(String(16), default="task")
    title: Mapped[str] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    done_at: Mapped[dt.datetime | None]
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"))
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"))
    assignee_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)


class Rule(Synced, Base):
    __tablename__ = "rules"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(
        String(32)
    )  # inactivity, follow_up, stage_change, sla, renewal
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    enabled: Mapped[bool] = mapped_column(default=True)


class Alert(Synced, Base):
    __tablename__ = "alerts"

    rule_id: Mapped[str | None] = mapped_column(ForeignKey("rules.id"))
    kind: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(String(500))
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"))
    raised_at: Mapped[dt.datetime]
    dismissed_at: Mapped[dt.datetime | None]
