"""The search thread: its own read-only connection, newest text only, older queries interrupted.

Search must not wait behind the database worker (a save, an import) and must stop the moment a
newer keystroke arrives, so it runs on one dedicated thread with a ``SearchSession`` of its own
instead of going through ``DbExecutor``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from kamdesk.services.search import PER_KIND, SearchCancelled, SearchSession

log = logging.getLogger(__name__)


class SearchThread(QThread):
    """``request(text)`` from the GUI thread; ``resultsReady(SearchResults)`` answers it.

    Only the newest text runs: a request interrupts the query in progress, and texts asked for
    meanwhile are skipped. Results carry the text they answer, so a receiver can tell a late
    answer to an older text (``SearchResults.text``) from the one it waits for.
    """

    resultsReady = Signal(object)  # SearchResults
    failed = Signal(str, str)  # text, error

    def __init__(
        self, db_path: Path, *, per_kind: int = PER_KIND, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search")
        self._db_path = db_path
        self._per_kind = per_kind
        self._wake = threading.Condition()
        self._wanted: str | None = None
        self._stopping = False
        self._session: SearchSession | None = None
        self.searches_run = 0  # finished or cancelled; for tests and diagnostics

    def request(self, text: str) -> None:
        # Interrupt first, publish after: a cancel must never hit the search for the new text.
        self._cancel_running()
        with self._wake:
            self._wanted = text
            self._wake.notify()
        if not self.isRunning():
            self.start()

    def stop(self, msecs: int = 10_000) -> bool:
        """Interrupt any search and end the thread; True once it has ended.

        A later ``request`` starts it again (a window closed, then shown again).
        """
        with self._wake:
            self._stopping = True
            self._wake.notify()
        self._cancel_running()
        ended = self.wait(msecs) if self.isRunning() else True
        if ended:
            with self._wake:
                self._stopping, self._wanted = False, None
        return ended

    def _cancel_running(self) -> None:
        session = self._session
        if session is not None:
            session.cancel()

    def _next_text(self) -> str | None:
        with self._wake:
            while self._wanted is None and not self._stopping:
                self._wake.wait()
            if self._stopping:
                return None
            text, self._wanted = self._wanted, None
            return text

    def run(self) -> None:
        with self._wake:
            self._stopping = False  # a stop that timed out earlier must not end this run at once
        try:
            session = SearchSession(self._db_path)
        except Exception as exc:  # sqlite3.Error, OSError: shown where results would be
            log.warning("search unavailable", exc_info=exc)
            self.failed.emit(self._wanted or "", str(exc))
            return
        self._session = session
        try:
            while (text := self._next_text()) is not None:
                try:
                    results = session.search(text, per_kind=self._per_kind)
                except SearchCancelled:
                    continue
                except Exception as exc:  # a damaged file, a locked database…
                    log.warning("search failed", exc_info=exc)
                    self.failed.emit(text, str(exc))
                    continue
                finally:
                    self.searches_run += 1
                self.resultsReady.emit(results)
        finally:
            self._session = None
            session.close()
