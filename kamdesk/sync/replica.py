"""Writing the server's rows into the local database, under the pending local changes.

Pulled rows are the server's state: they are written with plain SQL — no new HLC, no outbox
row, which the unit of work would add — and then every pending outbox entry of those rows is
replayed on top, so that what the user typed and has not sent yet stays on screen.

Foreign keys are not enforced while a page is written: a replica holds only the buckets its user
may read, so a row may name one it will never receive (a contact reporting to someone in an
account of another team), and a page may bring a child before its parent.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection

from kamdesk.db import Database
from kamdesk.db.bulk import EMPTY_JSON, insert_many
from kamdesk.db.unit_of_work import Changes

_BATCH_IDS = 500  # ids per IN (...) query


@dataclass(frozen=True)
class _TablePlan:
    columns: tuple[str, ...]
    json_columns: frozenset[str]
    json_positions: tuple[int, ...]
    upsert: tuple[str, str, str]  # INSERT … | (?, …) | ON CONFLICT …: see kamdesk.db.bulk
    getter: Any


@cache
def _plan(table: str) -> _TablePlan:
    from kamdesk.models import Base

    cols = Base.metadata.tables[table].c
    names = tuple(c.name for c in cols)
    updates = ", ".join(f'"{n}" = excluded."{n}"' for n in names if n != "id")
    quoted = ", ".join(f'"{n}"' for n in names)
    sql = (
        f'INSERT INTO "{table}" ({quoted})',
        f"({', '.join('?' for _ in names)})",
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
    )
    json_names = frozenset(c.name for c in cols if isinstance(c.type, JSON))
    return _TablePlan(
        names,
        json_names,
        tuple(i for i, n in enumerate(names) if n in json_names),
        sql,
        itemgetter(*names),
    )


def _bound(plan: _TablePlan, name: str, value: Any) -> Any:
    if value is not None and name in plan.json_columns:
        return json.dumps(value, ensure_ascii=False)
    return value


def _row_values(plan: _TablePlan, data: dict[str, Any]) -> tuple[Any, ...]:
    try:
        values = plan.getter(data)
    except KeyError:  # a column the server never had (should not happen: inserts are complete)
        values = tuple(data.get(n) for n in plan.columns)
    if not plan.json_positions:
        return values
    row = list(values)
    for i in plan.json_positions:
        value = row[i]
        if value is not None:
            # Most JSON columns hold an empty list or object: skip the encoder for those.
            row[i] = EMPTY_JSON[type(value)] if not value else json.dumps(value, ensure_ascii=False)
    return tuple(row)


# While a whole replica is written: a large page cache, WAL checkpoints every ~400 MB rather
# than every 4 MB (each checkpoint copies pages back and syncs the file), and the sorts of the
# indexes built at the end on helper threads (one per core, up to 4). Set on the pooled
# connection for the whole pull — changing the cache size empties the cache — and put back by
# ``finish_bulk_pull``.
_BULK_PRAGMAS = (
    "cache_size=-262144",
    "wal_autocheckpoint=100000",
    f"threads={min(os.cpu_count() or 1, 4)}",
)
_NORMAL_PRAGMAS = ("cache_size=-2000", "wal_autocheckpoint=1000", "threads=0")


@contextmanager
def replica_transaction(db: Database, *, bulk: bool = False) -> Iterator[Connection]:
    """One local write transaction, taken at once (BEGIN IMMEDIATE) so that the pending outbox
    read inside it cannot change before the rows are written; foreign keys off meanwhile."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        for pragma in _BULK_PRAGMAS if bulk else ():
            conn.exec_driver_sql(f"PRAGMA {pragma}")
        try:
            conn.commit()  # the PRAGMAs opened no transaction, but SQLAlchemy believes they did
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            yield conn
            conn.commit()
        finally:
            conn.rollback()
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


BULK_KEY = "sync.bulk_pull"


@contextmanager
def bulk_pull(db: Database) -> Iterator[None]:
    """A first pull of a whole replica, with the full-text triggers and secondary indexes
    dropped and built once at the end.

    On a million activities the FTS5 triggers cost ~140 µs a row against ~10 µs for one rebuild,
    and an index built from sorted rows costs a fraction of one kept up row by row. Pages still
    commit one by one with their cursors; what the GUI writes meanwhile is indexed by the
    rebuild, which runs whatever happens — or, after a crash, at the next pull (``BULK_KEY``
    stays set until then, and the dropped indexes are kept in ``sync_suspended_indexes``).
    """
    from kamdesk.db import fts
    from kamdesk.db.database import synced_tables
    from kamdesk.sync.local_state import ensure_tables, set_setting

    tables = synced_tables()
    with replica_transaction(db) as conn:
        ensure_tables(conn)
        fts.uninstall(conn)
        indexes = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({', '.join('?' for _ in tables)})",
            tuple(tables),
        ).all()
        for name, sql in indexes:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO sync_suspended_indexes (name, sql) VALUES (?, ?)",
                (name, sql),
            )
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        set_setting(conn, BULK_KEY, "1")
    try:
        yield
    finally:
        finish_bulk_pull(db)


