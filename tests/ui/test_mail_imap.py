"""Mail accounts and fetching: settings saved without the password, the keyring's rules, a fetch
in the background that resumes where it stopped, and failures told in plain words.

The IMAP server itself is faked at the ``kamdesk.mail.imap`` boundary (the real protocol is
covered by tests/integration/test_imap.py against dovecot).
"""

from __future__ import annotations

import socket
from email.message import EmailMessage
from typing import Any

import pytest
from sqlalchemy import select

from kamdesk.mail import accounts, credentials, imap
from kamdesk.mail.accounts import MailAccountInfo
from kamdesk.models import Email, MailAccount, MailFolderState
from kamdesk.ui.mail.fetching import MailFetcher
from kamdesk.ui.mail.imap_settings import MailAccountsDialog


def idle(qtbot, ctx) -> None:
    qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=10_000)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def save(ctx, **values: Any) -> MailAccountInfo:
    settings = {"port": 993, "security": "ssl", "folders": ["INBOX"]} | values
    with ctx.db.unit_of_work() as uow:
        account_id = accounts.save_account(uow, settings)
        uow.commit()
    with ctx.db.read() as session:
        return accounts.get_account(session, account_id)


@pytest.fixture
def dialog(qtbot, ctx) -> MailAccountsDialog:
    dlg = MailAccountsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: dlg.keyring_note.text() != "Checking the system keyring…")
    idle(qtbot, ctx)
    return dlg


def test_an_account_is_saved_and_its_password_goes_to_the_keyring_only(
    qtbot, ctx, dialog, memory_keyring
) -> None:
    assert dialog.remember.isEnabled()
    dialog.host.setText("imap.example.com")
    dialog.username.setText("claire@example.com")
    dialog.security.setCurrentIndex(dialog.security.findData("starttls"))
    assert dialog.port.value() == 143  # the usual port follows the security
    dialog.password.setText("s3cret")
    dialog.remember.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.status.text() == "Saved.", timeout=10_000)
    qtbot.waitUntil(lambda: bool(memory_keyring.secrets), timeout=10_000)
    with ctx.db.read() as session:
        (account,) = accounts.list_accounts(session)
        raw = session.get(MailAccount, account.id)
        assert "s3cret" not in repr(vars(raw))
    assert (account.host, account.port, account.security) == ("imap.example.com", 143, "starttls")
    assert account.folders == ("INBOX",)
    assert memory_keyring.secrets == {(credentials.IMAP_SERVICE, account.key): "s3cret"}

    # A missing server name is said next to nothing else: nothing is saved.
    dialog.new_account()
    dialog.username.setText("x@example.com")
    dialog.save()
    assert "required" in dialog.status.text()
    idle(qtbot, ctx)
    with ctx.db.read() as session:
        assert len(accounts.list_accounts(session)) == 1


def test_without_a_trusted_keyring_the_password_is_asked_each_time(qtbot, ctx, monkeypatch) -> None:
    insecure = credentials.KeyringStatus(
        "keyrings.alt.file.PlaintextKeyring",
        secure=False,
        explicit=False,
        reason="the keyring backend stores passwords in a file, not in a system keyring",
    )
    monkeypatch.setattr(credentials, "keyring_status", lambda: insecure)
    dlg = MailAccountsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitUntil(lambda: "asks for it each time" in dlg.keyring_note.text(), timeout=10_000)
    assert not dlg.remember.isEnabled() and not dlg.remember.isChecked()
    assert "stores passwords in a file" in dlg.keyring_note.text()
    idle(qtbot, ctx)


def test_load_folders_from_an_unreachable_server_says_so_plainly(qtbot, ctx, dialog) -> None:
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(closed_port())
    dialog.username.setText("claire")
    dialog.password.setText("pw")
    dialog.load_folders()
    qtbot.waitUntil(lambda: dialog.load_button.isEnabled(), timeout=10_000)
    assert dialog.status.text().startswith("Could not reach the mail server “127.0.0.1”")
    assert "pw" not in dialog.status.text()


