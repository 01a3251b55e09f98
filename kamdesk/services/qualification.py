"""Why an account is (or is not) a key account: the five criteria, scored and explained.

The criteria come from the key-account guide the product grew from (shared/reference):
1. revenue and its share of our total (≥ 100 k€ and ≥ 5 % of our revenue), 2. growth potential,
3. organisational complexity (sites, subsidiaries, 5–15 decision makers), 4. strategic value
(reference, innovation, network, stability), 5. long-term relationship (years, renewals).

``score`` is pure: it takes the measured facts and returns scores 0–4 and reasons. Each reason
is a code with parameters (translated by the UI) and an English sentence (for the CLI).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import Account, Contact, Contract, Invoice, Opportunity, Site
from kamdesk.models.enums import DecisionMakerRoles, Tier
from kamdesk.services import records
from kamdesk.services.accounts import total_revenue
from kamdesk.services.hierarchy import descendant_ids

LARGE_ACCOUNT_MIN_REVENUE_CENTS = 100_000_00
LARGE_ACCOUNT_MIN_SHARE = 0.05
MAX_SCORE = 4


@dataclass(frozen=True)
class Facts:
    """What the criteria are judged on (groups include their subsidiaries)."""

    revenue_year_cents: int
    revenue_last_year_cents: int
    total_revenue_year_cents: int
    open_pipeline_cents: int
    growth_potential: int | None  # the KAM's judgement, 0–4
    potential_revenue_cents: int | None
    sites: int
    subsidiaries: int
    decision_makers: int
    strategic: dict[str, int]  # reference / innovation / network / stability → 0–2
    customer_years: float | None
    renewals: int
    longest_contract_years: float

    @property
    def share(self) -> float:
        return (
            self.revenue_year_cents / self.total_revenue_year_cents
            if self.total_revenue_year_cents
            else 0.0
        )


@dataclass(frozen=True)
class Reason:
    code: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Criterion:
    key: str  # revenue, growth, complexity, strategic, relationship
    score: int  # 0–4
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Qualification:
    criteria: tuple[Criterion, ...]
    suggested_tier: str
    current_tier: str
    tier_reason: Reason

    @property
    def total(self) -> int:
        return sum(c.score for c in self.criteria)

    def criterion(self, key: str) -> Criterion:
        return next(c for c in self.criteria if c.key == key)


def _euros(cents: int) -> str:
    return f"{cents / 100:,.0f} €".replace(",", " ")


def _revenue(f: Facts) -> Criterion:
    share = f.share
    score = (
        4
        if share >= 0.20
        else 3
        if share >= 0.10
        else 2
        if share >= 0.05
        else 1
        if share >= 0.01
        else 0
    )
    if f.revenue_year_cents < LARGE_ACCOUNT_MIN_REVENUE_CENTS:
        score = min(score, 1)
    reasons = [
        Reason(
            "revenue_share",
            f"{_euros(f.revenue_year_cents)} this year, {share:.1%} of our revenue",
            {"revenue_cents": f.revenue_year_cents, "share": share},
        )
    ]
    if f.revenue_year_cents >= LARGE_ACCOUNT_MIN_REVENUE_CENTS and share >= LARGE_ACCOUNT_MIN_SHARE:
        reasons.append(
            Reason(
                "revenue_threshold_met",
                "above the large-account threshold (100 k€ and 5 % of our revenue)",
            )
        )
    else:
        reasons.append(
            Reason(
                "revenue_threshold_missed",
                "below the large-account threshold (100 k€ and 5 % of our revenue)",
            )
        )
    return Criterion("revenue", score, tuple(reasons))


def _growth(f: Facts) -> Criterion:
    reasons = []
    evidence = 0
    if f.revenue_last_year_cents:
        growth = (f.revenue_year_cents - f.revenue_last_year_cents) / f.revenue_last_year_cents
        reasons.append(
            Reason("revenue_growth", f"revenue {growth:+.0%} on last year", {"growth": growth})
        )
        evidence += 1 if growth >= 0.10 else 0
    ratio = (
        f.open_pipeline_cents / f.revenue_year_cents
        if f.revenue_year_cents
        else (1.0 if f.open_pipeline_cents else 0.0)
    )
    reasons.append(
        Reason(
            "pipeline_ratio",
            f"open pipeline {_euros(f.open_pipeline_cents)} ({ratio:.0%} of this year's revenue)",
            {"pipeline_cents": f.open_pipeline_cents, "ratio": ratio},
        )
    )
    evidence += 2 if ratio >= 0.5 else 1 if ratio >= 0.2 else 0
    if f.potential_revenue_cents and f.potential_revenue_cents > f.revenue_year_cents:
        reasons.append(
            Reason(
                "potential_revenue",
                f"estimated potential {_euros(f.potential_revenue_cents)} a year",
                {"potential_cents": f.potential_revenue_cents},
            )
        )
        evidence += 1
    score = min(MAX_SCORE, evidence)
    if f.growth_potential is not None:
        reasons.append(
            Reason(
                "kam_judgement",
                f"KAM's assessment: {f.growth_potential}/4",
                {"value": f.growth_potential},
            )
        )
        score = max(score, f.growth_potential)
    return Criterion("growth", score, tuple(reasons))


def _complexity(f: Facts) -> Criterion:
    score = (2 if f.sites >= 5 else 1 if f.sites >= 2 else 0) + (1 if f.subsidiaries >= 1 else 0)
    score += 2 if f.decision_makers >= 5 else 1 if f.decision_makers >= 3 else 0
    reasons = (
        Reason("sites", f"{f.sites} sites", {"count": f.sites}),
        Reason("subsidiaries", f"{f.subsidiaries} subsidiaries", {"count": f.subsidiaries}),
        Reason(
            "decision_makers",
            f"{f.decision_makers} decision makers and influencers mapped (large accounts have 5 to 15)",
            {"count": f.decision_makers},
        ),
    )
    return Criterion("complexity", min(MAX_SCORE, score), reasons)


def _strategic(f: Facts) -> Criterion:
    points = sum(f.strategic.values())
    present = [k for k, v in f.strategic.items() if v > 0]
    reasons = [Reason(f"strategic_{k}", k, {"level": f.strategic[k]}) for k in present]
    if not present:
        reasons.append(
            Reason(
                "strategic_none",
                "no strategic value recorded (reference, innovation, network, stability)",
            )
        )
    return Criterion("strategic", min(MAX_SCORE, (points + 1) // 2), tuple(reasons))


def _relationship(f: Facts) -> Criterion:
    years = f.customer_years or 0.0
    score = (2 if years >= 5 else 1 if years >= 3 else 0) + min(2, f.renewals)
    if f.longest_contract_years >= 3:
        score += 1
    reasons = [
        Reason("customer_years", f"customer for {years:.0f} years", {"years": years}),
        Reason("renewals", f"{f.renewals} contract renewals", {"count": f.renewals}),
        Reason(
            "contract_length",
            f"longest contract {f.longest_contract_years:.0f} years",
            {"years": f.longest_contract_years},
        ),
    ]
    return Criterion("relationship", min(MAX_SCORE, score), tuple(reasons))


def score(facts: Facts, current_tier: str = Tier.STANDARD) -> Qualification:
    criteria = (
        _revenue(facts),
        _growth(facts),
        _complexity(facts),
        _strategic(facts),
        _relationship(facts),
    )
    by_key = {c.key: c for c in criteria}
    total = sum(c.score for c in criteria)
    meets_revenue = (
        facts.revenue_year_cents >= LARGE_ACCOUNT_MIN_REVENUE_CENTS
        and facts.share >= LARGE_ACCOUNT_MIN_SHARE
    )
    if meets_revenue and (by_key["complexity"].score >= 2 or by_key["relationship"].score >= 2):
        tier = Tier.LARGE_ACCOUNT
        reason = Reason(
            "tier_large", "meets the revenue threshold with a complex or long-standing relationship"
        )
    elif (
        by_key["strategic"].score >= 3
        or (by_key["growth"].score >= 3 and total >= 8)
        or total >= 12
    ):
        tier = Tier.KEY_ACCOUNT
        reason = Reason("tier_key", "strategic value or growth potential outweighs current revenue")
    else:
        tier = Tier.STANDARD
        reason = Reason("tier_standard", "neither the revenue threshold nor enough strategic value")
    return Qualification(criteria, tier.value, str(current_tier), reason)


def _years_between(start: dt.date, end: dt.date) -> float:
    return (end - start).days / 365.25


def gather_facts(session: Session, account_id: str, today: dt.date | None = None) -> Facts:
    """Measure the facts for an account; a group counts its subsidiaries too."""
    today = today or dt.date.today()
    account = records.get_live(session, Account, account_id, "account")
    family = [account_id, *descendant_ids(session, account_id)]

    def revenue(year: int, accounts: list[str] | None) -> int:
        if accounts is None:
            return total_revenue(session, dt.date(year, 1, 1), dt.date(year, 12, 31))
        where = [
            Invoice.deleted_at.is_(None),
            Invoice.issued_on.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
            Invoice.account_id.in_(accounts),
        ]
        return int(
            session.scalar(select(func.coalesce(func.sum(Invoice.amount_cents), 0)).where(*where))
            or 0
        )

    def count(model, *where) -> int:  # noqa: ANN001
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)

    contracts = session.execute(
        select(Contract.start_date, Contract.end_date, Contract.renewal_of_id).where(
            Contract.account_id.in_(family), Contract.deleted_at.is_(None)
        )
    ).all()
    first_contract = min((c.start_date for c in contracts), default=None)
    since = (
        min(d for d in (account.customer_since, first_contract) if d)
        if (account.customer_since or first_contract)
        else None
    )
    return Facts(
        revenue_year_cents=revenue(today.year, family),
        revenue_last_year_cents=revenue(today.year - 1, family),
        total_revenue_year_cents=revenue(today.year, None),
        open_pipeline_cents=int(
            session.scalar(
                select(func.coalesce(func.sum(Opportunity.amount_cents), 0)).where(
                    Opportunity.account_id.in_(family),
                    Opportunity.deleted_at.is_(None),
                    Opportunity.status == "open",
                )
            )
            or 0
        ),
        growth_potential=account.growth_potential,
        potential_revenue_cents=account.potential_revenue_cents,
        sites=count(Site, Site.account_id.in_(family), Site.deleted_at.is_(None)),
        subsidiaries=len(family) - 1,
        decision_makers=count(
            Contact,
            Contact.account_id.in_(family),
            Contact.deleted_at.is_(None),
            Contact.left_at.is_(None),
            Contact.buying_role.in_(sorted(DecisionMakerRoles.ALL)),
        ),
        strategic={
            "reference": account.strategic_reference,
            "innovation": account.strategic_innovation,
            "network": account.strategic_network,
            "stability": account.strategic_stability,
        },
        customer_years=_years_between(since, today) if since else None,
        renewals=sum(1 for c in contracts if c.renewal_of_id),
        longest_contract_years=max(
            (_years_between(c.start_date, c.end_date) for c in contracts if c.end_date), default=0.0
        ),
    )


def qualify(session: Session, account_id: str, today: dt.date | None = None) -> Qualification:
    account = records.get_live(session, Account, account_id, "account")
    return score(gather_facts(session, account_id, today), account.tier)
