"""The Kanban board of a pipeline, read as plain rows: stages, cards, column totals.

Pure helpers (``next_stage``, ``meddic_score``, ``position_between``) serve the board's keyboard
moves and drops without a database round trip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from kamdesk.models import (
    MEDDIC_ITEMS,
    Account,
    Opportunity,
    OpportunityLine,
    Pipeline,
    Stage,
    User,
)
from kamdesk.services.errors import NotFound
from kamdesk.services.hierarchy import descendant_ids

CLOSED_VISIBLE_DAYS = 90  # won/lost columns show what closed in the last 90 days
DEFAULT_RATES: dict[str, float] = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17, "CHF": 1.04}


@dataclass(frozen=True)
class StageInfo:
    id: str
    pipeline_id: str
    name: str
    position: int
    probability: int
    rotting_days: int | None
    outcome: str  # open / won / lost
    required_meddic: tuple[str, ...]

    @property
    def is_open(self) -> bool:
        return self.outcome == "open"


@dataclass(frozen=True)
class PipelineInfo:
    id: str
    name: str
    position: int
    stages: tuple[StageInfo, ...]

    def stage(self, stage_id: str) -> StageInfo | None:
        return next((s for s in self.stages if s.id == stage_id), None)


@dataclass(frozen=True)
class BoardFilters:
    owner_id: str | None = None
    account_id: str | None = None  # this account and all its subsidiaries
    close_from: dt.date | None = None  # expected close, inclusive
    close_to: dt.date | None = None  # expected close, inclusive
    product_id: str | None = None  # opportunities with a line of this product


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    account_id: str
    account: str
    amount_cents: int
    currency: str
    probability: int
    weighted_cents: int  # in the card's own currency
    expected_close: dt.date | None
    owner: str | None
    owner_id: str | None
    stage_id: str
    position: float
    status: str
    meddic_score: int  # MEDDIC items filled, 0–6
    rotting: bool
    days_in_stage: int | None
    next_step: str | None


@dataclass(frozen=True)
class Board:
    pipeline: PipelineInfo
    cards_by_stage: dict[str, list[Card]] = field(default_factory=dict)  # ordered by position
    # stage id → (count, amount, weighted amount); amounts in EUR (other currencies converted)
    totals: dict[str, tuple[int, int, int]] = field(default_factory=dict)


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def meddic_score(values: Mapping[str, Any]) -> int:
    """How many of the six MEDDIC items are filled (blank text counts as empty)."""
    return sum(1 for item in MEDDIC_ITEMS if _filled(values.get(item)))


def missing_meddic(values: Mapping[str, Any], required: Iterable[str]) -> list[str]:
    return [item for item in required if not _filled(values.get(item))]


def weighted(amount_cents: int, probability: int) -> int:
    """amount × probability / 100, rounded half up to the cent."""
    return (amount_cents * probability + 50) // 100


def position_between(before: float | None, after: float | None) -> float:
    """A card position between two neighbours (``None``: no neighbour on that side)."""
    if before is None and after is None:
        return 0.0
    if before is None:
        return float(after) - 1.0  # type: ignore[arg-type]
    if after is None:
        return float(before) + 1.0
    return (before + after) / 2.0


def _stage_info(s: Stage) -> StageInfo:
    return StageInfo(
        s.id,
        s.pipeline_id,
        s.name,
        s.position,
        s.probability,
        s.rotting_days,
        s.outcome,
        tuple(s.required_meddic or ()),
    )


def list_pipelines(session: Session) -> list[PipelineInfo]:
    """Live pipelines by position, each with its live stages by position."""
    stages: dict[str, list[StageInfo]] = {}
    for s in session.scalars(
        select(Stage).where(Stage.deleted_at.is_(None)).order_by(Stage.position, Stage.name)
    ):
        stages.setdefault(s.pipeline_id, []).append(_stage_info(s))
    return [
        PipelineInfo(p_id, name, position, tuple(stages.get(p_id, ())))
        for p_id, name, position in session.execute(
            select(Pipeline.id, Pipeline.name, Pipeline.position)
            .where(Pipeline.deleted_at.is_(None))
            .order_by(Pipeline.position, Pipeline.name)
        )
    ]


def pipeline_info(session: Session, pipeline_id: str) -> PipelineInfo:
    found = next((p for p in list_pipelines(session) if p.id == pipeline_id), None)
    if found is None:
        raise NotFound("pipeline", pipeline_id)
    return found


def next_stage(pipeline: PipelineInfo, stage_id: str, step: int) -> StageInfo | None:
    """The stage ``step`` columns right (positive) or left of ``stage_id``; None past an end."""
    ids = [s.id for s in pipeline.stages]
    if stage_id not in ids:
        return None
    index = ids.index(stage_id) + step
    return pipeline.stages[index] if 0 <= index < len(ids) else None


def load_board(
    session: Session,
    pipeline_id: str,
    filters: BoardFilters = BoardFilters(),  # noqa: B008 (frozen, shared safely)
    *,
    today: dt.date | None = None,
    rates: Mapping[str, float] = DEFAULT_RATES,
) -> Board:
    """The cards of every column of a pipeline, in order, with each column's totals.

    Open opportunities are all shown; the won and lost columns show only opportunities closed
    in the last 90 days (``CLOSED_VISIBLE_DAYS``). Column totals are in EUR, other currencies
    converted with ``rates`` (a currency without a rate counts at face value). One query with
    column selects: no ORM entities, no query per card.
    """
    today = today or dt.date.today()
    pipeline = pipeline_info(session, pipeline_id)
    since = dt.datetime.combine(
        today - dt.timedelta(days=CLOSED_VISIBLE_DAYS), dt.time(), tzinfo=dt.UTC
    )
    o = Opportunity
    filled = [
        case((func.coalesce(func.trim(getattr(o, item)), "") != "", 1), else_=0)
        for item in MEDDIC_ITEMS
    ]
    meddic = sum(filled[1:], filled[0]).cast(Integer)
    where = [
        o.pipeline_id == pipeline_id,
        o.deleted_at.is_(None),
        or_(o.status == "open", o.closed_at >= since),
    ]
    if filters.owner_id:
        where.append(o.owner_id == filters.owner_id)
    if filters.account_id:
        where.append(
            o.account_id.in_([filters.account_id, *descendant_ids(session, filters.account_id)])
        )
    if filters.close_from:
        where.append(o.expected_close >= filters.close_from)
    if filters.close_to:
        where.append(o.expected_close <= filters.close_to)
    if filters.product_id:
        line = OpportunityLine
        where.append(
            exists().where(
                and_(
                    line.opportunity_id == o.id,
                    line.product_id == filters.product_id,
                    line.deleted_at.is_(None),
                )
            )
        )
    # Core execution on the session's connection: plain rows, without the ORM's row loading.
    rows = (
        session.connection()
        .execute(
            select(
                o.id,
                o.title,
                o.account_id,
                Account.name,
                o.amount_cents,
                o.currency,
                o.probability,
                o.expected_close,
                User.name,
                o.owner_id,
                o.stage_id,
                o.position,
                o.status,
                meddic,
                o.stage_entered_at,
                o.next_step,
                o.next_step_date,
            )
            .join(Account, Account.id == o.account_id)
            .outerjoin(User, User.id == o.owner_id)
            .where(*where)
            .order_by(o.position, o.id)
        )
        .all()
    )

    stages = {s.id: s for s in pipeline.stages}
    columns: dict[str, list[Card]] = {s.id: [] for s in pipeline.stages}
    counts = dict.fromkeys(columns, 0)
    amounts = dict.fromkeys(columns, 0.0)
    weights = dict.fromkeys(columns, 0.0)
    # Local dates with today's UTC offset: astimezone() per card costs more than the rest of a
    # card; a stage entered within an hour of midnight across a DST change may be a day off.
    offset = dt.datetime.combine(today, dt.time(12)).astimezone().utcoffset() or dt.timedelta()
    for (
        opp_id,
        title,
        account_id,
        account,
        amount,
        currency,
        probability,
        expected_close,
        owner,
        owner_id,
        stage_id,
        position,
        status,
        score,
        entered,
        next_step,
        next_step_date,
    ) in rows:
        stage = stages.get(stage_id)
        if stage is None:  # a stage deleted under its cards: not shown rather than crash
            continue
        days = None if entered is None else (today - (entered + offset).date()).days
        rot = stage.rotting_days
        rotting = (
            rot is not None
            and days is not None
            and stage.outcome == "open"
            and days > rot
            and (next_step_date is None or next_step_date < today)
        )
        weight = (amount * probability + 50) // 100
        columns[stage_id].append(
            Card(
                opp_id,
                title,
                account_id,
                account,
                amount,
                currency,
                probability,
                weight,
                expected_close,
                owner,
                owner_id,
                stage_id,
                position,
                status,
                score,
                rotting,
                days,
                next_step,
            )
        )
        rate = rates.get(currency, 1.0)
        counts[stage_id] += 1
        amounts[stage_id] += amount * rate
        weights[stage_id] += amount * rate * probability / 100
    totals = {s: (counts[s], int(amounts[s] + 0.5), int(weights[s] + 0.5)) for s in columns}
    return Board(pipeline, columns, totals)
