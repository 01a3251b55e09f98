"""Accounts at scale: invented French companies, groups and subsidiaries, sites, teams, contracts.

Sizes follow ``scale_shape``: the account of rank 0 is the biggest. About 3 % of the accounts
are groups (taken among the biggest) with about 10 % of the accounts as their subsidiaries.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import random
from collections.abc import Iterator
from typing import Any

from kamdesk.demo.context import round_to
from kamdesk.demo.customers import add_years, of_city, siren
from kamdesk.demo.names import CITIES, slug, street_address
from kamdesk.demo.portfolio import SITE_KINDS
from kamdesk.demo.scale_shape import allocate, follow, size_weights
from kamdesk.demo.scale_time import DAY, day_number, iso, start_of
from kamdesk.demo.scale_world import Contract, Customer, Member, World
from kamdesk.models.enums import Tier

AVERAGE_REVENUE_EUR = 400_000  # a year, per account; the biggest make far more
RECURRING_SHARE = 0.7  # of an account's revenue comes from its contract, the rest from projects
LARGE_EUR, KEY_EUR = 1_500_000, 400_000

SECTORS = (
    ("Industrie", 22), ("Distribution", 10), ("Santé", 9), ("Banque", 6), ("Assurance", 6),
    ("Énergie", 8), ("Transport", 10), ("Télécoms", 5), ("BTP", 9), ("Agroalimentaire", 10),
    ("Immobilier", 5),
)  # fmt: skip
_NAME_PATTERNS = {
    "Industrie": ("Industries {s}", "{s} Industrie", "{s} Mécanique", "Ateliers {s}"),
    "Santé": ("Laboratoires {s}", "{s} Santé", "Cliniques {s}", "{s} Médical"),
    "Banque": ("Banque {s}", "{s} Finance", "Crédit {s}"),
    "Assurance": ("{s} Assurances", "Mutuelle {s}", "{s} Prévoyance"),
    "Immobilier": ("{s} Immobilier", "Foncière {s}", "{s} Patrimoine"),
    "Énergie": ("{s} Énergie", "{s} Énergies", "{s} Renouvelables"),
    "Distribution": ("{s} Distribution", "Magasins {s}", "{s} Commerce"),
    "Transport": ("Transports {s}", "Logistique {s}", "{s} Fret"),
    "Télécoms": ("{s} Télécom", "{s} Réseaux", "{s} Connect"),
    "BTP": ("{s} Bâtiment", "{s} Construction", "{s} Travaux"),
    "Agroalimentaire": ("Maison {s}", "{s} Alimentaire", "Conserveries {s}", "Laiterie {s}"),
}
_ACTIVITIES = {
    "Industrie": ("Équipementier industriel", "Fonderie et usinage de précision",
                  "Fabricant de composants mécaniques", "Plasturgie et injection"),
    "Santé": ("Groupe de cliniques privées", "Laboratoire pharmaceutique",
              "Distribution de dispositifs médicaux"),
    "Banque": ("Banque régionale", "Établissement de crédit spécialisé"),
    "Assurance": ("Assureur dommages et prévoyance", "Mutuelle santé"),
    "Immobilier": ("Foncière de bureaux", "Gestion de parcs tertiaires"),
    "Énergie": ("Producteur d'énergie renouvelable", "Exploitant de réseaux de chaleur"),
    "Distribution": ("Enseigne de bricolage", "Grossiste alimentaire",
                     "Réseau de magasins spécialisés"),
    "Transport": ("Transport frigorifique", "Messagerie et logistique", "Transport de voyageurs"),
    "Télécoms": ("Opérateur fibre pour les entreprises", "Intégrateur réseaux et télécoms"),
    "BTP": ("Entreprise générale du bâtiment", "Travaux publics et génie civil"),
    "Agroalimentaire": ("Laiterie et fromagerie", "Conserverie", "Boulangerie industrielle"),
}  # fmt: skip
_SUBSIDIARY_WORDS = (
    "Services", "Maintenance", "Logistique", "Solutions", "Immobilier", "International",
    "Distribution", "Réseaux", "Composites", "Ingénierie", "Exploitation", "Digital",
)  # fmt: skip
_REGIONS = ("Nord", "Sud-Ouest", "Sud-Est", "Ouest", "Est", "Île-de-France", "Rhône-Alpes")

# Invented stems: three parts give thousands of names that read French and belong to nobody.
_STARTS = (
    "Val", "Cor", "Bren", "Mar", "Ost", "Sept", "Arm", "Hél", "Ferv", "Lum", "Quadr", "Vel",
    "Tal", "Nor", "Sol", "Vér", "Dor", "Cal", "Mir", "Ren", "Sav", "Bel", "Ast", "Gal", "Pral",
    "Orn", "Tess", "Lor", "Vin", "Cam", "Dar", "Esc", "Fal", "Gren", "Isel", "Jov", "Kerl",
    "Lys", "Mont", "Nev", "Oril", "Pell", "Rav", "Sév", "Tor", "Ulm", "Vor", "Zel", "Bré", "Mér",
)  # fmt: skip
_MIDDLES = ("", "", "", "a", "e", "i", "o", "er", "al", "an", "or", "ev", "in", "ad", "il")
_ENDS = (
    "ex", "is", "ia", "al", "ys", "ane", "ore", "ium", "ac", "on", "elle", "ine", "éo", "ance",
    "ix", "ova", "ens", "ault", "ier", "as",
)  # fmt: skip

_SINCE_YEARS = {Tier.LARGE_ACCOUNT: (6, 10), Tier.KEY_ACCOUNT: (3, 8), Tier.STANDARD: (2, 7)}
_GROWTH = {Tier.LARGE_ACCOUNT: (2, 4), Tier.KEY_ACCOUNT: (1, 4), Tier.STANDARD: (0, 3)}
_STRATEGIC = {Tier.LARGE_ACCOUNT: (1, 2), Tier.KEY_ACCOUNT: (0, 2), Tier.STANDARD: (0, 1)}


def _stems(rng: random.Random, count: int) -> list[str]:
    seen: set[str] = set()
    stems: list[str] = []
    while len(stems) < count:
        stem = rng.choice(_STARTS) + rng.choice(_MIDDLES) + rng.choice(_ENDS)
        doubled = any(a == b and a in "aeiouéy" for a, b in itertools.pairwise(stem.lower()))
        if stem not in seen and len(stem) >= 5 and not doubled:
            seen.add(stem)
            stems.append(stem)
    return stems


def _subsidiary_words(rng: random.Random, count: int) -> list[str]:
    words = list(_SUBSIDIARY_WORDS)
    rng.shuffle(words)
    words += [f"{w} {r}" for r in _REGIONS for w in _SUBSIDIARY_WORDS]
    plain = len(words)
    number = 2
    while len(words) < count:
        words += [f"{w} {number}" for w in words[:plain]]
        number += 1
    return words[:count]


def _structure(rng: random.Random, weights: list[float]) -> dict[int, int]:
    """subsidiary rank → group rank: ~3 % groups among the biggest, ~10 % subsidiaries."""
    count = len(weights)
    groups_n = max(1, round(count * 0.03)) if count >= 3 else 0
    subs_n = min(max(groups_n, round(count * 0.10)), count - groups_n) if groups_n else 0
    if not subs_n:
        return {}
    groups = rng.sample(range(max(groups_n, math.ceil(count * 0.1))), groups_n)
    taken = set(groups)
    others = [r for r in range(count) if r not in taken]
    subsidiaries = rng.sample(others, subs_n)
    parent_of = dict(zip(subsidiaries[:groups_n], groups, strict=True))
    group_weights = [weights[g] for g in groups]
    for sub in subsidiaries[groups_n:]:
        parent_of[sub] = rng.choices(groups, group_weights)[0]
    return parent_of


def _contract_periods(
    rng: random.Random, today: dt.date, since: dt.date, annual_cents: int
) -> list[tuple[dt.date, dt.date, int]]:
    """(start, end, annual value) of successive three-year contracts, oldest first; the current
    one ends at the renewal date, mostly 2–14 months ahead."""
    if rng.random() < 0.85:
        renewal = today + dt.timedelta(days=rng.randrange(62, 425))
    else:
        renewal = today + dt.timedelta(days=rng.randrange(480, 900))
    term = 3 if renewal < add_years(today, 1) + dt.timedelta(days=60) else 4
    periods = [(max(add_years(renewal, -term), since), renewal, annual_cents)]
    while len(periods) < 4 and periods[0][0] > since:
        end = periods[0][0]
        value = round_to(periods[0][2] * rng.uniform(0.75, 0.92), 1000_00)
        periods.insert(0, (max(add_years(end, -3), since), end, value))
    return periods


def _owners(world: World, weights: list[float]) -> list[Member]:
    """Balance the KAMs' loads (activity share plus a count share), biggest accounts first."""
    scale = world.scale
    kams = world.kams[: scale.owner_kams or len(world.kams)]
    loads = [0.0] * len(kams)
    owners = []
    count = len(weights)
    for weight in weights:
        best = min(range(len(kams)), key=lambda k: (loads[k], k))
        loads[best] += weight + 1 / count
        owners.append(kams[best])
    return owners


