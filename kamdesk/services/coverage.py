"""Coverage: how well each contact of an account is covered, and what is missing.

Relationship strength
---------------------
Computed from the calls, meetings and emails linked to a contact (both directions), counting only
those that already happened (``occurred_at <= now``) in the last ``WINDOW_DAYS`` (365) days:

* every interaction weighs ``KIND_WEIGHTS[kind]`` points (meeting 3, call 2, email 1), multiplied by
  an exponential recency decay ``0.5 ** (age_days / HALF_LIFE_DAYS)`` (half-life 60 days: a meeting
  two months ago counts half of a meeting today);
* the points are added up; if the contact both wrote/called to us (inbound) and was contacted by us
  (outbound) in the last 365 days, the sum is multiplied by ``TWO_WAY_BONUS`` (1.25), because a
  two-way exchange is a relationship and a one-way one is not (yet);
* the sum ``p`` becomes a score out of 100 that saturates:
  ``score = 100 * (1 - exp(-p / SATURATION_POINTS))`` (``SATURATION_POINTS`` = 6);
* the level is ``strong`` from ``STRONG_MIN`` (60), ``medium`` from ``MEDIUM_MIN`` (30), ``weak``
  above zero and ``none`` without any interaction in the window.

Examples: one meeting today scores 39 (medium); a monthly meeting for a year with replies both ways
scores about 88 (strong); a single email three months ago scores about 6 (weak).

Each interaction's contribution (``contributions``) is its share of the score, so the evidence
rows shown behind a score add up to it.

Warnings
--------
``warnings_from`` holds the account-level rules (single-threaded, no economic buyer, no champion,
champion or decision maker gone cold, key contact whose email bounced or who left); it is pure, and
``account_warnings`` feeds it from the database. Messages are English; the UI translates by
``code`` and ``params``.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import Contact, Interaction, InteractionContact
from kamdesk.services.accounts import _as_datetime, contact_filter

# --- the formula's constants (shown in the tooltip) ---------------------------------------------
KIND_WEIGHTS: Mapping[str, float] = {"meeting": 3.0, "call": 2.0, "email": 1.0}
HALF_LIFE_DAYS = 60.0
WINDOW_DAYS = 365
TWO_WAY_BONUS = 1.25
SATURATION_POINTS = 6.0
STRONG_MIN = 60.0
MEDIUM_MIN = 30.0
LEVELS = ("strong", "medium", "weak", "none")

FORMULA_TEXT = (
    "Relationship strength counts the calls, meetings and emails with this contact over the last "
    f"{WINDOW_DAYS} days: a meeting is worth {KIND_WEIGHTS['meeting']:g} points, a call "
    f"{KIND_WEIGHTS['call']:g} and an email {KIND_WEIGHTS['email']:g}; each interaction's points "
    f"halve every {HALF_LIFE_DAYS:g} days; the total is multiplied by {TWO_WAY_BONUS:g} when the "
    "exchange goes both ways (inbound and outbound); the score is "
    f"100 × (1 − e^(−points / {SATURATION_POINTS:g})). Strong from {STRONG_MIN:g}, medium from "
    f"{MEDIUM_MIN:g}, weak above 0."
)

DEFAULT_COLD_DAYS = 60
KEY_ROLES = frozenset({"economic_buyer", "decision_maker"})
KEY_INFLUENCE_MIN = 4
CHAMPION = 2

Event = tuple[dt.datetime, str, str | None]  # occurred_at, kind, direction


@dataclass(frozen=True)
class Strength:
    score: float  # 0–100
    level: str  # strong / medium / weak / none
    interactions_90d: int
    interactions_365d: int
    inbound_365d: int
    outbound_365d: int
    last_at: dt.datetime | None
    days_since_last: int | None


NO_STRENGTH = Strength(0.0, "none", 0, 0, 0, 0, None, None)


@dataclass(frozen=True)
class EvidenceRow:
    """One interaction behind a contact's score."""

    interaction_id: str
    occurred_at: dt.datetime
    kind: str
    direction: str | None
    subject: str
    weight: float  # KIND_WEIGHTS[kind]
    decay: float  # 0.5 ** (age / half-life); 0 outside the window
    points: float  # share of the score (the rows of the window add up to the score)


@dataclass(frozen=True)
class ContactFacts:
    """What the warning rules need to know about one contact."""

    id: str
    name: str
    buying_role: str | None
    stance: int
    influence: int
    left: bool
    email_bounced: bool


@dataclass(frozen=True)
class CoverageWarning:
    code: str  # single_threaded / no_economic_buyer / no_champion / gone_cold / …
    message: str  # English; the UI translates by code and params
    params: dict[str, Any] = field(default_factory=dict)
    contact_ids: tuple[str, ...] = ()


WARNING_CODES = (
    "single_threaded",
    "no_economic_buyer",
    "no_champion",
    "gone_cold",
    "email_bounced",
    "key_contact_left",
)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


