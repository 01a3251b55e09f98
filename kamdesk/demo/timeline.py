"""Timeline entries from every builder, written as Interaction and InteractionContact rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import Customer
from kamdesk.models import Contact, Interaction, InteractionContact, Opportunity, User
from kamdesk.models.enums import Direction, InteractionKind


@dataclass
class Entry:
    kind: InteractionKind
    when: dt.datetime
    direction: Direction
    subject: str
    body: str | None
    customer: Customer
    author: User | None
    contacts: list[Contact] = field(default_factory=list)
    opportunity: Opportunity | None = None
    minutes: int | None = None


def write_timeline(ctx: DemoContext, entries: list[Entry]) -> None:
    """Interactions in chronological order (their ids sort the same way), then their contacts."""
    entries.sort(key=lambda e: (e.when, e.customer.account.id))
    links: list[tuple[Interaction, Contact]] = []
    for entry in entries:
        interaction = ctx.add(
            Interaction, entry.when,
            kind=str(entry.kind), occurred_at=entry.when, direction=str(entry.direction),
            subject=entry.subject[:300], body=entry.body, account_id=entry.customer.account.id,
            opportunity_id=entry.opportunity.id if entry.opportunity else None,
            author_id=entry.author.id if entry.author else None,
            duration_minutes=entry.minutes,
        )  # fmt: skip
        links.extend((interaction, contact) for contact in dict.fromkeys(entry.contacts))
    ctx.flush()
    for interaction, contact in links:
        ctx.add(
            InteractionContact, interaction.created_at,
            interaction_id=interaction.id, contact_id=contact.id,
        )  # fmt: skip
