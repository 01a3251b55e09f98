"""Work that must not wait behind the database worker (or hold it up): its own thread pool.

Only for jobs with their own resources — e.g. the integrity check opens its own read-only
SQLite connection. Database work through the app's engine goes through ``DbExecutor``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        result = self.fn()
        # RuntimeError: the receiver (a closed window) is gone, and nobody waits for the result.
        with contextlib.suppress(RuntimeError):
            self.relay.done.emit(result)


def run_in_background(
    fn: Callable[[], Any], on_done: Callable[[Any], None], parent: QObject
) -> None:
    """``fn()`` on a pool thread; ``on_done(result)`` on the GUI thread (dropped if parent is gone)."""
    relay = _Relay(parent)

    def deliver(result: Any) -> None:
        on_done(result)
        relay.deleteLater()

    relay.done.connect(deliver)
    QThreadPool.globalInstance().start(_Job(fn, relay))
