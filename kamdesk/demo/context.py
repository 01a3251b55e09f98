"""What one demo generation shares: the seeded RNG, the reference date and the rows it makes."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from kamdesk.models import Base

T = TypeVar("T", bound=Base)


def record_id(rng: random.Random, when: dt.datetime) -> str:
    """A UUIDv7-shaped id: the record's own time in the top 48 bits, the rest drawn from ``rng``.

    ``kamdesk.ids.new_id`` reads the wall clock and ``os.urandom``; the demo must give the same
    ids for the same seed, and ids that sort like the history they describe.
    """
    ms = int(when.timestamp() * 1000) & ((1 << 48) - 1)
    value = ms << 80 | 0x7 << 76 | rng.getrandbits(12) << 64 | 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def round_to(value: float, step: int) -> int:
    """``round(x, -n)`` returns a float for a float; money columns need ints."""
    return int(round(value / step)) * step


def as_utc(when: dt.datetime | dt.date) -> dt.datetime:
    """A bare date stands for the start of that working day in France (08:00 UTC)."""
    if isinstance(when, dt.datetime):
        return when
    return dt.datetime.combine(when, dt.time(8, 0), tzinfo=dt.UTC)


@dataclass
class DemoContext:
    rng: random.Random
    today: dt.date
    session: Session
    counts: Counter[str] = field(default_factory=Counter)
    _pending: list[Any] = field(default_factory=list)

    @property
    def now(self) -> dt.datetime:
        """History ends at the start of ``today`` (UTC), so nothing lies in the user's future."""
        return dt.datetime.combine(self.today, dt.time(0, 0), tzinfo=dt.UTC)

    def days_ago(self, days: float) -> dt.datetime:
        return self.now - dt.timedelta(days=days)

    def add(self, model: type[T], created: dt.datetime | dt.date, **values: Any) -> T:
        """Make a row with a seeded id and its own creation time; it is written at the next flush."""
        when = as_utc(created)
        row = model(id=record_id(self.rng, when), created_at=when, **values)
        self._pending.append(row)
        self.counts[model.__tablename__] += 1
        return row

    def flush(self) -> None:
        """Write what was made so far; callers flush between layers so that foreign keys hold.

        The models declare no ``relationship()``, so SQLAlchemy cannot order inserts across
        tables by itself; within one table it keeps the order rows were added in.
        """
        self.session.add_all(self._pending)
        self._pending.clear()
        self.session.flush()

    def chance(self, p: float) -> bool:
        return self.rng.random() < p
