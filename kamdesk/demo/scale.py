"""``generate_scaled``: synthetic data at the size of a KAM's or a sales manager's replica.

``kam`` (10 accounts, 150 contacts, 50 opportunities, 20 000 interactions) and ``manager``
(2 000 accounts, 40 000 contacts, 20 000 opportunities, 1 000 000 interactions) use the shapes
of the small demo — French companies, org charts, pipelines, contracts, invoices, tickets,
reviews — with realistic skew: a few huge accounts and many small ones (``scale_shape``), about
3 % of the accounts being groups with 10 % as their subsidiaries, five years of history that
grows denser towards today.

The rows go in through SQLAlchemy Core in one transaction, with the secondary indexes and the
full-text index dropped during the load and rebuilt once at the end (``scale_load``): the
manager database takes well under three minutes on two cores. As with the small demo, nothing
goes to the outbox (demo data never syncs); ``hlc`` keeps its column default.

The same seed and ``today`` give the same rows with the same ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kamdesk.demo.generator import DemoSummary
from kamdesk.demo.scale_accounts import (
    account_rows,
    contract_rows,
    plan_customers,
    site_rows,
    team_rows,
)
from kamdesk.demo.scale_care import invoice_rows, nps_rows, review_rows, task_rows, ticket_rows
from kamdesk.demo.scale_deals import DealMaker
from kamdesk.demo.scale_load import Progress, bulk_load, is_empty
from kamdesk.demo.scale_people import contact_rows, stance_rows
from kamdesk.demo.scale_time import Calendar
from kamdesk.demo.scale_timeline import write_timeline
from kamdesk.demo.scale_world import Customer, World, reference_rows

if TYPE_CHECKING:
    from kamdesk.db import Database

__all__ = ["SCALES", "DemoSummary", "Scale", "generate_scaled"]


@dataclass(frozen=True)
class Scale:
    """How much to generate. Tests pass small custom scales."""

    name: str
    accounts: int
    contacts: int
    opportunities: int
    interactions: int
    kams: int = 25
    managers: int = 3
    years: int = 5  # of history (invoices, interactions)
    owner_kams: int | None = None  # KAMs owning accounts; None: every KAM

    def __post_init__(self) -> None:
        if self.accounts < 1 or self.kams < 1 or self.managers < 0 or self.years < 2:
            raise ValueError(f"scale {self.name!r}: need an account, a KAM and two years")
        if self.contacts < self.accounts:
            raise ValueError(f"scale {self.name!r}: every account needs a contact")
        if min(self.opportunities, self.interactions) < 0:
            raise ValueError(f"scale {self.name!r}: counts cannot be negative")
        if self.owner_kams is not None and not 1 <= self.owner_kams <= self.kams:
            raise ValueError(f"scale {self.name!r}: owner_kams must be between 1 and kams")


SCALES: dict[str, Scale] = {
    # One KAM's own replica: their ten accounts; the rest of the team appears on account teams.
    "kam": Scale("kam", accounts=10, contacts=150, opportunities=50, interactions=20_000,
                 owner_kams=1),
    # A sales manager's replica: every account of a team of about 25 KAMs.
    "manager": Scale("manager", accounts=2_000, contacts=40_000, opportunities=20_000,
                     interactions=1_000_000),
}  # fmt: skip

# Tables in the order they are written (foreign keys point backwards); their non-unique
# indexes are dropped for the load.
TABLES = (
    "users", "pipelines", "stages", "products", "custom_field_definitions", "accounts", "sites",
    "account_team_members", "contracts", "contacts", "stance_changes", "opportunities",
    "opportunity_lines", "opportunity_contacts", "stage_history", "quotes", "invoices",
    "tickets", "business_reviews", "nps_responses", "tasks", "interactions",
    "interaction_contacts",
)  # fmt: skip


def generate_scaled(
    db: Database,
    scale: str | Scale,
    *,
    seed: int = 42,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill ``db``, which must hold no account yet, with data at ``scale`` (a name of
    ``SCALES`` or a ``Scale``). ``progress`` receives one line per table as it is written.

    The first KAM becomes this installation's current user (local setting ``current_user_id``).
    Raises ``ValueError`` for an unknown scale or a database that is not empty.
    """
    if isinstance(scale, str):
        if scale not in SCALES:
            raise ValueError(f"unknown scale {scale!r} (choose from {', '.join(SCALES)})")
        scale = SCALES[scale]
    today = today or dt.date.today()
    history_start = today - dt.timedelta(days=365 * scale.years)
    calendar = Calendar(
        history_start - dt.timedelta(days=365 * 12), today + dt.timedelta(days=365 * 5),
        history_start, today,
    )  # fmt: skip
    world = World(scale, seed, today, calendar, history_start, World.id_stream(seed))
    with db.engine.connect() as conn:
        if not is_empty(conn):
            raise ValueError("database is not empty")
    with bulk_load(db, TABLES, progress) as loader:
        reference = list(reference_rows(world))
        for name in TABLES[:5]:
            loader.write(name, (row for table, row in reference if table == name))
        plan_customers(world)
        loader.write("accounts", account_rows(world))
        loader.write("sites", site_rows(world))
        loader.write("account_team_members", team_rows(world))
        loader.write("contracts", contract_rows(world))
        loader.write("contacts", contact_rows(world))
        loader.write("stance_changes", stance_rows(world))
        maker = DealMaker(world)
        with loader.step("  (planning the deals)"):
            maker.plan()
        loader.write("opportunities", maker.opportunity_rows())
        loader.write("opportunity_lines", maker.line_rows())
        loader.write("opportunity_contacts", maker.committee_rows())
        loader.write("stage_history", maker.stage_history_rows())
        loader.write("quotes", maker.quote_rows())
        loader.write("invoices", invoice_rows(world))
        loader.write("tickets", ticket_rows(world))
        upcoming: list[tuple[Customer, dt.date, int]] = []
        loader.write("business_reviews", review_rows(world, upcoming))
        loader.write("nps_responses", nps_rows(world))
        loader.write("tasks", task_rows(world, maker, upcoming))
        write_timeline(world, loader)
        counts = dict(loader.counts)
    db.set_setting("current_user_id", world.me.id)
    return DemoSummary(**{f.name: counts.get(f.name, 0) for f in dataclasses.fields(DemoSummary)})
