"""Time for the scaled demo: instants as integer UTC seconds, office hours, seeded record ids.

A million interactions cannot afford a ``datetime`` each, so the generator counts in epoch
seconds and formats the text the ORM would store (``UtcDateTime``: ``…T09:30:00.000000Z``)
with a per-day cache. Office hours and holidays come from ``kamdesk.demo.workdays``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random

from kamdesk.demo.workdays import is_workday, paris_offset

DAY = 86_400
_EPOCH = dt.date(1970, 1, 1)
# How much busier the last day of the history is than the first: teams log more as the
# tool takes hold and the portfolio grows, so recent years are denser.
GROWTH = 2.0


def day_number(day: dt.date) -> int:
    return (day - _EPOCH).days


def date_of(t: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=t // DAY)


def start_of(day: dt.date) -> int:
    return day_number(day) * DAY


_PREFIX: dict[int, str] = {}


def iso(t: int) -> str:
    """The text ``UtcDateTime`` stores for the instant ``t`` (whole seconds)."""
    days, seconds = divmod(t, DAY)
    prefix = _PREFIX.get(days)
    if prefix is None:
        prefix = _PREFIX[days] = (_EPOCH + dt.timedelta(days=days)).isoformat() + "T"
    hours, rest = divmod(seconds, 3600)
    return f"{prefix}{hours:02d}:{rest // 60:02d}:{rest % 60:02d}.000000Z"


def record_id(rng: random.Random, t: int) -> str:
    """A UUIDv7-shaped id: the record's time in the top 48 bits, the rest drawn from ``rng``.

    Same layout as ``kamdesk.demo.context.record_id``, formatted without ``uuid.UUID`` (three
    million ids are made for the manager scale).
    """
    bits = rng.getrandbits(74)
    value = (t * 1000) << 80 | 0x7 << 76 | (bits >> 62) << 64 | 0b10 << 62 | (bits & (1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Calendar:
    """Working days from ``first`` to ``last``; draws office-hour moments, recent ones likelier.

    Activity grows linearly from ``history_start`` to ``today`` (``GROWTH``); days outside that
    span weigh as its ends.
    """

    def __init__(
        self, first: dt.date, last: dt.date, history_start: dt.date, today: dt.date
    ) -> None:
        self.first = day_number(first)
        count = (last - first).days + 1
        span = max((today - history_start).days, 1)
        self._offsets: list[int] = []
        weights: list[float] = []
        for index in range(count):
            day = first + dt.timedelta(days=index)
            self._offsets.append(int(paris_offset(day).total_seconds()))
            weight = 0.0
            if is_workday(day):
                progress = min(max((day - history_start).days / span, 0.0), 1.0)
                weight = 1.0 + GROWTH * progress
                if day.month == 8 and day.day < 25:
                    weight *= 0.4  # summer holidays
                elif day.month == 12 and day.day > 22:
                    weight *= 0.3
            weights.append(weight)
        self._cumulative = [0.0, *itertools.accumulate(weights)]
        self._weights = weights

    def _index(self, t: int) -> int:
        return min(max(t // DAY - self.first, 0), len(self._weights))

    def workday(self, rng: random.Random, start: int, end: int) -> int:
        """The day number of a working day in [start, end), recent days likelier."""
        low, high = self._cumulative[self._index(start)], self._cumulative[self._index(end)]
        if high <= low:  # no working day in the span: the day of ``start``
            return start // DAY
        target = low + rng.random() * (high - low)
        index = bisect.bisect_right(self._cumulative, target) - 1
        return self.first + min(index, len(self._weights) - 1)

    def office_time(self, rng: random.Random, day: int, *, half_hour: bool = False) -> int:
        """A moment of that working day, 8:30–18:30 in Paris; meetings start on the half hour."""
        if half_hour:
            minutes = rng.choice(_MEETING_SLOTS)
        else:
            minutes = rng.randrange(8 * 60 + 30, 18 * 60 + 30)
            if 12 * 60 + 15 <= minutes < 13 * 60 + 45 and rng.random() < 0.7:  # lunch
                minutes += 90
        offset = self._offsets[min(max(day - self.first, 0), len(self._offsets) - 1)]
        return day * DAY + minutes * 60 - offset

    def moment(self, rng: random.Random, start: int, end: int, *, half_hour: bool = False) -> int:
        """An office-hours moment in [start, end] (clamped when the span is short)."""
        t = self.office_time(rng, self.workday(rng, start, end), half_hour=half_hour)
        return min(max(t, start), end)


_MEETING_SLOTS = (9 * 60, 9 * 60 + 30, 10 * 60, 10 * 60 + 30, 11 * 60, 14 * 60, 14 * 60 + 30,
                  15 * 60, 16 * 60)  # fmt: skip
