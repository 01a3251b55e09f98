"""IMAP fetch into a real database, against a real dovecot: incremental, resumable, no copies."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from kamdesk.db import Database
from kamdesk.mail import accounts
from kamdesk.mail.imap import MailSourceError
from kamdesk.mail.importer import MailImporter
from kamdesk.mail.sources import SourceItem
from kamdesk.models import Email, MailAccount, MailFolderState

if TYPE_CHECKING:
    from conftest import ImapAccount

pytestmark = pytest.mark.imap


def add_account(db: Database, imap_account: ImapAccount, folders: tuple[str, ...]) -> str:
    settings = imap_account.settings(folders=folders)
    with db.unit_of_work(record_outbox=False) as uow:
        account_id = accounts.save_account(
            uow,
            {
                "host": settings.host,
                "port": settings.port,
                "username": settings.username,
                "security": settings.security,
                "folders": list(folders),
                "ca_file": settings.ca_file,
            },
        )
        uow.commit()
    return account_id


def emails(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Email)) or 0)


def test_fetch_imports_then_only_what_is_new(db: Database, imap_account: ImapAccount) -> None:
    imap_account.deliver(*(imap_account.message(n) for n in range(3)))
    imap_account.deliver(imap_account.message(10, "Dans Clients"), folder="Clients")
    account_id = add_account(db, imap_account, ("INBOX", "Clients"))

    first = accounts.fetch_account(db, account_id, imap_account.password)
    assert (first.imported, first.duplicates, first.errors) == (4, 0, [])
    assert emails(db) == 4
    with db.read() as session:
        states = {
            s.folder: s.last_uid
            for s in session.scalars(
                select(MailFolderState).where(MailFolderState.account_id == account_id)
            )
        }
        row = session.get(MailAccount, account_id)
        assert row is not None and row.last_fetch_at is not None and row.last_error is None
    assert states == {"INBOX": 3, "Clients": 1}

    again = accounts.fetch_account(db, account_id, imap_account.password)
    assert (again.imported, again.duplicates) == (0, 0)  # nothing fetched twice

    imap_account.deliver(imap_account.message(20), imap_account.message(21))
    later = accounts.fetch_account(db, account_id, imap_account.password)
    assert later.imported == 2 and emails(db) == 6
    # Fetching never marks mail as read in the user's mailbox.
    assert all(b"\\Seen" not in flags for flags in imap_account.flags().values())


def test_a_message_already_imported_from_a_file_is_a_duplicate(
    db: Database, imap_account: ImapAccount
) -> None:
    raw = imap_account.message(1, "Contrat cadre")
    MailImporter(db).run([SourceItem("export.eml", raw)])
    imap_account.deliver(raw)
    account_id = add_account(db, imap_account, ("INBOX",))
    summary = accounts.fetch_account(db, account_id, imap_account.password)
    assert (summary.imported, summary.duplicates) == (0, 1)
    assert emails(db) == 1


def test_wrong_password_is_recorded_and_loses_nothing(
    db: Database, imap_account: ImapAccount
) -> None:
    imap_account.deliver(imap_account.message(1))
    account_id = add_account(db, imap_account, ("INBOX",))
    accounts.fetch_account(db, account_id, imap_account.password)
    with pytest.raises(MailSourceError) as caught:
        accounts.fetch_account(db, account_id, "not-the-password")
    assert "not-the-password" not in str(caught.value)
    with db.read() as session:
        row = session.get(MailAccount, account_id)
        assert row is not None and row.last_error == str(caught.value)
        state = session.get(MailFolderState, (account_id, "INBOX"))
        assert state is not None and state.last_uid == 1  # where the next fetch resumes
    assert emails(db) == 1


def test_cancel_stops_between_batches_and_resumes_later(
    db: Database, imap_account: ImapAccount
) -> None:
    imap_account.deliver(*(imap_account.message(n) for n in range(250)))
    account_id = add_account(db, imap_account, ("INBOX",))
    seen = []

    def progress(p: accounts.FetchProgress) -> None:
        seen.append(p.done)

    summary = accounts.fetch_account(
        db, account_id, imap_account.password, progress=progress, cancelled=lambda: bool(seen)
    )
    assert summary.cancelled and 0 < emails(db) < 250
    rest = accounts.fetch_account(db, account_id, imap_account.password)
    assert emails(db) == 250 and rest.duplicates == 0
