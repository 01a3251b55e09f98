"""Hybrid logical clock: a timestamp that orders changes across machines.

Each synced row carries the HLC of its last change. The text form
``<13-digit wall ms>.<5-digit counter>.<node>`` sorts lexicographically in causal order, so the
database can compare HLCs as plain strings. ``receive`` (used by sync, later) merges a remote
clock so that a change made after seeing a remote one always sorts after it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# The text form has room for 5 counter digits; past that the clock borrows the next millisecond
# (as kamdesk.ids does) so that text order stays causal order.
MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        wall, counter, node = text.split(".", 2)
        return cls(int(wall), int(counter), node)


class HybridLogicalClock:
    def __init__(self, node: str, now_ms: Callable[[], int] | None = None) -> None:
        self.node = node
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._wall = 0
        self._counter = 0
        self._lock = threading.Lock()

    def observe(self, text: str | None) -> None:
        """Never issue a timestamp below one already stored (e.g. after the system clock moved back)."""
        if not text:
            return
        stamp = Timestamp.parse(text)
        with self._lock:
            if (stamp.wall_ms, stamp.counter) > (self._wall, self._counter):
                self._wall, self._counter = stamp.wall_ms, stamp.counter

    def now(self) -> str:
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
                if self._counter > MAX_COUNTER:
                    self._wall, self._counter = self._wall + 1, 0
            return str(Timestamp(self._wall, self._counter, self.node))

    def receive(self, remote: str) -> str:
        stamp = Timestamp.parse(remote)
        with self._lock:
            physical = self._now_ms()
            wall = max(physical, self._wall, stamp.wall_ms)
            if wall == self._wall == stamp.wall_ms:
                counter = max(self._counter, stamp.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == stamp.wall_ms:
                counter = stamp.counter + 1
            else:
                counter = 0
            if counter > MAX_COUNTER:
                wall, counter = wall + 1, 0
            self._wall, self._counter = wall, counter
            return str(Timestamp(wall, counter, self.node))
