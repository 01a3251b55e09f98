"""Which buckets a user may read and write.

- admin, manager: every account bucket; KAM and read-only: the accounts of their teams.
- global (configuration, catalogue, users): everyone reads; admins and managers write, because
  a pipeline or a product changed by one KAM changes every KAM's screens.
- ``user:<id>`` (mail waiting for review, personal tasks): its owner only — managers included,
  since a mailbox is personal until its messages are linked to an account.
- read-only users write nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, or_, select, true

from kamdesk.sync.buckets import GLOBAL, PRIVATE_PREFIX, private_bucket
from kamdesk.sync.server.auth import Principal
from kamdesk.sync.server.tables import teams

SEE_ALL = frozenset({"admin", "manager"})


@dataclass(frozen=True)
class Access:
    user_id: str
    role: str
    teams: frozenset[str]  # account buckets granted now
    ever: frozenset[str]  # granted now or once (their rows may still be on the client)

    @property
    def own(self) -> str:
        return private_bucket(self.user_id)

    @property
    def sees_all(self) -> bool:
        return self.role in SEE_ALL

    def can_read(self, bucket: str) -> bool:
        if bucket == GLOBAL or bucket == self.own:
            return True
        if bucket.startswith(PRIVATE_PREFIX):
            return False
        return self.sees_all or bucket in self.teams

    def can_write(self, bucket: str) -> bool:
        if self.role == "read_only":
            return False
        if bucket == GLOBAL:
            return self.sees_all
        return self.can_read(bucket)

    def readable(self, column: ColumnElement[str]) -> ColumnElement[bool]:
        """SQL: ``column`` names a bucket this user may read."""
        if self.sees_all:
            return or_(~column.startswith(PRIVATE_PREFIX, autoescape=True), column == self.own)
        return column.in_(sorted({GLOBAL, self.own, *self.teams}))

    def may_have_held(self, column: ColumnElement[str]) -> ColumnElement[bool]:
        """SQL: rows of this bucket may be on the user's client (readable now or once)."""
        if self.sees_all:
            return true()
        return column.in_(sorted({GLOBAL, self.own, *self.teams, *self.ever}))


def load_access(conn: Connection, principal: Principal) -> Access:
    return access_for(conn, principal.user_id, principal.role)


def access_for(conn: Connection, user_id: str, role: str) -> Access:
    rows = conn.execute(
        select(teams.c.bucket, teams.c.granted).where(teams.c.user_id == user_id)
    ).all()
    granted = frozenset(r.bucket for r in rows if r.granted)
    return Access(user_id, role, granted, frozenset(r.bucket for r in rows))
