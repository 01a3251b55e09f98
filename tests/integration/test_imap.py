"""kamdesk.mail.imap against a real dovecot (see conftest.py): what a user's mailbox will do."""

from __future__ import annotations

import logging
import socket
import time
from typing import TYPE_CHECKING, Any

import pytest

from kamdesk.mail.imap import (
    FetchBatch,
    FolderState,
    MailSourceError,
    connect,
    fetch_new,
    list_folders,
)

if TYPE_CHECKING:  # at run time the fixture provides it; conftest is not importable as such
    from conftest import ImapAccount

pytestmark = pytest.mark.imap


def fetch_all(
    account: ImapAccount, folder: str, state: FolderState, **kwargs: Any
) -> list[FetchBatch]:
    with connect(account.settings(), account.password, timeout=10) as client:
        return list(fetch_new(client, folder, state, **kwargs))


def uids_and_raws(batches: list[FetchBatch]) -> list[tuple[int, bytes]]:
    return [message for batch in batches for message in batch.messages]


def test_server_starts_fast(imap_account: ImapAccount) -> None:
    # Measured: well under a second; a slow start would make every CI run pay for it.
    assert imap_account.server.startup_seconds < 5


def test_lists_the_folders_including_non_ascii_names(imap_account: ImapAccount) -> None:
    imap_account.deliver(imap_account.message(1), folder="Archive")
    imap_account.deliver(imap_account.message(2), folder="Réunions")

    with connect(imap_account.settings(), imap_account.password) as client:
        folders = list_folders(client)

    assert sorted(folders) == ["Archive", "INBOX", "Réunions"]


def test_starttls_connection_works(imap_account: ImapAccount) -> None:
    settings = imap_account.settings(security="starttls")

    with connect(settings, imap_account.password) as client:
        assert "INBOX" in list_folders(client)


def test_fetches_everything_then_only_what_is_new(imap_account: ImapAccount) -> None:
    first = [imap_account.message(n) for n in range(3)]
    imap_account.deliver(*first)

    batches = fetch_all(imap_account, "INBOX", FolderState())

    assert uids_and_raws(batches) == [(1, first[0]), (2, first[1]), (3, first[2])]
    state = batches[-1].state
    assert state.last_uid == 3 and state.uidvalidity is not None
    assert not batches[0].uidvalidity_changed

    later = [imap_account.message(n) for n in range(3, 5)]
    imap_account.deliver(*later)
    batches = fetch_all(imap_account, "INBOX", state)

    assert uids_and_raws(batches) == [(4, later[0]), (5, later[1])]
    assert batches[-1].state == FolderState(state.uidvalidity, 5)


def test_nothing_new_yields_one_empty_batch_with_the_same_state(
    imap_account: ImapAccount,
) -> None:
    imap_account.deliver(imap_account.message(1), imap_account.message(2))
    state = fetch_all(imap_account, "INBOX", FolderState())[-1].state

    # "UID SEARCH UID 3:*" still answers uid 2, the highest existing one: it must be ignored.
    batches = fetch_all(imap_account, "INBOX", state)

    assert [(b.messages, b.state, b.done, b.total) for b in batches] == [([], state, 0, 0)]


def test_empty_folder_still_reports_its_uidvalidity(imap_account: ImapAccount) -> None:
    batches = fetch_all(imap_account, "INBOX", FolderState())

    assert len(batches) == 1 and batches[0].messages == []
    assert batches[0].state.uidvalidity is not None and batches[0].state.last_uid == 0


def test_batches_report_progress_and_resumable_state(imap_account: ImapAccount) -> None:
    imap_account.deliver(*[imap_account.message(n) for n in range(5)])

    batches = fetch_all(imap_account, "INBOX", FolderState(), batch=2)

    assert [[uid for uid, _ in b.messages] for b in batches] == [[1, 2], [3, 4], [5]]
    assert [(b.done, b.total, b.state.last_uid) for b in batches] == [
        (2, 5, 2),
        (4, 5, 4),
        (5, 5, 5),
    ]


