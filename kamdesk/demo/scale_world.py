"""What the scaled generators share: the team, the catalog, and light records of what was made.

Builders keep plain slotted objects (no ORM instances: a million of those would not fit the time
budget) and yield rows for ``scale_load.Loader``. Each builder draws from its own seeded random
stream, so the same seed gives the same rows with the same ids.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from kamdesk.demo.catalog import DOMAIN, NEW_BUSINESS_STAGES, PRODUCTS, RENEWAL_STAGES
from kamdesk.demo.names import City, NamePicker, slug
from kamdesk.demo.scale_time import Calendar, iso, record_id, start_of
from kamdesk.models.enums import UserRole

if TYPE_CHECKING:
    from kamdesk.demo.scale import Scale


@dataclass(slots=True, eq=False)
class Member:
    """A user on our side."""

    id: str
    name: str
    role: str

    @property
    def first_name(self) -> str:
        return self.name.partition(" ")[0]


@dataclass(slots=True, eq=False)
class Person:
    """A contact at a customer, as the timeline and deals need it."""

    id: str
    name: str
    first_name: str
    department: str
    female: bool
    buying_role: str | None
    influence: int
    stance: int
    created: int
    left: int | None = None  # start of the day they left
    reports: int = 0  # how many people report to them

    def active(self, t: int) -> bool:
        return self.created <= t and (self.left is None or t < self.left)


@dataclass(slots=True)
class StageRef:
    id: str
    name: str
    position: int
    probability: int
    outcome: str


@dataclass(slots=True, eq=False)
class Deal:
    id: str
    title: str
    created: int
    closed: int | None
    outcome: str
    amount_cents: int
    is_renewal: bool
    committee: list[Person]

    def live(self, t: int) -> bool:
        return self.created <= t and (self.closed is None or t <= self.closed)


class Entry(NamedTuple):
    """A timeline entry made from another record (ticket, quote, invoice, business review)."""

    t: int
    kind: str
    direction: str
    subject: str
    body: str
    opportunity_id: str | None
    contacts: list[Person]
    author_id: str | None
    minutes: int | None = None


@dataclass(slots=True)
class Contract:
    id: str
    start: dt.date
    end: dt.date
    annual_cents: int
    signed: int


@dataclass(slots=True, eq=False)
class Customer:
    index: int  # position in the size ranking, 0 = biggest
    id: str
    name: str
    sector: str
    tier: str
    domain: str
    hq: City
    created: int
    since: dt.date
    weight: float  # share of the portfolio's activity
    annual_cents: int  # recurring revenue of the current contract
    owner: Member
    team: list[Member]
    parent: Customer | None = None
    quiet: int | None = None  # last activity of an account gone quiet
    sites: list[tuple[str, str]] = field(default_factory=list)  # (id, city)
    contracts: list[Contract] = field(default_factory=list)  # oldest first
    contacts: list[Person] = field(default_factory=list)  # root first
    met: list[Person] = field(default_factory=list)  # one entry per unit of influence (+1)
    deals: list[Deal] = field(default_factory=list)
    interactions: int = 0  # how many timeline entries the account gets
    linked: list[Entry] = field(default_factory=list)

    def people(self, t: int) -> list[Person]:
        return [c for c in self.contacts if c.active(t)]

    def addressee(self, candidates: list[Person], t: int) -> Person:
        """The first candidate present at ``t``, else the CEO (there from the account's start)."""
        return next((p for p in candidates if p.active(t)), self.contacts[0])


@dataclass
class World:
    scale: Scale
    seed: int
    today: dt.date
    calendar: Calendar
    history_start: dt.date
    ids: random.Random
    users: list[Member] = field(default_factory=list)
    kams: list[Member] = field(default_factory=list)
    managers: list[Member] = field(default_factory=list)
    pipelines: dict[str, str] = field(default_factory=dict)  # name → id
    stages: dict[str, list[StageRef]] = field(default_factory=dict)  # pipeline name → stages
    products: dict[str, tuple[str, int]] = field(default_factory=dict)  # code → (id, price)
    customers: list[Customer] = field(default_factory=list)  # biggest first

    @property
    def now(self) -> int:
        """History ends at the start of ``today`` (UTC), as in the small demo."""
        return start_of(self.today)

    @property
    def me(self) -> Member:
        return self.kams[0]

    def rng(self, stream: str) -> random.Random:
        """An independent random stream per builder: changing one leaves the others alone."""
        return random.Random(f"kamdesk-scale:{self.seed}:{stream}")

    @staticmethod
    def id_stream(seed: int) -> random.Random:
        """Where every record id draws its random bits (one stream, in generation order)."""
        return random.Random(f"kamdesk-scale:{seed}:ids")

    def new_id(self, t: int) -> str:
        return record_id(self.ids, t)

    def end_of(self, customer: Customer) -> int:
        return customer.quiet or self.now

    def stamp(self, t: int) -> dict[str, Any]:
        """id, created_at and updated_at of a row made at ``t`` (hlc stays the column default:
        demo data never syncs)."""
        when = iso(t)
        return {"id": self.new_id(t), "created_at": when, "updated_at": when}


# -- our side: users, pipelines, products ------------------------------------------------------


def _people(rng: random.Random, count: int, picker: NamePicker) -> list[str]:
    names = []
    for _ in range(count):
        first, last = picker.pick(rng.random() < 0.45)
        names.append(f"{first} {last}")
    return names


def reference_rows(world: World) -> Iterator[tuple[str, dict[str, Any]]]:
    """(table, row) for users, pipelines, stages, products and custom fields, in that order."""
    rng = world.rng("reference")
    setup = start_of(world.history_start) - 30 * 86_400 + 9 * 3600
    picker = NamePicker(rng)
    scale = world.scale
    roles = [UserRole.KAM] * scale.kams + [UserRole.MANAGER] * scale.managers + [UserRole.ADMIN]
    for name, role in zip(_people(rng, len(roles), picker), roles, strict=True):
        first, _, last = name.partition(" ")
        row = world.stamp(setup) | {
            "name": name,
            "email": f"{slug(first)}.{slug(last)}@{DOMAIN}",
            "role": str(role),
        }
        member = Member(row["id"], name, str(role))
        world.users.append(member)
        if role == UserRole.KAM:
            world.kams.append(member)
        elif role == UserRole.MANAGER:
            world.managers.append(member)
        yield "users", row

    for position, (name, specs) in enumerate(
        (("Nouveaux projets", NEW_BUSINESS_STAGES), ("Renouvellements", RENEWAL_STAGES))
    ):
        row = world.stamp(setup) | {"name": name, "position": position}
        world.pipelines[name] = row["id"]
        yield "pipelines", row
        refs = world.stages[name] = []
        for order, (stage, probability, rotting, outcome, meddic) in enumerate(specs):
            stage_row = world.stamp(setup + 60) | {
                "pipeline_id": row["id"],
                "name": stage,
                "position": order,
                "probability": probability,
                "rotting_days": rotting,
                "outcome": str(outcome),
                "required_meddic": _json_list(meddic),
            }
            refs.append(StageRef(stage_row["id"], stage, order, probability, str(outcome)))
            yield "stages", stage_row

    for code, name, family, euros in PRODUCTS:
        row = world.stamp(setup) | {
            "code": code,
            "name": name,
            "family": family,
            "list_price_cents": euros * 100,
        }
        world.products[code] = (row["id"], euros * 100)
        yield "products", row

    definitions = (
        ("account", "code_client_erp", "Code client ERP", "text", ()),
        ("contact", "langue_preferee", "Langue préférée", "choice", ("Français", "Anglais", "Allemand")),
    )  # fmt: skip
    for entity, key, label, kind, options in definitions:
        row = {"entity": entity, "key": key, "label": label, "kind": kind}
        row["options"] = _json_list(options)
        yield "custom_field_definitions", world.stamp(setup) | row


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values))  # as SQLAlchemy's JSON type stores it
