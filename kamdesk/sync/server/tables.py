"""The server store's tables (SQLAlchemy Core, its own metadata; migrated by Alembic).

JSON lives in TEXT columns: a pull page is built by pasting stored JSON into the response,
never parsing it, which is what makes an initial sync of a million rows fast on both backends.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

from kamdesk.models.base import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)

# Row 1: the version. Every write transaction updates it first: on PostgreSQL that row lock
# serialises writers, so versions are handed out and committed in the same order and a pull
# cursor can never step over a row that commits later (sequences give no such guarantee).
# Rows 2 and 3 (absent: 0): the epoch, bumped when the store was restored from a backup
# (``kamdesk server restored``, or found out from a client), and the version it went back to.
counter = Table(
    "counter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", BigInteger, nullable=False),
)

# The server's copy of every synced row ("records": ROWS is an SQL keyword).
records = Table(
    "records",
    metadata,
    Column("table_name", String(64), primary_key=True),
    Column("row_id", String(64), primary_key=True),
    Column("bucket", String(80), nullable=False),
    Column("owner_id", String(36), nullable=False),  # the user who created it: private buckets
    Column("parent_id", String(64)),  # child tables: the row their bucket comes from
    Column("version", BigInteger, nullable=False),  # unique: the pull stream's order
    Column("hlc", String(64), nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("blob", String(64)),  # sha256 of the content this row names (attachments, mail)
    Column("data", Text, nullable=False),  # JSON object: every column of the row
    Column("meta", Text, nullable=False),  # JSON: per-field [hlc, version, client]; "*" = insert
    Index("ix_records_version", "version", unique=True),
    Index("ix_records_bucket_version", "bucket", "version"),
    Index("ix_records_parent_id", "parent_id"),
    Index("ix_records_blob", "blob"),
)

# Rows that left a bucket (moved to another account, or a team revoked): pulls turn them into
# "drop this row" for whoever may read the old bucket and not the new one. A log rather than a
# "previous bucket" column, because a row may move twice between two pulls of a client.
departures = Table(
    "departures",
    metadata,
    Column("version", BigInteger, primary_key=True, autoincrement=False),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("from_bucket", String(80)),
    Column("to_bucket", String(80)),
    Column("user_id", String(36)),  # set: meant for this user only (a revoked team, a refusal)
    Index("ix_departures_user_id", "user_id"),
)

applied_mutations = Table(
    "applied_mutations",
    metadata,
    Column("client_id", String(64), primary_key=True),
    Column("mutation_id", String(64), primary_key=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("seen", BigInteger, nullable=False),
    Column("result", Text, nullable=False),  # JSON MutationResult, answered again on a retry
    Column("created_at", String(32), nullable=False),
)

conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("field", String(64), nullable=False),
    Column("kind", String(8), nullable=False),  # field / delete
    Column("status", String(8), nullable=False),  # auto / open / resolved
    Column("kept", String(8), nullable=False),  # server / client: whose value is in the row
    Column("server_value", Text),
    Column("server_hlc", String(64)),
    Column("server_user", String(120)),
    Column("client_value", Text),
    Column("client_hlc", String(64)),
    Column("client_user", String(120)),
    Column("client_id", String(64)),
    Column("mutation_id", String(64)),
    Column("version", BigInteger, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("resolution", Text),
    Column("resolved_by", String(120)),
    Column("resolved_at", String(32)),
    Index("ix_conflicts_row", "table_name", "row_id"),
    Index("ix_conflicts_status", "status"),
)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("revoked", Boolean, nullable=False),
    Column("secret_hash", String(200)),  # argon2 of the one-time enrolment secret; None: used
    Column("created_at", String(32), nullable=False),
)

tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id"), nullable=False, index=True),
    Column("client_id", String(64), nullable=False, index=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)

teams = Table(
    "teams",
    metadata,
    Column("user_id", String(36), ForeignKey("users.id"), primary_key=True),
    Column("bucket", String(80), primary_key=True),
    Column("granted", Boolean, nullable=False),  # False: revoked (kept: its rows left)
    Column("version", BigInteger, nullable=False),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", String(36), nullable=False),
    Column("created_at", String(32), nullable=False),
)
