"""Signing in to a sync server: where this database syncs to, and its token in the OS keyring.

The server URL and user name are facts about this database (local settings); the token is a
secret and lives only in the keyring, under service ``kamdesk-sync``, with the same rule as mail
passwords (``kamdesk.mail.credentials``): an insecure backend is refused unless chosen
explicitly through keyring's configuration. When refused, signing in stops *before* the
enrolment secret is spent, so the user can fix the keyring and try again with the same secret.
"""

from __future__ import annotations

from dataclasses import dataclass

from kamdesk.db import Database

SERVICE = "kamdesk-sync"
SERVER_KEY = "sync.server_url"
USER_KEY = "sync.user"


@dataclass(frozen=True)
class SignIn:
    server_url: str
    user: str

    @property
    def keyring_key(self) -> str:
        return f"{self.user}@{self.server_url}"


def current(db: Database) -> SignIn | None:
    server, user = db.get_setting(SERVER_KEY), db.get_setting(USER_KEY)
    if not server or not user:
        return None
    return SignIn(server, user)


def keyring_refusal() -> str | None:
    """Why the keyring may not hold the token, or None when it may."""
    from kamdesk.mail.credentials import keyring_status

    return keyring_status().reason


def remember(db: Database, sign_in: SignIn, token: str) -> None:
    """Keep the token in the keyring and the server/user in the database."""
    from kamdesk.mail.credentials import KeyringUnavailable, save_password

    if not save_password(sign_in.keyring_key, token, service=SERVICE):
        raise KeyringUnavailable("the system keyring is not secure enough to keep the sync token")
    db.set_setting(SERVER_KEY, sign_in.server_url)
    db.set_setting(USER_KEY, sign_in.user)


def token_for(sign_in: SignIn) -> str | None:
    from kamdesk.mail.credentials import load_password

    return load_password(sign_in.keyring_key, service=SERVICE)


def forget(db: Database, sign_in: SignIn) -> None:
    """Drop the token; the server and user stay, so ``login`` suggests them again."""
    from kamdesk.mail.credentials import forget_password

    forget_password(sign_in.keyring_key, service=SERVICE)
