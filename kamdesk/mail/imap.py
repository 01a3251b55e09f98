"""Read new mail from an IMAP server, incrementally by UID, without changing anything there.

Only encrypted connections (implicit TLS or STARTTLS) with the server's certificate verified:
the password never crosses the network in clear. Folders are opened read-only and bodies are
fetched with ``BODY.PEEK[]``, so kamdesk never marks a message as read on the server.

The caller stores a :class:`FolderState` per folder and the raw bytes of each message; the mail
importer deduplicates by Message-ID/hash, which is what makes a re-fetch after a UIDVALIDITY
change harmless.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from imapclient import IMAPClient
from imapclient.exceptions import (
    CapabilityError,
    IMAPClientAbortError,
    IMAPClientError,
    LoginError,
)

from kamdesk.services.errors import FieldError, ServiceError, ValidationError

log = logging.getLogger(__name__)

Security = Literal["ssl", "starttls"]
SECURITY_CHOICES: tuple[Security, ...] = ("ssl", "starttls")

_BODY = b"BODY[]"  # how the server names the part asked for as BODY.PEEK[]


class MailSourceError(ServiceError):
    """A mail source could not be read. ``code`` lets the UI translate; the text is English.

    Codes: "auth", "host_unknown", "unreachable", "timeout", "certificate", "tls",
    "folder_missing", "connection_lost", "protocol".
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, kw_only=True)
class ImapSettings:
    """Where and how to read one mailbox. The password is not here: it lives in the keyring."""

    host: str
    username: str
    port: int = 993
    security: Security = "ssl"
    folders: tuple[str, ...] = ("INBOX",)
    # An extra trusted CA or the server's own self-signed certificate (PEM), for company
    # servers outside the public CAs; the system's CAs stay trusted too.
    ca_file: str | None = None

    def __post_init__(self) -> None:
        # A list would make the frozen settings unhashable; accept it, store a tuple.
        object.__setattr__(self, "folders", tuple(self.folders))
        errors: list[FieldError] = []
        if not self.host.strip():
            errors.append(FieldError("host", "required", "the IMAP server name is required"))
        if not self.username:
            errors.append(FieldError("username", "required", "the user name is required"))
        if not 0 < self.port < 65536:
            errors.append(FieldError("port", "invalid", "the port must be between 1 and 65535"))
        if self.security not in SECURITY_CHOICES:
            errors.append(
                FieldError(
                    "security",
                    "invalid",
                    "the connection must be encrypted: 'ssl' or 'starttls'",
                    {"value": self.security},
                )
            )
        if not self.folders:
            errors.append(FieldError("folders", "required", "choose at least one folder"))
        if errors:
            raise ValidationError(errors)

    @property
    def key(self) -> str:
        """Stable name of this account, e.g. ``"anna@mail.example.com:993"`` (keyring user)."""
        return f"{self.username}@{self.host.strip().lower()}:{self.port}"


@dataclass
class FolderState:
    """What has already been fetched from one folder.

    UIDs only mean something within one UIDVALIDITY: ``uidvalidity`` None means the folder was
    never fetched, and ``last_uid`` is then ignored.
    """

    uidvalidity: int | None = None
    last_uid: int = 0


@dataclass
class FetchBatch:
    """Messages fetched together, and the state to store once they are saved."""

    messages: list[tuple[int, bytes]]  # (uid, raw RFC 822 bytes), by increasing uid
    state: FolderState
    done: int  # new uids handled so far in this run, this batch included
    total: int  # new messages found at the start of this run
    # True on the first batch when the server renumbered the folder (UIDVALIDITY changed):
    # everything is fetched again from uid 0.
    uidvalidity_changed: bool = False
    skipped_uids: list[int] = field(default_factory=list)  # expunged between search and fetch


@contextlib.contextmanager
def _mail_errors(host: str, port: int | None = None) -> Iterator[None]:
    """Turn network, TLS and IMAP failures into a MailSourceError a user can act on.

    Messages never include the password: they are built here from the host and the error
    kind, not from what was sent.
    """
    where = f"{host}:{port}" if port is not None else host
    try:
        yield
    except MailSourceError:
        raise
    except LoginError as exc:
        raise MailSourceError("auth", "the IMAP server refused the user name or password") from exc
    except ssl.SSLCertVerificationError as exc:
        raise MailSourceError(
            "certificate",
            f"the certificate of the IMAP server {host} could not be verified "
            f"({exc.verify_message}); if the server uses its own certificate, "
            "add it as a trusted certificate file",
        ) from exc
    except ssl.SSLError as exc:
        raise MailSourceError(
            "tls",
            f"the encrypted connection to the IMAP server {where} failed "
            f"({exc.reason or exc.strerror or exc})",
        ) from exc
    except socket.gaierror as exc:
        raise MailSourceError(
            "host_unknown", f"the IMAP server {host} was not found: check its name"
        ) from exc
    except TimeoutError as exc:
        raise MailSourceError("timeout", f"the IMAP server {where} did not answer in time") from exc
    except IMAPClientAbortError as exc:
        raise MailSourceError(
            "connection_lost", f"the IMAP server {host} closed the connection ({exc})"
        ) from exc
    except IMAPClientError as exc:
        raise MailSourceError(
            "protocol", f"the IMAP server {host} refused a request ({exc})"
        ) from exc
    except OSError as exc:
        # Refused, network unreachable, reset: the OS wording is short and clear enough.
        raise MailSourceError(
            "unreachable",
            f"could not reach the IMAP server {where} ({exc.strerror or exc})",
        ) from exc


