"""Moving an opportunity on the board (stage and/or order), and undoing that move exactly.

A move is one user intent and one unit of work: the stage change, its probability, the won/lost
outcome and the stage history change together or not at all. ``restore_move`` replays a move's
inverse (undo) and, given what it returned, the move again (redo).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.db.unit_of_work import UnitOfWork
from kamdesk.models import Opportunity, Stage, StageHistory, utcnow
from kamdesk.services import records
from kamdesk.services.errors import FieldError, NotFound, StaleEdit, ValidationError
from kamdesk.services.pipeline_board import missing_meddic
from kamdesk.services.records import Edit

KIND = "opportunity"
MOVE_FIELDS = (
    "stage_id",
    "position",
    "probability",
    "status",
    "closed_at",
    "close_reason",
    "competitor",
    "stage_entered_at",
)
REASON_MAX, COMPETITOR_MAX = 2000, 120

# (history row id, left_at, tombstoned)
HistoryState = tuple[str, dt.datetime | None, bool]


@dataclass(frozen=True)
class MoveEdit(Edit):
    """A move's before/after values, plus the stage history rows it touched and their states."""

    history_before: tuple[HistoryState, ...] = ()
    history_after: tuple[HistoryState, ...] = ()


def end_position(session: Session, stage_id: str, *, exclude: str | None = None) -> float:
    """A position after the last card of a column."""
    query = select(func.max(Opportunity.position)).where(
        Opportunity.stage_id == stage_id, Opportunity.deleted_at.is_(None)
    )
    if exclude:
        query = query.where(Opportunity.id != exclude)
    last = session.scalar(query)
    return 0.0 if last is None else float(last) + 1.0


def live_stage(session: Session, stage_id: str | None, pipeline_id: str | None) -> Stage:
    """The stage, which must be live and (when ``pipeline_id`` is given) of that pipeline."""
    stage = session.get(Stage, stage_id) if stage_id else None
    if stage is None or stage.deleted_at is not None:
        raise ValidationError([FieldError("stage_id", "unknown_record", "no such stage")])
    if pipeline_id is not None and stage.pipeline_id != pipeline_id:
        raise ValidationError(
            [
                FieldError(
                    "stage_id",
                    "other_pipeline",
                    "this stage belongs to another pipeline",
                    {"pipeline_id": stage.pipeline_id},
                )
            ]
        )
    return stage


def _text(value: str | None, name: str, limit: int) -> str | None:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            [FieldError(name, "too_long", f"at most {limit} characters", {"limit": limit})]
        )
    return text or None


def _snapshot(opp: Opportunity) -> dict[str, Any]:
    return {k: getattr(opp, k) for k in MOVE_FIELDS}