def plan_customers(world: World) -> None:
    """Decide every account (nothing written yet): size, group, sector, name, tier, owner, dates."""
    rng = world.rng("accounts")
    count = world.scale.accounts
    weights = size_weights(count)
    revenue = follow(rng, weights, 0.8, 0.25)
    revenue_total = sum(revenue)
    parent_of = _structure(rng, weights)
    groups = set(parent_of.values())
    owners = _owners(world, weights)
    stems = _stems(rng, count)
    children = [g for _, g in sorted(parent_of.items())]
    words = {g: _subsidiary_words(rng, children.count(g)) for g in sorted(groups)}
    customers: dict[int, Customer] = {}
    for rank in sorted(range(count), key=lambda r: (r in parent_of, r)):  # groups first
        parent = customers[parent_of[rank]] if rank in parent_of else None
        annual_eur = AVERAGE_REVENUE_EUR * count * revenue[rank] / revenue_total
        if annual_eur >= LARGE_EUR:
            tier = Tier.LARGE_ACCOUNT
        elif annual_eur >= KEY_EUR or rank in groups:
            tier = Tier.KEY_ACCOUNT
        else:
            tier = Tier.STANDARD
        customer = _customer(
            world, rng, rank, tier, weights[rank], annual_eur, owners[rank], parent
        )
        if parent is None:
            patterns = _NAME_PATTERNS[customer.sector]
            pattern = (
                "Groupe {s}" if rank in groups and rng.random() < 0.4 else rng.choice(patterns)
            )
            customer.name = pattern.format(s=stems[rank])
            customer.domain = f"{slug(stems[rank])}.fr"
        else:
            stem, word = stems[parent.index], words[parent.index].pop(0)
            customer.name, customer.domain = f"{stem} {word}", f"{slug(stem)}-{slug(word)}.fr"
        customers[rank] = customer
    world.customers = [customers[r] for r in range(count)]
    _plan_sites_and_contracts(world, rng)


