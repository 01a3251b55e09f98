"""The demo portfolio: plausible volumes, coherent records, valid keys, reproducible content."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kamdesk.db import Database
from kamdesk.demo import DemoSummary, generate_demo
from kamdesk.models import (
    Account,
    Contact,
    Interaction,
    InteractionContact,
    Invoice,
    Opportunity,
    OpportunityLine,
    OutboxEntry,
    Stage,
    StageHistory,
    Ticket,
    User,
)
from kamdesk.models.enums import StageOutcome, Tier

TODAY = dt.date(2026, 5, 20)
# A leap day exercises the "same day, N years later" arithmetic of contracts and renewals.
CASES = {"may-2026": (42, TODAY), "leap-day": (7, dt.date(2028, 2, 29))}


@dataclass(frozen=True)
class Generated:
    db: Database
    summary: DemoSummary
    today: dt.date

    @property
    def now(self) -> dt.datetime:
        """Where the demo's history stops: midnight UTC at the start of ``today``."""
        return dt.datetime.combine(self.today, dt.time(0, 0), tzinfo=dt.UTC)


def _generate(path: Path, seed: int, today: dt.date) -> tuple[Database, DemoSummary]:
    db = Database.open(path, create=True)
    return db, generate_demo(db, seed=seed, today=today)


@pytest.fixture(scope="module", params=sorted(CASES))
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Generated]:
    seed, today = CASES[request.param]
    db, summary = _generate(tmp_path_factory.mktemp("demo") / "demo.sqlite", seed, today)
    yield Generated(db, summary, today)
    db.close()


def _rows(db: Database, statement: Any) -> list[Any]:
    with db.read() as session:
        rows = list(session.execute(statement).all())
        session.expunge_all()  # keep the loaded values readable once the read session ends
    return rows


def _objects(db: Database, statement: Any) -> list[Any]:
    return [row[0] for row in _rows(db, statement)]


def _table(db: Database, table: str) -> list[dict[str, object]]:
    """Every row of a table as a dict, minus what the unit of work stamps at write time."""
    with db.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM {table} ORDER BY id")).mappings().all()
    return [{k: v for k, v in row.items() if k not in ("hlc", "updated_at")} for row in rows]


# -- volumes --------------------------------------------------------------------------------------


def test_counts_are_in_the_expected_ranges(demo: Generated) -> None:
    s = demo.summary
    assert 4 <= s.users <= 6
    assert s.pipelines == 2
    assert 8 <= s.products <= 12
    assert 18 <= s.accounts <= 22
    assert 130 <= s.contacts <= 180
    assert 50 <= s.opportunities <= 75
    assert 2_000 <= s.interactions <= 4_000
    assert s.interaction_contacts >= s.interactions
    assert s.custom_field_definitions == 2
    for name in ("sites", "contracts", "invoices", "quotes", "tickets", "tasks", "business_reviews",
                 "nps_responses", "stance_changes", "stage_history", "opportunity_lines",
                 "opportunity_contacts", "account_team_members"):  # fmt: skip
        assert getattr(s, name) > 0, name
    with demo.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Interaction)) == s.interactions


def test_groups_have_subsidiaries(demo: Generated) -> None:
    with demo.db.read() as session:
        parents = Counter(
            session.scalars(select(Account.parent_id).where(Account.parent_id.is_not(None)))
        )
    assert len(parents) >= 4
    assert all(1 <= n <= 3 for n in parents.values())


def test_every_large_account_has_at_least_five_contacts(demo: Generated) -> None:
    with demo.db.read() as session:
        large = session.scalars(select(Account).where(Account.tier == Tier.LARGE_ACCOUNT)).all()
        assert large
        for account in large:
            count = session.scalar(select(func.count()).where(Contact.account_id == account.id))
            assert count is not None and count >= 5, account.name


# -- stakeholders ---------------------------------------------------------------------------------


def test_reports_to_is_a_tree_within_each_account(demo: Generated) -> None:
    contacts = {c.id: c for c in _objects(demo.db, select(Contact))}
    for contact in contacts.values():
        seen = {contact.id}
        boss_id = contact.reports_to_id
        while boss_id is not None:
            assert boss_id not in seen, f"cycle through {contact.full_name}"
            boss = contacts[boss_id]
            assert boss.account_id == contact.account_id
            seen.add(boss_id)
            boss_id = boss.reports_to_id
    roots = Counter(c.account_id for c in contacts.values() if c.reports_to_id is None)
    assert set(roots.values()) == {1}  # one head per account


