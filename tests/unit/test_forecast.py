"""Forecast arithmetic on hand-made opportunities: probabilities, currencies, periods, rates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kamdesk.reports.forecast import (
    ForecastOpp,
    OwnerFigures,
    Period,
    by_owner,
    by_stage,
    cycle_time_by_stage,
    monthly_forecast,
    quarterly_forecast,
    win_rate_by_stage,
)

RATES = {"EUR": 1.0, "USD": 0.92, "GBP": 1.17}
TODAY = dt.date(2026, 5, 20)


def opp(amount: int, probability: int = 50, **kwargs: Any) -> ForecastOpp:
    values: dict[str, Any] = {
        "amount_cents": amount,
        "currency": "EUR",
        "probability": probability,
        "status": "open",
        "expected_close": None,
        "closed_at": None,
        "owner": "Claire",
        "stage_id": "qualif",
        "created_on": dt.date(2026, 1, 1),
        "stage_days": {},
    }
    return ForecastOpp(**(values | kwargs))


def test_by_stage_weights_open_opportunities_with_their_probability() -> None:
    opps = [
        opp(100_000_00, 20),
        opp(50_000_00, 60, stage_id="nego"),
        opp(33_333, 33),  # 10 999.89 cents: rounded half up to 11 000
        opp(900_000_00, 100, status="won", stage_id="won"),  # closed: not pipeline
        opp(900_000_00, 0, status="lost", stage_id="lost"),
    ]
    assert by_stage(opps, RATES) == {
        "qualif": (100_000_00 + 33_333, 20_000_00 + 11_000),
        "nego": (50_000_00, 30_000_00),
    }
    assert by_stage([opp(1, 50)], RATES) == {"qualif": (1, 1)}  # 0.5 cent rounds up
    assert by_stage([], RATES) == {}


def test_currencies_are_converted_and_an_unknown_one_refused() -> None:
    opps = [opp(10_000_00, 50, currency="USD"), opp(10_000_00, 100, currency="GBP")]
    assert by_stage(opps, RATES) == {
        "qualif": (9_200_00 + 11_700_00, 4_600_00 + 11_700_00),
    }
    with pytest.raises(ValueError, match="JPY"):
        by_stage([opp(100, currency="JPY")], RATES)
    with pytest.raises(ValueError, match="JPY"):
        monthly_forecast([opp(100, currency="JPY", expected_close=TODAY)], RATES, TODAY)
    # A won deal in an unknown currency within the window is refused too, not silently dropped.
    with pytest.raises(ValueError):
        monthly_forecast([opp(100, status="won", currency="XXX", closed_at=TODAY)], RATES, TODAY)


def test_monthly_forecast_periods() -> None:
    opps = [
        opp(1_000_00, 50, expected_close=dt.date(2026, 5, 1)),  # first day of this month
        opp(2_000_00, 50, expected_close=dt.date(2026, 5, 31)),  # last day of this month
        opp(4_000_00, 25, expected_close=dt.date(2026, 6, 1)),
        opp(8_000_00, 10, expected_close=dt.date(2027, 4, 30)),  # last day of the 12th month
        opp(9_000_00, 90, expected_close=dt.date(2027, 5, 1)),  # 13th month: out
        opp(9_000_00, 90, expected_close=dt.date(2026, 4, 30)),  # overdue: out
        opp(9_000_00, 90),  # no date: out
        opp(5_000_00, 100, status="won", closed_at=dt.date(2026, 5, 2)),
        opp(7_000_00, 100, status="won", closed_at=dt.date(2026, 4, 30)),  # before: out
        opp(3_000_00, 0, status="lost", closed_at=dt.date(2026, 5, 3)),
        opp(6_000_00, 40, status="won", expected_close=dt.date(2026, 6, 1)),  # no close date
    ]
    periods = monthly_forecast(opps, RATES, TODAY)
    assert len(periods) == 12
    assert [p.label_start for p in periods] == [dt.date(2026, m, 1) for m in range(5, 13)] + [
        dt.date(2027, m, 1) for m in range(1, 5)
    ]
    assert periods[0] == Period(dt.date(2026, 5, 1), 1_500_00, 5_000_00)
    assert periods[1] == Period(dt.date(2026, 6, 1), 1_000_00, 0)
    assert periods[11] == Period(dt.date(2027, 4, 1), 800_00, 0)
    assert all(p.weighted_cents == p.won_cents == 0 for p in periods[2:11])
    assert len(monthly_forecast(opps, RATES, TODAY, months=3)) == 3


def test_monthly_forecast_across_a_year_end_and_a_leap_day() -> None:
    opps = [
        opp(1_000_00, 100, expected_close=dt.date(2028, 2, 29)),
        opp(1_000_00, 100, expected_close=dt.date(2028, 12, 31)),
        opp(1_000_00, 100, expected_close=dt.date(2029, 1, 1)),
    ]
    periods = monthly_forecast(opps, RATES, dt.date(2028, 2, 29))
    assert periods[0] == Period(dt.date(2028, 2, 1), 1_000_00, 0)
    assert periods[10] == Period(dt.date(2028, 12, 1), 1_000_00, 0)
    assert periods[11] == Period(dt.date(2029, 1, 1), 1_000_00, 0)


def test_quarterly_forecast_periods() -> None:
    opps = [
        opp(1_000_00, 100, expected_close=dt.date(2026, 4, 1)),  # current quarter's first day
        opp(2_000_00, 50, expected_close=dt.date(2026, 6, 30)),
        opp(4_000_00, 50, expected_close=dt.date(2026, 7, 1)),
        opp(8_000_00, 50, expected_close=dt.date(2027, 3, 31)),  # last day of the 4th quarter
        opp(9_000_00, 50, expected_close=dt.date(2027, 4, 1)),  # 5th quarter: out
        opp(9_000_00, 50, expected_close=dt.date(2026, 3, 31)),  # previous quarter: out
        opp(5_000_00, 100, status="won", closed_at=dt.date(2026, 4, 15)),
        opp(6_000_00, 100, status="won", closed_at=dt.date(2026, 12, 31)),  # a future date
    ]
    periods = quarterly_forecast(opps, RATES, TODAY)
    assert periods == [
        Period(dt.date(2026, 4, 1), 2_000_00, 5_000_00),
        Period(dt.date(2026, 7, 1), 2_000_00, 0),
        Period(dt.date(2026, 10, 1), 0, 6_000_00),
        Period(dt.date(2027, 1, 1), 4_000_00, 0),
    ]
    assert quarterly_forecast([], RATES, dt.date(2026, 12, 31))[0].label_start == dt.date(
        2026, 10, 1
    )
    assert quarterly_forecast([], RATES, dt.date(2026, 1, 1))[-1].label_start == dt.date(
        2026, 10, 1
    )


def test_win_rate_and_cycle_time_per_stage_on_a_hand_made_history() -> None:
    opps = [
        # won after prospection (10 d), qualification (20 d), negotiation (30 d)
        opp(1, status="won", stage_id="won", stage_days={"p": 10, "q": 20, "n": 30}),
        # lost after prospection (4 d) and qualification (6 d)
        opp(1, status="lost", stage_id="lost", stage_days={"p": 4, "q": 6}),
        # lost straight from prospection (1 d)
        opp(1, status="lost", stage_id="lost", stage_days={"p": 1}),
        # won after negotiation only (10 d)
        opp(1, status="won", stage_id="won", stage_days={"n": 10}),
        # still open, 15 days in prospection so far: cycle time only
        opp(1, stage_id="p", stage_days={"p": 15}),
    ]
    rates = win_rate_by_stage(opps)
    assert rates == {"p": pytest.approx(1 / 3), "q": 0.5, "n": 1.0}
    cycle = cycle_time_by_stage(opps)
    assert cycle == {"p": pytest.approx(30 / 4), "q": 13.0, "n": 20.0}
    assert win_rate_by_stage([opp(1, stage_days={"p": 3})]) == {}
    assert cycle_time_by_stage([]) == {}


def test_by_owner() -> None:
    opps = [
        opp(100_000_00, 50, owner="Claire"),
        opp(10_000_00, 10, owner="Claire", currency="USD"),
        opp(40_000_00, 100, owner="Claire", status="won", closed_at=dt.date(2026, 3, 1)),
        opp(40_000_00, 100, owner="Claire", status="won", closed_at=dt.date(2024, 3, 1)),
        opp(1_000_00, 0, owner="Claire", status="lost", closed_at=dt.date(2026, 4, 1)),
        opp(300_000_00, 80, owner="Julien"),
        opp(5_000_00, 20, owner=None),
    ]
    result = by_owner(opps, RATES)
    assert list(result) == ["Julien", "Claire", None]  # biggest weighted pipeline first
    assert result["Claire"] == OwnerFigures(
        open_count=2,
        open_cents=100_000_00 + 9_200_00,
        weighted_cents=50_000_00 + 920_00,
        won_count=2,
        won_cents=80_000_00,
        lost_count=1,
    )
    assert result["Claire"].win_rate == pytest.approx(2 / 3)
    assert result["Julien"].win_rate is None
    assert result[None].weighted_cents == 1_000_00
    recent = by_owner(opps, RATES, since=dt.date(2025, 5, 20))["Claire"]
    assert (recent.won_count, recent.won_cents, recent.lost_count) == (1, 40_000_00, 1)
