"""Opening a database file: refusals with a clear reason, pragmas, backups, first migration."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, inspect, text

from kamdesk.db import Database, DatabaseError, migrate
from kamdesk.db.database import SQLITE_HEADER, _set_pragmas, check_file
from kamdesk.db.errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
)
from kamdesk.models import Account, Base


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def make_sqlite(path: Path, *statements: str, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    try:
        if wal:
            conn.execute("PRAGMA journal_mode=WAL")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def make_future_kamdesk_db(path: Path, *, wal: bool) -> None:
    """A database written by a newer kamdesk: current tables, an unknown alembic revision."""
    Database.open(path, create=True).close()
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.execute("CREATE TABLE a_newer_table (id TEXT PRIMARY KEY)")
        conn.commit()
        conn.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
    finally:
        conn.close()


# -- refusals -----------------------------------------------------------------------------------


def test_missing_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "nothing.sqlite"
    with pytest.raises(DatabaseMissing) as err:
        Database.open(path)
    assert str(path) in str(err.value)
    assert not path.exists()
    assert not path.parent.exists()


def test_missing_file_with_create_makes_a_current_database(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "kamdesk.sqlite"
    db = Database.open(path, create=True)
    try:
        assert path.is_file()
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
            assert "accounts" in inspect(conn).get_table_names()
    finally:
        db.close()


def test_text_file_is_not_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("name;revenue\nRenault;12\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="not an SQLite file"):
        Database.open(path)
    with pytest.raises(DatabaseCorrupt, match="not an SQLite file"):
        Database.open(path, create=True)  # create never overwrites an existing file
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["notes.sqlite"]


def test_empty_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(DatabaseCorrupt, match="empty"):
        Database.open(path)
    assert path.stat().st_size == 0


def test_empty_file_with_create_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    db = Database.open(path, create=True)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
    finally:
        db.close()


def test_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a-folder.sqlite"
    path.mkdir()
    with pytest.raises(DatabaseCorrupt, match="folder"):
        Database.open(path, create=True)


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_sqlite_file_of_another_application_is_refused_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "other.sqlite"
    make_sqlite(
        path,
        "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)",
        "INSERT INTO moz_places (url) VALUES ('https://example.org')",
        wal=wal,
    )
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="not a kamdesk database"):
        Database.open(path)
    with pytest.raises(DatabaseCorrupt, match="not a kamdesk database"):
        Database.open(path, create=True)
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["other.sqlite"]


def test_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "kamdesk.sqlite"
    Database.open(path, create=True).close()
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(DatabaseReadOnly, match="read-only") as err:
            Database.open(path)
        assert str(path) in str(err.value)
    finally:
        path.chmod(0o644)
    assert path.read_bytes() == before


def test_check_file_sees_mode_bits_even_for_root(tmp_path: Path) -> None:
    """``os.access`` says "writable" to root whatever the mode; the check must not rely on it."""
    path = tmp_path / "kamdesk.sqlite"
    path.write_bytes(SQLITE_HEADER + bytes(84))
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        with pytest.raises(DatabaseReadOnly):
            check_file(path, create=False)
    finally:
        path.chmod(0o644)
    check_file(path, create=False)  # writable again: accepted


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_database_from_a_newer_kamdesk_is_refused_untouched(tmp_path: Path, wal: bool) -> None:
    path = tmp_path / "kamdesk.sqlite"
    make_future_kamdesk_db(path, wal=wal)
    before = path.read_bytes()
    for options in ({}, {"create": True}, {"migrate": False}):
        with pytest.raises(DatabaseTooNew) as err:
            Database.open(path, **options)
        assert err.value.revision == "9999_from_the_future"
        assert "9999_from_the_future" in str(err.value)
        assert "newer" in str(err.value)
    assert path.read_bytes() == before
    assert files_in(tmp_path) == ["kamdesk.sqlite"]  # no backup, no -wal/-shm left behind


def test_garbled_sqlite_file_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "garbled.sqlite"
    path.write_bytes(SQLITE_HEADER + bytes(range(256)) * 64)
    with pytest.raises(DatabaseCorrupt) as err:
        Database.open(path)
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_truncated_database_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite"
    Database.open(good, create=True).close()
    data = good.read_bytes()
    assert len(data) > 8192
    path = tmp_path / "truncated.sqlite"
    path.write_bytes(data[:1000])  # header intact, pages cut
    with pytest.raises(DatabaseError) as err:
        Database.open(path)
    assert isinstance(err.value, DatabaseCorrupt)


def test_header_then_garbage_pages(tmp_path: Path) -> None:
    good = tmp_path / "good.sqlite"
    Database.open(good, create=True).close()
    data = bytearray(good.read_bytes())
    data[100:] = b"\xde\xad\xbe\xef" * ((len(data) - 100) // 4) + b"\x00" * ((len(data) - 100) % 4)
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseCorrupt):
        Database.open(path)


def test_errors_are_one_line_and_name_the_file(tmp_path: Path) -> None:
    cases = {
        "missing.sqlite": None,
        "text.sqlite": b"hello",
        "garbled.sqlite": SQLITE_HEADER + b"\xff" * 5000,
    }
    for name, content in cases.items():
        path = tmp_path / name
        if content is not None:
            path.write_bytes(content)
        with pytest.raises(DatabaseError) as err:
            Database.open(path)
        message = str(err.value)
        assert name in message
        assert "\n" not in message


# -- pragmas ------------------------------------------------------------------------------------


def test_pragmas_on_every_connection(db: Database) -> None:
    connections = [db.engine.connect() for _ in range(3)]  # several pooled connections
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        for conn in connections:
            conn.close()


def test_wal_mode_is_stored_in_the_file(db: Database) -> None:
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_foreign_keys_are_enforced_in_unit_of_work_sessions(db: Database) -> None:
    with db.unit_of_work() as uow:
        assert uow.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


# -- reopening, settings ------------------------------------------------------------------------


def test_reopen_keeps_data_and_settings(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    with db.unit_of_work() as uow:
        uow.session.add(Account(name="Orange"))
        uow.commit()
    db.set_setting("current_user", "u-1")
    node = db.node_id
    db.close()

    again = Database.open(db_path)
    try:
        assert again.node_id == node
        assert again.get_setting("current_user") == "u-1"
        with again.read() as session:
            assert [a.name for a in session.query(Account)] == ["Orange"]
        again.set_setting("current_user", None)
        assert again.get_setting("current_user") is None
    finally:
        again.close()


def test_blob_dir_is_beside_the_database(db: Database) -> None:
    assert db.blob_dir.parent == db.path.parent
    assert db.blob_dir.name == "kamdesk-files"


# -- backups and the first migration ------------------------------------------------------------


def test_backup_creates_a_readable_consistent_copy(db: Database) -> None:
    with db.unit_of_work() as uow:
        uow.session.add(Account(name="Société Générale"))
        uow.commit()
    # Keep a reader open so that the WAL holds the last commit, not the main file.
    with db.engine.connect() as reader:
        reader.exec_driver_sql("SELECT 1")
        target = migrate.backup(db.path, "manual")
    assert target.parent == db.path.parent / "backups"
    assert target.is_file()
    assert target.name.startswith("kamdesk-") and target.name.endswith("-manual.sqlite")

    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM accounts").fetchall() == [("Société Générale",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            migrate.SCHEMA_HEAD
        )
    finally:
        conn.close()

    copy = Database.open(target)  # and kamdesk itself can open it (restore)
    try:
        with copy.read() as session:
            assert session.query(Account).count() == 1
    finally:
        copy.close()


def test_ensure_current_on_a_database_without_tables_creates_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite"
    make_sqlite(path, "CREATE TABLE t (x)", "DROP TABLE t")  # a valid file with no tables
    assert path.read_bytes().startswith(SQLITE_HEADER)

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    try:
        with engine.connect() as conn:
            assert migrate.current_revision(conn) is None
        migrate.ensure_current(engine, path)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
            tables = set(inspect(conn).get_table_names())
    finally:
        engine.dispose()
    assert set(Base.metadata.tables) <= tables
    assert "accounts_fts" in tables
    assert not (tmp_path / "backups").exists()  # nothing to back up in an empty file


def test_open_without_migrate_leaves_an_empty_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite"
    make_sqlite(path, "CREATE TABLE t (x)", "DROP TABLE t")
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert migrate.check_not_newer(engine, path) is None
    finally:
        engine.dispose()


def test_a_database_at_an_older_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    """A real 0001 database with data: open backs it up, upgrades it, and keeps the data."""
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "kamdesk.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO accounts (id, name, tier, email_domains, strategic_reference, "
            "strategic_innovation, strategic_network, strategic_stability, custom_fields, "
            "created_at, updated_at, hlc) VALUES ('a1', 'Société Générale', 'standard', '[]', 0, 0, "
            "0, 0, '{}', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', '')"
        )
    engine.dispose()

    db = Database.open(path)
    try:
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
            found = conn.exec_driver_sql(
                "SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH '\"societe\"*'"
            ).all()
        assert len(found) == 1  # the upgraded full-text index holds the old rows
    finally:
        db.close()
    backups = list((tmp_path / "backups").iterdir())
    assert len(backups) == 1
    assert "before-upgrade-from-0001_initial" in backups[0].name
    conn = sqlite3.connect(backups[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
        )
    finally:
        conn.close()


def test_current_database_opens_without_a_backup(db_path: Path) -> None:
    Database.open(db_path, create=True).close()
    Database.open(db_path).close()
    assert not (db_path.parent / "backups").exists()


def test_open_accepts_str_and_user_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    db = Database.open("~/k.sqlite", create=True)
    try:
        assert db.path == (tmp_path / "k.sqlite").resolve()
        assert os.path.isabs(db.path)
    finally:
        db.close()