def raw_message(number: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Expéditeur {number} <sender{number}@example.org>"
    msg["To"] = "claire@example.com"
    msg["Subject"] = f"Message IMAP {number}"
    msg["Date"] = "Wed, 25 Nov 2026 10:00:00 +0000"
    msg["Message-ID"] = f"<imap-{number}@example.org>"
    msg.set_content("Bonjour")
    return msg.as_bytes()


class FakeClient:
    host = "imap.example.com"

    def logout(self) -> None:
        pass


def test_fetch_mail_imports_in_the_background_and_resumes_after_the_last_batch(
    qtbot, ctx, monkeypatch
) -> None:
    account = save(ctx, host="imap.example.com", username="claire@example.com")
    asked: list[imap.FolderState] = []

    def fetch_new(client, folder, state, *, batch=200, cancelled=lambda: False):
        asked.append(state)
        new = [uid for uid in range(1, 6) if uid > state.last_uid]
        for start in range(0, len(new), 2):
            chunk = new[start : start + 2]
            yield imap.FetchBatch(
                [(uid, raw_message(uid)) for uid in chunk],
                imap.FolderState(777, chunk[-1]),
                start + len(chunk),
                len(new),
            )
        if not new:
            yield imap.FetchBatch([], imap.FolderState(777, state.last_uid), 0, 0)

    monkeypatch.setattr(imap, "connect", lambda settings, password, timeout=30: FakeClient())
    monkeypatch.setattr(imap, "fetch_new", fetch_new)
    fetcher = MailFetcher(ctx, None)
    statuses: list[str] = []
    fetcher.statusChanged.connect(statuses.append)
    changes: list[Any] = []
    ctx.bus.changed.connect(changes.append)

    with qtbot.waitSignal(fetcher.finished, timeout=10_000) as done:
        fetcher.start(account, "pw", interactive=False)
    summary = done.args[0]
    assert (summary.imported, summary.errors) == (5, [])
    assert any(c.touches("emails") for c in changes)  # views refreshed batch by batch
    assert statuses[-1] == "Mail fetched from imap.example.com: 5 email(s) imported"
    with ctx.db.read() as session:
        state = session.get(MailFolderState, (account.id, "INBOX"))
        assert (state.uidvalidity, state.last_uid) == (777, 5)
        assert (
            len(session.scalars(select(Email).where(Email.subject.like("Message IMAP%"))).all())
            == 5
        )
        assert accounts.get_account(session, account.id).last_fetch_at is not None

    # The next fetch asks only for what came after.
    with qtbot.waitSignal(fetcher.finished, timeout=10_000) as done:
        fetcher.start(account, "pw", interactive=False)
    assert done.args[0].imported == 0
    assert asked[-1] == imap.FolderState(777, 5)
    idle(qtbot, ctx)


def test_a_failed_fetch_is_told_in_plain_words_and_recorded(qtbot, ctx) -> None:
    account = save(ctx, host="127.0.0.1", port=closed_port(), username="claire")
    fetcher = MailFetcher(ctx, None)
    statuses: list[str] = []
    fetcher.statusChanged.connect(statuses.append)
    with qtbot.waitSignal(fetcher.finished, timeout=10_000) as done:
        fetcher.start(account, "pw", interactive=False)
    assert done.args[0] is None
    assert statuses[-1].startswith("Mail not fetched from 127.0.0.1: Could not reach")
    with ctx.db.read() as session:
        assert accounts.get_account(session, account.id).last_error
    assert not fetcher.running


def test_the_periodic_fetch_only_uses_stored_passwords(
    qtbot, ctx, monkeypatch, memory_keyring
) -> None:
    with_password = save(ctx, host="a.example.com", username="a@example.com")
    save(ctx, host="b.example.com", username="b@example.com")  # password asked each time
    memory_keyring.set_password(credentials.IMAP_SERVICE, with_password.key, "pw")
    started: list[tuple[str, str, bool]] = []
    fetcher = MailFetcher(ctx, None)
    monkeypatch.setattr(
        fetcher,
        "start",
        lambda account, password, interactive=True: started.append(
            (account.host, password, interactive)
        ),
    )
    assert fetcher.timer.interval() == 10 * 60 * 1000
    fetcher.fetch_in_background()
    qtbot.waitUntil(lambda: bool(started), timeout=10_000)
    qtbot.wait(50)
    assert started == [("a.example.com", "pw", False)]
    idle(qtbot, ctx)