def level_for(score: float) -> str:
    if score >= STRONG_MIN:
        return "strong"
    if score >= MEDIUM_MIN:
        return "medium"
    if score > 0:
        return "weak"
    return "none"


def _age_days(occurred_at: dt.datetime, now: dt.datetime) -> float:
    return (now - occurred_at).total_seconds() / 86400.0


def _decay(age_days: float) -> float:
    if age_days < 0 or age_days > WINDOW_DAYS:
        return 0.0
    return float(0.5 ** (age_days / HALF_LIFE_DAYS))


def _raw_points(events: Sequence[Event], now: dt.datetime) -> tuple[list[float], float]:
    """Each event's weighted, decayed points (bonus included) and their total."""
    parts = [KIND_WEIGHTS.get(kind, 0.0) * _decay(_age_days(at, now)) for at, kind, _ in events]
    two_way = _is_two_way(events, now)
    if two_way:
        parts = [p * TWO_WAY_BONUS for p in parts]
    return parts, sum(parts)


def _is_two_way(events: Sequence[Event], now: dt.datetime) -> bool:
    directions = {
        direction
        for at, kind, direction in events
        if kind in KIND_WEIGHTS and 0 <= _age_days(at, now) <= WINDOW_DAYS
    }
    return "in" in directions and "out" in directions


def _score(points: float) -> float:
    return 100.0 * (1.0 - math.exp(-points / SATURATION_POINTS)) if points > 0 else 0.0


def strength(events: Sequence[Event], now: dt.datetime) -> Strength:
    """The relationship strength from (occurred_at, kind, direction) events; see the module doc.

    Events in the future (after ``now``) and kinds other than call / meeting / email are ignored.
    """
    _, points = _raw_points(events, now)
    score = min(100.0, max(0.0, _score(points)))
    n90 = n365 = inbound = outbound = 0
    last: dt.datetime | None = None
    for at, kind, direction in events:
        if kind not in KIND_WEIGHTS:
            continue
        age = _age_days(at, now)
        if age < 0:
            continue
        if last is None or at > last:
            last = at
        if age <= WINDOW_DAYS:
            n365 += 1
            n90 += age <= 90
            inbound += direction == "in"
            outbound += direction == "out"
    return Strength(
        score=round(score, 1),
        level=level_for(score),
        interactions_90d=n90,
        interactions_365d=n365,
        inbound_365d=inbound,
        outbound_365d=outbound,
        last_at=last,
        days_since_last=(now - last).days if last is not None else None,
    )


def contributions(events: Sequence[Event], now: dt.datetime) -> list[float]:
    """Each event's share of the score (same order as ``events``); they add up to the score."""
    parts, points = _raw_points(events, now)
    if points <= 0:
        return [0.0 for _ in events]
    score = _score(points)
    return [score * p / points for p in parts]


def _contact_events_query(now: dt.datetime) -> Any:
    return (
        select(
            InteractionContact.contact_id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.direction,
        )
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .where(InteractionContact.deleted_at.is_(None), *contact_filter(now))
    )


def contact_strengths(
    session: Session, account_id: str, now: dt.datetime | None = None
) -> dict[str, Strength]:
    """Strength of every live contact of the account (``NO_STRENGTH`` for the never-contacted).

    Two set-based reads, whatever the number of contacts: the window's events of all contacts, and
    the last contact date of each (which may be older than the window).
    """
    now = _now(now)
    since = now - dt.timedelta(days=WINDOW_DAYS)
    events: dict[str, list[Event]] = defaultdict(list)
    for contact_id, at, kind, direction in session.execute(
        _contact_events_query(now).where(
            Interaction.account_id == account_id, Interaction.occurred_at >= since
        )
    ):
        events[contact_id].append((at, kind, direction))
    last_by_contact = dict(
        session.execute(
            select(InteractionContact.contact_id, func.max(Interaction.occurred_at))
            .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
            .where(
                Interaction.account_id == account_id,
                InteractionContact.deleted_at.is_(None),
                *contact_filter(now),
            )
            .group_by(InteractionContact.contact_id)
        ).all()
    )
    contact_ids = session.scalars(
        select(Contact.id).where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
    )
    result: dict[str, Strength] = {}
    for contact_id in contact_ids:
        found = strength(events.get(contact_id, ()), now)
        last = _as_datetime(last_by_contact.get(contact_id))
        if found.last_at is None and last is not None:
            found = Strength(
                found.score,
                found.level,
                found.interactions_90d,
                found.interactions_365d,
                found.inbound_365d,
                found.outbound_365d,
                last,
                (now - last).days,
            )
        result[contact_id] = found
    return result


