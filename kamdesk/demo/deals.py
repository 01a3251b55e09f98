"""Opportunities with product lines, buying committee, MEDDIC, stage history and quotes."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass, field

from kamdesk.demo import business_texts as bt
from kamdesk.demo.catalog import OFFERS, Reference
from kamdesk.demo.context import DemoContext, round_to
from kamdesk.demo.customers import Customer, add_years, of_city
from kamdesk.demo.portfolio import COMPETITORS
from kamdesk.demo.workdays import office_time, previous_workday
from kamdesk.models import (
    Contact,
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    Pipeline,
    Quote,
    Stage,
    StageHistory,
)
from kamdesk.models.enums import BuyingRole, QuoteStatus, StageOutcome, Tier

MIN_AMOUNT, MAX_AMOUNT = 20_000_00, 2_000_000_00
_TARGETS = {  # deal size range per tier, in €
    Tier.LARGE_ACCOUNT: (100_000, 1_800_000),
    Tier.KEY_ACCOUNT: (40_000, 600_000),
    Tier.STANDARD: (20_000, 150_000),
}
_PROJECTS = {Tier.LARGE_ACCOUNT: (4, 5), Tier.KEY_ACCOUNT: (2, 3), Tier.STANDARD: (0, 1)}
# How far ahead an open deal is expected to close, by stage position (days).
_CLOSE_HORIZON = ((120, 360), (90, 300), (45, 240), (20, 150), (10, 90))


@dataclass
class Deal:
    opportunity: Opportunity
    customer: Customer
    pipeline: Pipeline
    path: list[tuple[Stage, dt.datetime]]  # stages in the order entered
    outcome: StageOutcome
    lines: list[tuple[str, int, int]]  # product code, quantity, unit price in cents
    is_renewal: bool = False
    quotes: list[Quote] = field(default_factory=list)
    committee: list[Contact] = field(default_factory=list)

    @property
    def created(self) -> dt.datetime:
        return self.path[0][1]

    @property
    def closed(self) -> dt.datetime | None:
        return None if self.outcome == StageOutcome.OPEN else self.path[-1][1]

    def is_live(self, when: dt.datetime) -> bool:
        return self.created <= when and (self.closed is None or when <= self.closed)


def _timeline(
    ctx: DemoContext, stages: list[Stage], start: dt.datetime, end: dt.datetime
) -> list[tuple[Stage, dt.datetime]]:
    """Stages entered one after another from ``start`` to ``end`` (a lone stage: at ``end``),
    at office hours and strictly in order."""
    rng = ctx.rng
    if len(stages) == 1:
        return [(stages[0], office_time(rng, previous_workday(end.date())))]
    span = (end - start).total_seconds()
    fractions = sorted(rng.random() for _ in stages[1:-1])
    moments = [start, *(start + dt.timedelta(seconds=span * f) for f in fractions), end]
    snapped = sorted(
        min(max(office_time(rng, previous_workday(m.date())), start), end) for m in moments
    )
    for index in range(1, len(snapped)):  # two stages the same minute would have no order
        snapped[index] = max(snapped[index], snapped[index - 1] + dt.timedelta(minutes=1))
    return list(zip(stages, snapped, strict=True))


def _lines(
    ctx: DemoContext, ref: Reference, codes: tuple[str, ...], target_eur: float
) -> list[tuple[str, int, int]]:
    """(product code, quantity, unit price in cents) summing to roughly the target amount."""
    rng = ctx.rng
    weights = [rng.uniform(0.5, 1.5) for _ in codes]
    total_weight = sum(weights)
    lines = []
    for code, weight in zip(codes, weights, strict=True):
        unit = round_to(
            ref.products[code].list_price_cents * (1 - rng.choice((0, 0.05, 0.1, 0.15))), 100
        )
        quantity = max(1, round(target_eur * 100 * weight / total_weight / unit))
        lines.append((code, quantity, unit))
    amount = sum(q * u for _, q, u in lines)
    while amount > MAX_AMOUNT:  # shrink the biggest line until the deal is in range
        index = max(range(len(lines)), key=lambda i: lines[i][1] * lines[i][2])
        code, quantity, unit = lines[index]
        lines[index] = (code, max(1, quantity // 2), unit)
        amount = sum(q * u for _, q, u in lines)
    while amount < MIN_AMOUNT:
        code, quantity, unit = lines[0]
        lines[0] = (code, quantity + 1, unit)
        amount += unit
    return lines


def _scope(ctx: DemoContext, customer: Customer) -> str:
    rng = ctx.rng
    site = rng.choice(customer.sites)
    choices = ["site {of_city}", "périmètre groupe", "sites pilotes", "phase 2", "région {region}"]
    if len(customer.sites) > 1:
        choices.append("{n} sites")
    if customer.spec.sector == "Industrie":
        choices.append("usine {of_city}")
    template = rng.choice(choices)
    city = site.city or customer.hq.name
    return template.format(
        of_city=of_city(city), n=len(customer.sites), region=rng.choice(bt.REGIONS)
    )


def _earliest(customer: Customer) -> dt.datetime:
    """Deals start once the account and its first contacts are in kamdesk."""
    return customer.account.created_at + dt.timedelta(days=45)


def _committee(ctx: DemoContext, people: list[Contact], required: list[Contact]) -> list[Contact]:
    """Two to four stakeholders, the economic buyer and champion first when known."""
    chosen = list(dict.fromkeys(required))
    others = [c for c in people if c not in chosen]
    want = min(len(people), ctx.rng.randint(2, 4))
    chosen.extend(ctx.rng.sample(others, max(0, want - len(chosen))))
    return chosen


def _economic_buyer(people: list[Contact]) -> Contact | None:
    buyers = [c for c in people if c.buying_role == BuyingRole.ECONOMIC_BUYER]
    return buyers[0] if buyers else (people[0] if people else None)


def _champion(ctx: DemoContext, people: list[Contact]) -> Contact | None:
    best = max((c.stance for c in people), default=0)
    if best < 1:
        return None
    return ctx.rng.choice([c for c in people if c.stance == best])


class DealMaker:
    """Builds every opportunity; one instance per generation."""

    def __init__(self, ctx: DemoContext, ref: Reference) -> None:
        self.ctx = ctx
        self.ref = ref
        self.deals: list[Deal] = []
        self._positions: defaultdict[str, int] = defaultdict(int)
        self._quote_plans: list[tuple[dt.date, Deal, int, QuoteStatus]] = []

    # -- opportunities ----------------------------------------------------------------------
    def project(self, customer: Customer) -> None:
        ctx, rng, ref = self.ctx, self.ctx.rng, self.ref
        pipeline = ref.new_business
        open_stages = ref.open_stages(pipeline)
        first = 1 if ctx.chance(0.25) else 0  # inbound requests skip prospection
        end = customer.activity_end(ctx)
        earliest = _earliest(customer)
        outcome = rng.choices(
            (StageOutcome.OPEN, StageOutcome.WON, StageOutcome.LOST), (0.45, 0.3, 0.25)
        )[0]
        if outcome == StageOutcome.OPEN:
            reached = rng.choices(range(len(open_stages)), (2, 3, 3, 2, 1.5))[0]
            reached = max(reached, first)
            created = max(end - dt.timedelta(days=rng.randrange(20, 330)), earliest)
            rotting = open_stages[reached].rotting_days or 30
            # Most deals moved recently; about one in five sits past its stage's rotting delay.
            age = (
                rng.uniform(1.1, 3) * rotting
                if ctx.chance(0.2)
                else rng.uniform(0.05, 0.9) * rotting
            )
            entered = max(end - dt.timedelta(days=age), created + dt.timedelta(days=reached))
            stages = open_stages[first : reached + 1]
        else:
            closed = ctx.now - dt.timedelta(days=rng.randrange(5, 700))
            closed = max(min(closed, end - dt.timedelta(days=3)), earliest + dt.timedelta(days=90))
            created = max(closed - dt.timedelta(days=rng.randrange(90, 420)), earliest)
            reached = (
                len(open_stages) - 1
                if outcome == StageOutcome.WON
                else rng.randrange(first, len(open_stages))
            )
            stages = [*open_stages[first : reached + 1], ref.outcome_stage(pipeline, outcome)]
            entered = closed
        path = _timeline(ctx, stages, created, entered)
        title, codes, (offer_low, offer_high) = self._offer(customer)
        tier_low, tier_high = _TARGETS[customer.spec.tier]
        low, high = max(tier_low, offer_low), max(min(tier_high, offer_high), offer_low)
        target = math.exp(rng.uniform(math.log(low), math.log(high)))
        self._add(
            customer, pipeline, path, outcome, title, _lines(ctx, ref, codes, target), reached
        )

    def _offer(self, customer: Customer) -> tuple[str, tuple[str, ...], tuple[int, int]]:
        """An offer whose title the account has not seen yet."""
        taken = {d.opportunity.title for d in self.deals if d.customer is customer}
        while True:
            pattern, codes, size = self.ctx.rng.choice(OFFERS)
            title = pattern.format(scope=_scope(self.ctx, customer))
            if title not in taken:
                return title, codes, size

    def renewal(self, customer: Customer, period: tuple[dt.date, dt.date, int]) -> None:
        """The renewal into contract ``period``: won if it already started, else still open."""
        ctx, rng, ref = self.ctx, self.ctx.rng, self.ref
        pipeline = ref.renewals
        open_stages = ref.open_stages(pipeline)
        period_start, period_end, value = period
        value = min(value, MAX_AMOUNT)
        title = f"Renouvellement du contrat cadre {period_start.year}–{period_end.year}"
        deadline = dt.datetime.combine(period_start, dt.time(9), tzinfo=dt.UTC)
        if deadline <= ctx.now:
            outcome = StageOutcome.WON
            closed = deadline - dt.timedelta(days=rng.randrange(15, 60))
            if closed < _earliest(customer) + dt.timedelta(days=30):
                return  # signed before the account was followed in kamdesk
            created = max(closed - dt.timedelta(days=rng.randrange(120, 200)), _earliest(customer))
            stages = [*open_stages, ref.outcome_stage(pipeline, outcome)]
            reached = len(open_stages) - 1
            path = _timeline(ctx, stages, created, closed)
        else:
            outcome = StageOutcome.OPEN
            days_left = (deadline - ctx.now).days
            reached = 0 if days_left > 180 else 1 if days_left > 90 else 2
            created = min(deadline - dt.timedelta(days=rng.randrange(270, 300)), ctx.days_ago(10))
            end = customer.activity_end(ctx)
            entered = max(end - dt.timedelta(days=rng.randrange(2, 25)), created)
            path = _timeline(ctx, open_stages[: reached + 1], created, entered)
        sites = max(1, len(customer.sites))
        licence_unit = round_to(value * 0.7 / sites, 100)
        lines = [("PLT-CORE", sites, licence_unit)]
        maintenance = "MNT-STD" if customer.spec.tier == Tier.STANDARD else "MNT-PREM"
        lines.append((maintenance, 1, value - sites * licence_unit))
        self._add(customer, pipeline, path, outcome, title, lines, reached, renewal_on=period_start)

    def _add(
        self,
        customer: Customer,
        pipeline: Pipeline,
        path: list[tuple[Stage, dt.datetime]],
        outcome: StageOutcome,
        title: str,
        lines: list[tuple[str, int, int]],
        reached: int,
        renewal_on: dt.date | None = None,
    ) -> None:
        ctx, rng = self.ctx, self.ctx.rng
        created = path[0][1]
        stage, entered = path[-1]
        closed = entered if outcome != StageOutcome.OPEN else None
        people = customer.active_contacts(closed or ctx.now)
        meddic_needed = pipeline is self.ref.new_business and reached >= 3
        fill = 0.15 + 0.18 * reached

        def maybe(text: str) -> str | None:
            return text if ctx.chance(fill) else None

        buyer = _economic_buyer(people) if meddic_needed or ctx.chance(fill) else None
        champion = _champion(ctx, people) if meddic_needed or ctx.chance(fill) else None
        if meddic_needed and champion is None:  # nobody supports us: somebody must, to be here
            champion = rng.choice([c for c in people if c is not buyer] or people)
        values = {
            "city": customer.hq.name, "pct": str(rng.randint(8, 22)), "year": str(ctx.today.year + 1),
            "keur": str(rng.randrange(40, 400, 10)), "competitor": rng.choice(COMPETITORS),
            "contact": (champion or people[0]).full_name,
        }  # fmt: skip
        pain = rng.choice(bt.PAINS)
        values["pain_lower"] = pain[0].lower() + pain[1:]
        amount = sum(q * u for _, q, u in lines)
        probability, manual = stage.probability, False
        if outcome == StageOutcome.OPEN and ctx.chance(0.08):
            probability = max(5, min(95, stage.probability + rng.choice((-15, -10, 10, 15))))
            manual = True
        expected = self._expected_close(reached, closed, renewal_on)
        next_step = next_date = None
        if outcome == StageOutcome.OPEN and ctx.chance(0.7):
            next_step = rng.choice(bt.NEXT_STEPS[(pipeline.name, stage.position)]).format_map(
                values
            )
            next_date = ctx.today + dt.timedelta(days=rng.randint(-12, 25))
        close_reason, competitor = self._close_reason(outcome, renewal_on is not None, values)
        self._positions[stage.id] += 1
        owner = customer.owner
        if len(customer.team) > 1 and ctx.chance(0.15):
            owner = customer.team[1]
        opportunity = ctx.add(
            Opportunity, created,
            account_id=customer.account.id, title=title, pipeline_id=pipeline.id,
            stage_id=stage.id, status=str(outcome), amount_cents=amount,
            probability=probability, probability_manual=manual, expected_close=expected,
            owner_id=owner.id, position=float(self._positions[stage.id]),
            stage_entered_at=entered, closed_at=closed, close_reason=close_reason,
            competitor=competitor, next_step=next_step, next_step_date=next_date,
            description=rng.choice(bt.DESCRIPTIONS).format_map(values) if renewal_on is None else (
                f"Échéance du contrat en cours : {renewal_on.strftime('%d/%m/%Y')}."
            ),
            metrics=maybe(rng.choice(bt.METRICS).format_map(values)),
            economic_buyer_id=buyer.id if buyer else None,
            decision_criteria=maybe(rng.choice(bt.DECISION_CRITERIA)),
            decision_process=maybe(rng.choice(bt.DECISION_PROCESS)),
            identified_pain=pain if meddic_needed or ctx.chance(fill) else None,
            champion_id=champion.id if champion else None,
        )  # fmt: skip
        deal = Deal(opportunity, customer, pipeline, path, outcome, lines, renewal_on is not None)
        deal.committee = _committee(ctx, people, [c for c in (buyer, champion) if c])
        self.deals.append(deal)
        self._plan_quotes(deal, reached, renewal_on is not None)

    def _expected_close(
        self, reached: int, closed: dt.datetime | None, renewal_on: dt.date | None
    ) -> dt.date:
        """Closed deals: their close date. Open ones: within a year, sooner at later stages."""
        today = self.ctx.today
        if closed is not None:
            return closed.date()
        if renewal_on is not None:
            expected = max(renewal_on - dt.timedelta(days=30), today + dt.timedelta(days=7))
            return min(expected, today + dt.timedelta(days=360))
        low, high = _CLOSE_HORIZON[reached]
        return today + dt.timedelta(days=self.ctx.rng.randrange(low, high))

    def _close_reason(
        self, outcome: StageOutcome, is_renewal: bool, values: dict[str, str]
    ) -> tuple[str | None, str | None]:
        """Why a deal was won or lost, and against whom (renewals need no reason)."""
        ctx, rng = self.ctx, self.ctx.rng
        if outcome == StageOutcome.WON and not is_renewal:
            return rng.choice(bt.WON_REASONS), values["competitor"] if ctx.chance(0.4) else None
        if outcome == StageOutcome.LOST:
            reason = rng.choice(bt.LOST_REASONS).format_map(values)
            return reason, values["competitor"] if ctx.chance(0.7) else None
        return None, None

    # -- quotes -----------------------------------------------------------------------------
    def _plan_quotes(self, deal: Deal, reached: int, is_renewal: bool) -> None:
        """Quotes start at the proposal stage; a third of deals went through a revised quote."""
        ctx, rng = self.ctx, self.ctx.rng
        proposal = 1 if is_renewal else 2
        if reached < proposal:
            return
        entered = {stage.position: when for stage, when in deal.path}
        if proposal not in entered:
            return
        amount = deal.opportunity.amount_cents
        final_status = {
            StageOutcome.WON: QuoteStatus.ACCEPTED,
            StageOutcome.LOST: QuoteStatus.REFUSED,
        }.get(deal.outcome, QuoteStatus.SENT)
        first = self._issue_day(entered[proposal])
        if reached > proposal and proposal + 1 in entered and ctx.chance(0.4):
            inflated = round_to(amount * rng.uniform(1.05, 1.12), 100_00)
            self._quote_plans.append((first, deal, inflated, QuoteStatus.REFUSED))
            self._quote_plans.append(
                (self._issue_day(entered[proposal + 1]), deal, amount, final_status)
            )
            return
        if (
            final_status == QuoteStatus.SENT
            and reached == proposal
            and first >= ctx.today - dt.timedelta(days=3)
        ):
            final_status = QuoteStatus.DRAFT  # just entered the proposal stage: still being written
        self._quote_plans.append((first, deal, amount, final_status))

    def _issue_day(self, entered: dt.datetime) -> dt.date:
        day = entered.date() + dt.timedelta(days=self.ctx.rng.randint(0, 3))
        return previous_workday(min(day, self.ctx.today - dt.timedelta(days=1)))

    # -- children ---------------------------------------------------------------------------
    def write_children(self) -> None:
        """Lines, committee, stage history and numbered quotes, once opportunities exist."""
        ctx, ref = self.ctx, self.ref
        for deal in self.deals:
            opp = deal.opportunity
            for code, quantity, unit in deal.lines:
                ctx.add(
                    OpportunityLine, opp.created_at, opportunity_id=opp.id,
                    product_id=ref.products[code].id, quantity=float(quantity),
                    unit_price_cents=unit,
                )  # fmt: skip
            for contact in deal.committee:
                ctx.add(
                    OpportunityContact, opp.created_at, opportunity_id=opp.id,
                    contact_id=contact.id, role=contact.buying_role or str(BuyingRole.INFLUENCER),
                )  # fmt: skip
            for index, (stage, entered) in enumerate(deal.path):
                left = deal.path[index + 1][1] if index + 1 < len(deal.path) else None
                ctx.add(
                    StageHistory, entered, opportunity_id=opp.id, stage_id=stage.id,
                    entered_at=entered, left_at=left,
                )  # fmt: skip
        self._quote_plans.sort(key=lambda plan: (plan[0], plan[1].opportunity.id))
        sequence: defaultdict[int, int] = defaultdict(int)
        for issued, deal, amount, status in self._quote_plans:
            sequence[issued.year] += 1
            issued_at = office_time(ctx.rng, issued)
            quote = ctx.add(
                Quote, issued_at, account_id=deal.customer.account.id,
                opportunity_id=deal.opportunity.id,
                number=f"DEV-{issued.year}-{sequence[issued.year]:04d}",
                title=deal.opportunity.title, issued_on=issued,
                valid_until=issued + dt.timedelta(days=90), amount_cents=amount,
                status=str(status),
            )  # fmt: skip
            deal.quotes.append(quote)


def build_deals(ctx: DemoContext, ref: Reference, customers: list[Customer]) -> list[Deal]:
    maker = DealMaker(ctx, ref)
    window_start = ctx.today - dt.timedelta(days=730)
    for customer in customers:
        for _ in range(ctx.rng.randint(*_PROJECTS[customer.spec.tier])):
            maker.project(customer)
        for index, period in enumerate(customer.contract_periods):
            if index and window_start < period[0] <= ctx.today:
                maker.renewal(customer, period)
        # Renewals are prepared some nine months ahead.
        _start, renewal, value = customer.contract_periods[-1]
        if (renewal - ctx.today).days <= 270:
            uplift = round_to(value * ctx.rng.uniform(1.0, 1.08), 1000_00)
            maker.renewal(customer, (renewal, add_years(renewal, 3), uplift))
    ctx.flush()
    maker.write_children()
    return maker.deals
