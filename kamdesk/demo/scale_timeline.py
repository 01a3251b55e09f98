"""The timeline at scale: interactions and the contacts who took part, written chronologically.

Each account gets a number of entries that follows its size (``scale_shape``). Entries made from
other records (tickets, quotes sent, project invoices, business reviews) come first; the rest is
everyday activity — e-mails, calls, meetings, notes — on working days, denser in recent years.
Every entry is first reduced to one integer (time, account, what) so that a million of them
sort quickly; texts are composed only when the rows are written, in time order, so that the
ids (time-ordered) are appended to the primary-key index instead of scattered through it.

Bodies are short (one observation, sometimes a next step; some calls have none) so that the
manager database stays under 1.5 GB: the table and the full-text index grow with every word.
"""

from __future__ import annotations

import bisect
import itertools
import random
import time
from typing import Any

from kamdesk.demo.catalog import PRODUCTS
from kamdesk.demo.portfolio import COMPETITORS
from kamdesk.demo.scale_load import BATCH, Loader
from kamdesk.demo.scale_shape import allocate
from kamdesk.demo.scale_time import DAY, date_of, iso, start_of
from kamdesk.demo.scale_world import Customer, Deal, Entry, Member, Person, World
from kamdesk.demo.texts import (
    _MOODS,  # the small demo's sentences, shared rather than copied
    _REQUESTS,
    DEAL_OBSERVATIONS,
    DEAL_TOPICS,
    NEXT_STEPS,
    OBSERVATIONS,
    PLACES,
    SUBJECTS,
    TOPICS,
)
from kamdesk.models.enums import Direction, InteractionKind

K, D = InteractionKind, Direction
# (kind, direction, weight): what a KAM's week is made of.
MIX = (
    (K.EMAIL, D.OUTBOUND, 20), (K.EMAIL, D.INBOUND, 15), (K.CALL, D.OUTBOUND, 16),
    (K.CALL, D.INBOUND, 9), (K.MEETING, D.OUTBOUND, 14), (K.MEETING, D.INTERNAL, 2),
    (K.NOTE, D.INTERNAL, 22),
)  # fmt: skip
_MIX_CUMULATIVE = list(itertools.accumulate(w for *_, w in MIX))
_MEETING = MIX.index((K.MEETING, D.OUTBOUND, 14))
_SUBJECTS = [SUBJECTS[(kind, direction)] for kind, direction, _ in MIX]
_KINDS = [(str(kind), str(direction)) for kind, direction, _ in MIX]
_PRODUCT_NAMES = tuple(name for _, name, _, _ in PRODUCTS)
FLOOR = 8  # every account has at least this much history (when the total allows)


class _Facts(dict[str, str]):
    """Values for the text templates, drawn from the RNG only when a template asks for one."""

    __slots__ = ("rng", "customer")

    def __init__(self, rng: random.Random, customer: Customer, **known: str) -> None:
        super().__init__(known)
        self.rng = rng
        self.customer = customer

    def __missing__(self, key: str) -> str:
        rng = self.rng
        if key == "city":
            value = rng.choice(self.customer.sites)[1]
        elif key == "competitor":
            value = rng.choice(COMPETITORS)
        elif key == "pct":
            value = str(rng.randint(4, 18))
        elif key == "weeks":
            value = str(rng.randint(2, 6))
        elif key == "product":
            value = rng.choice(_PRODUCT_NAMES)
        elif key == "hq":
            value = self.customer.hq.name
        elif key == "account":
            value = self.customer.name
        else:
            raise KeyError(key)
        self[key] = value
        return value


