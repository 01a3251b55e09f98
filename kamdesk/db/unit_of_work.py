"""The unit of work: one session, one transaction, one user intent.

Every change to a synced row made through a unit of work gets a fresh HLC and ``updated_at`` and
an outbox row, flushed in the *same* transaction as the change: both commit or neither does. The
unit of work also gathers *what changed* (``Changes``) so that the caller — a view, the CLI —
decides what to refresh without guessing.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from kamdesk.ids import new_id
from kamdesk.models.base import is_synced, utcnow
from kamdesk.models.local import OutboxEntry

if TYPE_CHECKING:
    from kamdesk.hlc import HybridLogicalClock

_BOOKKEEPING = frozenset({"hlc", "updated_at"})


@dataclass
class Changes:
    """What a unit of work changed: ``{table: {row id: op}}`` with op insert/update/delete/restore."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, table: str, row_id: str, op: str) -> None:
        ops = self.rows.setdefault(table, {})
        # An insert followed by updates in the same unit of work is still an insert.
        if ops.get(row_id) != "insert":
            ops[row_id] = op

    def merge(self, other: Changes) -> None:
        for table, ops in other.rows.items():
            for row_id, op in ops.items():
                self.add(table, row_id, op)

    @property
    def tables(self) -> set[str]:
        return set(self.rows)

    def ids(self, table: str) -> set[str]:
        return set(self.rows.get(table, {}))

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)

    def __bool__(self) -> bool:
        return bool(self.rows)


def to_json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


class UnitOfWork:
    """``with db.unit_of_work() as uow: …; uow.commit()`` — leaving without commit rolls back."""

    def __init__(self, session: Session, clock: HybridLogicalClock, *, record_outbox: bool) -> None:
        self.session = session
        self.clock = clock
        self.record_outbox = record_outbox
        self.changes = Changes()
        self._pending = Changes()
        session.info["uow"] = self

    def __enter__(self) -> UnitOfWork:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def commit(self) -> Changes:
        self.session.commit()
        self.changes.merge(self._pending)
        self._pending = Changes()
        return self.changes

    def rollback(self) -> None:
        self.session.rollback()
        self._pending = Changes()

    # -- flush hook -------------------------------------------------------------------------
    def _before_flush(self, session: Session) -> None:
        now = utcnow()
        for obj in list(session.new):
            if is_synced(obj):
                self._stamp_new(session, obj, now)
        for obj in list(session.dirty):
            if is_synced(obj) and session.is_modified(obj, include_collections=False):
                self._stamp_dirty(session, obj, now)
        for obj in list(session.deleted):
            if is_synced(obj):
                raise RuntimeError(
                    f"hard delete of synced row {type(obj).__name__} {obj.id}: set deleted_at"
                )

    def _stamp_new(self, session: Session, obj: Any, now: dt.datetime) -> None:
        if obj.id is None:
            obj.id = new_id()
        # Imports and the demo pass their records' own dates; keep them.
        if obj.created_at is None:
            obj.created_at = now
        if obj.updated_at is None:
            obj.updated_at = obj.created_at
        obj.hlc = self.clock.now()
        values: dict[str, Any] = {}
        if self.record_outbox:
            mapper = inspect(obj).mapper
            for attr in mapper.column_attrs:
                # Apply column defaults now rather than at INSERT, so the outbox row holds them.
                default = attr.columns[0].default
                if getattr(obj, attr.key) is None and default is not None:
                    if default.is_scalar:
                        setattr(obj, attr.key, default.arg)
                    elif default.is_callable:
                        setattr(obj, attr.key, default.arg(None))
            values = {
                attr.key: to_json_value(getattr(obj, attr.key)) for attr in mapper.column_attrs
            }
        self._record(session, obj, "insert", values, base_hlc=None)

    def _stamp_dirty(self, session: Session, obj: Any, now: dt.datetime) -> None:
        state = inspect(obj)
        changed: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            if attr.key in _BOOKKEEPING:
                continue
            history = state.attrs[attr.key].history
            if history.has_changes() and list(history.added) != list(history.deleted):
                changed[attr.key] = to_json_value(getattr(obj, attr.key))
        if not changed:
            return
        base_hlc = obj.hlc
        # Another process (the CLI, a sync) may have stamped this row with a later clock.
        self.clock.observe(base_hlc)
        obj.hlc = self.clock.now()
        obj.updated_at = now
        op = "update"
        if "deleted_at" in changed:
            op = "delete" if obj.deleted_at is not None else "restore"
        self._record(session, obj, op, changed, base_hlc=base_hlc)

    def _record(
        self, session: Session, obj: Any, op: str, values: dict[str, Any], base_hlc: str | None
    ) -> None:
        table = obj.__tablename__
        self._pending.add(table, obj.id, op)
        if self.record_outbox:
            session.add(
                OutboxEntry(
                    mutation_id=new_id(),
                    hlc=obj.hlc,
                    table_name=table,
                    row_id=obj.id,
                    op=op,
                    fields=values,
                    base_hlc=base_hlc,
                )
            )


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    uow = session.info.get("uow")
    if uow is not None:
        uow._before_flush(session)
    else:
        for obj in list(session.new) + list(session.dirty):
            if is_synced(obj):
                raise RuntimeError("synced rows may only be written through a UnitOfWork")


def iter_outbox(session: Session) -> Iterator[OutboxEntry]:
    yield from session.query(OutboxEntry).order_by(OutboxEntry.seq)
