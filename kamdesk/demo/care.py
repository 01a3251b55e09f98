"""After-sales life of an account: support tickets, quarterly business reviews and NPS surveys."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kamdesk.demo import business_texts as bt
from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import Customer
from kamdesk.demo.timeline import Entry
from kamdesk.demo.workdays import next_workday, office_time, random_moment
from kamdesk.models import BusinessReview, Contact, NpsResponse, Ticket
from kamdesk.models.enums import Direction, InteractionKind, TicketPriority, TicketStatus, Tier

_TICKETS = {Tier.LARGE_ACCOUNT: (16, 28), Tier.KEY_ACCOUNT: (6, 12), Tier.STANDARD: (2, 5)}
_PRIORITIES = (
    TicketPriority.LOW,
    TicketPriority.NORMAL,
    TicketPriority.HIGH,
    TicketPriority.CRITICAL,
)
_SLA_HOURS = {"low": 72, "normal": 24, "high": 8, "critical": 4}
_RESOLUTION_HOURS = {"low": (24, 240), "normal": (8, 120), "high": (4, 48), "critical": (2, 12)}
_TECH_DEPARTMENTS = ("Opérations", "DSI", "Qualité")
_RESPONDENTS = {Tier.LARGE_ACCOUNT: (1, 3), Tier.KEY_ACCOUNT: (0, 2), Tier.STANDARD: (0, 1)}


def _reporter(ctx: DemoContext, customer: Customer, when: dt.datetime) -> Contact | None:
    people = customer.active_contacts(when)
    technical = [c for c in people if c.department in _TECH_DEPARTMENTS]
    pool = technical or people
    return ctx.rng.choice(pool) if pool else None


def _progress(
    ctx: DemoContext, opened: dt.datetime, priority: str
) -> tuple[dt.datetime | None, dt.datetime | None, TicketStatus]:
    """First response and resolution; tickets opened lately may still be in progress."""
    rng = ctx.rng
    # One response in ten misses the SLA: the SLA rule needs something to report.
    factor = rng.uniform(1.1, 2.5) if ctx.chance(0.1) else rng.uniform(0.1, 0.9)
    responded = opened + dt.timedelta(minutes=round(60 * _SLA_HOURS[priority] * factor))
    resolved = responded + dt.timedelta(
        minutes=round(60 * rng.uniform(*_RESOLUTION_HOURS[priority]))
    )
    if responded >= ctx.now:
        return None, None, TicketStatus.OPEN
    if resolved >= ctx.now or (opened > ctx.days_ago(14) and ctx.chance(0.5)):
        return responded, None, TicketStatus.IN_PROGRESS
    return responded, resolved, TicketStatus.RESOLVED


def build_tickets(ctx: DemoContext, customers: list[Customer]) -> list[Entry]:
    """Tickets numbered INC-2025-00042 in opening order; recent ones may still be open."""
    rng = ctx.rng
    window_start = ctx.days_ago(730)
    plans: list[tuple[dt.datetime, Customer]] = []
    for customer in customers:
        start = max(window_start, customer.account.created_at + dt.timedelta(days=30))
        for _ in range(rng.randint(*_TICKETS[customer.spec.tier])):
            plans.append((random_moment(rng, start, customer.activity_end(ctx)), customer))
    plans.sort(key=lambda p: (p[0], p[1].account.id))
    sequence: defaultdict[int, int] = defaultdict(int)
    entries = []
    for opened, customer in plans:
        sequence[opened.year] += 1
        number = f"INC-{opened.year}-{sequence[opened.year]:05d}"
        priority = rng.choices(_PRIORITIES, (20, 50, 22, 8))[0]
        sla = _SLA_HOURS[priority]
        responded, resolved, status = _progress(ctx, opened, priority)
        contact = _reporter(ctx, customer, opened)
        values = {
            "city": rng.choice(customer.sites).city,
            "contact": contact.full_name if contact else "le client",
            "n": str(rng.randint(2, 40)),
        }
        subject = rng.choice(bt.TICKET_SUBJECTS).format_map(values)
        description = rng.choice(bt.TICKET_DETAILS).format_map(values)
        ctx.add(
            Ticket, opened,
            account_id=customer.account.id, contact_id=contact.id if contact else None,
            number=number, subject=subject, description=description, priority=str(priority),
            status=str(status), opened_at=opened, first_response_at=responded,
            resolved_at=resolved, sla_hours=sla,
        )  # fmt: skip
        entries.append(
            Entry(
                InteractionKind.TICKET,
                opened,
                Direction.INBOUND,
                subject=f"Ticket {number} : {subject}",
                body=description,
                customer=customer,
                author=None,  # logged by the support desk, not by the account team
                contacts=[contact] if contact else [],
            )
        )
    return entries


def _quarter_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    day = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    quarters = []
    while day <= end:
        quarters.append(day)
        day = dt.date(day.year + (day.month + 2) // 12, (day.month + 2) % 12 + 1, 1)
    return quarters


def _add_review(ctx: DemoContext, customer: Customer, scheduled: dt.date) -> BusinessReview:
    rng = ctx.rng
    if scheduled >= ctx.today:
        planned_at = ctx.now - dt.timedelta(days=rng.randint(5, 20))
    else:
        planned_at = office_time(rng, scheduled) - dt.timedelta(days=rng.randint(20, 40))
    held = notes = actions = None
    if scheduled < ctx.today and not ctx.chance(0.06):  # now and then a review is cancelled
        shifted = next_workday(scheduled + dt.timedelta(days=rng.choice((0, 0, 0, 2, 7))))
        held = min(shifted, ctx.today - dt.timedelta(days=1))
        values = {
            "uptime": f"99,{rng.randint(5, 98)}", "tickets": str(rng.randint(3, 14)),
            "keur": str(rng.randrange(60, 600, 10)), "city": rng.choice(customer.sites).city,
        }  # fmt: skip
        notes = "\n".join(rng.sample(bt.REVIEW_NOTES, 3)).format_map(values)
        actions = "\n".join(f"- {a}" for a in rng.sample(bt.REVIEW_ACTIONS, 2)).format_map(values)
    return ctx.add(
        BusinessReview, planned_at, account_id=customer.account.id,
        scheduled_on=scheduled, held_on=held, notes=notes, actions=actions,
    )  # fmt: skip


def _review_meeting(
    ctx: DemoContext, customer: Customer, review: BusinessReview, quarter: dt.date
) -> Entry:
    """The timeline entry of a review that took place, with the customer's most senior people."""
    rng = ctx.rng
    assert review.held_on is not None
    when = office_time(rng, review.held_on, on_the_half_hour=True)
    seniors = sorted(customer.active_contacts(when), key=lambda c: -c.influence)[:4]
    attendees = rng.sample(seniors, min(len(seniors), rng.randint(2, 4)))
    names = ", ".join(c.full_name for c in attendees)
    body = f"Participants : {names}.\n\n{review.notes}\n\nActions :\n{review.actions}"
    subject = (
        f"Business review T{(quarter.month - 1) // 3 + 1} {quarter.year} — {customer.account.name}"
    )
    return Entry(
        InteractionKind.MEETING, when, Direction.OUTBOUND, subject, body, customer,
        customer.owner, attendees, minutes=120,
    )  # fmt: skip