def test_contacts_look_real(demo: Generated) -> None:
    rows = _rows(demo.db, select(Contact, Account.email_domains).join(Account))
    emails = [c.email for c, _ in rows]
    assert len(set(emails)) == len(emails)
    for contact, domains in rows:
        assert contact.email == contact.email.lower()
        assert re.fullmatch(r"[a-z0-9.-]+@[a-z0-9.-]+", contact.email), contact.email
        assert contact.email.split("@")[1] in domains
        assert contact.civility in ("M.", "Mme")
        assert 1 <= contact.influence <= 5 and -2 <= contact.stance <= 2
        assert contact.phone and contact.phone.startswith("+33 ")
    assert 1 <= sum(c.left_at is not None for c, _ in rows) <= 2
    assert sum(c.email_bounced for c, _ in rows) >= 1


# -- opportunities --------------------------------------------------------------------------------


def test_opportunity_stage_belongs_to_its_pipeline_and_matches_status(demo: Generated) -> None:
    rows = _rows(demo.db, select(Opportunity, Stage).join(Stage, Opportunity.stage_id == Stage.id))
    statuses = Counter(opp.status for opp, _ in rows)
    assert statuses["open"] and statuses["won"] and statuses["lost"]
    for opp, stage in rows:
        assert stage.pipeline_id == opp.pipeline_id, opp.title
        assert opp.status == stage.outcome, opp.title
        if opp.status == StageOutcome.OPEN:
            assert demo.today < opp.expected_close <= demo.today + dt.timedelta(days=366)
            assert opp.closed_at is None
        else:
            assert opp.closed_at is not None and opp.closed_at <= demo.now
            assert opp.probability == stage.probability
        if opp.status == StageOutcome.LOST:
            assert opp.close_reason
        if not opp.probability_manual:
            assert opp.probability == stage.probability


def test_opportunity_amount_is_the_sum_of_its_lines(demo: Generated) -> None:
    totals: Counter[str] = Counter()
    for line in _objects(demo.db, select(OpportunityLine)):
        totals[line.opportunity_id] += round(line.quantity * line.unit_price_cents)
    for opp in _objects(demo.db, select(Opportunity)):
        assert opp.amount_cents == totals[opp.id], opp.title
        assert 20_000_00 <= opp.amount_cents <= 2_000_000_00, opp.title


def test_stage_history_is_a_coherent_sequence(demo: Generated) -> None:
    opps = {o.id: o for o in _objects(demo.db, select(Opportunity))}
    stages = {s.id: s for s in _objects(demo.db, select(Stage))}
    by_opp: dict[str, list[StageHistory]] = {}
    for row in _objects(demo.db, select(StageHistory).order_by(StageHistory.entered_at)):
        by_opp.setdefault(row.opportunity_id, []).append(row)
    assert set(by_opp) == set(opps)
    for opp_id, rows in by_opp.items():
        opp = opps[opp_id]
        assert rows[-1].stage_id == opp.stage_id and rows[-1].left_at is None
        assert rows[-1].entered_at == opp.stage_entered_at
        for before, after in zip(rows, rows[1:], strict=False):
            assert before.left_at == after.entered_at
            assert stages[before.stage_id].position < stages[after.stage_id].position
        assert all(stages[r.stage_id].pipeline_id == opp.pipeline_id for r in rows)


def test_deals_past_a_meddic_gate_have_what_it_requires(demo: Generated) -> None:
    gated = {s.id: s.required_meddic for s in _objects(demo.db, select(Stage)) if s.required_meddic}
    passed = _rows(
        demo.db,
        select(Opportunity, StageHistory.stage_id)
        .join(StageHistory, StageHistory.opportunity_id == Opportunity.id)
        .where(StageHistory.stage_id.in_(gated)),
    )
    assert gated and passed
    for opp, stage_id in passed:
        for item in gated[stage_id]:
            assert getattr(opp, item) is not None, (opp.title, item)


# -- history --------------------------------------------------------------------------------------


