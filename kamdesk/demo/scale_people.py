"""Contacts at scale: one org chart per account (a tree under the CEO), roles, stance history.

Every contact reports to someone added before them in the same account, so the ``reports_to``
graph is a forest by construction (no cycle) and rows can be inserted in order. Full names may
repeat across 40 000 contacts (the name lists hold some 14 000 pairs); e-mail addresses stay
unique within an account (``jean.martin2@…``).
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any

from kamdesk.demo.names import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, landline, mobile
from kamdesk.demo.names import slug as name_slug
from kamdesk.demo.portfolio import OPERATIONS_TITLES
from kamdesk.demo.scale_shape import allocate, follow
from kamdesk.demo.scale_time import DAY, iso
from kamdesk.demo.scale_world import Customer, Person, World
from kamdesk.demo.stakeholders import POSTS
from kamdesk.models.enums import BuyingRole, Tier

_DIRECTORS = ("ops", "daf", "dsi", "achats", "rse")
# Posts below the directors and how common each is in a large organisation.
_STAFF = {
    "site": 5, "technicien": 6, "maintenance": 3, "chef_projet": 3, "acheteur": 3, "methodes": 3,
    "qualite": 2, "energie": 2, "cdg": 2, "rssi": 1, "assistant": 1, "juriste": 1,
}  # fmt: skip
_PER_SITE = frozenset({"site", "maintenance", "qualite", "energie", "technicien", "methodes"})
_STANCES = (-2, -1, -1, 0, 0, 0, 0, 1, 1, 1, 2, 2)
_PERSONAL_INTERESTS = ("Voile", "Rugby", "Trail", "Œnologie", "Golf", "Photographie", "Cyclisme")


def plan_contact_counts(world: World) -> list[int]:
    rng = world.rng("contact-counts")
    weights = follow(rng, [c.weight for c in world.customers], 0.6, 0.25)
    floor = min(3, world.scale.contacts // max(len(world.customers), 1))
    return allocate(world.scale.contacts, weights, floor=floor)


def _posts(rng: random.Random, count: int) -> list[str]:
    """Post keys in tree order: the CEO, directors, then staff under posts already present."""
    directors = min(max(1, round(count * 0.3)), len(_DIRECTORS), count - 1)
    keys = ["dg", *_DIRECTORS[: max(directors, 0)]][:count]
    present = set(keys)
    staff = list(_STAFF)
    while len(keys) < count:
        open_ = [k for k in staff if POSTS[k].reports_to in present]
        key = rng.choices(open_, [_STAFF[k] for k in open_])[0]
        keys.append(key)
        present.add(key)
    return keys


def contact_rows(world: World) -> Iterator[dict[str, Any]]:
    """Contacts of every account, root first; fills ``customer.contacts`` and ``met``."""
    rng = world.rng("contacts")
    for customer, count in zip(world.customers, plan_contact_counts(world), strict=True):
        yield from _account_contacts(world, rng, customer, count)


def _account_contacts(
    world: World, rng: random.Random, customer: Customer, count: int
) -> Iterator[dict[str, Any]]:
    by_post: dict[str, list[Person]] = {}
    emails: dict[str, int] = {}
    buyer_taken = False
    hq_site = customer.sites[0][0]
    rows: list[dict[str, Any]] = []
    for index, key in enumerate(_posts(rng, count)):
        post = POSTS[key]
        female = rng.random() < (0.35 if key == "dg" else 0.5)
        first = rng.choice(FEMALE_FIRST_NAMES if female else MALE_FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        if key == "ops":
            title = OPERATIONS_TITLES[customer.sector][1 if female else 0]
        else:
            title = post.title_f if female else post.title_m
        site_id = hq_site
        if key in _PER_SITE and len(customer.sites) > 1:
            site_id, city = rng.choice(customer.sites[1:])
            title = f"{title} — {city}"
        elif post.reports_to not in (None, "dg") and rng.random() < 0.4:
            site_id = rng.choice(customer.sites)[0]
        role = rng.choice(post.roles)
        if role == BuyingRole.ECONOMIC_BUYER:
            role = BuyingRole.INFLUENCER if buyer_taken else role
            buyer_taken = True
        stance = rng.choice(_STANCES)
        if role == BuyingRole.OPPONENT:
            stance = rng.choice((-2, -1))
        if index == 0:
            created = customer.created + 3600  # keyed in with the account
        elif rng.random() < 0.8:
            day = (customer.created + rng.randrange(1, 30) * DAY) // DAY
            created = world.calendar.office_time(rng, day)
        else:  # met later on
            latest = max(world.now - 20 * DAY, customer.created + 31 * DAY)
            created = world.calendar.moment(rng, customer.created + 30 * DAY, latest)
        managers = by_post.get(post.reports_to or "", [])
        manager = rng.choice(managers) if managers else None
        local = f"{name_slug(first)}.{name_slug(last)}"
        emails[local] = emails.get(local, 0) + 1
        if emails[local] > 1:
            local += str(emails[local])
        person = Person(
            id=world.new_id(created), name=f"{first} {last}", first_name=first,
            department=post.department, female=female,
            buying_role=str(role) if role else None, influence=rng.randint(*post.influence),
            stance=stance, created=created,
        )  # fmt: skip
        if manager is not None:
            manager.reports += 1
        interests = rng.sample(post.interests, k=min(len(post.interests), rng.randint(1, 2)))
        if rng.random() < 0.3:
            interests.append(rng.choice(_PERSONAL_INTERESTS))
        by_post.setdefault(key, []).append(person)
        customer.contacts.append(person)
        rows.append(
            {
                "id": person.id,
                "created_at": iso(created),
                "updated_at": iso(created),
                "account_id": customer.id,
                "site_id": site_id,
                "civility": "Mme" if female else "M.",
                "first_name": first,
                "last_name": last,
                "job_title": title,
                "department": post.department,
                "email": f"{local}@{customer.domain}",
                "phone": landline(rng, customer.hq),
                "mobile": mobile(rng) if rng.random() < 0.7 else None,
                "reports_to_id": manager.id if manager else None,
                "buying_role": person.buying_role,
                "influence": person.influence,
                "stance": stance,
                "interests": ", ".join(interests),
                "relationship_owner_id": (
                    customer.team[-1].id
                    if index == 0 and customer.tier == Tier.LARGE_ACCOUNT
                    else customer.owner.id
                ),
                "consent": "consent" if rng.random() < 0.2 else "legitimate_interest",
                "custom_fields": json.dumps(
                    {"langue_preferee": "Anglais" if rng.random() < 0.08 else "Français"}
                ),
            }
        )
    _finish(world, rng, customer, rows)
    yield from rows


def _finish(
    world: World, rng: random.Random, customer: Customer, rows: list[dict[str, Any]]
) -> None:
    """Somebody supports us in every account; a few leaves of the tree left; a few bounce."""
    people = customer.contacts
    if max(p.stance for p in people) < 1:
        pool = [i for i, p in enumerate(people) if p.buying_role != BuyingRole.OPPONENT] or [0]
        chosen = rng.choice(pool)
        people[chosen].stance = rows[chosen]["stance"] = 1 if customer.tier == Tier.STANDARD else 2
    a_year_ago = world.now - 365 * DAY
    for person, row in zip(people[1:], rows[1:], strict=True):
        if person.reports == 0 and person.created < a_year_ago and rng.random() < 0.04:
            earliest = person.created + 180 * DAY
            day = rng.randrange(earliest // DAY, (world.now - 20 * DAY) // DAY)
            person.left = day * DAY
            row["left_at"] = iso(person.left)[:10]
        elif rng.random() < 0.01:
            row["email_bounced"] = True
    for person in people:
        customer.met.extend([person] * (person.influence + 1))


def stance_rows(world: World) -> Iterator[dict[str, Any]]:
    """A quarter of the contacts changed stance in the last year; the last change ends at today's
    values."""
    rng = world.rng("stances")
    year_ago = world.now - 365 * DAY
    for customer in world.customers:
        for person in customer.contacts:
            if person.left is not None or rng.random() >= 0.25:
                continue
            earliest = max(person.created, year_ago)
            span_days = (world.now - earliest) // DAY
            if span_days < 10:
                continue
            days = sorted(rng.sample(range(1, span_days), rng.randint(1, 2)))
            moments = [world.calendar.office_time(rng, (earliest + d * DAY) // DAY) for d in days]
            stance, influence = person.stance, person.influence
            steps = []
            for moment in reversed(moments):
                before = stance + rng.choice([d for d in (-1, 1) if -2 <= stance + d <= 2])
                influence_before = influence
                if rng.random() < 0.3:
                    influence_before += rng.choice([d for d in (-1, 1) if 1 <= influence + d <= 5])
                steps.append((moment, before, stance, influence_before, influence))
                stance, influence = before, influence_before
            for moment, s_before, s_after, i_before, i_after in reversed(steps):
                yield world.stamp(moment) | {
                    "contact_id": person.id,
                    "changed_at": iso(moment),
                    "author_id": customer.owner.id,
                    "stance_before": s_before,
                    "stance_after": s_after,
                    "influence_before": i_before,
                    "influence_after": i_after,
                }