def build_reviews(
    ctx: DemoContext, customers: list[Customer]
) -> tuple[list[Entry], list[BusinessReview]]:
    """Quarterly business reviews of large accounts, mid-quarter, up to the next one planned.

    Returns the timeline entries of the reviews held and the reviews still to come.
    """
    entries: list[Entry] = []
    upcoming: list[BusinessReview] = []
    for customer in customers:
        if customer.spec.tier != Tier.LARGE_ACCOUNT:
            continue
        first = max(
            ctx.today - dt.timedelta(days=730),
            customer.account.created_at.date() + dt.timedelta(days=30),
        )
        for quarter in _quarter_starts(first, ctx.today + dt.timedelta(days=92)):
            scheduled = next_workday(quarter + dt.timedelta(days=ctx.rng.randint(35, 60)))
            if scheduled < first:
                continue
            review = _add_review(ctx, customer, scheduled)
            if review.held_on is not None:
                entries.append(_review_meeting(ctx, customer, review, quarter))
            elif scheduled >= ctx.today:
                upcoming.append(review)
    return entries, upcoming


def build_nps(ctx: DemoContext, customers: list[Customer]) -> None:
    """Two survey waves a year (March and October); scores follow the contact's stance."""
    rng = ctx.rng
    first_year = ctx.today.year - 2
    waves = [
        dt.date(year, month, 15)
        for year in range(first_year, ctx.today.year + 1)
        for month in (3, 10)
        if ctx.today - dt.timedelta(days=730) <= dt.date(year, month, 15) < ctx.today
    ]
    for wave in waves:
        for customer in customers:
            answered = min(
                wave + dt.timedelta(days=rng.randint(0, 20)), ctx.today - dt.timedelta(days=1)
            )
            moment = office_time(rng, answered)
            if moment > customer.activity_end(ctx):
                continue
            people = customer.active_contacts(moment)
            for contact in rng.sample(
                people, min(len(people), rng.randint(*_RESPONDENTS[customer.spec.tier]))
            ):
                score = max(0, min(10, round(7.5 + 0.9 * contact.stance + rng.gauss(0, 1.3))))
                band = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
                ctx.add(
                    NpsResponse, moment, account_id=customer.account.id, contact_id=contact.id,
                    score=score, answered_on=answered,
                    comment=rng.choice(bt.NPS_COMMENTS[band]) if ctx.chance(0.6) else None,
                )  # fmt: skip
