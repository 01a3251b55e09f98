"""The conflict inbox: what waits for a person's choice, and what the server settled alone.

"To settle": two people changed the same text, amount or stage before syncing; both values
are kept until someone keeps one, or writes one text from both. "Settled automatically": the
last days' conflicts on ordinary fields, where the newer value won — the other one is shown
(and can be put back), so that nobody loses a word. The conflicts live on the team server:
the inbox loads them through the sync controller, off the GUI thread.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.sync import errors
from kamdesk.sync.conflict_inbox import RECENT_DAYS, AlreadySettled, Choice, InboxEntry, NotAllowed
from kamdesk.ui.account_view.badges import bold, muted_colour, set_text_colour
from kamdesk.ui.messages import fill, service_error_text
from kamdesk.ui.sync.controller import Inbox, RoundOutcome, SyncController
from kamdesk.ui.sync.inbox_detail import ConflictDetail
from kamdesk.ui.sync.inbox_model import ConflictsModel
from kamdesk.ui.sync.texts import PLURALS, by_line, field_label, record_text, value_text

translate = QCoreApplication.translate


def _table(model: ConflictsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    return view


class MessagePage(QWidget):
    """A centred title and explanation: empty inbox, loading, offline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setFont(bold(self.font(), 1.25))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setFixedWidth(520)  # a wrapped label needs a width to know its height
        set_text_colour(self.body, muted_colour(self))
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.body)
        centred.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addSpacing(4)
        layout.addLayout(centred)
        layout.addStretch(2)

    def show_message(self, title: str, body: str = "") -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.body.setVisible(bool(body))


class SettledPane(QWidget):
    """The server's own decisions: the list, then the selected one's two values in full."""

    restoreRequested = Signal(object)  # InboxEntry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.me: str | None = None
        intro = QLabel(
            self.tr(
                "On these fields the newer value was kept. The other one stays readable here, "
                "and you can put it back."
            )
        )
        intro.setWordWrap(True)
        set_text_colour(intro, muted_colour(self))
        self.model = ConflictsModel("settled", self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.empty = MessagePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        self.kept_label, self.other_label = QLabel(), QLabel()
        self.kept_text, self.other_text = QPlainTextEdit(), QPlainTextEdit()
        for text in (self.kept_text, self.other_text):
            text.setReadOnly(True)
            text.setMaximumHeight(110)
        self.restore_button = QPushButton(self.tr("Put the replaced value back"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        sides = QHBoxLayout()
        for label, text in ((self.kept_label, self.kept_text), (self.other_label, self.other_text)):
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(text)
            sides.addLayout(column, 1)
        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(sides)
        restore_row = QHBoxLayout()
        restore_row.addStretch(1)
        restore_row.addWidget(self.restore_button)
        detail_layout.addLayout(restore_row)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.detail)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)

    def set_entries(self, entries: list[InboxEntry], me: str | None) -> None:
        self.me = me
        self.model.set_entries(entries)
        self.view.resizeColumnsToContents()
        for column in (3, 4):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 260))
        self.stack.setCurrentWidget(self.view if entries else self.empty)
        self.empty.show_message(
            self.tr("Nothing was settled automatically"),
            fill(self.tr("In the last %1 days, no change replaced another one."), RECENT_DAYS),
        )
        self.detail.setVisible(bool(entries))
        if entries:
            self.view.selectRow(0)

    def current(self) -> InboxEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _on_selection(self, *_args: Any) -> None:
        entry = self.current()
        self.restore_button.setEnabled(entry is not None and entry.kind == "field")
        if entry is None:
            return
        self.kept_label.setText(fill(self.tr("Kept: %1"), by_line(entry.kept_side, self.me)))
        self.other_label.setText(fill(self.tr("Replaced: %1"), by_line(entry.other_side, self.me)))
        self.kept_text.setPlainText(value_text(entry, entry.kept_side.value))
        self.other_text.setPlainText(value_text(entry, entry.other_side.value))

    def set_busy(self, busy: bool) -> None:
        entry = self.current()
        self.restore_button.setEnabled(not busy and entry is not None and entry.kind == "field")

    def _restore(self) -> None:
        entry = self.current()
        if entry is not None:
            self.restoreRequested.emit(entry)