def test_interactions_link_contacts_of_their_account(demo: Generated) -> None:
    with demo.db.read() as session:
        pairs = session.execute(
            select(Interaction.account_id, Contact.account_id)
            .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
            .join(Contact, Contact.id == InteractionContact.contact_id)
        ).all()
        per_interaction = Counter(session.scalars(select(InteractionContact.interaction_id)))
    assert all(a == b for a, b in pairs)
    assert max(per_interaction.values()) <= 4


def test_most_accounts_are_active_and_a_few_went_quiet(demo: Generated) -> None:
    with demo.db.read() as session:
        last = dict(
            session.execute(
                select(Interaction.account_id, func.max(Interaction.occurred_at)).group_by(
                    Interaction.account_id
                )
            ).all()
        )
        accounts = session.scalars(select(Account.id)).all()
    assert set(last) == set(accounts)
    ages = [(demo.today - moment.date()).days for moment in last.values()]
    assert sum(age <= 30 for age in ages) >= len(ages) - 2
    assert 1 <= sum(age >= 60 for age in ages) <= 2


def test_nothing_happens_after_today(demo: Generated) -> None:
    with demo.db.read() as session:
        for model in (Account, Contact, Opportunity, Interaction, Invoice, Ticket, User):
            latest = session.scalar(select(func.max(model.created_at)))
            assert latest is not None and latest <= demo.now, model.__tablename__
        assert session.scalar(select(func.max(Interaction.occurred_at))) <= demo.now
        assert session.scalar(select(func.max(Invoice.issued_on))) < demo.today


def test_large_accounts_bring_realistic_yearly_revenue(demo: Generated) -> None:
    year_ago = demo.today - dt.timedelta(days=365)
    with demo.db.read() as session:
        revenue = session.execute(
            select(Account.name, func.sum(Invoice.amount_cents))
            .join(Invoice, Invoice.account_id == Account.id)
            .where(Account.tier == Tier.LARGE_ACCOUNT, Invoice.issued_on >= year_ago)
            .group_by(Account.id)
        ).all()
    assert revenue
    for name, cents in revenue:
        assert 300_000_00 <= cents <= 6_000_000_00, name


def test_every_datetime_is_stored_as_utc(demo: Generated) -> None:
    with demo.db.engine.connect() as conn:
        sample = conn.execute(
            text("SELECT occurred_at, created_at FROM interactions LIMIT 50")
        ).all()
    assert all(value.endswith("Z") for row in sample for value in row)


# -- database-level guarantees ------------------------------------------------------------------


def test_foreign_keys_hold(demo: Generated) -> None:
    with demo.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []


def test_demo_rows_are_not_queued_for_sync(demo: Generated) -> None:
    with demo.db.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0


def test_main_kam_becomes_the_current_user(demo: Generated) -> None:
    user_id = demo.db.get_setting("current_user_id")
    with demo.db.read() as session:
        role = session.scalar(select(User.role).where(User.id == user_id))
        owned = session.scalar(select(func.count()).where(Account.owner_id == user_id))
    assert role == "kam"
    assert owned


def test_ids_are_uuid7_shaped(demo: Generated) -> None:
    for row in _table(demo.db, "accounts") + _table(demo.db, "interactions")[:200]:
        value = uuid.UUID(str(row["id"]))
        assert value.version == 7 and value.variant == uuid.RFC_4122


def test_refuses_a_database_that_already_has_accounts(demo: Generated) -> None:
    with pytest.raises(ValueError, match="database is not empty"):
        generate_demo(demo.db, seed=1, today=demo.today)


# -- determinism ----------------------------------------------------------------------------------


def test_same_seed_and_day_give_the_same_rows_and_ids(tmp_path: Path) -> None:
    first, _ = _generate(tmp_path / "a.sqlite", 42, TODAY)
    again, _ = _generate(tmp_path / "b.sqlite", 42, TODAY)
    other, _ = _generate(tmp_path / "c.sqlite", 43, TODAY)
    try:
        for table in ("accounts", "contacts", "opportunities", "interactions", "invoices"):
            assert _table(first, table) == _table(again, table), table
        assert _table(first, "contacts") != _table(other, "contacts")
        assert first.get_setting("current_user_id") == again.get_setting("current_user_id")
    finally:
        for db in (first, again, other):
            db.close()
