"""Headless administration of the server: users, roles, enrolment secrets and account teams."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, insert, select, update

from kamdesk.ids import new_id
from kamdesk.sync.buckets import GLOBAL, PRIVATE_PREFIX
from kamdesk.sync.protocol import ROLES
from kamdesk.sync.server import records as rec
from kamdesk.sync.server.access import SEE_ALL
from kamdesk.sync.server.auth import hash_secret, new_secret
from kamdesk.sync.server.store import EPOCH_ROW, RESTORED_ROW, Store, history, now_iso
from kamdesk.sync.server.tables import counter, records, teams, tokens, users


class AdminError(Exception):
    """A refused administration command; the message is one line for the admin."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    revoked: bool
    devices: int  # tokens in use
    waiting_enrolment: bool
    teams: list[str]


def _user(conn, name: str):  # noqa: ANN001
    row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise AdminError(f"no user named {name!r}")
    return row


def add_user(store: Store, name: str, role: str) -> str:
    """Create a user; returns their one-time enrolment secret (shown once, stored hashed)."""
    name = name.strip()
    if not name:
        raise AdminError("a user needs a name")
    if role not in ROLES:
        raise AdminError(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")
    secret = new_secret()
    with store.write() as w:
        if w.conn.execute(select(users.c.id).where(users.c.name == name)).first():
            raise AdminError(f"a user named {name!r} exists already")
        w.conn.execute(
            insert(users).values(
                id=new_id(),
                name=name,
                role=role,
                revoked=False,
                secret_hash=hash_secret(secret),
                created_at=now_iso(),
            )
        )
    return secret


def new_enrolment_secret(store: Store, name: str) -> str:
    """A fresh one-time secret for a new device (or after a sign-out); the old one stops working."""
    secret = new_secret()
    with store.write() as w:
        user = _user(w.conn, name)
        if user.revoked:
            raise AdminError(f"{name!r} is revoked")
        w.conn.execute(
            update(users).where(users.c.id == user.id).values(secret_hash=hash_secret(secret))
        )
    return secret


def list_users(store: Store) -> list[UserInfo]:
    with store.read() as conn:
        devices: dict[str, int] = dict(
            conn.execute(
                select(tokens.c.user_id, func.count())
                .where(tokens.c.revoked_at.is_(None))
                .group_by(tokens.c.user_id)
            ).all()
        )
        team_rows = conn.execute(
            select(teams.c.user_id, teams.c.bucket)
            .where(teams.c.granted.is_(True))
            .order_by(teams.c.bucket)
        ).all()
        rows = conn.execute(select(users).order_by(users.c.name)).all()
    by_user: dict[str, list[str]] = {}
    for t in team_rows:
        by_user.setdefault(t.user_id, []).append(t.bucket)
    return [
        UserInfo(
            u.name,
            u.role,
            u.revoked,
            devices.get(u.id, 0),
            u.secret_hash is not None,
            by_user.get(u.id, []),
        )
        for u in rows
    ]


def revoke_user(store: Store, name: str) -> None:
    """The user can no longer sign in or sync; their tokens stop working at once."""
    with store.write() as w:
        user = _user(w.conn, name)
        w.conn.execute(
            update(users).where(users.c.id == user.id).values(revoked=True, secret_hash=None)
        )
        w.conn.execute(
            update(tokens)
            .where(tokens.c.user_id == user.id, tokens.c.revoked_at.is_(None))
            .values(revoked_at=now_iso())
        )


def _check_account(bucket: str) -> None:
    if not bucket or bucket == GLOBAL or bucket.startswith(PRIVATE_PREFIX):
        raise AdminError(f"{bucket!r} is not an account id")


def grant_team(store: Store, name: str, account_id: str) -> int:
    """Put the user in the account's team; returns how many rows their next sync brings."""
    _check_account(account_id)
    with store.write() as w:
        user = _user(w.conn, name)
        row = w.conn.execute(
            select(teams.c.granted).where(teams.c.user_id == user.id, teams.c.bucket == account_id)
        ).first()
        if row is not None and row.granted:
            return 0
        values = {"granted": True, "version": w.next_version()}
        if row is None:
            w.conn.execute(insert(teams).values(user_id=user.id, bucket=account_id, **values))
        else:
            w.conn.execute(
                update(teams)
                .where(teams.c.user_id == user.id, teams.c.bucket == account_id)
                .values(**values)
            )
        # The user's cursor may be past these rows already: give them new versions.
        return rec.bump_bucket(w, account_id)


def revoke_team(store: Store, name: str, account_id: str) -> int:
    """Take the user out of the account's team; their next sync removes its rows."""
    _check_account(account_id)
    with store.write() as w:
        user = _user(w.conn, name)
        changed = w.conn.execute(
            update(teams)
            .where(
                teams.c.user_id == user.id,
                teams.c.bucket == account_id,
                teams.c.granted.is_(True),
            )
            .values(granted=False, version=w.next_version())
        )
        if not changed.rowcount:
            raise AdminError(f"{name!r} is not in the team of account {account_id}")
        if user.role in SEE_ALL:
            return 0  # managers and admins read every account anyway
        return rec.depart_bucket(w, account_id, user.id)


def account_is_known(store: Store, account_id: str) -> bool:
    with store.read() as conn:
        return (
            conn.execute(
                select(records.c.row_id).where(
                    records.c.table_name == "accounts", records.c.row_id == account_id
                )
            ).first()
            is not None
        )


def mark_restored(store: Store, *, known: bool = True) -> int:
    """After a backup was restored: start a new epoch, so that every client re-sends what it
    wrote (the store may have lost it) before it pushes or pulls anything else. ``known``: the
    store's version is the backup's (nothing written since the restore). Returns the epoch."""
    with store.write() as w:
        top, epoch, _ = history(w.conn)
        for row, value in ((EPOCH_ROW, epoch + 1), (RESTORED_ROW, top if known else 0)):
            if w.conn.execute(select(counter.c.id).where(counter.c.id == row)).first() is None:
                w.conn.execute(insert(counter).values(id=row, version=value))
            else:
                w.conn.execute(update(counter).where(counter.c.id == row).values(version=value))
    return epoch + 1


def restored_version(store: Store) -> int:
    """The version the store went back to at its last restore (0: unknown or never)."""
    with store.read() as conn:
        return history(conn).restored_to