def test_uidvalidity_change_refetches_from_the_start(imap_account: ImapAccount) -> None:
    imap_account.deliver(*[imap_account.message(n) for n in range(3)], folder="Projects")
    old = fetch_all(imap_account, "Projects", FolderState())[-1].state
    assert old.last_uid == 3

    # Deleting and recreating a folder is what renumbers it on a real server.
    with imap_account.admin() as client:
        client.delete_folder("Projects")
        client.create_folder("Projects")
    again = [imap_account.message(n) for n in range(10, 12)]
    imap_account.deliver(*again, folder="Projects")

    batches = fetch_all(imap_account, "Projects", old, batch=1)

    assert uids_and_raws(batches) == [(1, again[0]), (2, again[1])]
    assert [b.uidvalidity_changed for b in batches] == [True, False]
    assert batches[-1].state.uidvalidity != old.uidvalidity
    assert batches[-1].state.last_uid == 2


def test_cancellation_stops_between_batches(imap_account: ImapAccount) -> None:
    imap_account.deliver(*[imap_account.message(n) for n in range(5)])
    received: list[FetchBatch] = []

    with connect(imap_account.settings(), imap_account.password) as client:
        for batch in fetch_new(
            client, "INBOX", FolderState(), batch=2, cancelled=lambda: len(received) >= 1
        ):
            received.append(batch)

    assert len(received) == 1
    assert received[0].state.last_uid == 2  # the caller resumes from here next time


def test_fetching_marks_nothing_as_read(imap_account: ImapAccount) -> None:
    imap_account.deliver(imap_account.message(1), imap_account.message(2))

    fetch_all(imap_account, "INBOX", FolderState())

    flags = imap_account.flags()
    assert len(flags) == 2
    assert all(b"\\Seen" not in message_flags for message_flags in flags.values())


def test_missing_folder_is_named(imap_account: ImapAccount) -> None:
    with pytest.raises(MailSourceError) as caught:
        fetch_all(imap_account, "Nowhere", FolderState())

    assert caught.value.code == "folder_missing"
    assert "'Nowhere' does not exist" in str(caught.value)


def test_wrong_password_says_so_without_the_password(
    imap_account: ImapAccount, caplog: pytest.LogCaptureFixture
) -> None:
    wrong = "Wr0ng-Secret-9731"
    caplog.set_level(logging.DEBUG)

    with pytest.raises(MailSourceError) as caught:
        connect(imap_account.settings(), wrong)

    assert caught.value.code == "auth"
    assert str(caught.value) == "the IMAP server refused the user name or password"
    shown = [str(caught.value), repr(caught.value), str(caught.value.__cause__), caplog.text]
    assert not any(wrong in text for text in shown)


def test_closed_port_fails_fast_and_clearly(imap_account: ImapAccount) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = imap_account.settings(port=port)

    started = time.monotonic()
    with pytest.raises(MailSourceError) as caught:
        connect(settings, imap_account.password, timeout=5)

    assert time.monotonic() - started < 3
    assert caught.value.code == "unreachable"
    assert f"could not reach the IMAP server 127.0.0.1:{port}" in str(caught.value)


def test_silent_server_times_out(imap_account: ImapAccount) -> None:
    with socket.socket() as silent:  # accepts the TCP connection, never speaks TLS
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings = imap_account.settings(port=silent.getsockname()[1])

        with pytest.raises(MailSourceError) as caught:
            connect(settings, imap_account.password, timeout=0.5)

    assert caught.value.code == "timeout"
    assert "did not answer in time" in str(caught.value)


def test_untrusted_certificate_is_refused(imap_account: ImapAccount) -> None:
    settings = imap_account.settings(trusted=False)

    with pytest.raises(MailSourceError) as caught:
        connect(settings, imap_account.password)

    assert caught.value.code == "certificate"
    message = str(caught.value)
    assert "certificate of the IMAP server 127.0.0.1 could not be verified" in message
    assert imap_account.password not in message


def test_tls_on_the_plain_port_is_a_tls_error(imap_account: ImapAccount) -> None:
    settings = imap_account.settings(security="ssl", port=imap_account.server.imap_port)

    with pytest.raises(MailSourceError) as caught:
        connect(settings, imap_account.password, timeout=5)

    assert caught.value.code == "tls"
