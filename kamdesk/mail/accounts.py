"""The IMAP accounts kamdesk fetches from, where each folder resumes, and one fetch run.

``MailAccount`` and ``MailFolderState`` are local tables (never synced): they describe this
installation's mailboxes. The password is not stored here; the caller reads it from the
keyring (``kamdesk.mail.credentials``) or asks the user, and hands it to ``fetch_account``.

A fetch reads each chosen folder by UID (``imap.fetch_new``), imports every batch through the
same ``MailImporter`` as files, and saves the folder's resume point only once the batch's
messages are committed: an interrupted fetch (cancel, network down, crash) starts again after
the last saved batch, and a re-fetch of something already stored is dropped as a duplicate.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kamdesk.db import Database
from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.ids import new_id
from kamdesk.mail import imap
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.mail.sources import SourceItem
from kamdesk.models import MailAccount, MailFolderState, utcnow
from kamdesk.services.errors import NotFound


@dataclass(frozen=True)
class MailAccountInfo:
    id: str
    host: str
    port: int
    username: str
    security: str
    folders: tuple[str, ...]
    ca_file: str | None
    last_fetch_at: dt.datetime | None
    last_error: str | None

    def settings(self) -> imap.ImapSettings:
        return imap.ImapSettings(
            host=self.host,
            username=self.username,
            port=self.port,
            security=self.security,  # type: ignore[arg-type]  # checked by ImapSettings
            folders=self.folders,
            ca_file=self.ca_file,
        )

    @property
    def key(self) -> str:
        """The keyring user name of this account's password."""
        return self.settings().key


@dataclass(frozen=True)
class FetchProgress:
    folder: str
    done: int  # new messages of this folder handled so far
    total: int  # new messages found in this folder
    summary: ImportSummary  # the whole run so far


def _info(row: MailAccount) -> MailAccountInfo:
    return MailAccountInfo(
        row.id,
        row.host,
        row.port,
        row.username,
        row.security,
        tuple(row.folders or ()),
        row.ca_file,
        row.last_fetch_at,
        row.last_error,
    )


def list_accounts(session: Session) -> list[MailAccountInfo]:
    rows = session.scalars(select(MailAccount).order_by(MailAccount.username, MailAccount.host))
    return [_info(row) for row in rows]


def get_account(session: Session, account_id: str) -> MailAccountInfo:
    row = session.get(MailAccount, account_id)
    if row is None:
        raise NotFound("mail_account", account_id)
    return _info(row)


def settings_from(values: Mapping[str, Any]) -> imap.ImapSettings:
    """Validated settings from form values (raises ``ValidationError`` naming the fields)."""
    ca_file = (values.get("ca_file") or "").strip() or None
    return imap.ImapSettings(
        host=str(values.get("host") or "").strip(),
        username=str(values.get("username") or "").strip(),
        port=int(values.get("port") or 0),
        security=values.get("security") or "ssl",
        folders=tuple(values.get("folders") or ()),
        ca_file=ca_file,
    )


def save_account(uow: UnitOfWork, values: Mapping[str, Any], account_id: str | None = None) -> str:
    """Create (no ``account_id``) or update a mail account; returns its id.

    Another server or user name is another mailbox: the folders' resume points are dropped,
    so the next fetch reads it from the start (duplicates are skipped by the importer).
    """
    settings = settings_from(values)
    row = uow.session.get(MailAccount, account_id) if account_id else None
    if account_id and row is None:
        raise NotFound("mail_account", account_id)
    if row is None:
        row = MailAccount(id=new_id(), port=settings.port, host=settings.host)
        uow.session.add(row)
    elif (row.host, row.port, row.username) != (settings.host, settings.port, settings.username):
        uow.session.execute(delete(MailFolderState).where(MailFolderState.account_id == row.id))
    row.host, row.port, row.username = settings.host, settings.port, settings.username
    row.security, row.ca_file = settings.security, settings.ca_file
    row.folders = list(settings.folders)
    uow.session.flush()
    return row.id


def delete_account(uow: UnitOfWork, account_id: str) -> None:
    """Forget a mail account and where its folders were (the mail already imported stays)."""
    uow.session.execute(delete(MailFolderState).where(MailFolderState.account_id == account_id))
    row = uow.session.get(MailAccount, account_id)
    if row is not None:
        uow.session.delete(row)
    uow.session.flush()


def folder_states(session: Session, account_id: str) -> dict[str, imap.FolderState]:
    return {
        row.folder: imap.FolderState(row.uidvalidity, row.last_uid)
        for row in session.scalars(
            select(MailFolderState).where(MailFolderState.account_id == account_id)
        )
    }


def _save_state(db: Database, account_id: str, folder: str, state: imap.FolderState) -> None:
    with db.unit_of_work(record_outbox=False) as uow:
        row = uow.session.get(MailFolderState, (account_id, folder))
        if row is None:
            row = MailFolderState(account_id=account_id, folder=folder)
            uow.session.add(row)
        row.uidvalidity, row.last_uid = state.uidvalidity, state.last_uid
        uow.commit()


def _record_outcome(db: Database, account_id: str, error: str | None) -> None:
    with db.unit_of_work(record_outbox=False) as uow:
        row = uow.session.get(MailAccount, account_id)
        if row is not None:
            row.last_error = error
            if error is None:
                row.last_fetch_at = utcnow()
        uow.commit()


def server_folders(settings: imap.ImapSettings, password: str, *, timeout: float = 30) -> list[str]:
    """The folders the server offers, for the user to choose from (raises MailSourceError)."""
    client = imap.connect(settings, password, timeout=timeout)
    try:
        return imap.list_folders(client)
    finally:
        _logout(client)


def _logout(client: Any) -> None:
    # The connection may already be gone; there is nothing to save either way.
    with contextlib.suppress(Exception):
        client.logout()


def fetch_account(
    db: Database,
    account_id: str,
    password: str,
    *,
    importer: MailImporter | None = None,
    progress: Callable[[FetchProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    timeout: float = 30,
) -> ImportSummary:
    """Fetch what is new in the account's folders and import it; returns the import summary.

    Raises ``MailSourceError`` (wrong password, server unreachable, certificate...) after
    recording it on the account; the batches imported before the error stay imported and
    their folders resume after them next time.
    """
    with db.read() as session:
        account = get_account(session, account_id)
        states = folder_states(session, account_id)
    settings = account.settings()
    if importer is None:
        mine = (account.username.lower(),) if "@" in account.username else ()
        importer = MailImporter(db, my_addresses=mine)
    summary = ImportSummary()
    try:
        client = imap.connect(settings, password, timeout=timeout)
        try:
            for folder in settings.folders:
                if cancelled():
                    summary.cancelled = True
                    break
                state = states.get(folder, imap.FolderState())
                for batch in imap.fetch_new(client, folder, state, cancelled=cancelled):
                    items = [
                        SourceItem(f"{settings.key}/{folder}#{uid}", raw)
                        for uid, raw in batch.messages
                    ]
                    importer.run(items, summary=summary)
                    _save_state(db, account_id, folder, batch.state)
                    if progress is not None:
                        progress(FetchProgress(folder, batch.done, batch.total, summary))
                if cancelled():
                    summary.cancelled = True
                    break
        finally:
            _logout(client)
    except imap.MailSourceError as exc:
        _record_outcome(db, account_id, str(exc))
        raise
    _record_outcome(db, account_id, None)
    return summary
