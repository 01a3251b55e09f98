"""Declarative base, naming convention and the columns every synced table shares."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, MetaData, String, TypeDecorator
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kamdesk.ids import new_id

# Alembic batch mode on SQLite needs named constraints to drop or alter them later.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso_utc(value: dt.datetime) -> str:
    """``2026-01-31T09:30:00.000000Z`` for an aware datetime: how every date is stored and synced.

    ``isoformat`` is about five times faster than ``strftime``, and imports format hundreds of
    thousands of dates.
    """
    if value.tzinfo is not dt.UTC:
        value = value.astimezone(dt.UTC)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


class UtcDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime stored as ISO-8601 text (``2026-01-31T09:30:00.000000Z``).

    Text sorts chronologically, reads the same in SQLite and PostgreSQL, and survives sync as-is.
    Naive datetimes are refused: a wall-clock time without a zone is a bug waiting to happen.
    """

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an aware UTC datetime is required")
        return iso_utc(value)

    def process_result_value(self, value: str | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        # fromisoformat is ~20x faster than strptime, and reading dates is on every hot path.
        return dt.datetime.fromisoformat(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Mutable wrappers so that in-place edits (``account.email_domains.append(…)``) are seen by
    # the unit of work and reach the outbox, not silently dropped.
    type_annotation_map = {
        dt.datetime: UtcDateTime(),
        dict[str, Any]: MutableDict.as_mutable(JSON()),
        list[str]: MutableList.as_mutable(JSON()),
    }


class Synced:
    """Columns of every table that syncs: client-made UUID, HLC of the last change, tombstone.

    The unit of work (``kamdesk.db.unit_of_work``) fills ``hlc``/``updated_at`` and writes the
    outbox row; code never sets them by hand. Rows are never hard-deleted: ``deleted_at`` is set.
    """

    __synced__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    hlc: Mapped[str] = mapped_column(String(48), default="", index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def is_synced(obj_or_cls: Any) -> bool:
    return bool(getattr(obj_or_cls, "__synced__", False))
