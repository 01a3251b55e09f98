"""Import mail files and folders on a thread of their own, with progress, Cancel and a summary.

Not on the database worker: a mailbox of 50 000 messages would hold every view's reads for the
whole import. The importer commits a batch at a time (SQLite lets the worker read meanwhile);
after each batch its changes are announced on the change bus, from the GUI thread, so the
views refresh as mail arrives. One import runs at a time, per database.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kamdesk.db import Changes, Database
from kamdesk.mail import sources
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.mail.sources import SourceItem
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail.progress import (
    ImportProgressDialog,
    ImportSummaryDialog,
    MailRunner,
    MailThread,
)
from kamdesk.ui.messages import fill, service_error_text

PROGRESS_EVERY_S = 0.1


def dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """Local files and folders in a drag (anything else — text, web links — is not mail)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    found = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in found if p.exists()]


class MailDropTarget(QObject):
    """Imports the mail files and folders dropped on ``widget`` (the mail panel, the queue).

    An event filter rather than drag-and-drop overrides, so both widgets share one handler.
    """

    def __init__(self, widget: QWidget, importer: MailImportRunner) -> None:
        super().__init__(widget)
        self._widget, self._importer = widget, importer
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragMoveEvent)  # a QDragEnterEvent is one too
            if dropped_paths(event):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_paths(event)
            if not paths:
                event.ignore()
                return True
            event.acceptProposedAction()
            self._importer.import_paths(paths, self._widget.window())
            return True
        return super().eventFilter(watched, event)


class ImportThread(MailThread):
    """Reads ``paths`` and imports them; ``batchCommitted`` after each batch, then ``done``."""

    progressed = Signal(int, int)  # messages read, imported
    crashed = Signal(object)  # the exception that stopped the import

    def __init__(
        self,
        db: Database,
        items: Callable[[], Iterator[SourceItem]],
        *,
        batch_size: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mail-import")
        self._db = db
        self._items = items
        self._batch_size = batch_size
        self.read = 0

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        options: dict[str, Any] = {}
        if self._batch_size is not None:
            options["batch_size"] = self._batch_size
        importer = MailImporter(self._db, **options)
        summary = ImportSummary()
        last = 0.0

        def counted() -> Iterator[SourceItem]:
            nonlocal last
            for item in self._items():
                if self._cancel.is_set():
                    return  # what was read so far is still imported: nothing half-done
                self.read += 1
                now = time.monotonic()
                if now - last >= PROGRESS_EVERY_S:
                    last = now
                    self.progressed.emit(self.read, summary.imported)
                yield item

        def committed(summary: ImportSummary) -> None:
            self.publish_batch(importer)
            self.progressed.emit(self.read, summary.imported)

        try:
            importer.run(
                counted(), progress=committed, cancelled=self._cancel.is_set, summary=summary
            )
        except Exception as exc:  # the disk full, the database locked for too long…
            self.crashed.emit(exc)
            return
        summary.cancelled = summary.cancelled or self._cancel.is_set()
        self.done.emit(summary)


class MailImportRunner(MailRunner):
    """One per context (``for_context``): starts imports, shows progress and the summary."""

    started = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("mailImportRunner")
        self._ctx = ctx
        self.summary_dialog: ImportSummaryDialog | None = None
        self.batch_size: int | None = None  # tests import in small batches
        self.show_summary = True

    @classmethod
    def for_context(cls, ctx: AppContext) -> MailImportRunner:
        found = ctx.findChild(MailImportRunner, "mailImportRunner")
        return found if found is not None else cls(ctx)

    def choose_and_import(self, parent: QWidget | None) -> None:
        """File ▸ Import mail…: mail files (several at once), or a whole folder."""
        box = QMessageBox(parent)
        box.setWindowTitle(self.tr("Import mail"))
        box.setText(self.tr("Import mail files (.eml, .msg, .mbox) or a whole folder of mail?"))
        files = box.addButton(self.tr("Files…"), QMessageBox.ButtonRole.AcceptRole)
        folder = box.addButton(self.tr("A folder…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is files:
            names, _ = QFileDialog.getOpenFileNames(
                parent,
                self.tr("Import mail files"),
                "",
                self.tr("Mail (*.eml *.msg *.mbox *.mbx *.mht);;All files (*)"),
            )
            if names:
                self.import_paths([Path(n) for n in names], parent)
        elif box.clickedButton() is folder:
            name = QFileDialog.getExistingDirectory(parent, self.tr("Import a folder of mail"))
            if name:
                self.import_paths([Path(name)], parent)

    def import_paths(self, paths: list[Path], parent: QWidget | None = None) -> bool:
        return self.import_items(lambda: sources.iter_sources(list(paths)), parent)

    def import_items(
        self, items: Callable[[], Iterator[SourceItem]], parent: QWidget | None = None
    ) -> bool:
        """Start an import (False, and a word to the user, if one is already running)."""
        if self.running:
            self.raise_progress()
            return False
        thread = ImportThread(self._ctx.db, items, batch_size=self.batch_size, parent=self)
        self.thread = thread
        self.progress = ImportProgressDialog(parent)
        self.progress.cancel_button.clicked.connect(self.cancel)
        thread.progressed.connect(self.progress.set_counts)
        thread.batchCommitted.connect(self._announce)
        thread.done.connect(self._done)
        thread.crashed.connect(self._crashed)
        self.progress.show()
        thread.start()
        self.started.emit()
        return True

    def _announce(self, changes: Changes) -> None:
        self._ctx.bus.changed.emit(changes)

    def _done(self, summary: ImportSummary) -> None:
        parent = self.end_run()
        if self.show_summary:
            self.summary_dialog = self.open_summary(summary, parent)
        self.finished.emit(summary)

    def _crashed(self, error: BaseException) -> None:
        parent = self.end_run()
        QMessageBox.warning(
            parent,
            self.tr("Mail import"),
            fill(
                self.tr("The import stopped: %1\n\nThe mail imported before is kept."),
                service_error_text(error),
            ),
        )
        self.finished.emit(None)