def _ssl_context(settings: ImapSettings) -> ssl.SSLContext:
    # Verification stays on (hostname and chain); ca_file only adds trust, never removes checks.
    context = ssl.create_default_context()
    if settings.ca_file:
        try:
            context.load_verify_locations(cafile=settings.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise MailSourceError(
                "certificate",
                f"the trusted certificate file {settings.ca_file} could not be read",
            ) from exc
    return context


def _start_tls(client: IMAPClient, context: ssl.SSLContext) -> None:
    try:
        client.starttls(context)
    except CapabilityError as exc:
        raise MailSourceError(
            "tls",
            f"the IMAP server {client.host} does not offer STARTTLS: kamdesk will not send the "
            "password unencrypted (choose 'ssl' or ask the administrator)",
        ) from exc


def connect(settings: ImapSettings, password: str, *, timeout: float = 30) -> IMAPClient:
    """Open an encrypted, logged-in connection. The caller logs out (``with`` works)."""
    context = _ssl_context(settings)
    with _mail_errors(settings.host, settings.port):
        client = IMAPClient(
            settings.host,
            settings.port,
            ssl=settings.security == "ssl",
            ssl_context=context,
            timeout=timeout,
        )
    try:
        with _mail_errors(settings.host, settings.port):
            if settings.security == "starttls":
                _start_tls(client, context)
            client.login(settings.username, password)
    except MailSourceError:
        with contextlib.suppress(Exception):  # the connection is useless either way
            client.shutdown()
        raise
    return client


def list_folders(client: IMAPClient) -> list[str]:
    """Names of the folders that can be opened, in the server's order."""
    with _mail_errors(client.host):
        listing = client.list_folders()
    unselectable = {b"\\noselect", b"\\nonexistent"}
    return [
        # Names come decoded from modified UTF-7; bytes only if the server sent a broken name.
        name if isinstance(name, str) else bytes(name).decode("utf-8", "replace")
        for flags, _delimiter, name in listing
        if not unselectable.intersection(flag.lower() for flag in flags)
    ]


def _select(client: IMAPClient, folder: str) -> int:
    """Open ``folder`` read-only (EXAMINE) and return its UIDVALIDITY."""
    try:
        with _mail_errors(client.host):
            response = client.select_folder(folder, readonly=True)
    except MailSourceError as exc:
        if exc.code != "protocol":
            raise
        with _mail_errors(client.host):
            exists = client.folder_exists(folder)
        if not exists:
            raise MailSourceError(
                "folder_missing", f"the folder '{folder}' does not exist on the IMAP server"
            ) from exc
        raise
    uidvalidity = response.get(b"UIDVALIDITY")
    if uidvalidity is None:
        # Without it, stored UIDs could silently point at other messages: refuse to guess.
        raise MailSourceError(
            "protocol", f"the IMAP server {client.host} did not give the folder's UIDVALIDITY"
        )
    return int(uidvalidity)


def fetch_new(
    client: IMAPClient,
    folder: str,
    state: FolderState,
    *,
    batch: int = 200,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[FetchBatch]:
    """Fetch the messages of ``folder`` newer than ``state``, ``batch`` at a time.

    Always yields at least one batch (empty when nothing is new) so the caller learns the
    folder's current UIDVALIDITY. Store each batch's ``state`` only after its messages are
    saved: an interrupted run then resumes after the last saved batch. ``cancelled`` is
    checked before each batch; when it returns True the iteration simply stops.
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    uidvalidity = _select(client, folder)
    changed = state.uidvalidity is not None and state.uidvalidity != uidvalidity
    last_uid = state.last_uid if state.uidvalidity == uidvalidity else 0
    if changed:
        log.info(
            "UIDVALIDITY of %s changed (%s -> %s): fetching it again from the start",
            folder,
            state.uidvalidity,
            uidvalidity,
        )
    with _mail_errors(client.host):
        found = client.search(["UID", f"{last_uid + 1}:*"])
    # "N:*" always matches the highest uid, even when it is below N.
    uids = sorted(uid for uid in found if uid > last_uid)
    total = len(uids)
    if not uids:
        yield FetchBatch([], FolderState(uidvalidity, last_uid), 0, 0, changed)
        return
    done = 0
    for start in range(0, total, batch):
        if cancelled():
            return
        chunk = uids[start : start + batch]
        with _mail_errors(client.host):
            response = client.fetch(chunk, ["BODY.PEEK[]"])
        messages: list[tuple[int, bytes]] = []
        skipped: list[int] = []
        for uid in chunk:
            body = response.get(uid, {}).get(_BODY)
            if body is None:
                skipped.append(uid)
            else:
                messages.append((uid, bytes(body)))
        done += len(chunk)
        yield FetchBatch(
            messages,
            FolderState(uidvalidity, chunk[-1]),
            done,
            total,
            uidvalidity_changed=changed and start == 0,
            skipped_uids=skipped,
        )
