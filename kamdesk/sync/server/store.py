"""Opening the server store (SQLite or PostgreSQL), migrating it, and its write transactions."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.engine import make_url

from kamdesk.sync.server.tables import counter

# Its own name, so a store never mistakes a kamdesk client database's table for its own.
VERSION_TABLE = "kamdesk_server_version"
STORE_HEAD = "0001_server_initial"
MIGRATIONS_PACKAGE = "kamdesk:sync/server/migrations"


class StoreError(Exception):
    """The store cannot be opened or used; the message says why in one line."""


def default_store_url() -> str:
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("kamdesk-server", appauthor=False))
    return f"sqlite:///{folder / 'kamdesk-server.sqlite'}"


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers (pulls) never wait for a push
    cur.execute("PRAGMA busy_timeout=30000")  # pushes queue behind one another
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if not database or database == ":memory:":
            raise StoreError("an SQLite store needs a file: sqlite:///path/to/store.sqlite")
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    raise StoreError(
        f"unsupported store URL {parsed.render_as_string()!r}: use sqlite or postgresql"
    )


def _alembic_config(connection: Connection):  # -> alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS_PACKAGE)
    cfg.set_main_option("file_template", "%%(rev)s")
    cfg.attributes["connection"] = connection
    return cfg


EPOCH_ROW = 2  # counter row holding the epoch: bumped when the store is restored from a backup
RESTORED_ROW = 3  # the version the store went back to (0: not known)


class History(NamedTuple):
    version: int  # the last version handed out
    epoch: int
    restored_to: int  # the version it went back to at its last restore (0: unknown or never)


def history(conn: Connection) -> History:
    rows = dict(conn.execute(select(counter.c.id, counter.c.version)).all())
    return History(int(rows.get(1, 0)), int(rows.get(EPOCH_ROW, 0)), int(rows.get(RESTORED_ROW, 0)))


class Writer:
    """One write transaction holding the counter lock; hands out unique, increasing versions."""

    def __init__(self, conn: Connection, version: int) -> None:
        self.conn = conn
        self.version = version

    def next_version(self) -> int:
        self.version += 1
        return self.version


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> Store:
        engine = make_engine(url or default_store_url())
        store = cls(engine)
        try:
            if migrate:
                store.migrate()
            else:
                store.check_current()
        except StoreError:
            engine.dispose()
            raise
        except Exception as exc:  # unreachable server, bad credentials, not a database…
            engine.dispose()
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
            raise StoreError(
                f"cannot open the store: {detail[0] if detail else type(exc).__name__}"
            ) from exc
        return store

    @property
    def is_postgresql(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def revision(self, conn: Connection) -> str | None:
        if VERSION_TABLE not in inspect(conn).get_table_names():
            return None
        return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()

    def check_current(self) -> None:
        with self.engine.connect() as conn:
            revision = self.revision(conn)
        if revision != STORE_HEAD:
            raise StoreError(
                f"the store is at revision {revision or 'none'}, this server needs {STORE_HEAD}"
            )

    def migrate(self) -> None:
        with self.engine.connect() as conn:
            if self.revision(conn) == STORE_HEAD:
                return
        from alembic import command

        with self.engine.begin() as conn:
            command.upgrade(_alembic_config(conn), "head")

    def close(self) -> None:
        self.engine.dispose()

    def refresh_statistics(self, *, only_if_never: bool = False) -> bool:
        """PostgreSQL: ANALYZE the store. Without statistics the planner guesses a pull page's
        version range holds ~7 000 rows; asked for more (a page of 10 000), it sorted all
        2.5 million records on disk for each page (8 s instead of 8 ms). Autovacuum analyses
        in time as a store grows; a bulk load or a restored dump needs it at once.
        ``only_if_never``: only when the records were never analysed. True when it ran."""
        if not self.is_postgresql:
            return False  # SQLite plans this query on its version index without statistics
        with self.engine.connect() as conn:
            if only_if_never:
                seen = conn.exec_driver_sql(
                    "SELECT coalesce(last_analyze, last_autoanalyze) IS NOT NULL "
                    "FROM pg_stat_user_tables WHERE relname = 'records'"
                ).scalar()
                if seen:
                    return False
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
        return True

    @contextmanager
    def write(self) -> Iterator[Writer]:
        """A transaction that first locks the version counter; commits on normal exit."""
        with self.engine.begin() as conn:
            # A no-op UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite) before
            # anything is read, so what this transaction reads is what it writes over.
            conn.execute(update(counter).where(counter.c.id == 1).values(version=counter.c.version))
            current = conn.execute(select(counter.c.version).where(counter.c.id == 1)).scalar_one()
            writer = Writer(conn, current)
            yield writer
            if writer.version != current:
                conn.execute(
                    update(counter).where(counter.c.id == 1).values(version=writer.version)
                )

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn
