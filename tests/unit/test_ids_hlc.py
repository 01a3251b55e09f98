"""Record ids (UUIDv7) and the hybrid logical clock."""

from __future__ import annotations

import uuid

import pytest

from kamdesk.hlc import HybridLogicalClock, Timestamp
from kamdesk.ids import new_id


class FakeWall:
    """A wall clock the test moves by hand (forwards, backwards, or not at all)."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


# -- ids ----------------------------------------------------------------------------------------


def test_new_id_is_uuid7_rfc4122() -> None:
    text = new_id()
    value = uuid.UUID(text)
    assert str(value) == text  # canonical, lower-case, 36 characters
    assert len(text) == 36
    assert value.version == 7
    assert value.variant == uuid.RFC_4122


def test_new_id_carries_the_current_unix_ms() -> None:
    import time

    before = time.time_ns() // 1_000_000
    value = uuid.UUID(new_id())
    after = time.time_ns() // 1_000_000
    # The counter may borrow a few ms ahead when many ids are made in one ms.
    assert before <= value.int >> 80 <= after + 5


def test_ten_thousand_ids_strictly_increasing_and_unique() -> None:
    ids = [new_id() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert all(a < b for a, b in zip(ids, ids[1:], strict=False))
    for text in ids[::997]:
        value = uuid.UUID(text)
        assert value.version == 7 and value.variant == uuid.RFC_4122


# -- hybrid logical clock -----------------------------------------------------------------------


def test_timestamp_text_round_trips() -> None:
    stamp = Timestamp(1_700_000_000_123, 42, "node-a")
    text = str(stamp)
    assert text == "1700000000123.00042.node-a"
    assert Timestamp.parse(text) == stamp


def test_now_follows_the_wall_clock() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    assert Timestamp.parse(clock.now()) == Timestamp(1_700_000_000_000, 0, "n")
    wall.ms += 7
    assert Timestamp.parse(clock.now()) == Timestamp(1_700_000_000_007, 0, "n")


def test_now_is_monotonic_when_the_wall_clock_stalls_or_goes_backwards() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    stamps = [clock.now()]
    for step in (0, 0, -1, -60_000, -3_600_000, 0, +5, +3_600_000, -1, +2):
        wall.ms += step
        stamps.append(clock.now())
        stamps.append(clock.now())
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False)), stamps
    parsed = [Timestamp.parse(s) for s in stamps]
    assert parsed == sorted(parsed)
    # While the wall clock is behind, time does not go back: the counter counts instead.
    assert min(p.wall_ms for p in parsed) == 1_700_000_000_000


def test_now_stays_ordered_when_the_counter_runs_past_five_digits() -> None:
    # A wall clock stuck behind (e.g. after observing a future HLC from a bad clock) during a
    # large import: far more than 99 999 stamps in the same "millisecond".
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    previous = clock.now()
    for _ in range(100_010):
        current = clock.now()
        assert current > previous, (previous, current)
        previous = current
    assert len(previous.split(".")[1]) == 5


def test_observe_raises_the_floor() -> None:
    wall = FakeWall(1_000_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    stored = str(Timestamp(2_000_000_000_000, 3, "other"))
    clock.observe(stored)
    stamp = clock.now()
    assert stamp > stored
    assert Timestamp.parse(stamp) == Timestamp(2_000_000_000_000, 4, "n")


def test_observe_ignores_none_empty_and_older_stamps() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    first = clock.now()
    clock.observe(None)
    clock.observe("")
    clock.observe(str(Timestamp(1_600_000_000_000, 99, "old")))
    second = clock.now()
    assert second > first
    assert Timestamp.parse(second) == Timestamp(1_700_000_000_000, 1, "n")


@pytest.mark.parametrize(
    ("local_ms", "remote"),
    [
        (1_700_000_000_000, Timestamp(1_800_000_000_000, 5, "remote")),  # remote ahead
        (1_800_000_000_000, Timestamp(1_700_000_000_000, 5, "remote")),  # remote behind
        (1_700_000_000_000, Timestamp(1_700_000_000_000, 5, "remote")),  # same ms
        (1_700_000_000_000, Timestamp(1_700_000_000_000, 0, "zzzz")),  # same ms, bigger node
    ],
)
def test_receive_orders_after_the_remote_and_after_local_history(
    local_ms: int, remote: Timestamp
) -> None:
    wall = FakeWall(local_ms)
    clock = HybridLogicalClock("aaaa", now_ms=wall)
    before = clock.now()
    received = clock.receive(str(remote))
    assert received > str(remote)
    assert received > before
    after = clock.now()
    assert after > received
    assert after > str(remote)


def test_receive_when_the_wall_clock_is_behind_both() -> None:
    wall = FakeWall(1_900_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    local = clock.now()
    wall.ms = 1_000_000_000_000  # the machine's clock jumps back
    remote = str(Timestamp(1_900_000_000_000, 7, "r"))
    received = clock.receive(remote)
    assert received > local and received > remote
    assert Timestamp.parse(received) == Timestamp(1_900_000_000_000, 8, "n")


def test_string_order_is_causal_order_across_nodes() -> None:
    """A chain of events passed between three skewed clocks sorts in the order it happened."""
    walls = {
        "a": FakeWall(1_700_000_000_000),
        "b": FakeWall(1_699_999_000_000),  # a second behind
        "c": FakeWall(1_700_000_900_000),  # 15 minutes ahead
    }
    clocks = {name: HybridLogicalClock(name, now_ms=wall) for name, wall in walls.items()}
    events: list[str] = []
    route = "aabcbbacca" * 30
    last: str | None = None
    for i, name in enumerate(route):
        clock = clocks[name]
        walls[name].ms += i % 3  # clocks advance unevenly; sometimes not at all
        stamp = clock.now() if last is None or i % 4 == 0 else clock.receive(last)
        if i % 4 == 0 and last is not None:
            clock.observe(last)
            stamp = clock.now()
        events.append(stamp)
        last = stamp
    assert events == sorted(events)
    assert [Timestamp.parse(e) for e in events] == sorted(Timestamp.parse(e) for e in events)
    assert len(set(events)) == len(events)


def test_timestamp_order_matches_text_order() -> None:
    stamps = [
        Timestamp(1_700_000_000_000, 0, "b"),
        Timestamp(1_700_000_000_000, 1, "a"),
        Timestamp(1_700_000_000_000, 10, "a"),
        Timestamp(1_700_000_000_001, 0, "a"),
        Timestamp(999_999_999_999, 99_999, "z"),  # fewer digits: zero-padded
    ]
    by_value = sorted(stamps)
    by_text = sorted(stamps, key=str)
    assert by_value == by_text


def test_receive_of_a_remote_at_the_counter_limit_borrows_the_next_ms() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridLogicalClock("n", now_ms=wall)
    remote = str(Timestamp(1_700_000_000_000, 99_999, "r"))
    received = clock.receive(remote)
    assert received > remote
    assert Timestamp.parse(received) == Timestamp(1_700_000_000_001, 0, "n")
