"""Alembic migrations: they build exactly the models' schema, and go down and up again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text

from kamdesk.db import Database, fts, migrate
from kamdesk.models import Account, Base


def env_include_object() -> Any:
    """The ``include_object`` hook that migrations/env.py really passes to Alembic.

    env.py only runs inside an Alembic command, so run it through an EnvironmentContext with
    a migration function that captures the configured options and migrates nothing.
    """
    captured: dict[str, Any] = {}
    cfg = migrate.alembic_config()
    script = ScriptDirectory.from_config(cfg)

    def capture(_revision: Any, context: MigrationContext) -> list[Any]:
        captured.update(context.opts)
        return []

    engine = create_engine("sqlite://")  # an empty in-memory database: nothing is migrated
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            with EnvironmentContext(cfg, script, fn=capture):
                script.run_env()
    finally:
        engine.dispose()
    assert captured.get("render_as_batch") is True
    return captured["include_object"]


def schema_differences(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(
        conn, opts={"compare_type": True, "include_object": env_include_object()}
    )
    return compare_metadata(context, Base.metadata)


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
        diff = schema_differences(conn)
    assert diff == [], "the models and the migrations disagree; write a migration:\n" + "\n".join(
        map(str, diff)
    )


def test_include_object_hides_only_the_fts_tables() -> None:
    include = env_include_object()
    for name in fts.fts_table_names():
        assert not include(None, name, "table", True, None)
    for name in Base.metadata.tables:
        assert include(Base.metadata.tables[name], name, "table", False, None)


def test_the_comparison_does_see_a_difference(db: Database) -> None:
    """Guard against a vacuous comparison: drop an index and it must be reported."""
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_accounts_sector")
    with db.engine.connect() as conn:
        diff = schema_differences(conn)
    assert any(d[0] == "add_index" and d[1].name == "ix_accounts_sector" for d in diff), diff


def test_schema_head_is_the_single_alembic_head() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    heads = script.get_heads()
    assert heads == [migrate.SCHEMA_HEAD]
    assert migrate.SCHEMA_HEAD in migrate.known_revisions()


def test_every_revision_has_a_downgrade_path_to_base() -> None:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = list(script.walk_revisions("base", "heads"))
    assert revisions
    assert revisions[-1].down_revision is None  # one root
    assert len({r.revision for r in revisions}) == len(revisions)


def table_names(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_downgrade_to_base_then_upgrade_to_head(db_path: Path) -> None:
    db = Database.open(db_path, create=True)
    try:
        with db.unit_of_work() as uow:
            uow.session.add(Account(name="Société Générale"))
            uow.commit()
        model_tables = set(Base.metadata.tables)
        assert model_tables <= table_names(db)

        with db.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "base")
        remaining = table_names(db) - {"alembic_version", "sqlite_sequence"}
        assert remaining == set()
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) is None
            triggers = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).all()
            assert triggers == []

        with db.engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), "head")
        assert model_tables <= table_names(db)
        with db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.SCHEMA_HEAD
            assert schema_differences(conn) == []
            # Full-text search works again after the round trip.
            (found,) = conn.execute(
                text("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH :q"),
                {"q": fts.match_expression("generale")},
            ).one()
            assert found == 0  # the data went with the downgrade
    finally:
        db.close()

    # And the round-tripped file opens normally, and works.
    again = Database.open(db_path)
    try:
        with again.unit_of_work() as uow:
            uow.session.add(Account(name="Orange Business"))
            uow.commit()
        with again.engine.connect() as conn:
            rows = conn.execute(
                text("SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH :q"),
                {"q": fts.match_expression("orange")},
            ).all()
        assert len(rows) == 1
    finally:
        again.close()
