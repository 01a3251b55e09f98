"""Alembic environment of the server store: kamdesk passes its own connection (see store.py)."""

from __future__ import annotations

from alembic import context

from kamdesk.sync.server.store import VERSION_TABLE
from kamdesk.sync.server.tables import metadata

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: recreate tables in batch
    version_table=VERSION_TABLE,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
