"""Opening a kamdesk database: checks, pragmas, migration, clock and session factories."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from kamdesk.db.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseMissing,
    DatabaseReadOnly,
)
from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.hlc import HybridLogicalClock
from kamdesk.ids import new_id
from kamdesk.models.local import LocalSetting

__all__ = ["Database", "DatabaseError"]

SQLITE_HEADER = b"SQLite format 3\x00"


def synced_tables() -> list[str]:
    from kamdesk.models import Base

    return [t.name for t in Base.metadata.sorted_tables if "hlc" in t.c and t.name != "outbox"]


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # No journal_mode here: switching to WAL rewrites the file header, and a file kamdesk
    # refuses (another application's, a newer kamdesk's) must be left untouched. WAL is
    # persistent, so ``_enable_wal`` sets it once the file has passed the checks.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; FULL costs an fsync per commit
    cur.close()


def _enable_wal(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")


def check_file(path: Path, *, create: bool) -> None:
    """Refuse, with a clear reason, a file kamdesk must not open; never create one silently."""
    if not path.exists():
        if not create:
            raise DatabaseMissing(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    if path.is_dir():
        raise DatabaseCorrupt(str(path), "it is a folder")
    # os.access answers "writable" to root whatever the mode, so look at the mode bits too:
    # a file nobody may write to (chmod 444) is read-only for kamdesk as well.
    if (
        not os.access(path, os.W_OK)
        or not os.access(path.parent, os.W_OK)
        or path.stat().st_mode & 0o222 == 0
    ):
        raise DatabaseReadOnly(str(path))
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise DatabaseCorrupt(str(path), "not an SQLite file")
    if not header and not create:
        raise DatabaseCorrupt(str(path), "the file is empty")


class Database:
    """One kamdesk database file: engine, clock, unit-of-work and read-session factories."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        node_id = self._local_setting("node_id", default_factory=new_id)
        assert node_id is not None  # created on first open
        self.node_id: str = node_id
        self.clock = HybridLogicalClock(self.node_id)
        with engine.connect() as conn:
            # Never stamp below a change already stored, even if the system clock went back since:
            # the outbox may have been emptied by a push, so look at every synced table too
            # (max() over the indexed hlc column is one index lookup each).
            for table in ["outbox", *synced_tables()]:
                self.clock.observe(conn.execute(text(f"SELECT max(hlc) FROM {table}")).scalar())

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = False, migrate: bool = True
    ) -> Database:
        """Open (and with ``create`` make) a database, migrating it to this version's schema.

        Raises a ``DatabaseError`` subclass whose message says what is wrong with the file.
        """
        from kamdesk.db import migrate as migrations

        path = Path(path).expanduser().resolve()
        check_file(path, create=create)
        engine = create_engine(f"sqlite:///{path}")
        event.listen(engine, "connect", _set_pragmas)
        try:
            if migrate:
                migrations.ensure_current(engine, path)
            else:
                migrations.check_not_newer(engine, path)
            _enable_wal(engine)
            return cls(path, engine)
        except DatabaseError:
            engine.dispose()
            raise
        except Exception as exc:  # sqlite3.DatabaseError: malformed, encrypted, locked…
            engine.dispose()
            detail = str(getattr(exc, "orig", exc)).splitlines()[0]
            raise DatabaseCorrupt(str(path), detail) from exc

    def close(self) -> None:
        self.engine.dispose()

    @property
    def blob_dir(self) -> Path:
        """Content-addressed files (attachments, raw mail) live beside the database."""
        return self.path.with_name(self.path.stem + "-files")

    def unit_of_work(self, *, record_outbox: bool = True) -> UnitOfWork:
        return UnitOfWork(self._sessions(), self.clock, record_outbox=record_outbox)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; anything it holds is rolled back."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    # -- installation settings ---------------------------------------------------------------
    def _local_setting(self, key: str, default_factory: Any = None) -> str | None:
        with self._sessions() as session:
            value = session.scalar(select(LocalSetting.value).where(LocalSetting.key == key))
            if value is None and default_factory is not None:
                value = default_factory()
                session.add(LocalSetting(key=key, value=value))
                session.commit()
            return value

    def get_setting(self, key: str) -> str | None:
        return self._local_setting(key)

    def set_setting(self, key: str, value: str | None) -> None:
        with self._sessions() as session:
            row = session.get(LocalSetting, key)
            if value is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(LocalSetting(key=key, value=value))
            else:
                row.value = value
            session.commit()
