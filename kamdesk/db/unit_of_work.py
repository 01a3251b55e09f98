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

from sqlalchemy import JSON, event, inspect
from sqlalchemy.orm import Session

from kamdesk.db.bulk import EMPTY_JSON, insert_many
from kamdesk.ids import new_id
from kamdesk.models.base import UtcDateTime, is_synced, iso_utc, utcnow
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


_PLAIN = frozenset({str, int, float, bool, type(None), list, dict})


def to_json_value(value: Any) -> Any:
    if type(value) in _PLAIN:  # the common case, first: imports call this a million times
        return value
    if isinstance(value, dt.datetime):
        return iso_utc(value)
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

    def insert_rows(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        """Insert many new synced rows, each stamped and in the outbox, many rows per statement.

        For imports (a mailbox of 50 000 messages): the ORM's per-object bookkeeping, and even
        Core's per-row parameter handling, cost several times more than SQLite's own work. The
        rows get what ``_stamp_new`` gives an ORM object — id, dates, HLC, column defaults, an
        outbox row with every column — and their values go through the columns' own bind
        processors, so nothing downstream (sync, undo, refresh) can tell how they were written.
        Rows are dicts of attribute values and are completed in place. Local SQLite only.
        """
        if not rows:
            return
        if not is_synced(model):
            raise TypeError(f"{model.__name__} is not a synced table")
        now = utcnow()
        plan = _insert_plan(model, self.session.get_bind().dialect)
        table = model.__tablename__
        outbox: list[tuple[Any, ...]] = []
        values: list[tuple[Any, ...]] = []
        keys, as_json = plan.keys, plan.outbox_bound
        processors = _batch_processors(plan, now)
        record = self.record_outbox
        for row in rows:
            if row.get("id") is None:
                row["id"] = new_id()
            if row.get("created_at") is None:
                row["created_at"] = now
            if row.get("updated_at") is None:
                row["updated_at"] = row["created_at"]
            row["hlc"] = self.clock.now()
            row.setdefault("deleted_at", None)
            for key, default in plan.defaults:
                if row.get(key) is None:
                    row[key] = default.arg if default.is_scalar else default.arg(None)
            self._pending.add(table, row["id"], "insert")
            raw = [row.get(key) for key in keys]
            bound = [
                value if process is None or value is None else process(value)
                for value, process in zip(raw, processors, strict=True)
            ]
            values.append(tuple(bound))
            if record:
                # The outbox holds JSON values: dates as the text just bound (one conversion,
                # not two), everything else as given (lists and dicts stay structures).
                fields = {
                    key: b if bound_is_json else to_json_value(v)
                    for key, v, b, bound_is_json in zip(keys, raw, bound, as_json, strict=True)
                }
                outbox.append((new_id(), row["hlc"], table, row["id"], "insert", fields, None, now))
        connection = self.session.connection()
        insert_many(connection, plan.head, plan.row, values)
        if outbox:
            out = _insert_plan(OutboxEntry, self.session.get_bind().dialect)
            out_processors = _batch_processors(out, now)
            insert_many(
                connection,
                out.head,
                out.row,
                [
                    tuple(
                        process(value) if process is not None else value
                        for value, process in zip(entry, out_processors, strict=True)
                    )
                    for entry in outbox
                ],
            )

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


@dataclass(frozen=True)
class _InsertPlan:
    head: str  # INSERT INTO t (columns)
    row: str  # (?, ?, …): one row's placeholders
    keys: tuple[str, ...]  # attribute names, in the statement's column order
    processors: tuple[Any, ...]  # each column's bind processor (None: value as is)
    defaults: tuple[tuple[str, Any], ...]  # (attribute, ColumnDefault) filled before insert
    outbox_bound: tuple[bool, ...]  # the bound value is the outbox's JSON value (dates)
    is_json: tuple[bool, ...]  # a JSON column


def _batch_processors(plan: _InsertPlan, now: dt.datetime) -> list[Any]:
    """The plan's bind processors with shortcuts for the values most rows of a batch share.

    Every row of an import is stamped with the same ``now`` (created, updated, queued in the
    outbox), and most JSON lists and dicts are empty: converting each again would be a tenth
    of what a mail import costs.
    """
    now_text = iso_utc(now)

    def date_of(process: Any) -> Any:
        return lambda value: now_text if value is now else process(value)

    def json_of(process: Any) -> Any:
        def bind(value: Any) -> Any:
            empty = None if value else EMPTY_JSON.get(type(value))
            return empty if empty is not None else process(value)

        return bind

    chosen = []
    for process, is_date, is_json in zip(
        plan.processors, plan.outbox_bound, plan.is_json, strict=True
    ):
        if process is not None and is_date:
            process = date_of(process)
        elif process is not None and is_json:
            process = json_of(process)
        chosen.append(process)
    return chosen


_PLANS: dict[tuple[type[Any], str], _InsertPlan] = {}
_OUTBOX_KEYS = (
    "mutation_id", "hlc", "table_name", "row_id", "op", "fields", "base_hlc", "created_at",
)  # fmt: skip


def _insert_plan(model: type[Any], dialect: Any) -> _InsertPlan:
    found = _PLANS.get((model, dialect.name))
    if found is not None:
        return found
    mapper = inspect(model)
    if model is OutboxEntry:
        attrs = [mapper.column_attrs[key] for key in _OUTBOX_KEYS]
    else:
        attrs = list(mapper.column_attrs)
    columns = [attr.columns[0] for attr in attrs]
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(model.__tablename__)} ({', '.join(quote(c.name) for c in columns)})"
    row = f"({', '.join('?' for _ in columns)})"
    defaults = tuple(
        (attr.key, attr.columns[0].default)
        for attr in attrs
        if attr.columns[0].default is not None
        and attr.key not in ("id", "created_at", "updated_at")
        and (attr.columns[0].default.is_scalar or attr.columns[0].default.is_callable)
    )
    plan = _InsertPlan(
        head,
        row,
        tuple(attr.key for attr in attrs),
        tuple(c.type._cached_bind_processor(dialect) for c in columns),
        defaults,
        tuple(isinstance(c.type, UtcDateTime) for c in columns),
        tuple(isinstance(c.type, JSON) for c in columns),
    )
    _PLANS[(model, dialect.name)] = plan
    return plan


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
