"""Tables that never sync: the outbox of pending changes and this installation's settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, utcnow


class OutboxEntry(Base):
    """One local change waiting to be pushed, written in the same transaction as the change."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mutation_id: Mapped[str] = mapped_column(String(36), unique=True)
    hlc: Mapped[str] = mapped_column(String(48))
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert / update / delete / restore
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)  # new values of the changed fields
    base_hlc: Mapped[str | None] = mapped_column(String(48))  # the row's HLC before this change
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LocalSetting(Base):
    """Key/value facts about this installation (client node id, current user, …)."""

    __tablename__ = "local_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))
