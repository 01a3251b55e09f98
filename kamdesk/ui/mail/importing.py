"""Import mail files and folders on a thread of their own, with progress, Cancel and a summary.

Not on the database worker: a mailbox of 50 000 messages would hold every view's reads for the
whole import. The importer commits a batch at a time (SQLite lets the worker read meanwhile);
after each batch its changes are announced on the change bus, from the GUI thread, so the
views refresh as mail arrives. One import runs at a time, per database.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes, Database
from kamdesk.mail import sources
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.mail.sources import SourceItem
from kamdesk.ui.account_view.badges import bold
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail import texts
from kamdesk.ui.messages import fill, service_error_text

PROGRESS_EVERY_S = 0.1


def dropped_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
    """Local files and folders in a drag (anything else — text, web links — is not mail)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    found = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in found if p.exists()]


class ImportThread(QThread):
    """Reads ``paths`` and imports them; ``batchCommitted`` after each batch, then ``done``."""

    progressed = Signal(int, int)  # messages read, imported
    batchCommitted = Signal(object)  # Changes
    done = Signal(object)  # ImportSummary
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
        self._cancel = threading.Event()
        self.read = 0

    def cancel(self) -> None:
        self._cancel.set()

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
            changes, importer.changes = importer.changes, Changes()
            if changes:
                self.batchCommitted.emit(changes)
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


class ImportProgressDialog(QDialog):
    """Messages read and imported while the import runs; Cancel stops it after the batch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing mail"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.title = QLabel(self.tr("Importing mail…"))
        self.title.setFont(bold(self.font()))
        self.counts = QLabel(self.tr("Reading the files…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # mailboxes do not say how many messages they hold
        self.bar.setTextVisible(False)
        self.hint = QLabel(self.tr("You can keep working: views update as mail arrives."))
        self.hint.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.counts)
        layout.addWidget(self.bar)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def set_counts(self, read: int, imported: int) -> None:
        self.counts.setText(
            fill(
                self.tr("%1 · %2"),
                texts.PLURALS.read_progress(read),
                texts.PLURALS.imported(imported),
            )
        )

    def set_cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.title.setText(self.tr("Cancelling after the current batch…"))

    def reject(self) -> None:
        # Escape or closing the window means Cancel; the runner closes the dialog when done.
        self.cancel_button.click()


class ImportSummaryDialog(QDialog):
    """What the import did: the figures, then every file that failed or was kept flawed."""

    reviewRequested = Signal()

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Mail import"))
        title = QLabel(
            self.tr("Import cancelled: the mail imported until then is kept.")
            if summary.cancelled
            else self.tr("Mail import finished")
        )
        title.setFont(bold(self.font(), 1.1))
        title.setWordWrap(True)
        self.figures = QLabel("\n".join(f"• {line}" for line in texts.summary_lines(summary)))
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.figures)

        self.problems = QTreeWidget()
        self.problems.setHeaderLabels([self.tr("File"), self.tr("Problem")])
        self.problems.setRootIsDecorated(True)
        self.problems.setAlternatingRowColors(True)
        for problems, heading in (
            (summary.errors, self.tr("Not imported")),
            (summary.kept_with_errors, self.tr("Imported, but not read completely")),
        ):
            if not problems:
                continue
            group = QTreeWidgetItem(self.problems, [fill(heading + " (%1)", len(problems)), ""])
            group.setFirstColumnSpanned(True)
            for problem in problems:
                item = QTreeWidgetItem(group, [problem.file, problem.reason])
                item.setToolTip(0, problem.file)
                item.setToolTip(1, problem.reason)
            group.setExpanded(True)
        self.problems.setVisible(self.problems.topLevelItemCount() > 0)
        self.problems.setColumnWidth(0, 320)
        layout.addWidget(self.problems, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        if summary.queued:
            review = QPushButton(self.tr("Review the %n email(s) waiting", "", summary.queued))
            review.setAutoDefault(False)
            review.clicked.connect(self._review)
            buttons.addButton(review, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.resize(
            720 if self.problems.isVisible() else 420, 440 if self.problems.isVisible() else 0
        )

    def _review(self) -> None:
        self.reviewRequested.emit()
        self.accept()


class MailImportRunner(QObject):
    """One per context (``for_context``): starts imports, shows progress and the summary."""

    started = Signal()
    finished = Signal(object)  # ImportSummary, or None when the import failed
    reviewRequested = Signal()  # the summary's "Review" button

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.setObjectName("mailImportRunner")
        self._ctx = ctx
        self.thread: ImportThread | None = None
        self.progress: ImportProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.batch_size: int | None = None  # tests import in small batches
        self.show_summary = True

    @classmethod
    def for_context(cls, ctx: AppContext) -> MailImportRunner:
        found = ctx.findChild(MailImportRunner, "mailImportRunner")
        return found if found is not None else cls(ctx)

    @property
    def running(self) -> bool:
        return self.thread is not None

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
        if self.thread is not None:
            if self.progress is not None:
                self.progress.show()
                self.progress.activateWindow()
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

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            if self.progress is not None:
                self.progress.set_cancelling()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the import ended (shutdown and tests)."""
        return self.thread.wait(msecs) if self.thread is not None else True

    def _announce(self, changes: Changes) -> None:
        self._ctx.bus.changed.emit(changes)

    def _finish(self) -> QWidget | None:
        parent = None
        if self.progress is not None and shiboken6.isValid(self.progress):
            parent = self.progress.parentWidget()
            self.progress.hide()
            self.progress.deleteLater()
        self.progress = None
        if self.thread is not None:
            self.thread.wait()
            self.thread.deleteLater()
        self.thread = None
        return parent

    def _done(self, summary: ImportSummary) -> None:
        parent = self._finish()
        if self.show_summary:
            dialog = ImportSummaryDialog(summary, parent)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.reviewRequested.connect(self.reviewRequested)
            self.summary_dialog = dialog
            dialog.open()
        self.finished.emit(summary)

    def _crashed(self, error: BaseException) -> None:
        parent = self._finish()
        QMessageBox.warning(
            parent,
            self.tr("Mail import"),
            fill(
                self.tr("The import stopped: %1\n\nThe mail imported before is kept."),
                service_error_text(error),
            ),
        )
        self.finished.emit(None)
