"""The pipeline dashboard's figures as plain rows, computed on the worker thread (no Qt here).

``load_dashboard(session, pipeline_id)`` reads the pipelines and the forecast input once, runs the
pure forecast functions of ``kamdesk.reports.forecast`` and returns a ``DashboardData`` the GUI
thread only has to draw. All amounts are in EUR cents (converted with ``DEFAULT_RATES``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

REPORT_CURRENCY = "EUR"
FORECAST_MONTHS = 12


@dataclass(frozen=True)
class PipelineChoice:
    id: str
    name: str


@dataclass(frozen=True)
class StageRow:
    stage_id: str
    name: str
    open_cents: int
    weighted_cents: int
    win_rate: float | None  # fraction 0–1 of the deals that reached the stage and were won
    cycle_days: float | None  # average days spent in the stage


@dataclass(frozen=True)
class PeriodRow:
    start: dt.date
    weighted_cents: int
    won_cents: int
    won_year_before_cents: int  # won in the same period one year earlier


@dataclass(frozen=True)
class OwnerRow:
    owner: str | None  # None: opportunities nobody owns
    open_count: int
    open_cents: int
    weighted_cents: int
    won_cents: int  # won over the last 12 months
    won_count: int
    lost_count: int

    @property
    def win_rate(self) -> float | None:  # over the last 12 months
        closed = self.won_count + self.lost_count
        return self.won_count / closed if closed else None


@dataclass(frozen=True)
class DashboardData:
    pipelines: tuple[PipelineChoice, ...]
    pipeline_id: str | None
    stages: tuple[StageRow, ...]
    months: tuple[PeriodRow, ...]
    quarters: tuple[PeriodRow, ...]
    owners: tuple[OwnerRow, ...]
    today: dt.date
    won_last_year_cents: int = 0  # won over the 365 days up to today
    currency: str = REPORT_CURRENCY

    @property
    def open_count(self) -> int:
        return sum(o.open_count for o in self.owners)

    @property
    def win_rate_last_year(self) -> float | None:
        """Won ÷ closed (won or lost) over the last 12 months, by count."""
        won = sum(o.won_count for o in self.owners)
        closed = won + sum(o.lost_count for o in self.owners)
        return won / closed if closed else None

    def periods(self, granularity: str) -> tuple[PeriodRow, ...]:
        return self.quarters if granularity == "quarter" else self.months


def load_dashboard(
    session: Any, pipeline_id: str | None, *, today: dt.date | None = None
) -> DashboardData:
    """Everything the dashboard shows for ``pipeline_id`` (the first pipeline when None/unknown)."""
    from kamdesk.reports import forecast
    from kamdesk.services.pipeline import DEFAULT_RATES, forecast_input, list_pipelines

    today = today or dt.date.today()
    pipelines = list_pipelines(session)
    choices = tuple(PipelineChoice(p.id, p.name) for p in pipelines)
    chosen = next(
        (p for p in pipelines if p.id == pipeline_id), pipelines[0] if pipelines else None
    )
    if chosen is None:
        return DashboardData(choices, None, (), (), (), (), today)

    opps = forecast_input(session, chosen.id, today=today)
    rates = DEFAULT_RATES
    amounts = forecast.by_stage(opps, rates)
    win_rates = forecast.win_rate_by_stage(opps)
    cycle_days = forecast.cycle_time_by_stage(opps)
    stages = tuple(
        StageRow(
            stage.id,
            stage.name,
            *_pair(amounts.get(stage.id)),
            _number(win_rates.get(stage.id)),
            _number(cycle_days.get(stage.id)),
        )
        for stage in chosen.stages
        if stage.outcome == "open"
    )
    year_before = dt.date(today.year - 1, today.month, 1)
    months = _periods(
        forecast.monthly_forecast(opps, rates, today, months=FORECAST_MONTHS),
        forecast.monthly_forecast(opps, rates, year_before, months=FORECAST_MONTHS),
    )
    quarters = _periods(
        forecast.quarterly_forecast(opps, rates, today, quarters=FORECAST_MONTHS // 3),
        forecast.quarterly_forecast(opps, rates, year_before, quarters=FORECAST_MONTHS // 3),
    )
    owners = forecast.by_owner(opps, rates, since=today - dt.timedelta(days=365))
    return DashboardData(
        pipelines=choices,
        pipeline_id=chosen.id,
        stages=stages,
        months=months,
        quarters=quarters,
        owners=tuple(
            OwnerRow(
                owner,
                f.open_count,
                f.open_cents,
                f.weighted_cents,
                f.won_cents,
                f.won_count,
                f.lost_count,
            )
            for owner, f in owners.items()  # biggest weighted pipeline first
            if f.open_count or f.won_count or f.lost_count
        ),
        today=today,
        won_last_year_cents=sum(f.won_cents for f in owners.values()),
    )


def _periods(periods: list[Any], year_before: list[Any]) -> tuple[PeriodRow, ...]:
    return tuple(
        PeriodRow(p.label_start, p.weighted_cents, p.won_cents, b.won_cents)
        for p, b in zip(periods, year_before, strict=True)
    )


def _pair(value: tuple[int, int] | None) -> tuple[int, int]:
    return (0, 0) if value is None else value


def _number(value: float | None) -> float | None:
    return None if value is None else float(value)