class TimelineWriter:
    def __init__(self, world: World, loader: Loader) -> None:
        self.world = world
        self.loader = loader
        self.rng = world.rng("timeline")
        self.defaults = loader.defaults("interactions")
        self.link_defaults = loader.defaults("interaction_contacts")

    # -- planning: one integer per entry ----------------------------------------------------
    def plan(self) -> tuple[list[int], int, int]:
        """Sorted keys ``(t * accounts + account) * width + what``, with the two factors.

        ``what`` < len(MIX) is an everyday entry of that MIX kind; above, a linked entry.
        """
        world, rng = self.world, self.rng
        customers = world.customers
        total = world.scale.interactions
        counts = allocate(
            total, [c.weight for c in customers], floor=min(FLOOR, total // len(customers))
        )
        for customer, count in zip(customers, counts, strict=True):
            customer.interactions = count
            linked = sorted(customer.linked, key=lambda e: (e.t, e.kind, e.subject))
            if len(linked) > count:  # not every ticket or quote gets logged in a small account
                keep = sorted(rng.sample(range(len(linked)), count))
                linked = [linked[i] for i in keep]
            customer.linked = linked
        width = len(MIX) + max((len(c.linked) for c in customers), default=0)
        accounts = len(customers)
        keys: list[int] = []
        append = keys.append
        calendar = world.calendar
        mix = _MIX_CUMULATIVE
        mix_total = mix[-1]
        history = start_of(world.history_start)
        for customer in customers:
            index = customer.index
            for link, entry in enumerate(customer.linked):
                append((entry.t * accounts + index) * width + len(MIX) + link)
            start = max(customer.created + 30 * DAY, history)
            end = world.end_of(customer)
            if end - start < 7 * DAY:
                start = customer.created + 3600
            for _ in range(customer.interactions - len(customer.linked)):
                what = bisect.bisect_right(mix, rng.random() * mix_total)
                day = calendar.workday(rng, start, end)
                t = calendar.office_time(rng, day, half_hour=what == _MEETING)
                t = min(max(t, start), end)
                append((t * accounts + index) * width + what)
        keys.sort()
        return keys, accounts, width

    # -- writing ----------------------------------------------------------------------------
    def write(self) -> None:
        started = time.perf_counter()
        keys, accounts, width = self.plan()
        planned = time.perf_counter() - started
        customers = self.world.customers
        mix_count = len(MIX)
        rows: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        link_seconds = 0.0
        for key in keys:
            rest, what = divmod(key, width)
            t, index = divmod(rest, accounts)
            customer = customers[index]
            if what < mix_count:
                self._everyday(customer, t, what, rows, links)
            else:
                self._linked(customer, customer.linked[what - mix_count], rows, links)
            if len(rows) >= BATCH:
                link_seconds += self._flush(rows, links)
                rows, links = [], []
        link_seconds += self._flush(rows, links)
        spent = time.perf_counter() - started
        loader = self.loader
        loader.report("  (planning the timeline)", None, planned)
        made = spent - planned - link_seconds
        loader.report("interactions", loader.counts.get("interactions", 0), made)
        loader.report(
            "interaction_contacts", loader.counts.get("interaction_contacts", 0), link_seconds
        )

    def _flush(self, rows: list[dict[str, Any]], links: list[dict[str, Any]]) -> float:
        self.loader.insert("interactions", rows)
        started = time.perf_counter()
        self.loader.insert("interaction_contacts", links)
        return time.perf_counter() - started

    def _row(
        self,
        customer: Customer,
        t: int,
        kind: str,
        direction: str,
        subject: str,
        body: str | None,
        opportunity_id: str | None,
        author_id: str | None,
        minutes: int | None,
        people: list[Person],
        rows: list[dict[str, Any]],
        links: list[dict[str, Any]],
    ) -> None:
        world = self.world
        when = iso(t)
        interaction_id = world.new_id(t)
        row = dict(self.defaults)
        row.update(
            id=interaction_id, created_at=when, updated_at=when, kind=kind, occurred_at=when,
            direction=direction, subject=subject[:300], body=body, account_id=customer.id,
            opportunity_id=opportunity_id, author_id=author_id, duration_minutes=minutes,
        )  # fmt: skip
        rows.append(row)
        for person in people:
            link = dict(self.link_defaults)
            link.update(
                id=world.new_id(t), created_at=when, updated_at=when,
                interaction_id=interaction_id, contact_id=person.id,
            )  # fmt: skip
            links.append(link)

    def _linked(
        self,
        customer: Customer,
        entry: Entry,
        rows: list[dict[str, Any]],
        links: list[dict[str, Any]],
    ) -> None:
        people = list(dict.fromkeys(entry.contacts))
        self._row(
            customer, entry.t, entry.kind, entry.direction, entry.subject, entry.body,
            entry.opportunity_id, entry.author_id, entry.minutes, people, rows, links,
        )  # fmt: skip

    # -- everyday activity ------------------------------------------------------------------
    def _someone(self, customer: Customer, t: int) -> Person:
        """A contact present at ``t``, the influential ones likelier; else the CEO."""
        choice = self.rng.choice
        met = customer.met
        for _ in range(6):
            person = choice(met)
            if person.created <= t and (person.left is None or t < person.left):
                return person
        return customer.contacts[0]

    def _deal(self, customer: Customer, t: int) -> Deal | None:
        rng = self.rng
        if not customer.deals or rng.random() >= 0.45:
            return None
        for _ in range(2):
            deal = rng.choice(customer.deals)
            if deal.live(t):
                return deal
        return None

    def _everyday(
        self,
        customer: Customer,
        t: int,
        what: int,
        rows: list[dict[str, Any]],
        links: list[dict[str, Any]],
    ) -> None:
        rng = self.rng
        kind, direction = _KINDS[what]
        deal = self._deal(customer, t)
        lead = None
        if deal is not None:
            lead = next((p for p in deal.committee if p.active(t)), None)
        lead = lead or self._someone(customer, t)
        people = [lead]
        if direction == D.INTERNAL or kind in (K.CALL, K.NOTE):
            wanted = 1
        elif kind == K.EMAIL:
            wanted = 2 if rng.random() < 0.25 else 1
        else:
            wanted = rng.choices((1, 2, 3), (50, 32, 18))[0]
        for _ in range(wanted - 1):
            other = self._someone(customer, t)
            if other not in people:
                people.append(other)
        author = customer.owner
        if len(customer.team) > 1 and rng.random() < 0.25:
            author = rng.choice(customer.team[1:])
        minutes = None
        if kind == K.CALL:
            minutes = rng.randrange(5, 50, 5)
        elif kind == K.MEETING:
            minutes = 30 if direction == D.INTERNAL else rng.choice((45, 60, 60, 90, 120))
        day = date_of(t)
        facts = _Facts(
            rng, customer, contact=lead.name, year=str(day.year),
            q=str((day.month - 1) // 3 + 1), deal=deal.title if deal else "",
        )  # fmt: skip
        if deal is not None and rng.random() < 0.6:
            facts["topic"] = rng.choice(DEAL_TOPICS).format_map(facts)
            observation = rng.choice(DEAL_OBSERVATIONS).format_map(facts)
        else:
            facts["topic"] = rng.choice(TOPICS).format_map(facts)
            observation = rng.choice(OBSERVATIONS).format_map(facts)
        subject = rng.choice(_SUBJECTS[what]).format_map(facts)
        body = self._body(kind, direction, lead, people, author, minutes, observation, facts)
        self._row(
            customer, t, kind, direction, subject, body, deal.id if deal else None, author.id,
            minutes, people, rows, links,
        )  # fmt: skip

    def _body(
        self,
        kind: str,
        direction: str,
        lead: Person,
        people: list[Person],
        author: Member,
        minutes: int | None,
        observation: str,
        facts: _Facts,
    ) -> str | None:
        rng = self.rng
        if kind == K.CALL:
            if rng.random() < 0.3:
                return None  # a quick call logged by its subject alone
            body = f"Appel de {minutes} min avec {lead.name}. {observation}"
        elif kind == K.MEETING and direction == D.INTERNAL:
            return f"Point interne ({minutes} min). {observation}"
        elif kind == K.MEETING:
            place = rng.choice(PLACES).format_map(facts)
            names = ", ".join(p.name for p in people)
            body = f"Réunion {place} ({minutes} min) avec {names}.\n{observation}"
        elif kind == K.EMAIL and direction == D.OUTBOUND:
            return f"Bonjour {lead.first_name},\n{observation}\n{author.first_name}"
        elif kind == K.EMAIL:
            request = rng.choice(_REQUESTS).format_map(facts)
            return f"Bonjour {author.first_name},\n{request}\n{lead.name}"
        else:
            if rng.random() < 0.5:
                return observation
            sign = (lead.stance > 0) - (lead.stance < 0)
            mood = rng.choice(_MOODS[sign])[1 if lead.female else 0]
            return f"{observation}\nSentiment : {lead.first_name} {mood}."
        if rng.random() < 0.2:
            body += f"\nÀ faire : {rng.choice(NEXT_STEPS).format_map(facts)}."
        return body


def write_timeline(world: World, loader: Loader) -> None:
    TimelineWriter(world, loader).write()
