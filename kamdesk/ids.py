"""Client-generated, time-ordered record ids (UUID version 7, RFC 9562).

Python 3.11 has no ``uuid.uuid7``; the layout is 20 lines, so it lives here rather than in a
dependency. Ids generated in the same millisecond by this process stay strictly increasing
(a 12-bit counter in ``rand_a``), which keeps B-tree inserts local and makes ids sortable.
"""

from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0
# Random bytes drawn from the OS a page at a time: one getrandom() call per id costs ~15 µs on
# some VMs, more than everything else an import does for a row.
_POOL_SIZE = 4096
_pool = b""
_taken = _POOL_SIZE


def _random8() -> int:
    """Eight random bytes as an int; the caller holds ``_lock``."""
    global _pool, _taken
    if _taken + 8 > len(_pool):
        _pool, _taken = os.urandom(_POOL_SIZE), 0
    _taken += 8
    return int.from_bytes(_pool[_taken - 8 : _taken], "big")


def _forget_pool() -> None:
    # A forked child must not hand out the bytes its parent will use too.
    global _pool, _taken
    _pool, _taken = b"", _POOL_SIZE


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool)


def new_id() -> str:
    """A new UUIDv7 as its canonical 36-character text."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                _last_ms += 1
                _counter = 0
            ms = _last_ms
        else:
            _last_ms = ms
            _counter = _random8() & 0x3FF  # leave room to count up
        counter = _counter
        rand_b = _random8() & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    # The canonical text directly: uuid.UUID() validates and re-formats, at twice the cost, and
    # imports make ids by the hundred thousand.
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
