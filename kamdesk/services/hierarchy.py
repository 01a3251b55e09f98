"""Account hierarchy: group → subsidiaries, with revenue and pipeline rolled up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Account
from kamdesk.services.accounts import open_pipeline_by_account, revenue_by_account, year_bounds


@dataclass
class HierarchyNode:
    id: str
    name: str
    tier: str
    revenue_year_cents: int  # this account alone
    open_pipeline_cents: int
    children: list[HierarchyNode] = field(default_factory=list)

    @property
    def rolled_revenue_cents(self) -> int:
        return self.revenue_year_cents + sum(c.rolled_revenue_cents for c in self.children)

    @property
    def rolled_pipeline_cents(self) -> int:
        return self.open_pipeline_cents + sum(c.rolled_pipeline_cents for c in self.children)


def descendant_ids(session: Session, account_id: str) -> list[str]:
    """All subsidiaries below an account, at any depth (live ones only)."""
    found: list[str] = []
    frontier = [account_id]
    seen = {account_id}
    while frontier:
        children = session.scalars(
            select(Account.id).where(Account.parent_id.in_(frontier), Account.deleted_at.is_(None))
        ).all()
        frontier = [c for c in children if c not in seen]  # guards against a corrupted cycle
        seen.update(frontier)
        found.extend(frontier)
    return found


def root_of(session: Session, account_id: str) -> str:
    seen = set()
    current = account_id
    while current not in seen:
        seen.add(current)
        parent = session.scalar(select(Account.parent_id).where(Account.id == current))
        if parent is None:
            return current
        current = parent
    return current


def load_forest(session: Session, today: dt.date | None = None) -> list[HierarchyNode]:
    """Every live account as a tree of groups and subsidiaries, biggest groups first."""
    revenue = revenue_by_account(session, *year_bounds(today or dt.date.today()))
    pipeline = open_pipeline_by_account(session)
    nodes: dict[str, HierarchyNode] = {}
    parents: dict[str, str | None] = {}
    for acc_id, name, tier, parent_id in session.execute(
        select(Account.id, Account.name, Account.tier, Account.parent_id).where(
            Account.deleted_at.is_(None)
        )
    ):
        nodes[acc_id] = HierarchyNode(
            acc_id, name, tier, int(revenue.get(acc_id) or 0), int(pipeline.get(acc_id) or 0)
        )
        parents[acc_id] = parent_id
    roots = []
    for acc_id, node in nodes.items():
        parent_id = parents[acc_id]
        if parent_id in nodes:
            nodes[parent_id].children.append(node)
        else:  # no parent, or the parent was deleted: show it at the top
            roots.append(node)
    for node in nodes.values():
        node.children.sort(key=lambda n: n.name.lower())
    roots.sort(key=lambda n: (-n.rolled_revenue_cents, n.name.lower()))
    return roots
