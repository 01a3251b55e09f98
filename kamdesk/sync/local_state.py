"""What the client remembers about sync, inside its own database.

- the pull cursor (``local_settings`` key ``sync.cursor``), written in the transaction of the
  page it ends;
- ``sync_marks``: which server version each pending outbox entry had seen — a mark
  ``(seq_mark, version)`` says "entries with seq > seq_mark were made after the client had
  pulled everything up to ``version``" (written when a pull completes);
- ``sync_rejections``: mutations the server refused, kept with their values so that nothing
  typed is silently lost;
- ``sync_suspended_indexes``: the indexes a first (bulk) pull dropped, until it rebuilds them.

The three tables are local-only and created on first use (``ensure_tables``); they belong to sync
and no other part of kamdesk reads them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from typing import Any

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, Text

CURSOR_KEY = "sync.cursor"
LAST_SYNC_KEY = "sync.last_success"
EPOCH_KEY = "sync.epoch"  # the server store's epoch this replica was pulled from
# Set while this device re-sends what it wrote to a server restored from a backup
# ({"version": …, "epoch": …}); a re-send cut short starts again at the next sync.
RECOVERY_KEY = "sync.recovering"
# Set once this database's rows that never went through an outbox were sent (first sync).
ADOPTED_KEY = "sync.adopted"

metadata = MetaData()
marks = Table(
    "sync_marks",
    metadata,
    Column("seq_mark", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)
suspended_indexes = Table(  # dropped during a first, bulk pull; rebuilt at its end
    "sync_suspended_indexes",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("sql", Text, nullable=False),
)
rejections = Table(
    "sync_rejections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("mutation_id", String(64), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("op", String(8), nullable=False),
    Column("fields", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("rejected_at", String(32), nullable=False),
)


def ensure_tables(conn: Connection) -> None:
    metadata.create_all(conn, checkfirst=True)


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.exec_driver_sql("SELECT value FROM local_settings WHERE key = ?", (key,)).scalar()


def set_setting(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO local_settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def cursor(conn: Connection) -> int:
    return int(get_setting(conn, CURSOR_KEY) or 0)


def epoch(conn: Connection) -> int | None:
    known = get_setting(conn, EPOCH_KEY)
    return int(known) if known is not None else None


def delete_setting(conn: Connection, key: str) -> None:
    conn.exec_driver_sql("DELETE FROM local_settings WHERE key = ?", (key,))


def forget_history(conn: Connection, version: int) -> None:
    """The server went back to ``version`` (a restored backup): pull everything again, and no
    pending change may claim to have seen a version the server has since handed out anew."""
    set_setting(conn, CURSOR_KEY, "0")
    conn.exec_driver_sql("UPDATE sync_marks SET version = min(version, ?)", (version,))


class SeenIndex:
    """Answers "which server version had this outbox entry seen?" from the marks."""

    def __init__(self, conn: Connection) -> None:
        rows = conn.exec_driver_sql(
            "SELECT seq_mark, version FROM sync_marks ORDER BY seq_mark"
        ).all()
        self._seqs = [r[0] for r in rows]
        self._versions = [r[1] for r in rows]

    def seen(self, seq: int) -> int:
        i = bisect.bisect_left(self._seqs, seq)  # marks with seq_mark < seq
        return self._versions[i - 1] if i else 0


def mark_pulled(conn: Connection, version: int) -> None:
    """A pull completed at ``version``: entries written from now on have seen it."""
    top = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM outbox").scalar() or 0
    conn.exec_driver_sql(
        "INSERT INTO sync_marks (seq_mark, version) VALUES (?, ?) "
        "ON CONFLICT (seq_mark) DO UPDATE SET version = excluded.version",
        (top, version),
    )


def prune_marks(conn: Connection) -> None:
    """Keep the marks pending entries still need. When the outbox is empty, SQLite will number
    the next entries from 1 again, so the latest knowledge moves to mark 0."""
    low = conn.exec_driver_sql("SELECT min(seq) FROM outbox").scalar()
    if low is None:
        latest = conn.exec_driver_sql(
            "SELECT version FROM sync_marks ORDER BY seq_mark DESC LIMIT 1"
        ).scalar()
        conn.exec_driver_sql("DELETE FROM sync_marks")
        if latest is not None:
            conn.exec_driver_sql(
                "INSERT INTO sync_marks (seq_mark, version) VALUES (0, ?)", (latest,)
            )
        return
    keep_from = conn.exec_driver_sql(
        "SELECT max(seq_mark) FROM sync_marks WHERE seq_mark < ?", (low,)
    ).scalar()
    if keep_from is not None:
        conn.exec_driver_sql("DELETE FROM sync_marks WHERE seq_mark < ?", (keep_from,))


def record_rejection(
    conn: Connection,
    *,
    mutation_id: str,
    table: str,
    row_id: str,
    op: str,
    fields: dict[str, Any],
    reason: str,
) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_rejections "
        "(mutation_id, table_name, row_id, op, fields, reason, rejected_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            mutation_id,
            table,
            row_id,
            op,
            json.dumps(fields, ensure_ascii=False),
            reason,
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        ),
    )


def rejected_changes(conn: Connection, limit: int = 200) -> list[dict[str, Any]]:
    """The changes the server refused, newest first, with what they would have written."""
    ensure_tables(conn)
    rows = conn.exec_driver_sql(
        "SELECT mutation_id, table_name, row_id, op, fields, reason, rejected_at "
        "FROM sync_rejections ORDER BY id DESC LIMIT ?",
        (limit,),
    ).all()
    return [
        {
            "mutation_id": r[0],
            "table": r[1],
            "row_id": r[2],
            "op": r[3],
            "fields": json.loads(r[4]),
            "reason": r[5],
            "rejected_at": r[6],
        }
        for r in rows
    ]
