"""``generate_demo``: fill an empty database with a realistic French key-account portfolio.

The same seed and the same ``today`` give the same rows with the same ids, so screenshots and
bug reports made on demo data can be reproduced. Rows are written without outbox entries: demo
data is local and must never be pushed to a team's sync server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from kamdesk.demo.billing import build_invoices
from kamdesk.demo.care import build_nps, build_reviews, build_tickets
from kamdesk.demo.catalog import build_reference
from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import build_customers
from kamdesk.demo.deals import build_deals
from kamdesk.demo.followups import build_tasks
from kamdesk.demo.history import build_activity
from kamdesk.demo.names import NamePicker
from kamdesk.demo.stakeholders import build_contacts
from kamdesk.demo.timeline import write_timeline
from kamdesk.models import Account

if TYPE_CHECKING:
    from kamdesk.db import Database


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    users: int = 0
    pipelines: int = 0
    stages: int = 0
    products: int = 0
    custom_field_definitions: int = 0
    accounts: int = 0
    sites: int = 0
    account_team_members: int = 0
    contracts: int = 0
    contacts: int = 0
    stance_changes: int = 0
    opportunities: int = 0
    opportunity_lines: int = 0
    opportunity_contacts: int = 0
    stage_history: int = 0
    quotes: int = 0
    invoices: int = 0
    tickets: int = 0
    business_reviews: int = 0
    nps_responses: int = 0
    tasks: int = 0
    interactions: int = 0
    interaction_contacts: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, f.name) for f in dataclasses.fields(self))


def generate_demo(db: Database, *, seed: int = 42, today: dt.date | None = None) -> DemoSummary:
    """Write the demo portfolio into ``db``, which must hold no account yet.

    History runs for two years up to ``today`` (default: the current date). The main KAM becomes
    this installation's current user (local setting ``current_user_id``).
    """
    today = today or dt.date.today()
    with db.unit_of_work(record_outbox=False) as uow:
        if uow.session.scalar(select(func.count()).select_from(Account)):
            raise ValueError("database is not empty")
        ctx = DemoContext(random.Random(seed), today, uow.session)
        ref = build_reference(ctx)
        customers = build_customers(ctx, ref)
        build_contacts(ctx, customers, NamePicker(ctx.rng))
        deals = build_deals(ctx, ref, customers)
        entries = build_invoices(ctx, customers, deals)
        entries += build_tickets(ctx, customers)
        review_entries, upcoming = build_reviews(ctx, customers)
        entries += review_entries
        build_nps(ctx, customers)
        build_tasks(ctx, customers, deals, upcoming)
        entries += build_activity(ctx, customers, deals)
        write_timeline(ctx, entries)
        ctx.flush()
        uow.commit()
    db.set_setting("current_user_id", ref.me.id)
    return DemoSummary(**{f.name: ctx.counts[f.name] for f in dataclasses.fields(DemoSummary)})
