"""Who is calling: enrolment secrets, tokens and the principal behind a request.

Tokens are 256 random bits and stored as their SHA-256: a database leak gives no usable token,
and a slow hash would add its cost to every request for nothing, since nobody can guess 256
bits. Enrolment secrets are short enough to be typed, so they are hashed with argon2.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, insert, select, update

from kamdesk.sync.server.store import Store, now_iso
from kamdesk.sync.server.tables import tokens, users

_hasher = PasswordHasher()
# Verified against when the user does not exist, so that a wrong name costs the same time as a
# wrong secret and does not tell which names exist.
_DUMMY_HASH = _hasher.hash("kamdesk-no-such-user")
_SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud, typed by hand


class AuthError(Exception):
    """Refused: the message is safe to show to the caller."""


@dataclass(frozen=True)
class Principal:
    user_id: str
    name: str
    role: str
    client_id: str
    token_hash: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def new_secret() -> str:
    """A one-time enrolment secret: 20 characters (100 bits) in groups of five."""
    chars = "".join(secrets.choice(_SECRET_ALPHABET) for _ in range(20))
    return "-".join(chars[i : i + 5] for i in range(0, 20, 5))


def hash_secret(secret: str) -> str:
    return _hasher.hash(_normalise_secret(secret))


def _normalise_secret(secret: str) -> str:
    # Typed by hand from a printout: case and spacing are not part of the secret.
    return "".join(secret.split()).upper()


def enrol(store: Store, name: str, secret: str, client_id: str) -> tuple[str, str]:
    """Trade a user's one-time enrolment secret for a token; returns (token, role)."""
    refused = AuthError("unknown user or wrong enrolment secret")
    with store.read() as conn:
        user = conn.execute(select(users).where(users.c.name == name)).first()
    stored = user.secret_hash if user is not None else None
    try:
        _hasher.verify(stored or _DUMMY_HASH, _normalise_secret(secret))
    except (VerificationError, InvalidHashError):
        raise refused from None
    if user is None or stored is None:
        raise refused
    if user.revoked:
        raise AuthError("this user has been revoked")
    token = new_token()
    with store.write() as w:
        # Compare-and-clear: of two enrolments racing with one secret, only one gets a token.
        used = w.conn.execute(
            update(users)
            .where(users.c.id == user.id, users.c.secret_hash == stored)
            .values(secret_hash=None)
        )
        if used.rowcount != 1:
            raise refused
        w.conn.execute(
            insert(tokens).values(
                token_hash=hash_token(token),
                user_id=user.id,
                client_id=client_id,
                created_at=now_iso(),
            )
        )
    return token, user.role


def authenticate(conn: Connection, token: str) -> Principal | None:
    """The principal of a valid token, or None (unknown, revoked, or its user revoked)."""
    digest = hash_token(token)
    row = conn.execute(
        select(users.c.id, users.c.name, users.c.role, users.c.revoked, tokens.c.client_id)
        .join(tokens, tokens.c.user_id == users.c.id)
        .where(tokens.c.token_hash == digest, tokens.c.revoked_at.is_(None))
    ).first()
    if row is None or row.revoked:
        return None
    return Principal(row.id, row.name, row.role, row.client_id, digest)


def revoke_token(store: Store, principal: Principal) -> None:
    with store.write() as w:
        w.conn.execute(
            update(tokens)
            .where(tokens.c.token_hash == principal.token_hash)
            .values(revoked_at=now_iso())
        )
