"""Two years of logged activity per account: calls, meetings, e-mails and notes, plus the quotes
sent and the departures of contacts, as timeline entries."""

from __future__ import annotations

import datetime as dt

from kamdesk.demo.billing import euros
from kamdesk.demo.catalog import PRODUCTS
from kamdesk.demo.context import DemoContext
from kamdesk.demo.customers import Customer
from kamdesk.demo.deals import Deal
from kamdesk.demo.portfolio import COMPETITORS
from kamdesk.demo.texts import Facts, compose
from kamdesk.demo.timeline import Entry
from kamdesk.demo.workdays import office_time, random_moment
from kamdesk.models import Contact, User
from kamdesk.models.enums import Direction, InteractionKind, QuoteStatus

K, D = InteractionKind, Direction
# (kind, direction, weight): what a KAM's week is made of.
_MIX = (
    (K.EMAIL, D.OUTBOUND, 20), (K.EMAIL, D.INBOUND, 15), (K.CALL, D.OUTBOUND, 16),
    (K.CALL, D.INBOUND, 9), (K.MEETING, D.OUTBOUND, 16), (K.MEETING, D.INTERNAL, 2),
    (K.NOTE, D.INTERNAL, 22),
)  # fmt: skip
_HOW_MANY = {K.EMAIL: (1, 2), K.CALL: (1, 1), K.MEETING: (1, 3), K.NOTE: (1, 1)}


def _author(ctx: DemoContext, customer: Customer) -> User:
    if len(customer.team) > 1 and ctx.chance(0.25):
        return ctx.rng.choice(customer.team[1:])
    return customer.owner


def _minutes(ctx: DemoContext, kind: InteractionKind, direction: Direction) -> int | None:
    if kind == K.CALL:
        return ctx.rng.randrange(5, 50, 5)
    if kind == K.MEETING:
        return 30 if direction == D.INTERNAL else ctx.rng.choice((45, 60, 60, 90, 120))
    return None


class ActivityWriter:
    def __init__(self, ctx: DemoContext, deals: list[Deal]) -> None:
        self.ctx = ctx
        self.deals_of: dict[str, list[Deal]] = {}
        for deal in deals:
            self.deals_of.setdefault(deal.customer.account.id, []).append(deal)

    def entry(self, customer: Customer, when: dt.datetime) -> Entry | None:
        ctx, rng = self.ctx, self.ctx.rng
        people = customer.active_contacts(when)
        if not people:
            return None
        kind, direction, _ = rng.choices(_MIX, [w for *_, w in _MIX])[0]
        live = [d for d in self.deals_of.get(customer.account.id, []) if d.is_live(when)]
        deal = rng.choice(live) if live and ctx.chance(0.45) else None
        pool = [c for c in deal.committee if c in people] if deal else []
        weights = [c.influence + 1 for c in people]
        chosen: list[Contact] = list(pool[:1])
        low, high = (1, 1) if direction == D.INTERNAL else _HOW_MANY[kind]
        wanted = min(rng.randint(low, high), len(people))
        while len(chosen) < wanted:  # the influential ones are met more often
            chosen = list(dict.fromkeys([*chosen, *rng.choices(people, weights)]))
        author = _author(ctx, customer)
        lead = chosen[0]
        minutes = _minutes(ctx, kind, direction)
        if kind == K.MEETING and direction == D.OUTBOUND:
            when = office_time(rng, when.date(), on_the_half_hour=True)
        values = {
            "q": str((when.month - 1) // 3 + 1), "year": str(when.year),
            "city": rng.choice(customer.sites).city or customer.hq.name, "hq": customer.hq.name,
            "contact": lead.full_name, "contact_first": lead.first_name,
            "contact_female": "yes" if lead.civility == "Mme" else "",
            "contact_stance": str(lead.stance),
            "contact_title": lead.job_title or "", "competitor": rng.choice(COMPETITORS),
            "pct": str(rng.randint(4, 18)), "weeks": str(rng.randint(2, 6)),
            "product": rng.choice(PRODUCTS)[1], "account": customer.account.name,
            "deal": deal.opportunity.title if deal else "",
            "participants": ", ".join(f"{c.full_name} ({c.job_title})" for c in chosen),
            "author": author.name, "author_first": author.name.split()[0],
        }  # fmt: skip
        subject, body = compose(rng, kind, direction, Facts(values, deal is not None), minutes)
        return Entry(
            kind, when, direction, subject, body, customer, author, chosen,
            deal.opportunity if deal else None, minutes,
        )  # fmt: skip

    def account_history(self, customer: Customer) -> list[Entry]:
        """Activity spread over two years; the last touch is recent unless the account went quiet."""
        ctx, rng = self.ctx, self.ctx.rng
        start = max(ctx.days_ago(730), customer.account.created_at + dt.timedelta(days=30))
        end = customer.activity_end(ctx)
        months = (end - start).days / 30.4
        count = round(customer.spec.activity * months * rng.uniform(0.85, 1.15))
        moments = [random_moment(rng, start, end) for _ in range(count)]
        if customer.quiet_since is None:
            moments.append(random_moment(rng, ctx.days_ago(12), ctx.now))
        else:
            moments.append(customer.quiet_since)
        return [e for e in (self.entry(customer, m) for m in moments) if e is not None]


def _quote_entries(ctx: DemoContext, deals: list[Deal]) -> list[Entry]:
    entries = []
    for deal in deals:
        for quote in deal.quotes:
            when = quote.created_at
            if quote.status == QuoteStatus.DRAFT or when >= deal.customer.activity_end(ctx):
                continue
            to = deal.committee[:1]
            name = to[0].full_name if to else "le client"
            body = (
                f"Devis {quote.number} de {euros(quote.amount_cents)} HT transmis à {name}, "
                f"valable jusqu'au {quote.valid_until:%d/%m/%Y}."
            )
            entries.append(
                Entry(
                    K.QUOTE_SENT,
                    when,
                    D.OUTBOUND,
                    subject=f"Envoi du devis {quote.number} — {quote.title}",
                    body=body,
                    customer=deal.customer,
                    author=deal.customer.owner,
                    contacts=to,
                    opportunity=deal.opportunity,
                )
            )
    return entries


def _departure_notes(ctx: DemoContext, customers: list[Customer]) -> list[Entry]:
    entries = []
    for customer in customers:
        for contact in customer.contacts:
            if contact.left_at is None:
                continue
            when = office_time(ctx.rng, contact.left_at)
            entries.append(
                Entry(
                    K.NOTE,
                    when,
                    D.INTERNAL,
                    subject=f"Départ de {contact.full_name}",
                    body=f"{contact.full_name} ({contact.job_title}) quitte "
                    f"{customer.account.name}. Identifier son successeur et mettre à jour la "
                    "cartographie des décideurs.",
                    customer=customer,
                    author=customer.owner,
                    contacts=[contact],
                )
            )
    return entries


def build_activity(ctx: DemoContext, customers: list[Customer], deals: list[Deal]) -> list[Entry]:
    writer = ActivityWriter(ctx, deals)
    entries = [e for customer in customers for e in writer.account_history(customer)]
    return entries + _quote_entries(ctx, deals) + _departure_notes(ctx, customers)
