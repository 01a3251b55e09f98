"""What every view needs: the database executor, the undo stack and the "data changed" signal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kamdesk.db import Changes, Database, UnitOfWork
from kamdesk.ui.executor import DbExecutor, Done, Failed


class ChangeBus(QObject):
    """Emitted after every committed write with the ``Changes`` it made; views refresh from it."""

    changed = Signal(object)


@dataclass
class WriteResult:
    value: Any
    changes: Changes


class AppContext(QObject):
    # A background error nobody handled (an undo refused, the disk full…), in words for the user.
    errorOccurred = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.executor = DbExecutor(db, self)
        self.undo_stack = QUndoStack(self)
        self.bus = ChangeBus(self)
        self.executor.failed.connect(self.report_error)
        self._current_user_id = db.get_setting("current_user_id")

    def report_error(self, error: BaseException, *, undo_history_cleared: bool = False) -> None:
        from kamdesk.ui.messages import service_error_text

        text = service_error_text(error)
        if undo_history_cleared:
            text += "\n\n" + self.tr("The undo history was cleared.")
        self.errorOccurred.emit(text)

    def set_current_user_id(self, user_id: str | None) -> None:
        self._current_user_id = user_id

    @property
    def current_user_id(self) -> str | None:
        """Who is using kamdesk (author of edits); read once, when the context is made."""
        return self._current_user_id

    def read(
        self,
        fn: Callable[[Any], Any],
        on_done: Done,
        on_error: Failed | None = None,
        *,
        key: str | None = None,
    ) -> int:
        """Run ``fn(session)`` on the worker, hand the result to ``on_done`` on the GUI thread."""

        def work(db: Database) -> Any:
            with db.read() as session:
                return fn(session)

        return self.executor.submit(work, on_done, on_error, key=key)

    def write(
        self,
        fn: Callable[[UnitOfWork], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """One user intent: ``fn(uow)`` in one transaction on the worker; then announce the changes."""

        def work(db: Database) -> WriteResult:
            with db.unit_of_work() as uow:
                value = fn(uow)
                changes = uow.commit()
            return WriteResult(value, changes)

        def done(result: WriteResult) -> None:
            if on_done is not None:
                on_done(result.value)
            if result.changes:
                self.bus.changed.emit(result.changes)

        return self.executor.submit(work, done, on_error)
