"""Opportunities at scale: new projects and contract renewals, with product lines, buying
committee, MEDDIC, stage history and numbered quotes (the shapes of ``kamdesk.demo.deals``)."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kamdesk.demo import business_texts as bt
from kamdesk.demo.billing import euros
from kamdesk.demo.catalog import NEW_BUSINESS_STAGES, OFFERS
from kamdesk.demo.context import round_to
from kamdesk.demo.customers import add_years, of_city
from kamdesk.demo.portfolio import COMPETITORS
from kamdesk.demo.scale_shape import allocate, follow
from kamdesk.demo.scale_time import DAY, date_of, day_number, iso, start_of
from kamdesk.demo.scale_world import Customer, Deal, Entry, Person, StageRef, World
from kamdesk.models.enums import BuyingRole, Direction, InteractionKind, QuoteStatus, Tier

NEW, RENEWALS = "Nouveaux projets", "Renouvellements"
MIN_AMOUNT, MAX_AMOUNT = 20_000_00, 2_000_000_00
_TARGETS = {  # deal size range per tier, in €
    Tier.LARGE_ACCOUNT: (100_000, 1_800_000),
    Tier.KEY_ACCOUNT: (40_000, 600_000),
    Tier.STANDARD: (20_000, 150_000),
}
_CLOSE_HORIZON = ((120, 360), (90, 300), (45, 240), (20, 150), (10, 90))  # days, by stage


@dataclass
class _Plan:
    """Rows of one deal, written table by table once every deal is decided."""

    deal: Deal
    customer: Customer
    row: dict[str, Any]
    lines: list[tuple[str, int, int]]
    path: list[tuple[StageRef, int]]
    quotes: list[tuple[dt.date, int, str]] = field(default_factory=list)


class DealMaker:
    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng("deals")
        self.plans: list[_Plan] = []
        self._positions: defaultdict[str, int] = defaultdict(int)

    # -- deciding ---------------------------------------------------------------------------
    def plan(self) -> None:
        world, rng = self.world, self.rng
        weights = follow(rng, [c.weight for c in world.customers], 0.7, 0.3)
        counts = allocate(world.scale.opportunities, weights)
        for customer, count in zip(world.customers, counts, strict=True):
            renewals = self._renewal_periods(customer)[: (count + 1) // 3]
            for period in renewals:
                self._renewal(customer, period)
            for _ in range(count - len(renewals)):
                self._project(customer)

    def _renewal_periods(self, customer: Customer) -> list[tuple[dt.date, dt.date, int]]:
        """Renewals into contracts that started in the history window, and the next one when
        it is less than nine months away (newest first)."""
        world = self.world
        periods = [
            (c.start, c.end, c.annual_cents)
            for c in customer.contracts[1:]
            if world.history_start < c.start <= world.today
        ]
        current = customer.contracts[-1]
        if (current.end - world.today).days <= 270:
            uplift = round_to(current.annual_cents * self.rng.uniform(1.0, 1.08), 1000_00)
            periods.append((current.end, add_years(current.end, 3), uplift))
        return periods[::-1]

    def _earliest(self, customer: Customer) -> int:
        return customer.created + 45 * DAY

    def _timeline(self, stages: list[StageRef], start: int, end: int) -> list[tuple[StageRef, int]]:
        """Stages entered in order from ``start`` to ``end``, at office hours, a minute apart
        at least."""
        rng, cal = self.rng, self.world.calendar
        if len(stages) == 1:
            return [(stages[0], min(max(cal.office_time(rng, end // DAY), start), end))]
        inner = sorted(start + int((end - start) * rng.random()) for _ in stages[1:-1])
        moments = sorted(
            min(max(cal.office_time(rng, m // DAY), start), end) for m in (start, *inner, end)
        )
        for index in range(1, len(moments)):
            moments[index] = max(moments[index], moments[index - 1] + 60)
        return list(zip(stages, moments, strict=True))

    def _project(self, customer: Customer) -> None:
        world, rng = self.world, self.rng
        stages = world.stages[NEW]
        open_stages = [s for s in stages if s.outcome == "open"]
        first = 1 if rng.random() < 0.25 else 0  # inbound requests skip prospection
        end = world.end_of(customer)
        earliest = self._earliest(customer)
        outcome = rng.choices(("open", "won", "lost"), (0.35, 0.35, 0.30))[0]
        if outcome != "open" and end - earliest < 150 * DAY:
            outcome = "open"  # too new a customer to have closed anything
        if outcome == "open":
            reached = max(rng.choices(range(len(open_stages)), (2, 3, 3, 2, 1.5))[0], first)
            created = max(end - rng.randrange(20, 330) * DAY, earliest)
            rotting = NEW_BUSINESS_STAGES[reached][2] or 30
            # Most deals moved recently; about one in five sits past its stage's rotting delay.
            age = rng.uniform(1.1, 3) if rng.random() < 0.2 else rng.uniform(0.05, 0.9)
            age_days = rotting * age
            entered = max(end - int(age_days * DAY), created + reached * DAY)
            path = self._timeline(open_stages[first : reached + 1], created, min(entered, end))
        else:
            closed = self.world.calendar.moment(rng, earliest + 90 * DAY, end - 3 * DAY)
            created = max(closed - rng.randrange(90, 420) * DAY, earliest)
            reached = (
                len(open_stages) - 1 if outcome == "won" else rng.randrange(first, len(open_stages))
            )
            final = next(s for s in stages if s.outcome == outcome)
            path = self._timeline([*open_stages[first : reached + 1], final], created, closed)
        pattern, codes, (offer_low, offer_high) = rng.choice(OFFERS)
        tier_low, tier_high = _TARGETS[Tier(customer.tier)]
        low, high = max(tier_low, offer_low), max(min(tier_high, offer_high), offer_low)
        target = math.exp(rng.uniform(math.log(low), math.log(high)))
        title = pattern.format(scope=self._scope(customer))
        self._add(customer, NEW, path, outcome, title, self._lines(codes, target), reached)

    def _renewal(self, customer: Customer, period: tuple[dt.date, dt.date, int]) -> None:
        world, rng = self.world, self.rng
        stages = world.stages[RENEWALS]
        open_stages = [s for s in stages if s.outcome == "open"]
        start, end_day, value = period
        value = min(value, MAX_AMOUNT)
        title = f"Renouvellement du contrat cadre {start.year}–{end_day.year}"
        deadline = start_of(start) + 9 * 3600
        if deadline <= world.now:
            outcome = "won"
            closed = deadline - rng.randrange(15, 60) * DAY
            created = max(closed - rng.randrange(120, 200) * DAY, self._earliest(customer))
            if closed <= created + DAY:
                closed = created + 30 * DAY
            final = next(s for s in stages if s.outcome == "won")
            reached = len(open_stages) - 1
            path = self._timeline([*open_stages, final], created, min(closed, world.now - DAY))
        else:
            outcome = "open"
            days_left = (deadline - world.now) // DAY
            reached = 0 if days_left > 180 else 1 if days_left > 90 else 2
            created = min(deadline - rng.randrange(270, 300) * DAY, world.now - 10 * DAY)
            created = max(created, self._earliest(customer))
            end = world.end_of(customer)
            entered = max(end - rng.randrange(2, 25) * DAY, created)
            path = self._timeline(open_stages[: reached + 1], created, entered)
        sites = max(1, len(customer.sites))
        licence = max(round_to(value * 0.7 / sites, 100), 100)
        maintenance = "MNT-STD" if customer.tier == Tier.STANDARD else "MNT-PREM"
        lines = [("PLT-CORE", sites, licence), (maintenance, 1, max(value - sites * licence, 100))]
        self._add(customer, RENEWALS, path, outcome, title, lines, reached, renewal_on=start)

    def _scope(self, customer: Customer) -> str:
        rng = self.rng
        city = rng.choice(customer.sites)[1]
        choices = [
            "site {of_city}",
            "périmètre groupe",
            "sites pilotes",
            "phase 2",
            "région {region}",
        ]
        if len(customer.sites) > 1:
            choices.append("{n} sites")
        if customer.sector == "Industrie":
            choices.append("usine {of_city}")
        return rng.choice(choices).format(
            of_city=of_city(city), n=len(customer.sites), region=rng.choice(bt.REGIONS)
        )

    def _lines(self, codes: tuple[str, ...], target_eur: float) -> list[tuple[str, int, int]]:
        rng, products = self.rng, self.world.products
        weights = [rng.uniform(0.5, 1.5) for _ in codes]
        total = sum(weights)
        lines = []
        for code, weight in zip(codes, weights, strict=True):
            unit = round_to(products[code][1] * (1 - rng.choice((0, 0.05, 0.1, 0.15))), 100)
            quantity = max(1, round(target_eur * 100 * weight / total / unit))
            lines.append((code, quantity, unit))
        while sum(q * u for _, q, u in lines) > MAX_AMOUNT:
            index = max(range(len(lines)), key=lambda i: lines[i][1] * lines[i][2])
            code, quantity, unit = lines[index]
            lines[index] = (code, max(1, quantity // 2), unit)
        while sum(q * u for _, q, u in lines) < MIN_AMOUNT:
            code, quantity, unit = lines[0]
            lines[0] = (code, quantity + 1, unit)
        return lines

    def _add(
        self,
        customer: Customer,
        pipeline: str,
        path: list[tuple[StageRef, int]],
        outcome: str,
        title: str,
        lines: list[tuple[str, int, int]],
        reached: int,
        renewal_on: dt.date | None = None,
    ) -> None:
        world, rng = self.world, self.rng
        created = path[0][1]
        stage, entered = path[-1]
        closed = entered if outcome != "open" else None
        people = customer.people(closed or world.now) or customer.contacts[:1]
        meddic_needed = pipeline == NEW and reached >= 3
        fill = 0.15 + 0.18 * reached

        def maybe(value: str) -> str | None:
            return value if rng.random() < fill else None

        buyer = _economic_buyer(people) if meddic_needed or rng.random() < fill else None
        champion = _champion(rng, people) if meddic_needed or rng.random() < fill else None
        if meddic_needed and champion is None:
            champion = rng.choice([p for p in people if p is not buyer] or people)
        values = {
            "city": customer.hq.name, "pct": str(rng.randint(8, 22)),
            "year": str(date_of(created).year + 1), "keur": str(rng.randrange(40, 400, 10)),
            "competitor": rng.choice(COMPETITORS), "contact": (champion or people[0]).name,
        }  # fmt: skip
        pain = rng.choice(bt.PAINS)
        values["pain_lower"] = pain[0].lower() + pain[1:]
        amount = sum(q * u for _, q, u in lines)
        probability, manual = stage.probability, False
        if outcome == "open" and rng.random() < 0.08:
            probability = max(5, min(95, stage.probability + rng.choice((-15, -10, 10, 15))))
            manual = True
        next_step = next_date = None
        if outcome == "open" and rng.random() < 0.7:
            next_step = rng.choice(bt.NEXT_STEPS[(pipeline, stage.position)]).format_map(values)
            next_date = world.today + dt.timedelta(days=rng.randint(-12, 25))
        close_reason = competitor = None
        if outcome == "won" and renewal_on is None:
            close_reason = rng.choice(bt.WON_REASONS)
            competitor = values["competitor"] if rng.random() < 0.4 else None
        elif outcome == "lost":
            close_reason = rng.choice(bt.LOST_REASONS).format_map(values)
            competitor = values["competitor"] if rng.random() < 0.7 else None
        owner = customer.owner
        if len(customer.team) > 1 and rng.random() < 0.15:
            owner = customer.team[1]
        self._positions[stage.id] += 1
        if renewal_on is None:
            description = rng.choice(bt.DESCRIPTIONS).format_map(values)
        else:
            description = f"Échéance du contrat en cours : {renewal_on:%d/%m/%Y}."
        committee = _committee(rng, people, [p for p in (buyer, champion) if p])
        deal = Deal(
            world.new_id(created), title, created, closed, outcome, amount, renewal_on is not None,
            committee,
        )  # fmt: skip
        row = {
            "id": deal.id,
            "created_at": iso(created),
            "updated_at": iso(created),
            "account_id": customer.id,
            "title": title,
            "pipeline_id": world.pipelines[pipeline],
            "stage_id": stage.id,
            "status": outcome,
            "amount_cents": amount,
            "probability": probability,
            "probability_manual": manual,
            "expected_close": self._expected_close(reached, closed, renewal_on).isoformat(),
            "owner_id": owner.id,
            "position": float(self._positions[stage.id]),
            "stage_entered_at": iso(entered),
            "closed_at": iso(closed) if closed is not None else None,
            "close_reason": close_reason,
            "competitor": competitor,
            "next_step": next_step,
            "next_step_date": next_date.isoformat() if next_date else None,
            "description": description,
            "metrics": maybe(rng.choice(bt.METRICS).format_map(values)),
            "economic_buyer_id": buyer.id if buyer else None,
            "decision_criteria": maybe(rng.choice(bt.DECISION_CRITERIA)),
            "decision_process": maybe(rng.choice(bt.DECISION_PROCESS)),
            "identified_pain": pain if meddic_needed or rng.random() < fill else None,
            "champion_id": champion.id if champion else None,
        }
        plan = _Plan(deal, customer, row, lines, path)
        self._plan_quotes(plan, reached)
        customer.deals.append(deal)
        self.plans.append(plan)

    def _expected_close(
        self, reached: int, closed: int | None, renewal_on: dt.date | None
    ) -> dt.date:
        today = self.world.today
        if closed is not None:
            return date_of(closed)
        if renewal_on is not None:
            expected = max(renewal_on - dt.timedelta(days=30), today + dt.timedelta(days=7))
            return min(expected, today + dt.timedelta(days=360))
        low, high = _CLOSE_HORIZON[min(reached, len(_CLOSE_HORIZON) - 1)]
        return today + dt.timedelta(days=self.rng.randrange(low, high))

    def _plan_quotes(self, plan: _Plan, reached: int) -> None:
        """Quotes start at the proposal stage; some deals went through a revised quote."""
        rng, today = self.rng, self.world.today
        proposal = 1 if plan.deal.is_renewal else 2
        entered = {stage.position: t for stage, t in plan.path}
        if reached < proposal or proposal not in entered:
            return
        amount = plan.deal.amount_cents
        final = {"won": QuoteStatus.ACCEPTED, "lost": QuoteStatus.REFUSED}.get(
            plan.deal.outcome, QuoteStatus.SENT
        )
        first = self._issue_day(entered[proposal])
        if reached > proposal and proposal + 1 in entered and rng.random() < 0.4:
            inflated = round_to(amount * rng.uniform(1.05, 1.12), 100_00)
            plan.quotes.append((first, inflated, str(QuoteStatus.REFUSED)))
            plan.quotes.append((self._issue_day(entered[proposal + 1]), amount, str(final)))
            return
        if final == QuoteStatus.SENT and reached == proposal and first >= today - dt.timedelta(3):
            final = QuoteStatus.DRAFT  # just entered the proposal stage: still being written
        plan.quotes.append((first, amount, str(final)))

    def _issue_day(self, entered: int) -> dt.date:
        day = date_of(entered) + dt.timedelta(days=self.rng.randint(0, 3))
        day = min(day, self.world.today - dt.timedelta(days=1))
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        return day

    # -- rows -------------------------------------------------------------------------------
    def opportunity_rows(self) -> Iterator[dict[str, Any]]:
        for plan in self.plans:
            yield plan.row

    def line_rows(self) -> Iterator[dict[str, Any]]:
        world = self.world
        for plan in self.plans:
            for code, quantity, unit in plan.lines:
                yield world.stamp(plan.deal.created) | {
                    "opportunity_id": plan.deal.id,
                    "product_id": world.products[code][0],
                    "quantity": float(quantity),
                    "unit_price_cents": unit,
                }

    def committee_rows(self) -> Iterator[dict[str, Any]]:
        world = self.world
        for plan in self.plans:
            for person in plan.deal.committee:
                yield world.stamp(plan.deal.created) | {
                    "opportunity_id": plan.deal.id,
                    "contact_id": person.id,
                    "role": person.buying_role or str(BuyingRole.INFLUENCER),
                }

    def stage_history_rows(self) -> Iterator[dict[str, Any]]:
        world = self.world
        for plan in self.plans:
            for index, (stage, entered) in enumerate(plan.path):
                left = plan.path[index + 1][1] if index + 1 < len(plan.path) else None
                yield world.stamp(entered) | {
                    "opportunity_id": plan.deal.id,
                    "stage_id": stage.id,
                    "entered_at": iso(entered),
                    "left_at": iso(left) if left is not None else None,
                }

    def quote_rows(self) -> Iterator[dict[str, Any]]:
        """Numbered DEV-2025-00042 per year in issue order; each quote sent is a timeline entry."""
        world, rng = self.world, self.rng
        issued = sorted(
            ((day, plan.deal.id, amount, status, plan)
             for plan in self.plans for day, amount, status in plan.quotes),
            key=lambda q: (q[0], q[1], q[2]),
        )  # fmt: skip
        sequence: defaultdict[int, int] = defaultdict(int)
        for day, _, amount, status, plan in issued:
            sequence[day.year] += 1
            number = f"DEV-{day.year}-{sequence[day.year]:05d}"
            t = world.calendar.office_time(rng, day_number(day))
            valid_until = day + dt.timedelta(days=90)
            yield world.stamp(t) | {
                "account_id": plan.customer.id,
                "opportunity_id": plan.deal.id,
                "number": number,
                "title": plan.deal.title,
                "issued_on": day.isoformat(),
                "valid_until": valid_until.isoformat(),
                "amount_cents": amount,
                "status": status,
            }
            if status != QuoteStatus.DRAFT and t < world.end_of(plan.customer):
                to = plan.customer.addressee(plan.deal.committee, t)
                plan.customer.linked.append(
                    Entry(
                        t, str(InteractionKind.QUOTE_SENT), str(Direction.OUTBOUND),
                        f"Envoi du devis {number} — {plan.deal.title}",
                        f"Devis {number} de {euros(amount)} HT transmis à {to.name}, valable "
                        f"jusqu'au {valid_until:%d/%m/%Y}.",
                        plan.deal.id, [to], plan.customer.owner.id,
                    )
                )  # fmt: skip


def _economic_buyer(people: list[Person]) -> Person | None:
    buyers = [p for p in people if p.buying_role == BuyingRole.ECONOMIC_BUYER]
    return buyers[0] if buyers else (people[0] if people else None)


def _champion(rng: random.Random, people: list[Person]) -> Person | None:
    best = max((p.stance for p in people), default=0)
    if best < 1:
        return None
    return rng.choice([p for p in people if p.stance == best])


def _committee(rng: random.Random, people: list[Person], required: list[Person]) -> list[Person]:
    """Two to four stakeholders, the economic buyer and champion first when known."""
    chosen = list(dict.fromkeys(required))
    others = [p for p in people if p not in chosen]
    if len(others) > 40:  # big organisations: the influential are on the committee
        others = sorted(others, key=lambda p: -p.influence)[:40]
    want = min(len(people), rng.randint(2, 4))
    chosen.extend(rng.sample(others, max(0, min(want - len(chosen), len(others)))))
    return chosen
