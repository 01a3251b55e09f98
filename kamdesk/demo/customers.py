"""Accounts (groups and subsidiaries), their sites, account teams and contracts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kamdesk.demo.catalog import Reference
from kamdesk.demo.context import DemoContext, as_utc, round_to
from kamdesk.demo.names import CITIES, CITY_BY_NAME, City, street_address
from kamdesk.demo.portfolio import PORTFOLIO, SITE_KINDS, AccountSpec
from kamdesk.demo.workdays import office_time, previous_workday
from kamdesk.models import Account, AccountTeamMember, Contact, Contract, Site, User
from kamdesk.models.enums import Tier


@dataclass
class Customer:
    """One account and what later builders need to know about it."""

    spec: AccountSpec
    account: Account
    owner: User
    team: list[User]
    hq: City
    sites: list[Site]
    contract_periods: list[tuple[dt.date, dt.date, int]] = field(default_factory=list)
    contracts: list[Contract] = field(default_factory=list)  # oldest first
    contacts: list[Contact] = field(default_factory=list)
    quiet_since: dt.datetime | None = None  # last activity of an account gone quiet

    def activity_end(self, ctx: DemoContext) -> dt.datetime:
        """When the account's history stops: now, or the day it went quiet."""
        return self.quiet_since or ctx.now

    @property
    def is_large(self) -> bool:
        return self.spec.tier == Tier.LARGE_ACCOUNT

    def active_contacts(self, when: dt.datetime) -> list[Contact]:
        """Contacts already known and not yet gone at ``when``."""
        day = when.date()
        return [
            c
            for c in self.contacts
            if c.created_at <= when and (c.left_at is None or c.left_at > day)
        ]


