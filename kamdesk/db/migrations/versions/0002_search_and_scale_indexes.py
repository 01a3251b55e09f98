"""Search and scale indexes: opportunities join the full-text index, which gains 2- and
3-character prefix indexes; covering indexes make the timeline, "last contact" (per account and
per contact) and revenue sums index-only reads even with a million activities.

Revision ID: 0002_search_and_scale_indexes
Revises: 0001_initial
Create Date: 2026-11-26 07:10:29.528521
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
    fts.install(op.get_bind(), fts.SOURCES_V2, prefixes="2 3")
    with op.batch_alter_table("interaction_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_contacts_interaction_id"))
        batch_op.create_index(
            "ix_interaction_contacts_participants",
            ["interaction_id", "contact_id", "deleted_at"],
            unique=False,
        )

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interactions_account_occurred"))
        batch_op.create_index(
            "ix_interactions_account_last_contact",
            ["account_id", "occurred_at", "id"],
            unique=False,
            sqlite_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
            postgresql_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
        )
        batch_op.create_index(
            "ix_interactions_account_timeline",
            ["account_id", "occurred_at", "kind", "deleted_at"],
            unique=False,
        )

    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoices_account_id"))
        batch_op.drop_index(batch_op.f("ix_invoices_issued_on"))
        batch_op.create_index(
            "ix_invoices_account",
            ["account_id", "issued_on", "deleted_at", "amount_cents"],
            unique=False,
        )
        batch_op.create_index(
            "ix_invoices_period",
            ["issued_on", "deleted_at", "account_id", "amount_cents"],
            unique=False,
        )


def downgrade() -> None:
    fts.uninstall(op.get_bind(), fts.SOURCES_V2)
    fts.install(op.get_bind(), fts.SOURCES_V1, prefixes=None)
    with op.batch_alter_table("invoices", schema=None) as batch_op:
        batch_op.drop_index("ix_invoices_period")
        batch_op.drop_index("ix_invoices_account")
        batch_op.create_index(batch_op.f("ix_invoices_issued_on"), ["issued_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoices_account_id"), ["account_id"], unique=False)

    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_account_timeline")
        batch_op.drop_index(
            "ix_interactions_account_last_contact",
            sqlite_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
            postgresql_where=sa.text("kind IN ('call', 'meeting', 'email') AND deleted_at IS NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_interactions_account_occurred"),
            ["account_id", "occurred_at"],
            unique=False,
        )

    with op.batch_alter_table("interaction_contacts", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_contacts_participants")
        batch_op.create_index(
            batch_op.f("ix_interaction_contacts_interaction_id"), ["interaction_id"], unique=False
        )
