"""All database work runs on one worker thread; results come back to the GUI thread as signals.

SQLite has one writer, so one worker serialises writes naturally and keeps undo/redo in order.
A request may carry a ``key``: a newer request with the same key makes the older one's result
stale, and it is dropped instead of repainting a view the user already left.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kamdesk.db import Database

log = logging.getLogger(__name__)

Work = Callable[[Database], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Relay(QObject):
    finished = Signal(int, object, object)  # ticket, result, error


class _Job(QRunnable):
    def __init__(self, relay: _Relay, ticket: int, db: Database, work: Work) -> None:
        super().__init__()
        self.relay, self.ticket, self.db, self.work = relay, ticket, db, work

    def run(self) -> None:
        try:
            result = self.work(self.db)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            log.debug("background work failed:\n%s", traceback.format_exc())
            self.relay.finished.emit(self.ticket, None, exc)
        else:
            self.relay.finished.emit(self.ticket, result, None)


class DbExecutor(QObject):
    """``submit(work, on_done, on_error)``: run ``work(db)`` on the worker, call back on the GUI thread."""

    failed = Signal(object)  # errors that had no on_error handler
    busyChanged = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # keep the thread (and its SQLite connection) alive
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None, str | None]] = {}
        self._latest: dict[str, int] = {}

    def submit(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        key: str | None = None,
    ) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error, key)
        if key is not None:
            self._latest[key] = ticket
        if len(self._callbacks) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Job(self._relay, ticket, self.db, work))
        return ticket

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        """Block until the worker is idle (shutdown and tests only; callbacks still need the event loop)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error, key = self._callbacks.pop(ticket, (None, None, None))
        if not self._callbacks:
            self.busyChanged.emit(False)
        if key is not None:
            if self._latest.get(key) != ticket:
                return  # superseded by a newer request for the same thing
            del self._latest[key]
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(error)
        elif on_done is not None:
            on_done(result)