def _customer(
    world: World,
    rng: random.Random,
    rank: int,
    tier: Tier,
    weight: float,
    annual_eur: float,
    owner: Member,
    parent: Customer | None,
) -> Customer:
    if parent is not None and rng.random() < 0.8:
        sector = parent.sector
    else:
        sector = rng.choices([s for s, _ in SECTORS], [w for _, w in SECTORS])[0]
    low, high = _SINCE_YEARS[tier]
    since = world.today - dt.timedelta(days=int(365 * rng.uniform(low, high)))
    if since <= world.history_start + dt.timedelta(days=30):  # keyed in when kamdesk was set up
        created_day = world.history_start + dt.timedelta(days=rng.randrange(0, 40))
    else:  # a prospect shortly before signing
        created_day = max(since - dt.timedelta(days=rng.randrange(30, 120)), world.history_start)
    created = world.calendar.office_time(rng, day_number(created_day))
    if parent is not None:
        created = max(created, parent.created + DAY)
        if rng.random() < 0.7:
            owner = parent.owner
    customer = Customer(
        index=rank, id=world.new_id(created), name="", sector=sector, tier=str(tier), domain="",
        hq=rng.choice(CITIES), created=created, since=since, weight=weight,
        annual_cents=round_to(annual_eur * RECURRING_SHARE * 100, 1000_00) or 1000_00,
        owner=owner, team=_team(rng, world, owner, tier), parent=parent,
    )  # fmt: skip
    if rank > 0 and rng.random() < 0.04:  # gone quiet two to four months ago
        day = day_number(world.today) - rng.randrange(65, 110)
        customer.quiet = max(world.calendar.office_time(rng, day), created + 90 * DAY)
    return customer


def _team(rng: random.Random, world: World, owner: Member, tier: Tier) -> list[Member]:
    team = [owner]
    others = [k for k in world.kams if k is not owner]
    if tier != Tier.STANDARD and others:
        team.append(rng.choice(others))
    if tier == Tier.LARGE_ACCOUNT and world.managers:
        team.append(world.managers[world.kams.index(owner) % len(world.managers)])
    return team


