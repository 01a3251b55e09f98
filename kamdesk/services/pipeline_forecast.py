"""Loading a pipeline's opportunities as plain records for the forecast arithmetic."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.models import Opportunity, Stage, StageHistory, User, utcnow
from kamdesk.reports.forecast import ForecastOpp


def forecast_input(
    session: Session, pipeline_id: str, *, today: dt.date | None = None
) -> list[ForecastOpp]:
    """Every live opportunity of the pipeline, with the days it spent in each open stage
    (the current stay counted up to ``today``). Two queries, column selects."""
    now = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC) if today is not None else utcnow()
    open_stages = set(
        session.scalars(
            select(Stage.id).where(Stage.pipeline_id == pipeline_id, Stage.outcome == "open")
        )
    )
    stage_days: dict[str, dict[str, float]] = {}
    for opp_id, stage_id, entered, left in session.execute(
        select(
            StageHistory.opportunity_id,
            StageHistory.stage_id,
            StageHistory.entered_at,
            StageHistory.left_at,
        )
        .join(Opportunity, Opportunity.id == StageHistory.opportunity_id)
        .where(
            Opportunity.pipeline_id == pipeline_id,
            Opportunity.deleted_at.is_(None),
            StageHistory.deleted_at.is_(None),
        )
    ):
        if stage_id not in open_stages:
            continue
        spent = max(0.0, ((left or now) - entered).total_seconds() / 86400)
        days = stage_days.setdefault(opp_id, {})
        days[stage_id] = days.get(stage_id, 0.0) + spent
    return [
        ForecastOpp(
            amount,
            currency,
            probability,
            status,
            expected_close,
            closed_at.astimezone().date() if closed_at else None,
            owner,
            stage_id,
            created_at.astimezone().date(),
            stage_days.get(opp_id, {}),
        )
        for (
            opp_id,
            amount,
            currency,
            probability,
            status,
            expected_close,
            closed_at,
            owner,
            stage_id,
            created_at,
        ) in session.execute(
            select(
                Opportunity.id,
                Opportunity.amount_cents,
                Opportunity.currency,
                Opportunity.probability,
                Opportunity.status,
                Opportunity.expected_close,
                Opportunity.closed_at,
                User.name,
                Opportunity.stage_id,
                Opportunity.created_at,
            )
            .outerjoin(User, User.id == Opportunity.owner_id)
            .where(Opportunity.pipeline_id == pipeline_id, Opportunity.deleted_at.is_(None))
        )
    ]