class ConflictInboxDialog(QDialog):
    loaded = Signal()
    resolved = Signal(int)  # the conflict id, once the server took the choice

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.me: str | None = controller.state.user
        self._busy = False
        self.setWindowTitle(self.tr("Conflicts"))
        self.resize(1040, 720)

        title = QLabel(self.tr("Conflicts to settle"))
        title.setFont(bold(self.font(), 1.35))
        intro = QLabel(
            self.tr(
                "When two people change the same text, amount or stage before syncing, kamdesk "
                "keeps both until someone chooses. Nothing typed is lost."
            )
        )
        intro.setWordWrap(True)
        set_text_colour(intro, muted_colour(self))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(intro)
        top.addLayout(heading, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.open_model = ConflictsModel("open", self)
        self.open_view = _table(self.open_model)
        header = self.open_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = ConflictDetail()
        self.detail.chosen.connect(self.resolve)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.open_view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 470])
        self.open_page = MessagePage()
        self.open_stack = QStackedWidget()
        self.open_stack.addWidget(self.open_page)
        self.open_stack.addWidget(self.splitter)

        self.settled = SettledPane()
        self.settled.restoreRequested.connect(
            lambda entry: self.resolve(entry, entry.other_choice, None)
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.open_stack, PLURALS.to_settle_tab(0))
        self.tabs.addTab(self.settled, PLURALS.settled_tab(RECENT_DAYS))

        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.feedback, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.open_view.selectionModel().selectionChanged.connect(self._on_selection)
        controller.roundFinished.connect(self._on_round)
        self.reload()

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.refresh_button.setEnabled(False)
        if self.open_model.rowCount() == 0:
            self.open_page.show_message(self.tr("Loading the conflicts from the team server…"))
            self.open_stack.setCurrentWidget(self.open_page)
        self.controller.load_inbox(self._on_loaded, self._on_load_failed)

    def _on_round(self, outcome: RoundOutcome) -> None:
        """A background round found conflicts the list does not show yet: reload it."""
        count = outcome.open_conflicts
        if count is not None and count != self.open_model.rowCount() and not self._busy:
            self.reload()

    def _on_loaded(self, inbox: Inbox) -> None:
        if not shiboken6.isValid(self):
            return
        self.me = inbox.user
        previous = self.current()
        self.refresh_button.setEnabled(True)
        self.open_model.set_entries(inbox.open)
        self.tabs.setTabText(0, PLURALS.to_settle_tab(len(inbox.open)))
        self.settled.set_entries(inbox.settled, inbox.user)
        if inbox.open:
            self.open_stack.setCurrentWidget(self.splitter)
            row = self.open_model.row_of(previous.id) if previous else -1
            self.open_view.selectRow(max(row, 0))
        else:
            self.open_page.show_message(
                self.tr("Nothing to settle"),
                self.tr(
                    "When two people change the same note, amount or stage before syncing, "
                    "both versions wait here until someone chooses."
                ),
            )
            self.open_stack.setCurrentWidget(self.open_page)
        self.loaded.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.refresh_button.setEnabled(True)
        if isinstance(error, errors.Offline):
            title = self.tr("The team server cannot be reached")
            body = self.tr(
                "Conflicts are kept on the server until someone settles them. Try again when "
                "you are connected."
            )
        elif isinstance(error, errors.NotSignedIn | errors.SignInAgain):
            title = self.tr("Please sign in to the team server")
            body = self.tr("Conflicts are kept on the server: sign in to see them.")
        else:
            title, body = self.tr("The conflicts could not be loaded"), error_text(error)
        self.open_page.show_message(title, body)
        self.open_stack.setCurrentWidget(self.open_page)
        self.loaded.emit()

    def current(self) -> InboxEntry | None:
        rows = self.open_view.selectionModel().selectedRows()
        return self.open_model.entry(rows[0].row()) if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry = self.current()
        if entry is not None:
            self.detail.show_entry(entry, self.me)
            self.detail.set_busy(self._busy)

    # -- resolving ----------------------------------------------------------------------------
    def resolve(self, entry: InboxEntry, choice: Choice, value: Any) -> None:
        """One choice, sent at once; the lists reload when the server has it."""
        if self._busy:
            return
        self._set_busy(True)
        self.feedback.setText(self.tr("Sending your choice…"))

        def done() -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.feedback.setText(self._done_text(entry, choice))
            self.resolved.emit(entry.id)
            self.reload()

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.feedback.setText(error_text(error))
            if isinstance(error, AlreadySettled):
                self.reload()

        self.controller.resolve(entry, choice, value, done, failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.detail.set_busy(busy)
        self.settled.set_busy(busy)

    def _done_text(self, entry: InboxEntry, choice: Choice) -> str:
        what = fill(self.tr("%1 of %2"), field_label(entry.field), record_text(entry))
        side = entry.server if choice == "server" else entry.client
        if choice == "value":
            return fill(self.tr("%1: the merged text is saved."), what)
        if side.user and side.user == self.me:
            return fill(self.tr("%1: your version is kept."), what)
        return fill(self.tr("%1: %2's version is kept."), what, side.user or "?")


def error_text(error: BaseException) -> str:
    if isinstance(error, AlreadySettled):
        return translate("ConflictInbox", "Someone settled this conflict meanwhile.")
    if isinstance(error, NotAllowed):
        return translate("ConflictInbox", "You may read this record but not change it.")
    if isinstance(error, errors.Offline):
        return translate(
            "ConflictInbox",
            "The team server cannot be reached: your choice was not sent. Try again when "
            "you are connected.",
        )
    if isinstance(error, errors.SignInAgain | errors.NotSignedIn):
        return translate("ConflictInbox", "Please sign in again to settle conflicts.")
    if isinstance(error, errors.UpdateRequired):
        return translate("ConflictInbox", "Please update kamdesk to settle conflicts.")
    if isinstance(error, errors.SyncError):
        return fill(translate("ConflictInbox", "The team server refused: %1"), error)
    return service_error_text(error)
