"""French office hours in UTC: interactions happen on working days, between 8:30 and 18:30 Paris."""

from __future__ import annotations

import datetime as dt
import random

# Fixed-date public holidays; Easter-based ones are left out, a missed Monday changes nothing.
_HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def _last_sunday(year: int, month: int) -> dt.date:
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


def paris_offset(day: dt.date) -> dt.timedelta:
    """UTC+2 in EU summer time, UTC+1 otherwise; avoids needing tzdata on Windows."""
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return dt.timedelta(hours=2 if summer else 1)


def paris_time(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)
    return local - paris_offset(day)


def is_workday(day: dt.date) -> bool:
    return day.weekday() < 5 and (day.month, day.day) not in _HOLIDAYS


def previous_workday(day: dt.date) -> dt.date:
    while not is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def next_workday(day: dt.date) -> dt.date:
    while not is_workday(day):
        day += dt.timedelta(days=1)
    return day


def random_workday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    """A working day in [start, end); quieter in August and over Christmas, as in real accounts."""
    span = max((end - start).days, 1)
    for _ in range(30):
        day = start + dt.timedelta(days=rng.randrange(span))
        if not is_workday(day):
            continue
        if day.month == 8 and day.day < 25 and rng.random() < 0.6:
            continue
        if day.month == 12 and day.day > 22 and rng.random() < 0.7:
            continue
        return day
    return previous_workday(start + dt.timedelta(days=span - 1))


def office_time(rng: random.Random, day: dt.date, *, on_the_half_hour: bool = False) -> dt.datetime:
    """A moment of the working day: meetings start on the half hour, calls and e-mails anytime."""
    if on_the_half_hour:
        slot = rng.choice(
            [9 * 2, 9 * 2 + 1, 10 * 2, 10 * 2 + 1, 11 * 2, 14 * 2, 14 * 2 + 1, 15 * 2, 16 * 2]
        )
        return paris_time(day, slot // 2, 30 * (slot % 2))
    minutes = rng.randrange(8 * 60 + 30, 18 * 60 + 30)
    if 12 * 60 + 15 <= minutes < 13 * 60 + 45 and rng.random() < 0.7:  # lunch
        minutes += 90
    return paris_time(day, minutes // 60, minutes % 60)


def random_moment(
    rng: random.Random, start: dt.datetime, end: dt.datetime, *, on_the_half_hour: bool = False
) -> dt.datetime:
    """An office-hours moment between two instants (clamped into them when the span is short)."""
    day = random_workday(rng, start.date(), end.date())
    moment = office_time(rng, day, on_the_half_hour=on_the_half_hour)
    return min(max(moment, start), end)
