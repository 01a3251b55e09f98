"""A real IMAP server for the tests: Debian's dovecot, started from a throw-away configuration.

- ``imap_server`` (session): one dovecot listening on 127.0.0.1 only, on two free high ports —
  implicit TLS (imaps) and plain IMAP offering STARTTLS (login refused before STARTTLS) — with
  a self-signed certificate made by the ``openssl`` CLI (a dependency of dovecot-core).
  Everything (config, certificate, sockets, state, log, mail) lives in one temp folder.
- ``imap_account`` (per test): a new login on that server ("kam@testN"), hence an empty
  Maildir; ``deliver`` APPENDs messages the way a mail client would.

dovecot never lets a mail process run as root ("userdb returned 0 as uid"), whatever
``first_valid_uid`` says. When the tests run as root (CI), mail therefore belongs to a numeric
uid with no passwd entry; dovecot's login and auth processes keep running as Debian's
``dovenull``/``dovecot`` users. When they run as a normal user, dovecot runs entirely as that
user (rootless: no chroot for the login processes).

The tests skip, saying why, if /usr/sbin/dovecot is missing (``apt-get install dovecot-imapd``).
"""

from __future__ import annotations

import contextlib
import email.utils
import grp
import itertools
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from imapclient import IMAPClient

from kamdesk.mail.imap import ImapSettings, Security

DOVECOT = Path("/usr/sbin/dovecot")
HOST = "127.0.0.1"
# Root may not own mail in dovecot; any uid without a passwd entry will do for a test Maildir.
MAIL_UID_WHEN_ROOT = 64_321
STARTUP_TIMEOUT = 10.0
USER, PASSWORD = "kam", "Test-Pw-4821"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def make_message(number: int, subject: str | None = None) -> bytes:
    """A small RFC 5322 message with a unique Message-ID, CRLF line ends as on the wire."""
    lines = [
        "From: Anna Client <anna@client.example>",
        "To: kam@kamdesk.example",
        f"Subject: {subject or f'Message {number}'}",
        f"Date: {email.utils.format_datetime(email.utils.localtime())}",
        f"Message-ID: <test-{number}-{time.monotonic_ns()}@kamdesk.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        f"Body of message {number}.",
        "",
    ]
    return "\r\n".join(lines).encode()


def _make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            # EC: key generation takes milliseconds where RSA 2048 takes ~0.4 s.
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=kamdesk test IMAP",
            # Checked by ssl's hostname verification: tests connect to the IP address.
            "-addext",
            f"subjectAltName=IP:{HOST},DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def _config(root: Path, imaps_port: int, imap_port: int, cert: Path, key: Path) -> str:
    if os.geteuid() == 0:
        mail_uid = mail_gid = MAIL_UID_WHEN_ROOT
        # Login and auth processes run as dovecot's usual unprivileged users.
        privileges = "first_valid_uid = 1000\n"
        login_chroot = ""
    else:
        mail_uid, mail_gid = os.getuid(), os.getgid()
        me, my_group = pwd.getpwuid(mail_uid).pw_name, grp.getgrgid(mail_gid).gr_name
        # Rootless dovecot: every process and socket belongs to us; only root may chroot.
        privileges = (
            f"default_internal_user = {me}\n"
            f"default_internal_group = {my_group}\n"
            f"default_login_user = {me}\n"
            f"first_valid_uid = {min(mail_uid, 500)}\n"
        )
        login_chroot = "  chroot =\n"
    return f"""\
# Throw-away dovecot for kamdesk's tests: 127.0.0.1 only, everything under {root}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = {HOST}
ssl = yes
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain login
# dovecot waits 2 s after a wrong password by default; the wrong-password test need not.
auth_failure_delay = 0
mail_fsync = never
{privileges}
passdb {{
  driver = passwd-file
  # Looked up by the part before "@": one user line serves every "kam@<anything>" login,
  # and the userdb gives each full login name its own home, so each test gets an empty
  # Maildir without editing the users file (dovecot re-reads it at most once a second).
  args = scheme=PLAIN username_format=%n {root}/users
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
{login_chroot}  inet_listener imap {{
    address = {HOST}
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = {HOST}
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
{login_chroot}}}
"""


@dataclass
class DovecotServer:
    root: Path
    config: Path
    imaps_port: int  # implicit TLS
    imap_port: int  # plain, STARTTLS required before login
    ca_file: str  # the server's self-signed certificate
    startup_seconds: float
    process: subprocess.Popen[bytes]
    host: str = HOST

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""