def siren(rng_digits: list[int]) -> str:
    """Nine digits passing the Luhn check, as every real SIREN does (validators reject others)."""
    digits = rng_digits[:8]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if position % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def of_city(name: str) -> str:
    """French elision: "Usine de Valence", "Usine d'Annecy", "Dépôt du Havre"."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name[0] in "AEIOUÉÈH":
        return "d'" + name
    return "de " + name


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _years_ago(ctx: DemoContext, low: float, high: float) -> dt.date:
    return ctx.today - dt.timedelta(days=int(365 * ctx.rng.uniform(low, high)))


_SINCE_YEARS = {Tier.LARGE_ACCOUNT: (6, 10), Tier.KEY_ACCOUNT: (3, 8), Tier.STANDARD: (1.2, 5)}
_GROWTH = {Tier.LARGE_ACCOUNT: (2, 4), Tier.KEY_ACCOUNT: (1, 4), Tier.STANDARD: (0, 3)}
_STRATEGIC_MIN = {Tier.LARGE_ACCOUNT: 1, Tier.KEY_ACCOUNT: 0, Tier.STANDARD: 0}
_STRATEGIC_MAX = {Tier.LARGE_ACCOUNT: 2, Tier.KEY_ACCOUNT: 2, Tier.STANDARD: 1}


def _contract_periods(
    ctx: DemoContext, tier: Tier, annual_cents: int
) -> list[tuple[dt.date, dt.date, int]]:
    """(start, end, annual value) of successive contracts, oldest first.

    The current one ends at the renewal date (most within 2–14 months, so renewal alerts have
    work to do); earlier ones reach back to when the customer signed first.
    """
    rng = ctx.rng
    if ctx.chance(0.85):
        renewal = ctx.today + dt.timedelta(days=rng.randrange(62, 425))
    else:
        renewal = ctx.today + dt.timedelta(days=rng.randrange(480, 900))
    term = 3 if renewal < add_years(ctx.today, 1) + dt.timedelta(days=60) else 4
    periods = [(add_years(renewal, -term), renewal, annual_cents)]
    since = _years_ago(ctx, *_SINCE_YEARS[tier])
    while len(periods) < 3 and periods[0][0] > since:
        end = periods[0][0]
        value = round_to(periods[0][2] * rng.uniform(0.75, 0.92), 1000_00)
        periods.insert(0, (add_years(end, -3), end, value))
    return periods


def _make_account(
    ctx: DemoContext, ref: Reference, spec: AccountSpec, parent: Customer | None
) -> Customer:
    rng = ctx.rng
    tier = spec.tier
    annual_cents = round(spec.annual_keur * rng.uniform(0.95, 1.05)) * 1000 * 100
    periods = _contract_periods(ctx, tier, annual_cents)
    since = periods[0][0]
    # Accounts were keyed in when kamdesk was set up, or as prospects shortly before signing.
    created_on = max(
        ctx.today - dt.timedelta(days=790 - rng.randrange(1, 40)), since - dt.timedelta(days=90)
    )
    created = office_time(rng, previous_workday(created_on))
    owner = ref.kams[spec.kam]
    growth = rng.randint(*_GROWTH[tier])

    def strategic() -> int:
        return rng.randint(_STRATEGIC_MIN[tier], _STRATEGIC_MAX[tier])

    account = ctx.add(
        Account, created,
        name=spec.name, legal_name=spec.legal_name,
        siren=siren([rng.randint(1, 9)] + [rng.randrange(10) for _ in range(7)]),
        sector=spec.sector, website=f"https://www.{spec.domain}", email_domains=[spec.domain],
        parent_id=parent.account.id if parent else None, owner_id=owner.id, tier=str(tier),
        description=spec.description, growth_potential=growth,
        potential_revenue_cents=round_to(annual_cents * (1 + growth * rng.uniform(0.12, 0.3)), 1000_00),
        strategic_reference=strategic(), strategic_innovation=strategic(),
        strategic_network=strategic(), strategic_stability=strategic(),
        customer_since=since, renewal_date=periods[-1][1],
        custom_fields={"code_client_erp": f"C{rng.randrange(10_000, 99_999)}"},
    )  # fmt: skip
    team = [owner]
    if tier != Tier.STANDARD:
        team.append(rng.choice([k for k in ref.kams if k is not owner]))
    if tier == Tier.LARGE_ACCOUNT:
        team.append(ref.manager)
    customer = Customer(spec, account, owner, team, CITY_BY_NAME[spec.city], sites=[])
    customer.contract_periods = periods
    if spec.quiet:
        went_quiet = previous_workday(ctx.today - dt.timedelta(days=rng.randrange(65, 110)))
        customer.quiet_since = office_time(rng, went_quiet)
    return customer


def _add_contracts(ctx: DemoContext, customer: Customer) -> None:
    rng = ctx.rng
    previous: Contract | None = None
    kind = "Contrat de services" if customer.spec.tier == Tier.STANDARD else "Contrat cadre"
    for start, end, value in customer.contract_periods:
        signed = max(
            as_utc(start) - dt.timedelta(days=rng.randrange(15, 45)), customer.account.created_at
        )
        previous = ctx.add(
            Contract, signed,
            account_id=customer.account.id, title=f"{kind} {start.year}–{end.year}",
            start_date=start, end_date=end, annual_value_cents=value,
            renewal_of_id=previous.id if previous else None,
            auto_renew=customer.spec.tier == Tier.STANDARD,
        )  # fmt: skip
        customer.contracts.append(previous)


def _add_sites_and_team(ctx: DemoContext, customer: Customer) -> None:
    rng = ctx.rng
    created = customer.account.created_at
    hq = customer.hq
    customer.sites.append(
        ctx.add(
            Site,
            created,
            account_id=customer.account.id,
            name=f"Siège social — {hq.name}",
            address=street_address(rng),
            postal_code=hq.postal_code,
            city=hq.name,
            is_headquarters=True,
        )  # fmt: skip
    )
    others = rng.sample([c for c in CITIES if c is not hq], customer.spec.sites - 1)
    kinds = SITE_KINDS[customer.spec.sector]
    for city in others:
        customer.sites.append(
            ctx.add(
                Site,
                created,
                account_id=customer.account.id,
                name=f"{rng.choice(kinds)} {of_city(city.name)}",
                address=street_address(rng),
                postal_code=city.postal_code,
                city=city.name,
            )  # fmt: skip
        )
    roles = ["kam", "backup_kam", "executive_sponsor"]
    for user, role in zip(customer.team, roles, strict=False):
        ctx.add(
            AccountTeamMember, created, account_id=customer.account.id, user_id=user.id, role=role
        )


def build_customers(ctx: DemoContext, ref: Reference) -> list[Customer]:
    """All accounts, groups before their subsidiaries (the parent row must exist first)."""
    customers: list[Customer] = []
    for spec in PORTFOLIO:
        group = _make_account(ctx, ref, spec, None)
        customers.append(group)
        customers.extend(_make_account(ctx, ref, sub, group) for sub in spec.subsidiaries)
    ctx.flush()
    for customer in customers:
        _add_sites_and_team(ctx, customer)
        _add_contracts(ctx, customer)
    ctx.flush()
    return customers
