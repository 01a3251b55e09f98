"""Invoices, tickets, business reviews, NPS answers and tasks at scale.

Recurring invoices follow the contracts (monthly for large accounts, quarterly for the others)
over the history window, so revenue follows account size; won projects are invoiced on order
and on delivery. Tickets follow the account's activity. Project invoices, tickets and the
business reviews held become timeline entries, as in the small demo.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from kamdesk.demo import business_texts as bt
from kamdesk.demo.billing import euros
from kamdesk.demo.context import round_to
from kamdesk.demo.scale_deals import DealMaker
from kamdesk.demo.scale_shape import allocate, follow
from kamdesk.demo.scale_time import DAY, date_of, day_number, iso, start_of
from kamdesk.demo.scale_world import Customer, Entry, Person, World
from kamdesk.demo.workdays import next_workday, paris_time, previous_workday
from kamdesk.models.enums import Direction, InteractionKind, TaskKind, TicketStatus, Tier

TICKETS_PER_INTERACTION = 0.03
_SLA_HOURS = {"low": 72, "normal": 24, "high": 8, "critical": 4}
_RESOLUTION_HOURS = {"low": (24, 240), "normal": (8, 120), "high": (4, 48), "critical": (2, 12)}
_PRIORITIES = (("low", 20), ("normal", 50), ("high", 22), ("critical", 8))
_TECH_DEPARTMENTS = frozenset({"Opérations", "DSI", "Qualité"})
_RESPONDENTS = {Tier.LARGE_ACCOUNT: (1, 3), Tier.KEY_ACCOUNT: (0, 2), Tier.STANDARD: (0, 1)}


def _months_after(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def _pick_active(rng: random.Random, customer: Customer, t: int, *, technical: bool) -> Person:
    """A contact present at ``t`` (technical people first for tickets); else the CEO."""
    for _ in range(12):
        person = rng.choice(customer.contacts)
        if person.active(t) and (not technical or person.department in _TECH_DEPARTMENTS):
            return person
    return customer.contacts[0]


# -- invoices ----------------------------------------------------------------------------------


def invoice_rows(world: World) -> Iterator[dict[str, Any]]:
    """Numbered FA-2025-000042 per year in date order."""
    rng = world.rng("invoices")
    today = world.today
    plans: list[tuple[dt.date, int, int, str | None, str | None]] = []
    for c in world.customers:
        step = 1 if c.tier == Tier.LARGE_ACCOUNT else 3
        for contract in c.contracts:
            period = dt.date(contract.start.year, contract.start.month, 1)
            while period < min(contract.end, today):
                issued = next_workday(period)
                if world.history_start <= issued < today:
                    base = contract.annual_cents * step // 12
                    amount = round_to(base * rng.uniform(0.98, 1.05), 100)  # usage-based part
                    plans.append((issued, c.index, amount, contract.id, None))
                period = _months_after(period, step)
        for deal in c.deals:
            if deal.outcome != "won" or deal.is_renewal or deal.closed is None:
                continue  # a renewal is billed through its contract
            closed = date_of(deal.closed)
            deposit = round_to(deal.amount_cents * 0.3, 100)
            order = next_workday(closed + dt.timedelta(days=rng.randint(7, 20)))
            delivery = next_workday(closed + dt.timedelta(days=rng.randint(60, 120)))
            for issued, part in ((order, deposit), (delivery, deal.amount_cents - deposit)):
                if issued < today:
                    plans.append((issued, c.index, part, None, deal.id))
    plans.sort(key=lambda p: (p[0], p[1], p[2], p[4] or ""))
    deals = {d.id: d for c in world.customers for d in c.deals}
    sequence: defaultdict[int, int] = defaultdict(int)
    for issued, index, amount, contract_id, deal_id in plans:
        customer = world.customers[index]
        sequence[issued.year] += 1
        number = f"FA-{issued.year}-{sequence[issued.year]:06d}"
        due = issued + dt.timedelta(days=45)
        days_to_pay = rng.choice((28, 35, 42, 45, 45, 52, 60, 75))
        paid = None
        if issued + dt.timedelta(days=days_to_pay) < today and rng.random() >= 0.03:
            paid = issued + dt.timedelta(days=days_to_pay)
        moment = world.calendar.office_time(rng, day_number(issued))
        yield world.stamp(moment) | {
            "account_id": customer.id,
            "contract_id": contract_id,
            "number": number,
            "issued_on": issued.isoformat(),
            "due_on": due.isoformat(),
            "paid_on": paid.isoformat() if paid else None,
            "amount_cents": amount,
        }
        if deal_id is not None and moment < world.end_of(customer):
            deal = deals[deal_id]
            customer.linked.append(
                Entry(
                    moment, str(InteractionKind.INVOICE), str(Direction.OUTBOUND),
                    f"Facture {number} — {deal.title}",
                    f"Facture {number} de {euros(amount)} HT émise, échéance le {due:%d/%m/%Y}.",
                    deal.id, [customer.addressee(deal.committee, moment)], customer.owner.id,
                )
            )  # fmt: skip


# -- tickets -----------------------------------------------------------------------------------


def ticket_rows(world: World) -> Iterator[dict[str, Any]]:
    """Tickets numbered INC-2025-00042 in opening order; recent ones may still be open."""
    rng = world.rng("tickets")
    customers = world.customers
    total = round(world.scale.interactions * TICKETS_PER_INTERACTION)
    counts = allocate(total, follow(rng, [c.weight for c in customers], 1.0, 0.3))
    plans: list[tuple[int, int]] = []
    for customer, count in zip(customers, counts, strict=True):
        start = max(start_of(world.history_start), customer.created + 30 * DAY)
        end = world.end_of(customer)
        plans.extend((world.calendar.moment(rng, start, end), customer.index) for _ in range(count))
    plans.sort()
    sequence: defaultdict[int, int] = defaultdict(int)
    for opened, index in plans:
        customer = customers[index]
        year = date_of(opened).year
        sequence[year] += 1
        number = f"INC-{year}-{sequence[year]:05d}"
        priority = rng.choices([p for p, _ in _PRIORITIES], [w for _, w in _PRIORITIES])[0]
        sla = _SLA_HOURS[priority]
        factor = rng.uniform(1.1, 2.5) if rng.random() < 0.1 else rng.uniform(0.1, 0.9)
        response = opened + round(3600 * sla * factor)
        resolution = response + round(3600 * rng.uniform(*_RESOLUTION_HOURS[priority]))
        responded: int | None = response
        resolved: int | None = resolution
        status = TicketStatus.RESOLVED
        if response >= world.now:
            responded = resolved = None
            status = TicketStatus.OPEN
        elif resolution >= world.now or (opened > world.now - 14 * DAY and rng.random() < 0.5):
            resolved = None
            status = TicketStatus.IN_PROGRESS
        contact = _pick_active(rng, customer, opened, technical=True)
        values = {
            "city": rng.choice(customer.sites)[1],
            "contact": contact.name,
            "n": str(rng.randint(2, 40)),
        }
        subject = rng.choice(bt.TICKET_SUBJECTS).format_map(values)
        description = rng.choice(bt.TICKET_DETAILS).format_map(values)
        yield world.stamp(opened) | {
            "account_id": customer.id,
            "contact_id": contact.id,
            "number": number,
            "subject": subject,
            "description": description,
            "priority": priority,
            "status": str(status),
            "opened_at": iso(opened),
            "first_response_at": iso(responded) if responded is not None else None,
            "resolved_at": iso(resolved) if resolved is not None else None,
            "sla_hours": sla,
        }
        customer.linked.append(
            Entry(
                opened, str(InteractionKind.TICKET), str(Direction.INBOUND),
                f"Ticket {number} : {subject}", description, None, [contact], None,
            )
        )  # fmt: skip


# -- business reviews and NPS ------------------------------------------------------------------


def review_rows(
    world: World, upcoming: list[tuple[Customer, dt.date, int]]
) -> Iterator[dict[str, Any]]:
    """Quarterly business reviews of large accounts, twice a year for key accounts, over the
    last two years and up to the next one planned (``upcoming`` gets those)."""
    rng = world.rng("reviews")
    today = world.today
    for customer in world.customers:
        if customer.tier == Tier.STANDARD:
            continue
        every = 3 if customer.tier == Tier.LARGE_ACCOUNT else 6
        first = max(today - dt.timedelta(days=730), date_of(customer.created) + dt.timedelta(30))
        quarter = dt.date(first.year, 1, 1)
        while quarter <= today + dt.timedelta(days=31 * every):
            scheduled = next_workday(quarter + dt.timedelta(days=rng.randint(35, 60)))
            quarter = _months_after(quarter, every)
            if scheduled < first:
                continue
            if scheduled >= today:
                planned = world.now - rng.randint(5, 20) * DAY
            else:
                planned = (
                    world.calendar.office_time(rng, day_number(scheduled))
                    - rng.randint(20, 40) * DAY
                )
            held = notes = actions = None
            if scheduled < today and rng.random() >= 0.06:  # now and then one is cancelled
                shifted = next_workday(scheduled + dt.timedelta(days=rng.choice((0, 0, 0, 2, 7))))
                held = min(shifted, today - dt.timedelta(days=1))
                values = {
                    "uptime": f"99,{rng.randint(5, 98)}", "tickets": str(rng.randint(3, 14)),
                    "keur": str(rng.randrange(60, 600, 10)), "city": rng.choice(customer.sites)[1],
                }  # fmt: skip
                notes = "\n".join(rng.sample(bt.REVIEW_NOTES, 2)).format_map(values)
                actions = "\n".join(f"- {a}" for a in rng.sample(bt.REVIEW_ACTIONS, 2)).format_map(
                    values
                )
                when = world.calendar.office_time(rng, day_number(held), half_hour=True)
                if when < world.end_of(customer):
                    seniors = sorted(customer.people(when), key=lambda p: -p.influence)[:4]
                    attendees = rng.sample(seniors, min(len(seniors), rng.randint(2, 3)))
                    names = ", ".join(p.name for p in attendees)
                    q = (scheduled.month - 1) // 3 + 1
                    customer.linked.append(
                        Entry(
                            when, str(InteractionKind.MEETING), str(Direction.OUTBOUND),
                            f"Business review T{q} {scheduled.year} — {customer.name}",
                            f"Participants : {names}.\n{notes}", None, attendees,
                            customer.owner.id, 120,
                        )
                    )  # fmt: skip
            elif scheduled >= today:
                upcoming.append((customer, scheduled, planned))
            yield world.stamp(planned) | {
                "account_id": customer.id,
                "scheduled_on": scheduled.isoformat(),
                "held_on": held.isoformat() if held else None,
                "notes": notes,
                "actions": actions,
            }


def nps_rows(world: World) -> Iterator[dict[str, Any]]:
    """Two survey waves a year (March and October) over the last two years."""
    rng = world.rng("nps")
    today = world.today
    waves = [
        dt.date(year, month, 15)
        for year in range(today.year - 2, today.year + 1)
        for month in (3, 10)
        if today - dt.timedelta(days=730) <= dt.date(year, month, 15) < today
    ]
    for wave in waves:
        for customer in world.customers:
            answered = min(wave + dt.timedelta(days=rng.randint(0, 20)), today - dt.timedelta(1))
            moment = world.calendar.office_time(rng, day_number(answered))
            if moment > world.end_of(customer) or moment < customer.created:
                continue
            low, high = _RESPONDENTS[Tier(customer.tier)]
            seen: set[str] = set()
            for _ in range(rng.randint(low, high)):
                contact = _pick_active(rng, customer, moment, technical=False)
                if contact.id in seen:
                    continue
                seen.add(contact.id)
                score = max(0, min(10, round(7.5 + 0.9 * contact.stance + rng.gauss(0, 1.3))))
                band = "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"
                yield world.stamp(moment) | {
                    "account_id": customer.id,
                    "contact_id": contact.id,
                    "score": score,
                    "comment": rng.choice(bt.NPS_COMMENTS[band]) if rng.random() < 0.6 else None,
                    "answered_on": answered.isoformat(),
                }


# -- tasks -------------------------------------------------------------------------------------


def _due(day: dt.date) -> str:
    return iso(int(paris_time(previous_workday(day), 9).timestamp()))


def task_rows(
    world: World, maker: DealMaker, upcoming: list[tuple[Customer, dt.date, int]]
) -> Iterator[dict[str, Any]]:
    rng = world.rng("tasks")
    now = world.now
    for plan in maker.plans:  # each open deal's next step is also a follow-up task
        row = plan.row
        if row["status"] != "open" or row["next_step"] is None:
            continue
        committee = plan.deal.committee
        yield world.stamp(now - rng.randint(1, 15) * DAY + 8 * 3600) | {
            "kind": str(TaskKind.FOLLOW_UP),
            "title": row["next_step"],
            "due_at": _due(dt.date.fromisoformat(row["next_step_date"])),
            "account_id": plan.customer.id,
            "opportunity_id": plan.deal.id,
            "contact_id": committee[0].id if committee else None,
            "assignee_id": row["owner_id"],
        }
    done_counts = allocate(
        2 * len(world.customers), follow(rng, [c.weight for c in world.customers], 0.5, 0.3)
    )
    for customer, done in zip(world.customers, done_counts, strict=True):
        end = world.end_of(customer)
        start = max(end - 300 * DAY, customer.created + DAY)
        for _ in range(done):  # routine tasks done over the last months
            due = world.calendar.moment(rng, start, max(end - 3 * DAY, start))
            contact = _pick_active(rng, customer, due, technical=False)
            values = {"contact": contact.name, "city": rng.choice(customer.sites)[1]}
            yield world.stamp(max(due - rng.randint(3, 20) * DAY, customer.created)) | {
                "kind": str(TaskKind.TASK),
                "title": rng.choice(bt.DONE_TASKS).format_map(values),
                "due_at": iso(due),
                "done_at": iso(min(due + int(3600 * rng.uniform(-48, 30)), end)),
                "account_id": customer.id,
                "contact_id": contact.id,
                "assignee_id": customer.owner.id,
            }
        if customer.quiet is not None:
            contact = max(customer.people(customer.quiet) or customer.contacts[:1],
                          key=lambda p: (p.influence, p.stance))  # fmt: skip
            yield world.stamp(customer.quiet + 2 * DAY) | {
                "kind": str(TaskKind.FOLLOW_UP),
                "title": f"Relancer {contact.name} : pas de nouvelles depuis le "
                f"{date_of(customer.quiet):%d/%m/%Y}",
                "due_at": _due(date_of(customer.quiet + 30 * DAY)),
                "account_id": customer.id,
                "contact_id": contact.id,
                "assignee_id": customer.owner.id,
            }
        renewal = customer.contracts[-1].end
        if (renewal - world.today).days <= 150:
            yield world.stamp(now - rng.randint(20, 60) * DAY + 9 * 3600) | {
                "kind": str(TaskKind.REMINDER),
                "title": f"Préparer le renouvellement du contrat — {customer.name}",
                "due_at": _due(renewal - dt.timedelta(days=90)),
                "account_id": customer.id,
                "assignee_id": customer.owner.id,
            }
    for customer, scheduled, planned in upcoming:
        yield world.stamp(planned) | {
            "kind": str(TaskKind.REMINDER),
            "title": f"Préparer la business review du {scheduled:%d/%m/%Y}",
            "notes": "Chiffres du trimestre, tickets marquants, opportunités à présenter.",
            "due_at": _due(scheduled - dt.timedelta(days=7)),
            "account_id": customer.id,
            "assignee_id": customer.owner.id,
        }