@dataclass
class ImapAccount:
    server: DovecotServer
    username: str
    password: str

    def settings(
        self,
        *,
        security: Security = "ssl",
        port: int | None = None,
        folders: tuple[str, ...] = ("INBOX",),
        trusted: bool = True,
    ) -> ImapSettings:
        default_port = self.server.imaps_port if security == "ssl" else self.server.imap_port
        return ImapSettings(
            host=self.server.host,
            port=port or default_port,
            username=self.username,
            security=security,
            folders=folders,
            ca_file=self.server.ca_file if trusted else None,
        )

    @contextlib.contextmanager
    def admin(self) -> Iterator[Any]:
        """A direct IMAPClient connection to prepare or inspect the mailbox (not the code tested)."""
        context = ssl.create_default_context(cafile=self.server.ca_file)
        with IMAPClient(
            self.server.host, self.server.imaps_port, ssl_context=context, timeout=10
        ) as client:
            client.login(self.username, self.password)
            yield client

    message = staticmethod(make_message)  # test modules cannot import conftest reliably

    def deliver(self, *messages: bytes, folder: str = "INBOX") -> None:
        with self.admin() as client:
            if not client.folder_exists(folder):
                client.create_folder(folder)
            for raw in messages:
                client.append(folder, raw)

    def flags(self, folder: str = "INBOX") -> dict[int, tuple[bytes, ...]]:
        with self.admin() as client:
            client.select_folder(folder, readonly=True)
            response = client.fetch(client.search("ALL"), ["FLAGS"])
            return {uid: data[b"FLAGS"] for uid, data in response.items()}


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, root: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(OSError), socket.create_connection((HOST, port), timeout=0.2):
            return
        time.sleep(0.01)
    log = (
        (root / "dovecot.log").read_text(errors="replace")
        if (root / "dovecot.log").exists()
        else ""
    )
    out = (root / "dovecot.out").read_text(errors="replace")
    raise RuntimeError(f"dovecot did not start (exit code {process.poll()}):\n{out}\n{log}")


@pytest.fixture(scope="session")
def imap_server() -> Iterator[DovecotServer]:
    if not DOVECOT.exists():
        pytest.skip(f"{DOVECOT} is missing: apt-get install dovecot-imapd to run the IMAP tests")
    if os.geteuid() == 0:
        for user in ("dovecot", "dovenull"):
            try:
                pwd.getpwnam(user)
            except KeyError:
                pytest.skip(f"dovecot's system user '{user}' is missing: reinstall dovecot-core")
    # Not tmp_path_factory: its folders are 0700, and dovecot's unprivileged processes must
    # be able to reach the certificate, the users file and the Maildirs inside.
    root = Path(tempfile.mkdtemp(prefix="kamdesk-dovecot-"))
    root.chmod(0o711)
    process: subprocess.Popen[bytes] | None = None
    try:
        home = root / "home"
        home.mkdir()
        if os.geteuid() == 0:
            os.chown(home, MAIL_UID_WHEN_ROOT, MAIL_UID_WHEN_ROOT)
        (root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n", encoding="utf-8")
        (root / "users").chmod(0o644)
        cert, key = _make_certificate(root)
        cert.chmod(0o644)
        imaps_port, imap_port = free_port(), free_port()
        config = root / "dovecot.conf"
        config.write_text(_config(root, imaps_port, imap_port, cert, key), encoding="utf-8")
        started = time.perf_counter()
        with (root / "dovecot.out").open("wb") as out:
            # -F: stays in the foreground, so the fixture owns the process and stops it.
            process = subprocess.Popen(
                [str(DOVECOT), "-F", "-c", str(config)], stdout=out, stderr=subprocess.STDOUT
            )
        _wait_until_listening(process, imaps_port, root)
        _wait_until_listening(process, imap_port, root)
        yield DovecotServer(
            root=root,
            config=config,
            imaps_port=imaps_port,
            imap_port=imap_port,
            ca_file=str(cert),
            startup_seconds=time.perf_counter() - started,
            process=process,
        )
    finally:
        if process is not None and process.poll() is None:
            process.terminate()  # the master stops its children on SIGTERM
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


_account_numbers = itertools.count(1)


@pytest.fixture
def imap_account(imap_server: DovecotServer) -> ImapAccount:
    """A fresh login, hence an empty Maildir, on the shared server."""
    return ImapAccount(imap_server, f"{USER}@test{next(_account_numbers)}", PASSWORD)
