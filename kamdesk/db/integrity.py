"""A full integrity check of a database file, run apart from the app's own connections.

Opening only reads the first pages; damage deeper in the file shows up later as "malformed"
errors. ``quick_check`` reads every page (seconds on a large file), so the GUI runs it in the
background on its own read-only connection, which WAL lets run beside the app's writer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path


def quick_check(path: Path, max_errors: int = 5) -> list[str]:
    """The problems SQLite finds, or an empty list when the file is sound."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute(f"PRAGMA quick_check({int(max_errors)})").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems
