"""What the record dialogs offer to pick from, as plain ``(id, label)`` lists.

``load_*`` run on the worker thread with a read session and go through the services; the
``*_choices`` functions run on the GUI thread and add the translated words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from kamdesk.services import account_view, hierarchy, users
from kamdesk.services.account_view import ContactRow, OpportunityRow
from kamdesk.ui import labels
from kamdesk.ui.messages import fill

Choices = list[tuple[str, str]]


def load_users(session: Any) -> Choices:
    return [(u.id, u.name) for u in users.list_users(session)]


def load_accounts(session: Any, editing_id: str | None = None) -> Choices:
    """Every live account as an indented tree, minus the one edited and its subsidiaries."""
    found: Choices = []

    def walk(nodes: list[hierarchy.HierarchyNode], depth: int) -> None:
        for node in sorted(nodes, key=lambda n: n.name.lower()):
            if node.id == editing_id:
                continue  # neither itself nor one of its subsidiaries can become its group
            found.append((node.id, "\u2003" * depth + node.name))
            walk(node.children, depth + 1)

    walk(hierarchy.load_forest(session), 0)
    return found


def load_contacts(session: Any, account_id: str, editing_id: str | None = None) -> list[ContactRow]:
    """The account's live contacts by name, without the one being edited."""
    rows = [c for c in account_view.load_contacts(session, account_id) if c.id != editing_id]
    return sorted(rows, key=lambda c: c.name.lower())


def load_sites(session: Any, account_id: str) -> Choices:
    return [
        (s.id, s.name + (f", {s.city}" if s.city else ""))
        for s in account_view.load_sites(session, account_id)
    ]


def load_opportunities(session: Any, account_id: str) -> list[OpportunityRow]:
    return account_view.load_opportunities(session, account_id)


def contact_choices(rows: Iterable[ContactRow]) -> Choices:
    """ "Anne Martin — Purchasing director", marked when the person has left the company."""
    found = []
    for row in rows:
        label = row.name + (f" — {row.job_title}" if row.job_title else "")
        if row.has_left:
            label = fill(QCoreApplication.translate("Choices", "%1 (has left)"), label)
        found.append((row.id, label))
    return found


def opportunity_choices(rows: Iterable[OpportunityRow]) -> Choices:
    """Open deals by title; won and lost ones say so."""
    return [
        (o.id, o.title if o.status == "open" else f"{o.title} ({labels.status(o.status)})")
        for o in rows
    ]


def for_contact(session: Any, account_id: str, editing_id: str | None = None) -> dict[str, Any]:
    """Worker side: what ContactDialog offers (pass the result through ``labelled``)."""
    return {
        "users": load_users(session),
        "sites": load_sites(session, account_id),
        "contacts": load_contacts(session, account_id, editing_id),
    }


def for_interaction(session: Any, account_id: str) -> dict[str, Any]:
    """Worker side: what InteractionDialog offers (pass the result through ``labelled``)."""
    return {
        "contacts": load_contacts(session, account_id),
        "opportunities": load_opportunities(session, account_id),
    }


def labelled(loaded: dict[str, Any]) -> dict[str, Choices]:
    """GUI side: rows loaded for a dialog → its ``(id, label)`` lists, in the user's language."""
    found = dict(loaded)
    if "contacts" in found:
        found["contacts"] = contact_choices(found["contacts"])
    if "opportunities" in found:
        found["opportunities"] = opportunity_choices(found["opportunities"])
    return found


def for_account(session: Any, editing_id: str | None = None) -> dict[str, Any]:
    """Worker side: what AccountDialog offers."""
    return {"users": load_users(session), "accounts": load_accounts(session, editing_id)}
