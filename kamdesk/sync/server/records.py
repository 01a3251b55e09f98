"""The server's copy of synced rows: reading, writing, moving between buckets, re-sending."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Connection, bindparam, insert, select, update

from kamdesk.sync.buckets import SCOPES, children_of, parent_key
from kamdesk.sync.server.store import Writer
from kamdesk.sync.server.tables import departures, records

BLOB_COLUMNS = {"attachments": "sha256", "emails": "raw_sha256"}


@dataclass
class Record:
    table: str
    row_id: str
    bucket: str
    owner_id: str
    parent_id: str | None
    version: int
    data: dict[str, Any]
    meta: dict[str, list[Any]]


@dataclass(frozen=True)
class Columns:
    names: frozenset[str]
    json: frozenset[str]  # JSON columns: lists and objects; every other column holds a scalar
    required: frozenset[str]  # NOT NULL columns


@cache
def columns_of(table: str) -> Columns:
    from kamdesk.models import Base

    cols = Base.metadata.tables[table].c
    return Columns(
        frozenset(c.name for c in cols),
        frozenset(c.name for c in cols if isinstance(c.type, JSON)),
        frozenset(c.name for c in cols if not c.nullable),
    )


def check_fields(table: str, op: str, fields: dict[str, Any]) -> str | None:
    """Why these values cannot be stored, or None. Guards every other client's replica: one
    malformed row would otherwise stop everybody's pulls."""
    if table not in SCOPES:
        return f"{table!r} is not a synced table"
    cols = columns_of(table)
    unknown = sorted(set(fields) - cols.names)
    if unknown:
        return f"unknown fields for {table}: {', '.join(unknown)}"
    if op == "insert":
        missing = sorted(cols.names - set(fields) - {"id"})
        if missing:
            return f"incomplete {table} record, missing: {', '.join(missing)}"
    for name, value in fields.items():
        if value is None:
            if name in cols.required:
                return f"{table}.{name} cannot be empty"
            continue
        if name in cols.json:
            if not isinstance(value, list | dict):
                return f"{table}.{name} must be a list or an object"
        elif not isinstance(value, str | int | float | bool):
            return f"{table}.{name} must be a plain value"
    return None


def load(conn: Connection, table: str, row_id: str) -> Record | None:
    row = conn.execute(
        select(
            records.c.bucket,
            records.c.owner_id,
            records.c.parent_id,
            records.c.version,
            records.c.data,
            records.c.meta,
        ).where(records.c.table_name == table, records.c.row_id == row_id)
    ).first()
    if row is None:
        return None
    return Record(
        table,
        row_id,
        row.bucket,
        row.owner_id,
        row.parent_id,
        row.version,
        json.loads(row.data),
        json.loads(row.meta),
    )


def bucket_lookup(conn: Connection):  # -> Callable[[str, str], str | None]
    def parent_bucket(table: str, row_id: str) -> str | None:
        return conn.execute(
            select(records.c.bucket).where(
                records.c.table_name == table, records.c.row_id == row_id
            )
        ).scalar()

    return parent_bucket


def _values(record: Record, version: int) -> dict[str, Any]:
    blob_column = BLOB_COLUMNS.get(record.table)
    return {
        "bucket": record.bucket,
        "owner_id": record.owner_id,
        "parent_id": parent_key(record.table, record.data),
        "version": version,
        "hlc": str(record.data.get("hlc") or ""),
        "deleted": record.data.get("deleted_at") is not None,
        "blob": record.data.get(blob_column) if blob_column else None,
        "data": json.dumps(record.data, ensure_ascii=False, separators=(",", ":")),
        "meta": json.dumps(record.meta, separators=(",", ":")),
    }


def insert_record(w: Writer, record: Record) -> None:
    record.version = w.next_version()
    w.conn.execute(
        insert(records).values(
            table_name=record.table, row_id=record.row_id, **_values(record, record.version)
        )
    )


def update_record(w: Writer, record: Record, *, old_bucket: str) -> None:
    """Store ``record`` under a new version; if its bucket changed, its children follow."""
    record.version = w.next_version()
    w.conn.execute(
        update(records)
        .where(records.c.table_name == record.table, records.c.row_id == record.row_id)
        .values(**_values(record, record.version))
    )
    if record.bucket != old_bucket:
        depart(w, record.table, record.row_id, old_bucket, record.bucket)
        move_children(w, record.table, record.row_id, record.bucket)


def move_children(w: Writer, table: str, row_id: str, bucket: str) -> None:
    for child_table, _ in children_of(table):
        rows = w.conn.execute(
            select(records.c.row_id, records.c.bucket).where(
                records.c.table_name == child_table, records.c.parent_id == row_id
            )
        ).all()
        for child in rows:
            if child.bucket == bucket:
                continue
            w.conn.execute(
                update(records)
                .where(records.c.table_name == child_table, records.c.row_id == child.row_id)
                .values(bucket=bucket, version=w.next_version())
            )
            depart(w, child_table, child.row_id, child.bucket, bucket)
            move_children(w, child_table, child.row_id, bucket)


def depart(
    w: Writer,
    table: str,
    row_id: str,
    from_bucket: str | None,
    to_bucket: str | None,
    *,
    user_id: str | None = None,
) -> None:
    w.conn.execute(
        insert(departures).values(
            version=w.next_version(),
            table_name=table,
            row_id=row_id,
            from_bucket=from_bucket,
            to_bucket=to_bucket,
            user_id=user_id,
        )
    )


def resend(w: Writer, table: str, row_id: str, *, user_id: str, readable: bool) -> None:
    """Make the next pull of ``user_id`` bring the server's state of this row: the row itself
    under a new version, or, if the user may not read it (or it is not here), a "drop it"."""
    if readable:
        bumped = w.conn.execute(
            update(records)
            .where(records.c.table_name == table, records.c.row_id == row_id)
            .values(version=w.next_version())
        )
        if bumped.rowcount:
            return
    depart(w, table, row_id, None, None, user_id=user_id)


def bump_bucket(w: Writer, bucket: str) -> int:
    """Give every row of ``bucket`` a new version (a team was granted: its rows must reach a
    client whose cursor is already past them). Returns how many rows."""
    keys = w.conn.execute(
        select(records.c.table_name, records.c.row_id)
        .where(records.c.bucket == bucket)
        .order_by(records.c.version)
    ).all()
    if keys:
        w.conn.execute(
            update(records)
            .where(records.c.table_name == bindparam("t"), records.c.row_id == bindparam("r"))
            .values(version=bindparam("v")),
            [{"t": k.table_name, "r": k.row_id, "v": w.next_version()} for k in keys],
        )
    return len(keys)


def depart_bucket(w: Writer, bucket: str, user_id: str) -> int:
    """Tell ``user_id``'s client to drop every row of ``bucket`` (a team was revoked)."""
    keys = w.conn.execute(
        select(records.c.table_name, records.c.row_id).where(records.c.bucket == bucket)
    ).all()
    if keys:
        w.conn.execute(
            insert(departures),
            [
                {
                    "version": w.next_version(),
                    "table_name": k.table_name,
                    "row_id": k.row_id,
                    "from_bucket": bucket,
                    "to_bucket": None,
                    "user_id": user_id,
                }
                for k in keys
            ],
        )
    return len(keys)
