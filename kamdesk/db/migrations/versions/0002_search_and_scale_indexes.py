"""Search and scale indexes: opportunities join the full-text index, which gains 2- and
3-character prefix indexes; a partial index makes "last contact" one seek per account.

Revision ID: 0002_search_and_scale_indexes
Revises: 0001_initial
Create Date: 2026-11-26 06:42:44.260885
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kamdesk.db import fts

revision = "0002_search_and_scale_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    fts.uninstall(op.get_bind(), fts.SOURCES_V1)
    fts.install(op.get_bind(), fts.SOURCES, prefixes="2 3")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interactions_account_last_contact",
            ["account_id", "occurred_at"],
            unique=False,
            sqlite_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
            postgresql_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
        )


def downgrade() -> None:
    fts.uninstall(op.get_bind(), fts.SOURCES)
    fts.install(op.get_bind(), fts.SOURCES_V1, prefixes=None)
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_interactions_account_last_contact",
            sqlite_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
            postgresql_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
        )
