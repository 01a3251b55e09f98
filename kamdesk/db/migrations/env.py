"""Alembic environment: kamdesk passes its own connection (see kamdesk.db.migrate)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from kamdesk.db.fts import fts_table_names
from kamdesk.models import Base

config = context.config
target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001
    # FTS5 virtual tables and their shadow tables are made by kamdesk.db.fts, not the models.
    return not (type_ == "table" and name in fts_table_names())


def run(connection) -> None:  # noqa: ANN001
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: recreate tables in batch
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:  # `alembic -x url=sqlite:///file.sqlite …` from a developer's shell
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///kamdesk-dev.sqlite")
    with create_engine(url).begin() as conn:
        run(conn)