def strength_evidence(
    session: Session, contact_id: str, now: dt.datetime | None = None, limit: int = 50
) -> list[EvidenceRow]:
    """The calls, meetings and emails behind a contact's score, newest first, with their points.

    Every row inside the window is listed, so the points add up to the score; ``limit`` only
    caps the older rows, listed with 0 points for context.
    """
    now = _now(now)
    rows = session.execute(
        select(
            Interaction.id,
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.direction,
            Interaction.subject,
        )
        .join(InteractionContact, InteractionContact.interaction_id == Interaction.id)
        .where(
            InteractionContact.contact_id == contact_id,
            InteractionContact.deleted_at.is_(None),
            *contact_filter(now),
        )
        .order_by(Interaction.occurred_at.desc(), Interaction.id)
    ).all()
    # The score needs every event of the window, even beyond ``limit``.
    events: list[Event] = [(at, kind, direction) for _, at, kind, direction, _ in rows]
    points = contributions(events, now)
    return [
        EvidenceRow(
            interaction_id=id_,
            occurred_at=at,
            kind=kind,
            direction=direction,
            subject=subject,
            weight=KIND_WEIGHTS.get(kind, 0.0),
            decay=_decay(_age_days(at, now)),
            points=round(p, 2),
        )
        for index, ((id_, at, kind, direction, subject), p) in enumerate(
            zip(rows, points, strict=True)
        )
        if p > 0 or index < limit
    ]


# --- warnings -------------------------------------------------------------------------------


def is_key_contact(facts: ContactFacts) -> bool:
    """Economic buyer, decision maker, champion (stance +2) or influence 4–5."""
    return (
        facts.buying_role in KEY_ROLES
        or facts.stance == CHAMPION
        or facts.influence >= KEY_INFLUENCE_MIN
    )


def warnings_from(
    contacts: Sequence[ContactFacts],
    strengths: Mapping[str, Strength],
    now: dt.datetime,
    cold_days: int = DEFAULT_COLD_DAYS,
) -> list[CoverageWarning]:
    """The account-level coverage warnings, in a fixed order (account-wide first, then per contact).

    Contacts who left are not "current": they count for no rule but ``key_contact_left``.
    ``gone_cold`` has ``params["days"]`` None when the contact was never contacted.
    """
    current = [c for c in contacts if not c.left]
    found: list[CoverageWarning] = []
    strong = [c for c in current if strengths.get(c.id, NO_STRENGTH).level == "strong"]
    if len(strong) <= 1:
        found.append(
            CoverageWarning(
                "single_threaded",
                "Single-threaded: "
                + (
                    f"only {strong[0].name} has a strong relationship with us"
                    if strong
                    else "no contact has a strong relationship with us"
                ),
                {"strong": len(strong), "name": strong[0].name if strong else None},
                tuple(c.id for c in strong),
            )
        )
    if not any(c.buying_role == "economic_buyer" for c in current):
        found.append(CoverageWarning("no_economic_buyer", "No economic buyer identified"))
    if not any(c.stance == CHAMPION for c in current):
        found.append(CoverageWarning("no_champion", "No champion"))
    for c in current:
        if c.stance != CHAMPION and c.buying_role not in KEY_ROLES:
            continue
        last = strengths.get(c.id, NO_STRENGTH).last_at
        days = (now - last).days if last is not None else None
        if days is None or days > cold_days:
            what = f"no interaction for {days} days" if days is not None else "never contacted"
            found.append(
                CoverageWarning(
                    "gone_cold",
                    f"{c.name} has gone cold: {what}",
                    {"name": c.name, "days": days, "cold_days": cold_days},
                    (c.id,),
                )
            )
    for c in current:
        if c.email_bounced and is_key_contact(c):
            found.append(
                CoverageWarning(
                    "email_bounced",
                    f"The email address of {c.name} bounced",
                    {"name": c.name},
                    (c.id,),
                )
            )
    for c in contacts:
        if c.left and is_key_contact(c):
            found.append(
                CoverageWarning(
                    "key_contact_left",
                    f"{c.name} has left the company",
                    {"name": c.name},
                    (c.id,),
                )
            )
    return found


def contact_facts(session: Session, account_id: str) -> list[ContactFacts]:
    """The live contacts of an account as the warning rules see them (one column read)."""
    rows = session.execute(
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.buying_role,
            Contact.stance,
            Contact.influence,
            Contact.left_at,
            Contact.email_bounced,
        )
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.last_name, Contact.first_name, Contact.id)
    )
    return [
        ContactFacts(
            id=id_,
            name=f"{first} {last}".strip(),
            buying_role=role,
            stance=stance,
            influence=influence,
            left=left_at is not None,
            email_bounced=bool(bounced),
        )
        for id_, first, last, role, stance, influence, left_at, bounced in rows
    ]


def account_warnings(
    session: Session,
    account_id: str,
    now: dt.datetime | None = None,
    cold_days: int = DEFAULT_COLD_DAYS,
) -> list[CoverageWarning]:
    """The coverage warnings of an account today (for the map and the 360° header)."""
    now = _now(now)
    return warnings_from(
        contact_facts(session, account_id),
        contact_strengths(session, account_id, now),
        now,
        cold_days,
    )
