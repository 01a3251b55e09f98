"""The stakeholder map of an account (or an opportunity's buying committee), as plain rows.

Reads only: moving a node goes through ``kamdesk.services.contacts.update_contact`` —
``update_contact(uow, id, move_values(stance, influence), author_id=…)`` keeps the stance history,
``update_contact(uow, id, {"reports_to_id": manager_id})`` refuses cycles (FieldError "cycle").

"As of" a date, stance and influence are replayed from the contacts' ``StanceChange`` history
(see ``value_as_of``); a day ends at midnight UTC.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.models import Contact, OpportunityContact, StanceChange, User
from kamdesk.services.accounts import _as_datetime
from kamdesk.services.coverage import (
    DEFAULT_COLD_DAYS,
    NO_STRENGTH,
    ContactFacts,
    CoverageWarning,
    Strength,
    contact_strengths,
    warnings_from,
)

STANCE_MIN, STANCE_MAX = -2, 2
INFLUENCE_MIN, INFLUENCE_MAX = 1, 5
HISTORY_DAYS = 365  # the slider covers at least the last 12 months


@dataclass(frozen=True)
class MapNode:
    id: str
    name: str
    job_title: str | None
    buying_role: str | None
    stance: int  # −2…+2 (as of the map's date)
    influence: int  # 1–5 (as of the map's date)
    reports_to_id: str | None  # None unless the manager is itself a node of this map
    owner: str | None  # our relationship owner's name
    has_left: bool
    email_bounced: bool
    strength: Strength


@dataclass(frozen=True)
class StakeholderMap:
    nodes: list[MapNode] = field(default_factory=list)
    warnings: list[CoverageWarning] = field(default_factory=list)
    as_of: dt.date | None = None
    opportunity_id: str | None = None


# (changed_at, stance_before, stance_after, influence_before, influence_after), oldest first
Change = tuple[dt.datetime, int | None, int, int | None, int]


def move_values(stance: float, influence: float) -> dict[str, int]:
    """The values for ``update_contact`` after a drag: rounded to the grid and clamped."""

    def snap(value: float, low: int, high: int) -> int:
        return max(low, min(high, math.floor(value + 0.5)))

    return {
        "stance": snap(stance, STANCE_MIN, STANCE_MAX),
        "influence": snap(influence, INFLUENCE_MIN, INFLUENCE_MAX),
    }


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` (UTC): changes strictly before it are "on or before"."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)


def value_as_of(
    current: tuple[int, int], changes: Sequence[Change], cutoff: dt.datetime
) -> tuple[int, int]:
    """(stance, influence) in force at ``cutoff`` from a contact's history (oldest first).

    The values after the last change before ``cutoff``; if every change is later, the first
    change's "before" values (its "after" values where "before" is unknown); with no history, the
    current values.
    """
    if not changes:
        return current
    last: Change | None = None
    for change in changes:
        if change[0] < cutoff:
            last = change
        else:
            break
    if last is not None:
        return last[2], last[4]
    first = changes[0]
    stance = first[1] if first[1] is not None else first[2]
    influence = first[3] if first[3] is not None else first[4]
    return stance, influence


def _histories(session: Session, account_id: str) -> dict[str, list[Change]]:
    histories: dict[str, list[Change]] = defaultdict(list)
    rows = session.execute(
        select(
            StanceChange.contact_id,
            StanceChange.changed_at,
            StanceChange.stance_before,
            StanceChange.stance_after,
            StanceChange.influence_before,
            StanceChange.influence_after,
        )
        .where(
            StanceChange.deleted_at.is_(None),
            StanceChange.contact_id.in_(
                select(Contact.id).where(
                    Contact.account_id == account_id, Contact.deleted_at.is_(None)
                )
            ),
        )
        .order_by(StanceChange.contact_id, StanceChange.changed_at, StanceChange.id)
    )
    for contact_id, at, stance_before, stance_after, influence_before, influence_after in rows:
        histories[contact_id].append(
            (at, stance_before, stance_after, influence_before, influence_after)
        )
    return histories


def load_map(
    session: Session,
    account_id: str,
    *,
    as_of: dt.date | None = None,
    opportunity_id: str | None = None,
    now: dt.datetime | None = None,
    cold_days: int = DEFAULT_COLD_DAYS,
) -> StakeholderMap:
    """The account's live contacts as map nodes, with their strength and the coverage warnings.

    ``as_of``: stances and influences in force at the end of that day, strengths and warnings
    computed at that moment, contacts created later left out, "left" as of that day.
    ``opportunity_id``: only that opportunity's buying committee; the warnings are the committee's.
    Nodes are ordered by influence (highest first), then name.
    """
    now = now if now is not None else dt.datetime.now(dt.UTC)
    cutoff = min(now, end_of_day(as_of)) if as_of is not None else now
    query = (
        select(
            Contact.id,
            Contact.first_name,
            Contact.last_name,
            Contact.job_title,
            Contact.buying_role,
            Contact.stance,
            Contact.influence,
            Contact.reports_to_id,
            User.name,
            Contact.left_at,
            Contact.email_bounced,
        )
        .outerjoin(User, (User.id == Contact.relationship_owner_id) & User.deleted_at.is_(None))
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None))
    )
    if opportunity_id is not None:
        query = query.where(
            Contact.id.in_(
                select(OpportunityContact.contact_id).where(
                    OpportunityContact.opportunity_id == opportunity_id,
                    OpportunityContact.deleted_at.is_(None),
                )
            )
        )
    if as_of is not None:
        query = query.where(Contact.created_at < cutoff)
    rows = session.execute(query).all()
    histories = _histories(session, account_id) if as_of is not None else {}
    strengths = contact_strengths(session, account_id, cutoff)
    ids = {row[0] for row in rows}

    nodes: list[MapNode] = []
    for id_, first, last, title, role, stance, influence, manager, owner, left_at, bounced in rows:
        if as_of is not None:
            stance, influence = value_as_of((stance, influence), histories.get(id_, ()), cutoff)
            has_left = left_at is not None and left_at <= as_of
        else:
            has_left = left_at is not None
        nodes.append(
            MapNode(
                id=id_,
                name=f"{first} {last}".strip(),
                job_title=title,
                buying_role=role,
                stance=stance,
                influence=influence,
                reports_to_id=manager if manager in ids and manager != id_ else None,
                owner=owner,
                has_left=has_left,
                email_bounced=bool(bounced),
                strength=strengths.get(id_, NO_STRENGTH),
            )
        )
    nodes.sort(key=lambda n: (-n.influence, n.name.casefold(), n.id))
    facts = [
        ContactFacts(
            n.id, n.name, n.buying_role, n.stance, n.influence, n.has_left, n.email_bounced
        )
        for n in nodes
    ]
    return StakeholderMap(
        nodes=nodes,
        warnings=warnings_from(facts, strengths, cutoff, cold_days),
        as_of=as_of,
        opportunity_id=opportunity_id,
    )


def history_range(
    session: Session, account_id: str, *, today: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """(first day, last day) for the "as of" slider: from the earliest stance change of the
    account's live contacts or 12 months ago, whichever is earlier, to today."""
    today = today or dt.date.today()
    earliest = _as_datetime(
        session.scalar(
            select(func.min(StanceChange.changed_at)).where(
                StanceChange.deleted_at.is_(None),
                StanceChange.contact_id.in_(
                    select(Contact.id).where(
                        Contact.account_id == account_id, Contact.deleted_at.is_(None)
                    )
                ),
            )
        )
    )
    start = today - dt.timedelta(days=HISTORY_DAYS)
    if earliest is not None:
        start = min(start, earliest.date())
    return start, today
