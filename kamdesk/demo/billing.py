"""Invoices: the basis of revenue, CLV and NRR. Recurring ones follow the contracts; won projects
are invoiced on order and on delivery."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from kamdesk.demo.context import DemoContext, round_to
from kamdesk.demo.customers import Customer
from kamdesk.demo.deals import Deal
from kamdesk.demo.timeline import Entry
from kamdesk.demo.workdays import next_workday, office_time
from kamdesk.models import Contract, Invoice
from kamdesk.models.enums import Direction, InteractionKind, StageOutcome, Tier


def _months_after(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def euros(cents: int) -> str:
    """French formatting for text bodies: ``150 000 €`` with narrow no-break spaces."""
    return f"{cents // 100:,}".replace(",", "\u202f") + "\u00a0€"


class Billing:
    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx
        self.window_start = ctx.today - dt.timedelta(days=730)
        # (issued on, customer, contract, amount, deal or None)
        self._plans: list[tuple[dt.date, Customer, Contract | None, int, Deal | None]] = []

    def recurring(self, customer: Customer) -> None:
        """Large accounts are billed monthly, others quarterly, from each contract's start."""
        rng = self.ctx.rng
        step = 1 if customer.spec.tier == Tier.LARGE_ACCOUNT else 3
        for contract in customer.contracts:
            period = dt.date(contract.start_date.year, contract.start_date.month, 1)
            while period < (contract.end_date or self.ctx.today):
                issued = next_workday(period)
                if self.window_start <= issued < self.ctx.today:
                    base = contract.annual_value_cents * step // 12
                    amount = round_to(base * rng.uniform(0.98, 1.05), 100)  # usage-based part
                    self._plans.append((issued, customer, contract, amount, None))
                period = _months_after(period, step)

    def project(self, deal: Deal) -> None:
        """30 % on order, the rest on delivery two to four months later."""
        rng = self.ctx.rng
        closed = deal.closed
        if deal.outcome != StageOutcome.WON or closed is None:
            return
        amount = deal.opportunity.amount_cents
        deposit = round_to(amount * 0.3, 100)
        order = next_workday(closed.date() + dt.timedelta(days=rng.randint(7, 20)))
        delivery = next_workday(closed.date() + dt.timedelta(days=rng.randint(60, 120)))
        for issued, part in ((order, deposit), (delivery, amount - deposit)):
            if issued < self.ctx.today:
                self._plans.append((issued, deal.customer, None, part, deal))

    def write(self) -> list[Entry]:
        """Numbered invoices (FA-2025-00042, per year, in date order); returns timeline entries
        for project invoices only: nobody logs the monthly fee as an activity."""
        ctx, rng = self.ctx, self.ctx.rng
        entries = []
        sequence: defaultdict[int, int] = defaultdict(int)
        self._plans.sort(key=lambda p: (p[0], p[1].account.name, p[3]))
        for issued, customer, contract, amount, deal in self._plans:
            sequence[issued.year] += 1
            number = f"FA-{issued.year}-{sequence[issued.year]:05d}"
            due = issued + dt.timedelta(days=45)
            paid = None
            days_to_pay = rng.choice((28, 35, 42, 45, 45, 52, 60, 75))
            if issued + dt.timedelta(days=days_to_pay) < ctx.today and not ctx.chance(0.03):
                paid = issued + dt.timedelta(days=days_to_pay)
            moment = office_time(rng, issued)
            ctx.add(
                Invoice, moment,
                account_id=customer.account.id, contract_id=contract.id if contract else None,
                number=number, issued_on=issued, due_on=due, paid_on=paid, amount_cents=amount,
            )  # fmt: skip
            if deal is not None and moment < customer.activity_end(ctx):
                entries.append(
                    Entry(
                        InteractionKind.INVOICE,
                        moment,
                        Direction.OUTBOUND,
                        subject=f"Facture {number} — {deal.opportunity.title}",
                        body=f"Facture {number} de {euros(amount)} HT émise, échéance le "
                        f"{due:%d/%m/%Y}.",
                        customer=customer,
                        author=customer.owner,
                        contacts=deal.committee[:1],
                        opportunity=deal.opportunity,
                    )
                )
        return entries


def build_invoices(ctx: DemoContext, customers: list[Customer], deals: list[Deal]) -> list[Entry]:
    billing = Billing(ctx)
    for customer in customers:
        billing.recurring(customer)
    for deal in deals:
        if not deal.is_renewal:  # a renewal is billed through its contract
            billing.project(deal)
    return billing.write()
