"""Emails: the parsed message, its thread and its link state (filled by ``kamdesk.mail``).

The original bytes are kept losslessly in ``MailRaw`` (local, content-addressed, compressed);
attachments are ``Attachment`` rows whose bytes are content-addressed blobs.

Link state: ``linked`` (a rule or a person decided), ``queued`` (waits in the review queue,
perhaps with ``suggestions``), ``ignored`` (the sender is ignored). ``link_rule`` says which rule
decided — thread, contact_address, contact_opportunity, sender_domain, manual, ignored_sender —
so a person can see why a message landed where it did.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.models.base import Base, Synced

LINKED, QUEUED, IGNORED = "linked", "queued", "ignored"


class Email(Synced, Base):
    __tablename__ = "emails"
    __table_args__ = (
        # The review queue, newest first: only the waiting mail, a small part of the table.
        Index(
            "ix_emails_queue",
            "sent_at",
            sqlite_where=text("link_state = 'queued' AND deleted_at IS NULL"),
            postgresql_where=text("link_state = 'queued' AND deleted_at IS NULL"),
        ),
    )

    message_id: Mapped[str | None] = mapped_column(String(998), index=True)
    in_reply_to: Mapped[str | None] = mapped_column(String(998))
    references: Mapped[list[str]] = mapped_column(default=list)
    thread_id: Mapped[str | None] = mapped_column(String(36), index=True)
    subject: Mapped[str | None] = mapped_column(String(998))
    from_name: Mapped[str | None] = mapped_column(String(200))
    from_address: Mapped[str | None] = mapped_column(String(254), index=True)
    to_addresses: Mapped[list[str]] = mapped_column(default=list)
    cc_addresses: Mapped[list[str]] = mapped_column(default=list)
    sent_at: Mapped[dt.datetime | None]
    text: Mapped[str | None] = mapped_column(Text)
    raw_sha256: Mapped[str] = mapped_column(
        String(64), index=True
    )  # original bytes, content-addressed
    raw_format: Mapped[str] = mapped_column(String(8), default="rfc822")  # or "msg"
    raw_size: Mapped[int] = mapped_column(default=0)
    source: Mapped[str | None] = mapped_column(String(500))  # file or IMAP folder it came from
    attachment_count: Mapped[int] = mapped_column(default=0)
    parse_error: Mapped[str | None] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(String(8))
    link_state: Mapped[str] = mapped_column(String(8), default=QUEUED)
    link_rule: Mapped[str | None] = mapped_column(String(40))
    # What the review queue offers: {"opportunities": [ids], "accounts": [ids],
    # "create_contact": address}.
    suggestions: Mapped[dict[str, Any]] = mapped_column(default=dict)
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id"), index=True)
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"), index=True)


class IgnoredSender(Synced, Base):
    """An address whose mail is never linked (newsletters, notifications, private mail)."""

    __tablename__ = "ignored_senders"

    address: Mapped[str] = mapped_column(String(254), index=True)


class MailRaw(Base):
    """The original bytes of a message, zlib-compressed, keyed by the SHA-256 of the original.

    Local (not a synced table): kept in the database rather than one file per message, so an
    import of 50 000 messages writes no 50 000 files, commits atomically with the email rows,
    and is part of every backup.
    """

    __tablename__ = "mail_raw"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MailAccount(Base):
    """An IMAP account this installation fetches from. The password lives in the OS keyring."""

    __tablename__ = "mail_accounts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int]
    username: Mapped[str] = mapped_column(String(254))
    security: Mapped[str] = mapped_column(String(8), default="ssl")  # ssl / starttls
    folders: Mapped[list[str]] = mapped_column(default=list)
    ca_file: Mapped[str | None] = mapped_column(String(1000))
    last_fetch_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)


class MailFolderState(Base):
    """Where an incremental IMAP fetch resumes: the folder's UIDVALIDITY and the last UID saved."""

    __tablename__ = "mail_folder_states"

    account_id: Mapped[str] = mapped_column(ForeignKey("mail_accounts.id"), primary_key=True)
    folder: Mapped[str] = mapped_column(String(500), primary_key=True)
    uidvalidity: Mapped[int | None]
    last_uid: Mapped[int] = mapped_column(default=0)
