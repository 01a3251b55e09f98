"""Bring a database to this version's schema — after a backup — or refuse a newer one.

The fast path (schema already current) reads one row and does not import Alembic, which keeps
start-up quick. ``SCHEMA_HEAD`` must name the newest migration (a test checks it).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from kamdesk.db.errors import DatabaseCorrupt, DatabaseTooNew

SCHEMA_HEAD = "0003_mail_storage_and_linking"
MIGRATIONS_PACKAGE = "kamdesk:db/migrations"


def current_revision(conn: Connection) -> str | None:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        if tables:
            raise DatabaseCorrupt(str(conn.engine.url.database), "not a kamdesk database")
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None):  # -> alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", MIGRATIONS_PACKAGE)
    cfg.set_main_option("file_template", "%%(rev)s")  # revision ids already carry the slug
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def check_not_newer(engine: Engine, path: Path) -> str | None:
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision not in (None, SCHEMA_HEAD) and revision not in known_revisions():
        raise DatabaseTooNew(str(path), revision)
    return revision


def backup(path: Path, label: str) -> Path:
    """Copy the database with SQLite's online backup API (consistent even in WAL mode)."""
    folder = path.parent / "backups"
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{label}.sqlite"
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def ensure_current(engine: Engine, path: Path) -> None:
    revision = check_not_newer(engine, path)
    if revision == SCHEMA_HEAD:
        return
    if revision is not None:
        backup(path, f"before-upgrade-from-{revision}")
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
