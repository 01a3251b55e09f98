"""Our users (KAMs, managers) as plain rows for pickers and filters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import User


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    email: str | None
    role: str


def list_users(session: Session) -> list[UserRow]:
    return [
        UserRow(u.id, u.name, u.email, u.role)
        for u in session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.name))
    ]