def finish_bulk_pull(db: Database) -> None:
    """Build the indexes and the full-text index a bulk pull dropped."""
    from kamdesk.db import fts
    from kamdesk.sync.local_state import ensure_tables

    with replica_transaction(db, bulk=True) as conn:
        ensure_tables(conn)
        existing = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='index'")
        }
        for name, sql in conn.exec_driver_sql("SELECT name, sql FROM sync_suspended_indexes").all():
            if name not in existing:
                conn.exec_driver_sql(sql)
        conn.exec_driver_sql("DELETE FROM sync_suspended_indexes")
        fts.install(conn)
        conn.exec_driver_sql("DELETE FROM local_settings WHERE key = ?", (BULK_KEY,))
    with db.engine.connect() as conn:
        for pragma in _NORMAL_PRAGMAS:
            conn.exec_driver_sql(f"PRAGMA {pragma}")


def bulk_pull_interrupted(db: Database) -> bool:
    with db.engine.connect() as conn:
        return (
            conn.exec_driver_sql("SELECT 1 FROM local_settings WHERE key = ?", (BULK_KEY,)).first()
            is not None
        )


@dataclass
class Applied:
    upserted: int = 0
    removed: int = 0
    replayed: int = 0
    max_hlc: str = ""
    changes: Changes = field(default_factory=Changes)


def apply_changes(
    conn: Connection, items: Iterable[dict[str, Any]], *, collect: bool = False
) -> Applied:
    """Write pulled items (``{"v", "t", "id", "d"}``; ``d`` None: drop the row) in ``conn``'s
    transaction, then replay the pending outbox entries of those rows over them."""
    from kamdesk.sync.buckets import SCOPES

    # Only the last item of a row counts (a row may leave and come back within a page).
    last: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        if item["t"] in SCOPES:  # a table this kamdesk does not have: ignore it
            last[(item["t"], item["id"])] = item
    result = Applied()
    upserts: dict[str, list[tuple[Any, ...]]] = {}
    removals: dict[str, list[tuple[str]]] = {}
    max_hlc = ""
    for (table, row_id), item in last.items():
        data = item["d"]
        if data is None:
            removals.setdefault(table, []).append((row_id,))
            continue
        upserts.setdefault(table, []).append(_row_values(_plan(table), data))
        hlc = data.get("hlc") or ""
        if hlc > max_hlc:
            max_hlc = hlc
    for table, ids in removals.items():
        conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE id = ?', ids)
        result.removed += len(ids)
    for table, rows in upserts.items():
        head, row, tail = _plan(table).upsert
        insert_many(conn, head, row, rows, tail)
        result.upserted += len(rows)
    kept = {key for key, item in last.items() if item["d"] is not None}
    result.replayed, replay_hlc = replay_pending(conn, kept)
    result.max_hlc = max(max_hlc, replay_hlc)
    if collect:
        for (table, row_id), item in last.items():
            result.changes.add(table, row_id, "delete" if item["d"] is None else "update")
    return result


def replay_pending(conn: Connection, rows: set[tuple[str, str]]) -> tuple[int, str]:
    """Re-apply pending outbox entries of ``rows`` (table, id) over what was just written."""
    if not rows or conn.exec_driver_sql("SELECT 1 FROM outbox LIMIT 1").first() is None:
        return 0, ""
    ids = sorted({row_id for _, row_id in rows})
    # Chunks hold disjoint rows, and each is in seq order: per row, entries replay in order.
    pending: list[Any] = []
    for start in range(0, len(ids), _BATCH_IDS):
        chunk = ids[start : start + _BATCH_IDS]
        pending += conn.exec_driver_sql(
            "SELECT table_name, row_id, fields, hlc FROM outbox "
            f"WHERE row_id IN ({', '.join('?' for _ in chunk)}) ORDER BY seq",
            tuple(chunk),
        ).all()
    count, top_hlc = 0, ""
    for table, row_id, fields_text, hlc in pending:
        if (table, row_id) not in rows:
            continue
        plan = _plan(table)
        fields = {
            k: v
            for k, v in json.loads(fields_text).items()
            if k in plan.columns and k not in ("id", "hlc", "updated_at", "created_at")
        }
        # The row shows the latest change made to it, local or remote.
        row_hlc = conn.exec_driver_sql(
            f'SELECT hlc FROM "{table}" WHERE id = ?', (row_id,)
        ).scalar()
        new_hlc = max(row_hlc or "", hlc)
        assignments = ", ".join(f'"{k}" = ?' for k in fields)
        conn.exec_driver_sql(
            f'UPDATE "{table}" SET {assignments}{", " if fields else ""}hlc = ? WHERE id = ?',
            (*(_bound(plan, k, v) for k, v in fields.items()), new_hlc, row_id),
        )
        count += 1
        top_hlc = max(top_hlc, hlc)
    return count, top_hlc
