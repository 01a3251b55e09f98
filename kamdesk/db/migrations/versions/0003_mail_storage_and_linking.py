"""Mail storage and linking: parsed-mail columns, the raw-message store, ignored senders, IMAP
accounts and their folder states, and emails in the full-text index (the activities that
repeat a linked email are left out of it).

Revision ID: 0003_mail_storage_and_linking
Revises: 0002_search_and_scale_indexes
Create Date: 2026-11-26 08:50:43.897839
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from kamdesk.db import fts
from kamdesk.models.base import UtcDateTime

revision = "0003_mail_storage_and_linking"
down_revision = "0002_search_and_scale_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ignored_senders",
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UtcDateTime(length=27), nullable=False),
        sa.Column("updated_at", UtcDateTime(length=27), nullable=False),
        sa.Column("hlc", sa.String(length=48), nullable=False),
        sa.Column("deleted_at", UtcDateTime(length=27), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ignored_senders")),
    )
    with op.batch_alter_table("ignored_senders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ignored_senders_address"), ["address"], unique=False)
        batch_op.create_index(batch_op.f("ix_ignored_senders_hlc"), ["hlc"], unique=False)

    op.create_table(
        "mail_accounts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=254), nullable=False),
        sa.Column("security", sa.String(length=8), nullable=False),
        sa.Column("folders", sa.JSON(), nullable=False),
        sa.Column("ca_file", sa.String(length=1000), nullable=True),
        sa.Column("last_fetch_at", UtcDateTime(length=27), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_accounts")),
    )
    op.create_table(
        "mail_raw",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_mail_raw")),
    )
    op.create_table(
        "mail_folder_states",
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("folder", sa.String(length=500), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=True),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["mail_accounts.id"],
            name=op.f("fk_mail_folder_states_account_id_mail_accounts"),
        ),
        sa.PrimaryKeyConstraint("account_id", "folder", name=op.f("pk_mail_folder_states")),
    )
    # ADD COLUMN only (no table rebuild): the server defaults fill the rows already there.
    with op.batch_alter_table("emails", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_name", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("raw_format", sa.String(length=8), nullable=False, server_default="rfc822")
        )
        batch_op.add_column(sa.Column("raw_size", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("source", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("attachment_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("suggestions", sa.JSON(), nullable=False, server_default="{}")
        )
        # Imports write every index of this table for every message: only those a query uses.
        batch_op.drop_index("ix_emails_link_state")
        batch_op.drop_index("ix_emails_sent_at")
        batch_op.create_index(
            "ix_emails_queue",
            ["sent_at"],
            unique=False,
            sqlite_where=sa.text("link_state = 'queued' AND deleted_at IS NULL"),
            postgresql_where=sa.text("link_state = 'queued' AND deleted_at IS NULL"),
        )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interactions_email",
            ["email_id"],
            unique=False,
            sqlite_where=sa.text("email_id IS NOT NULL"),
            postgresql_where=sa.text("email_id IS NOT NULL"),
        )
    fts.install(op.get_bind(), (fts.MAIL_SOURCE,))
    # No activity points at an email yet: only the triggers change, no reindex needed.
    fts.install(op.get_bind(), (fts.INTERACTIONS_V3,), rebuild=False)


def downgrade() -> None:
    fts.install(op.get_bind(), (fts.SOURCES_V2[2],), prefixes="2 3")
    fts.uninstall(op.get_bind(), (fts.MAIL_SOURCE,))
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index("ix_interactions_email")
    with op.batch_alter_table("emails", schema=None) as batch_op:
        batch_op.drop_index("ix_emails_queue")
        batch_op.create_index("ix_emails_sent_at", ["sent_at"], unique=False)
        batch_op.create_index("ix_emails_link_state", ["link_state"], unique=False)
        batch_op.drop_column("suggestions")
        batch_op.drop_column("attachment_count")
        batch_op.drop_column("source")
        batch_op.drop_column("raw_size")
        batch_op.drop_column("raw_format")
        batch_op.drop_column("from_name")

    op.drop_table("mail_folder_states")
    op.drop_table("mail_raw")
    op.drop_table("mail_accounts")
    with op.batch_alter_table("ignored_senders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ignored_senders_hlc"))
        batch_op.drop_index(batch_op.f("ix_ignored_senders_address"))
    op.drop_table("ignored_senders")