def _plan_sites_and_contracts(world: World, rng: random.Random) -> None:
    customers = world.customers
    weights = [c.weight for c in customers]
    extra = allocate(
        2 * len(customers), follow(rng, weights, 0.5, 0.3), caps=[len(CITIES) - 1] * len(customers)
    )
    for customer, more in zip(customers, extra, strict=True):
        cities = [customer.hq.name] + [
            c.name for c in rng.sample([c for c in CITIES if c is not customer.hq], more)
        ]
        customer.sites = [(world.new_id(customer.created), city) for city in cities]
        periods = _contract_periods(rng, world.today, customer.since, customer.annual_cents)
        for start, end, value in periods:
            signed = max(start_of(start) - rng.randrange(15, 45) * DAY + 9 * 3600, customer.created)
            customer.contracts.append(Contract(world.new_id(signed), start, end, value, signed))


# -- rows --------------------------------------------------------------------------------------


def account_rows(world: World) -> Iterator[dict[str, Any]]:
    """Groups first (subsidiaries point to them), each part in creation order."""
    rng = world.rng("account-rows")
    ordered = sorted(world.customers, key=lambda c: (c.parent is not None, c.created, c.index))
    for c in ordered:
        tier = Tier(c.tier)
        growth = rng.randint(*_GROWTH[tier])
        low, high = _STRATEGIC[tier]
        activity = rng.choice(_ACTIVITIES[c.sector])
        sites = len(c.sites)
        yield {
            "id": c.id,
            "created_at": iso(c.created),
            "updated_at": iso(c.created),
            "name": c.name,
            "legal_name": f"{c.name} {'SA' if tier == Tier.LARGE_ACCOUNT else 'SAS'}",
            "siren": siren([rng.randint(1, 9)] + [rng.randrange(10) for _ in range(7)]),
            "sector": c.sector,
            "website": f"https://www.{c.domain}",
            "email_domains": json.dumps([c.domain]),
            "parent_id": c.parent.id if c.parent else None,
            "owner_id": c.owner.id,
            "tier": c.tier,
            "description": f"{activity}, {sites} site{'s' if sites > 1 else ''} en France.",
            "growth_potential": growth,
            "potential_revenue_cents": round_to(
                c.annual_cents / RECURRING_SHARE * (1 + growth * rng.uniform(0.12, 0.3)), 1000_00
            ),
            "strategic_reference": rng.randint(low, high),
            "strategic_innovation": rng.randint(low, high),
            "strategic_network": rng.randint(low, high),
            "strategic_stability": rng.randint(low, high),
            "customer_since": c.since.isoformat(),
            "renewal_date": c.contracts[-1].end.isoformat(),
            "custom_fields": json.dumps({"code_client_erp": f"C{rng.randrange(10_000, 99_999)}"}),
        }


def site_rows(world: World) -> Iterator[dict[str, Any]]:
    rng = world.rng("sites")
    by_name = {c.name: c for c in CITIES}
    for c in world.customers:
        kinds = SITE_KINDS[c.sector]
        for index, (site_id, city_name) in enumerate(c.sites):
            city = by_name[city_name]
            name = (
                f"Siège social — {city.name}"
                if index == 0
                else f"{rng.choice(kinds)} {of_city(city.name)}"
            )
            yield {
                "id": site_id,
                "created_at": iso(c.created),
                "updated_at": iso(c.created),
                "account_id": c.id,
                "name": name,
                "address": street_address(rng),
                "postal_code": city.postal_code,
                "city": city.name,
                "is_headquarters": index == 0,
            }


def team_rows(world: World) -> Iterator[dict[str, Any]]:
    roles = ("kam", "backup_kam", "executive_sponsor")
    for c in world.customers:
        for user, role in zip(c.team, roles, strict=False):
            yield world.stamp(c.created) | {"account_id": c.id, "user_id": user.id, "role": role}


def contract_rows(world: World) -> Iterator[dict[str, Any]]:
    for c in world.customers:
        kind = "Contrat de services" if c.tier == Tier.STANDARD else "Contrat cadre"
        previous: Contract | None = None
        for contract in c.contracts:
            yield {
                "id": contract.id,
                "created_at": iso(contract.signed),
                "updated_at": iso(contract.signed),
                "account_id": c.id,
                "title": f"{kind} {contract.start.year}–{contract.end.year}",
                "start_date": contract.start.isoformat(),
                "end_date": contract.end.isoformat(),
                "annual_value_cents": contract.annual_cents,
                "renewal_of_id": previous.id if previous else None,
                "auto_renew": c.tier == Tier.STANDARD,
            }
            previous = contract
