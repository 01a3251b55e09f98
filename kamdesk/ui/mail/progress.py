"""What importing mail files and fetching IMAP mail share: a thread, its progress, its summary.

``MailThread`` is the common part of both threads: Cancel, and each committed batch handed to
the GUI thread for the change bus. ``MailRunner`` runs one thread at a time with its progress
dialog and closes both the same way whether the run finished or failed; ``ImportSummaryDialog``
tells what a run did.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.mail.importer import ImportSummary, MailImporter
from kamdesk.ui.account_view.badges import bold
from kamdesk.ui.mail import texts
from kamdesk.ui.messages import fill


class MailThread(QThread):
    """Imports mail off the GUI thread; ``cancel`` stops it, and what was committed stays."""

    batchCommitted = Signal(object)  # Changes
    done = Signal(object)  # ImportSummary

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def publish_batch(self, importer: MailImporter) -> None:
        """Hand the batch just committed to the GUI thread, so views refresh as mail arrives."""
        changes, importer.changes = importer.changes, Changes()
        if changes:
            self.batchCommitted.emit(changes)


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


class MailRunner(QObject):
    """One ``MailThread`` at a time, with its progress dialog (None when running unattended)."""

    finished = Signal(object)  # ImportSummary, or None when the run failed
    reviewRequested = Signal()  # the summary's "Review" button

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread: MailThread | None = None
        self.progress: ImportProgressDialog | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None

    def raise_progress(self) -> None:
        """Asked to start while a run goes on: show the run in hand instead of a second one."""
        if self.progress is not None:
            self.progress.show()
            self.progress.activateWindow()

    def cancel(self) -> None:
        if self.thread is not None:
            self.thread.cancel()
            if self.progress is not None:
                self.progress.set_cancelling()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the run ended (shutdown and tests)."""
        return self.thread.wait(msecs) if self.thread is not None else True

    def end_run(self) -> QWidget | None:
        """Close the progress dialog and let the thread go; returns the dialog's parent."""
        parent = None
        # The dialog's parent window may have been closed, and the dialog deleted with it.
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

    def open_summary(
        self, summary: ImportSummary, parent: QWidget | None, title: str | None = None
    ) -> ImportSummaryDialog:
        """What the run did; the dialog deletes itself when closed."""
        dialog = ImportSummaryDialog(summary, parent)
        if title is not None:
            dialog.setWindowTitle(title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.reviewRequested.connect(self.reviewRequested)
        dialog.open()
        return dialog