def move_opportunity(
    uow: UnitOfWork,
    opportunity_id: str,
    stage_id: str,
    *,
    position: float | None = None,
    reason: str | None = None,
    competitor: str | None = None,
    expected: Mapping[str, Any] | None = None,
) -> MoveEdit:
    """Move a card to ``stage_id`` (possibly its own) and/or to ``position`` in the column.

    Entering another stage closes the open stage history row and opens one, sets
    ``stage_entered_at`` and the stage's default probability (unless set by hand). Entering a
    won or lost stage needs a ``reason`` (lost: ``competitor`` optional); back to an open stage
    reopens the opportunity (status open, closed date, reason and competitor cleared). Refusals
    (MEDDIC gate, another pipeline's stage, missing reason) raise ``ValidationError`` with
    nothing changed. Without ``position`` a card entering a column goes to its end.
    """
    session = uow.session
    opp = records.get_live(uow, Opportunity, opportunity_id, KIND)
    if expected:
        stale = [k for k, v in expected.items() if k in MOVE_FIELDS and getattr(opp, k) != v]
        if stale:
            raise StaleEdit(KIND, opportunity_id, stale)
    stage = live_stage(session, stage_id, opp.pipeline_id)
    before = _snapshot(opp)
    history_before: list[HistoryState] = []
    history_after: list[HistoryState] = []
    if stage.id != opp.stage_id:
        missing = missing_meddic(
            {k: getattr(opp, k) for k in stage.required_meddic or ()}, stage.required_meddic or ()
        )
        if missing:
            raise ValidationError(
                [
                    FieldError(
                        "stage_id",
                        "meddic_required",
                        f"{stage.name} requires these MEDDIC items: {', '.join(missing)}",
                        {"missing": missing, "stage": stage.name},
                    )
                ]
            )
        errors: list[FieldError] = []
        why = who = None
        try:
            why = _text(reason, "close_reason", REASON_MAX)
            who = _text(competitor, "competitor", COMPETITOR_MAX)
        except ValidationError as error:
            errors += error.errors
        if stage.outcome != "open" and why is None and not errors:
            errors.append(
                FieldError(
                    "close_reason",
                    "required",
                    "a reason is required to close an opportunity as "
                    + ("won" if stage.outcome == "won" else "lost"),
                    {"outcome": stage.outcome},
                )
            )
        if errors:
            raise ValidationError(errors)
        now = utcnow()
        for row in session.scalars(
            select(StageHistory).where(
                StageHistory.opportunity_id == opp.id,
                StageHistory.left_at.is_(None),
                StageHistory.deleted_at.is_(None),
            )
        ):
            history_before.append((row.id, None, False))
            row.left_at = now
            history_after.append((row.id, now, False))
        entered = StageHistory(opportunity_id=opp.id, stage_id=stage.id, entered_at=now)
        session.add(entered)
        session.flush()
        history_before.append((entered.id, None, True))
        history_after.append((entered.id, None, False))
        opp.stage_id = stage.id
        opp.stage_entered_at = now
        if not opp.probability_manual:
            opp.probability = stage.probability
        if stage.outcome == "open":
            opp.status = "open"
            opp.closed_at = opp.close_reason = opp.competitor = None
        else:
            opp.status = stage.outcome
            opp.closed_at = now
            opp.close_reason = why
            opp.competitor = who if stage.outcome == "lost" else None
        opp.position = float(position) if position is not None else end_position(session, stage.id)
    elif position is not None:
        opp.position = float(position)
    after_all = _snapshot(opp)
    changed = [k for k in MOVE_FIELDS if before[k] != after_all[k]]
    session.flush()
    return MoveEdit(
        opportunity_id,
        {k: before[k] for k in changed},
        {k: after_all[k] for k in changed},
        tuple(history_before),
        tuple(history_after),
    )


def restore_move(uow: UnitOfWork, edit: Edit) -> MoveEdit:
    """Put the opportunity back as it was before ``edit`` (a move, or what this returned).

    Stage, position, probability, status, close fields and stage history come back exactly (the
    history row the move opened is tombstoned, the one it closed reopened). Refused with
    ``StaleEdit`` if the opportunity or its history changed since. The returned edit redoes.
    """
    session = uow.session
    opp = records.get_live(uow, Opportunity, edit.record_id, KIND)
    stale = [k for k, v in edit.after.items() if getattr(opp, k) != v]
    history_before: tuple[HistoryState, ...] = getattr(edit, "history_before", ())
    history_after: tuple[HistoryState, ...] = getattr(edit, "history_after", ())
    rows: dict[str, StageHistory] = {}
    for row_id, left_at, tombstoned in history_after:
        row = session.get(StageHistory, row_id)
        if row is None:
            raise NotFound("stage history", row_id)
        rows[row_id] = row
        if row.left_at != left_at or (row.deleted_at is not None) != tombstoned:
            stale.append("stage_history")
    if stale:
        raise StaleEdit(KIND, edit.record_id, sorted(set(stale)))
    now = utcnow()
    for row_id, left_at, tombstoned in history_before:
        row = rows[row_id]
        row.left_at = left_at
        if tombstoned != (row.deleted_at is not None):
            row.deleted_at = now if tombstoned else None
    for key, value in edit.before.items():
        setattr(opp, key, value)
    session.flush()
    return MoveEdit(
        edit.record_id, dict(edit.after), dict(edit.before), history_after, history_before
    )
