"""Pipeline forecast arithmetic: pure functions over plain opportunity records (no DB, no Qt).

Amounts are integer cents converted to EUR with ``rates`` (the value of one unit in EUR; a
currency without a rate raises ``ValueError``). Weighted = amount × probability / 100, rounded
half up once, after conversion.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ForecastOpp:
    amount_cents: int
    currency: str
    probability: int
    status: str  # open / won / lost
    expected_close: dt.date | None
    closed_at: dt.date | None
    owner: str | None
    stage_id: str
    created_on: dt.date
    # days spent in each open stage it went through (the current stay counts up to today)
    stage_days: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Period:
    label_start: dt.date  # first day of the month or quarter
    weighted_cents: int  # open opportunities expected to close in the period, weighted
    won_cents: int  # opportunities won (closed) in the period


@dataclass(frozen=True)
class OwnerFigures:
    open_count: int
    open_cents: int
    weighted_cents: int
    won_count: int
    won_cents: int
    lost_count: int

    @property
    def win_rate(self) -> float | None:
        closed = self.won_count + self.lost_count
        return self.won_count / closed if closed else None


def _round(value: float) -> int:
    return int(math.floor(value + 0.5))


def _eur(opp: ForecastOpp, rates: Mapping[str, float]) -> float:
    try:
        rate = rates[opp.currency]
    except KeyError:
        raise ValueError(f"no exchange rate for currency {opp.currency!r}") from None
    return opp.amount_cents * rate


def amount_eur(opp: ForecastOpp, rates: Mapping[str, float]) -> int:
    return _round(_eur(opp, rates))


def weighted_eur(opp: ForecastOpp, rates: Mapping[str, float]) -> int:
    return _round(_eur(opp, rates) * opp.probability / 100)


def by_stage(opps: Iterable[ForecastOpp], rates: Mapping[str, float]) -> dict[str, tuple[int, int]]:
    """Open opportunities per stage: (open amount, weighted amount) in EUR cents."""
    totals: dict[str, list[float]] = {}
    for opp in opps:
        if opp.status != "open":
            continue
        eur = _eur(opp, rates)
        pair = totals.setdefault(opp.stage_id, [0.0, 0.0])
        pair[0] += eur
        pair[1] += eur * opp.probability / 100
    return {stage: (_round(a), _round(w)) for stage, (a, w) in totals.items()}


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _periods(
    opps: Iterable[ForecastOpp],
    rates: Mapping[str, float],
    first: dt.date,
    count: int,
    months_each: int,
) -> list[Period]:
    starts = [_add_months(first, i * months_each) for i in range(count + 1)]
    end = starts[-1]
    weighted = [0.0] * count
    won = [0.0] * count

    def index(day: dt.date) -> int:
        months = (day.year - first.year) * 12 + day.month - first.month
        return months // months_each

    for opp in opps:
        if opp.status == "open" and opp.expected_close and first <= opp.expected_close < end:
            weighted[index(opp.expected_close)] += _eur(opp, rates) * opp.probability / 100
        elif opp.status == "won" and opp.closed_at and first <= opp.closed_at < end:
            won[index(opp.closed_at)] += _eur(opp, rates)
    return [Period(starts[i], _round(weighted[i]), _round(won[i])) for i in range(count)]


def monthly_forecast(
    opps: Iterable[ForecastOpp], rates: Mapping[str, float], today: dt.date, months: int = 12
) -> list[Period]:
    """``months`` calendar months from the current one: weighted open pipeline by expected close
    month, and revenue won by closing month. Open opportunities whose expected close fell before
    the current month are left out (their date needs updating)."""
    return _periods(opps, rates, _month_start(today), months, 1)


def quarterly_forecast(
    opps: Iterable[ForecastOpp], rates: Mapping[str, float], today: dt.date, quarters: int = 4
) -> list[Period]:
    """``quarters`` calendar quarters from the current one (the next 12 months by default),
    figures as in ``monthly_forecast``."""
    first = dt.date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    return _periods(opps, rates, first, quarters, 3)


def win_rate_by_stage(opps: Iterable[ForecastOpp]) -> dict[str, float]:
    """Per stage: of the closed opportunities that went through it, the share won (0–1).
    Stages no closed opportunity went through are absent."""
    won: dict[str, int] = {}
    closed: dict[str, int] = {}
    for opp in opps:
        if opp.status not in ("won", "lost"):
            continue
        for stage_id in opp.stage_days:
            closed[stage_id] = closed.get(stage_id, 0) + 1
            if opp.status == "won":
                won[stage_id] = won.get(stage_id, 0) + 1
    return {stage: won.get(stage, 0) / count for stage, count in closed.items()}


def cycle_time_by_stage(opps: Iterable[ForecastOpp]) -> dict[str, float]:
    """Per stage: the average number of days opportunities spent in it (every stay counts,
    including the current one of open opportunities)."""
    days: dict[str, float] = {}
    counts: dict[str, int] = {}
    for opp in opps:
        for stage_id, spent in opp.stage_days.items():
            days[stage_id] = days.get(stage_id, 0.0) + spent
            counts[stage_id] = counts.get(stage_id, 0) + 1
    return {stage: days[stage] / counts[stage] for stage in days}


def by_owner(
    opps: Iterable[ForecastOpp],
    rates: Mapping[str, float],
    *,
    since: dt.date | None = None,
) -> dict[str | None, OwnerFigures]:
    """Per owner (None: unassigned): open pipeline, weighted, and what was won or lost (closed on
    or after ``since`` when given). Biggest weighted pipeline first."""
    rows: dict[str | None, list[float]] = {}
    for opp in opps:
        row = rows.setdefault(opp.owner, [0, 0.0, 0.0, 0, 0.0, 0])
        if opp.status == "open":
            eur = _eur(opp, rates)
            row[0] += 1
            row[1] += eur
            row[2] += eur * opp.probability / 100
        elif since is None or (opp.closed_at is not None and opp.closed_at >= since):
            if opp.status == "won":
                row[3] += 1
                row[4] += _eur(opp, rates)
            elif opp.status == "lost":
                row[5] += 1
    figures = {
        owner: OwnerFigures(
            int(r[0]), _round(r[1]), _round(r[2]), int(r[3]), _round(r[4]), int(r[5])
        )
        for owner, r in rows.items()
    }
    return dict(sorted(figures.items(), key=lambda kv: (-kv[1].weighted_cents, kv[0] or "\uffff")))
