"""Many rows per INSERT statement, for imports and sync.

SQLite runs each statement with its own setup, and for a table with triggers (the full-text
index) a statement journal and an index flush: ``executemany`` — one statement per row — made
a mail import's emails insert twice as slow as 200 rows a statement, and a first sync's upserts
a third slower.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import cache
from itertools import chain
from typing import Any

from sqlalchemy import Connection

ROWS_PER_STATEMENT = 200
# What ``json.dumps`` writes for an empty list or object: most JSON columns hold one, and bulk
# writers skip the encoder for them.
EMPTY_JSON: dict[type[Any], str] = {list: "[]", dict: "{}"}


@cache
def _statement(head: str, row: str, count: int, tail: str) -> str:
    return f"{head} VALUES {', '.join([row] * count)}{tail}"


def insert_many(
    conn: Connection, head: str, row: str, rows: Sequence[tuple[Any, ...]], tail: str = ""
) -> None:
    """``{head} VALUES {row}, {row}, …{tail}`` for ``rows`` (each a tuple of ``row``'s
    parameters), as few statements as SQLite's parameter limit allows, up to 200 rows each.
    ``tail``: what follows the values (`` ON CONFLICT …``)."""
    if not rows:
        return
    dbapi = conn.connection.dbapi_connection
    assert isinstance(dbapi, sqlite3.Connection)
    limit = dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(ROWS_PER_STATEMENT, limit // max(len(rows[0]), 1)))
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        conn.exec_driver_sql(
            _statement(head, row, len(part), tail), tuple(chain.from_iterable(part))
        )
