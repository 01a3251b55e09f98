"""The review queue ("to review"): mail no rule could place, one decision per message.

The list shows what waits (newest first) with what the rules suggest; the bar above the
preview offers, for the selected message, one button per suggestion and the other decisions:
Link to…, Unlink, Create contact…, Ignore sender. Each is one undo step. Keys: Enter takes
the first suggestion, Ctrl+L opens Link to…, Ctrl+Shift+C creates the contact, Delete ignores
the sender; Up and Down move through the queue.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.mail import reads
from kamdesk.mail.reads import EmailDetail, QueueRow
from kamdesk.ui.account_view.badges import bold, muted_colour, set_text_colour
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail import texts
from kamdesk.ui.mail.actions import MailActions
from kamdesk.ui.mail.delegates import QueueDelegate
from kamdesk.ui.mail.importing import MailDropTarget, MailImportRunner
from kamdesk.ui.mail.models import ID_ROLE, QueueModel
from kamdesk.ui.mail.panel import make_list_view
from kamdesk.ui.mail.picker import (
    CreateContactDialog,
    LinkDialog,
    LinkTarget,
    open_create_contact,
)
from kamdesk.ui.mail.preview import MessagePreview, Shown, load_shown
from kamdesk.ui.messages import fill, service_error_text

LINK_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
IGNORE_KEYS = (Qt.Key.Key_Delete,)
MAX_SUGGESTION_BUTTONS = 4


class Suggestion(QPushButton):
    """A one-click decision: link to this opportunity (or account)."""

    def __init__(self, text: str, account_id: str | None, opportunity_id: str | None) -> None:
        super().__init__(text)
        self.account_id, self.opportunity_id = account_id, opportunity_id
        self.setAutoDefault(False)


class ReviewQueue(QWidget):
    loaded = Signal()
    countChanged = Signal(int)
    emailShown = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._row: QueueRow | None = None  # the selected one
        self._wanted: str | None = None  # to select once listed
        self._last_row = 0  # where the selection was: the next message takes its place
        self._stale = False  # mail changed while the queue was hidden
        self.actions = MailActions(ctx, self)
        self.actions.failed.connect(self._refused)
        self.importer = MailImportRunner.for_context(ctx)
        muted = muted_colour(self)

        self.title = QLabel(self.tr("To review"))
        self.title.setFont(bold(self.font(), 1.3))
        self.count_label = QLabel()
        set_text_colour(self.count_label, muted)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(16, 12, 16, 4)
        self.header.addWidget(self.title)
        self.header.addWidget(self.count_label)
        self.header.addStretch(1)

        self.model = QueueModel(self)
        self.view = make_list_view()
        self.view.setModel(self.model)
        self.view.setItemDelegate(QueueDelegate(self.view))
        self.view.setMinimumWidth(300)
        self.view.installEventFilter(self)

        self.preview = MessagePreview(ctx)
        self.preview.set_actions_visible(False)

        # The decision bar: suggestions first, then the other decisions.
        self.decide_label = QLabel(self.tr("Link to:"))
        self.decide_label.setFont(bold(self.font()))
        self.suggestions = QHBoxLayout()
        self.suggestions.setSpacing(6)
        self.link_button = QPushButton(self.tr("Other…"))
        self.link_button.setToolTip(self.tr("Choose the account, contact and opportunity (Ctrl+L)"))
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.contact_button = QPushButton(self.tr("Create contact…"))
        self.contact_button.setToolTip(
            self.tr("Make a contact of the sender and link their mail to it (Ctrl+Shift+C)")
        )
        self.ignore_button = QPushButton(self.tr("Ignore sender"))
        self.ignore_button.setToolTip(
            self.tr("Never link mail from this address; its waiting mail leaves the queue (Delete)")
        )
        for button in (
            self.link_button,
            self.unlink_button,
            self.contact_button,
            self.ignore_button,
        ):
            button.setAutoDefault(False)
        self.link_button.clicked.connect(self.ask_link)
        self.unlink_button.clicked.connect(self.unlink_current)
        self.contact_button.clicked.connect(self.ask_create_contact)
        self.ignore_button.clicked.connect(self.ignore_current)
        self.whole_thread = QCheckBox()
        self.keys_hint = QLabel(
            self.tr("Enter: first suggestion · Ctrl+L: other · Delete: ignore sender · ↑↓: next")
        )
        set_text_colour(self.keys_hint, muted)
        hint_font = self.keys_hint.font()
        if hint_font.pointSizeF() > 0:
            hint_font.setPointSizeF(hint_font.pointSizeF() * 0.9)
            self.keys_hint.setFont(hint_font)

        bar = QWidget()
        bar.setObjectName("decisionBar")
        bar.setStyleSheet(
            "QWidget#decisionBar { background: palette(alternate-base);"
            " border-bottom: 1px solid palette(midlight); }"
        )
        first = QHBoxLayout()
        first.addWidget(self.decide_label)
        first.addLayout(self.suggestions)
        first.addWidget(self.link_button)
        first.addStretch(1)
        self.or_label = QLabel(self.tr("Or:"))
        self.or_label.setFont(bold(self.font()))
        # Both captions as wide as the wider: the buttons of the two rows line up.
        width = max(self.decide_label.sizeHint().width(), self.or_label.sizeHint().width())
        self.decide_label.setMinimumWidth(width)
        self.or_label.setMinimumWidth(width)
        second = QHBoxLayout()
        second.addWidget(self.or_label)
        second.addWidget(self.unlink_button)
        second.addWidget(self.contact_button)
        second.addWidget(self.ignore_button)
        second.addStretch(1)
        second.addWidget(self.whole_thread)
        bar_layout = QVBoxLayout(bar)
        bar_layout.setContentsMargins(16, 10, 16, 8)
        bar_layout.setSpacing(6)
        bar_layout.addLayout(first)
        bar_layout.addLayout(second)
        bar_layout.addWidget(self.keys_hint)
        self.decision_bar = bar

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(bar)
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 900])
        self.splitter.setChildrenCollapsible(False)

        self.empty = QWidget()
        empty_title = QLabel(self.tr("Nothing to review"))
        empty_title.setFont(bold(self.font(), 1.4))
        empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_text = QLabel(
            self.tr(
                "Every email is linked to its account, or its sender is ignored.\n"
                "Mail that no rule can place waits here for you: import mail files "
                "or drop them on this page."
            )
        )
        empty_text.setWordWrap(True)
        empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_text_colour(empty_text, muted)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(empty_title)
        empty_layout.addWidget(empty_text)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.header)
        layout.addWidget(self.stack, 1)

        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.drops = MailDropTarget(self, self.importer)
        self._add_shortcut("Ctrl+L", self.ask_link)
        self._add_shortcut("Ctrl+Shift+C", self.ask_create_contact)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._on_changes)
        self._set_row(None)
        self.reload()

    def add_action(self, action: QAction) -> QToolButton:
        """A button in the header for a window action (Import mail…, Fetch mail…)."""
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.header.addWidget(button)
        return button

    def _add_shortcut(self, keys: str, slot: Any) -> None:
        from PySide6.QtGui import QShortcut

        shortcut = QShortcut(QKeySequence(keys), self, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        self._ctx.read(reads.queue, self._loaded, key=f"mail-queue-{id(self)}")

    def reveal(self, email_id: str) -> None:
        """Select ``email_id`` (from search); it is selected once the queue lists it."""
        self._wanted = email_id
        if self.model.row_of(email_id) >= 0:
            self._select_row(self.model.row_of(email_id))
        else:
            self.reload()

    def _loaded(self, rows: list[QueueRow]) -> None:
        if not shiboken6.isValid(self):
            return
        current = self._wanted or self.current_id()
        self.model.set_rows(rows)
        self.count_label.setText(texts.PLURALS.waiting(len(rows)) if rows else "")
        self.stack.setCurrentWidget(self.splitter if rows else self.empty)
        if rows:
            row = self.model.row_of(current) if current else -1
            # The message just decided left the queue: the next one takes its place.
            self._select_row(row if row >= 0 else min(self._last_row, len(rows) - 1))
        else:
            self._set_row(None)
            self.preview.clear("")
        self._wanted = None
        self.countChanged.emit(len(rows))
        self.loaded.emit()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_row(self) -> QueueRow | None:
        return self._row

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if self.view.currentIndex() == index:
            self._current_changed(index, index)  # same place, maybe another message now
        else:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row()) if current.isValid() else None
        if current.isValid():
            self._last_row = current.row()
        same = row is not None and self._row is not None and row.message.id == self._row.message.id
        self._set_row(row)
        if row is not None and not (same and self.preview.detail is not None):
            email_id = row.message.id
            self._ctx.read(
                lambda session: load_shown(session, email_id),
                self._email_loaded,
                lambda error: self.preview.clear(service_error_text(error)),
                key=f"mail-queue-preview-{id(self)}",
            )
        elif row is not None and self.preview.detail is not None:
            # Asked to show the message already on screen (search, reveal): it is shown.
            self.emailShown.emit(row.message.id)

    def _email_loaded(self, shown: Shown) -> None:
        if shiboken6.isValid(self) and shown.detail.message.id == self.current_id():
            self.preview.show_email(shown)
            self.emailShown.emit(shown.detail.message.id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("emails", "accounts", "contacts", "opportunities"):
            if self.isVisible():
                self._reload_timer.start()
            else:
                self._stale = True  # reading the queue costs the worker: when shown again

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    # -- the decision bar ---------------------------------------------------------------------
    def _set_row(self, row: QueueRow | None) -> None:
        self._row = row
        while self.suggestions.count():
            item = self.suggestions.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.suggestion_buttons: list[Suggestion] = []
        for button in (
            self.link_button,
            self.unlink_button,
            self.contact_button,
            self.ignore_button,
        ):
            button.setEnabled(row is not None)
        if row is None:
            self.whole_thread.hide()
            self.unlink_button.hide()
            return
        account_id = row.account.id if row.account else None
        for opportunity in row.suggested_opportunities[:MAX_SUGGESTION_BUTTONS]:
            self._add_suggestion(opportunity.name, account_id, opportunity.id)
        if not row.suggested_opportunities:
            for account in row.suggested_accounts[:MAX_SUGGESTION_BUTTONS]:
                self._add_suggestion(account.name, account.id, None)
        if self.suggestion_buttons:
            first = self.suggestion_buttons[0]
            first.setText(fill(self.tr("%1 (Enter)"), first.text()))
            font = first.font()
            font.setBold(True)
            first.setFont(font)
        self.link_button.setText(
            self.tr("Other…") if self.suggestion_buttons else self.tr("Choose…")
        )
        self.unlink_button.setVisible(row.account is not None)
        self.unlink_button.setToolTip(
            fill(
                self.tr("Take it off %1: it stays here, to link elsewhere"),
                row.account.name if row.account else "",
            )
        )
        self.contact_button.setVisible(row.message.from_address is not None)
        self.ignore_button.setEnabled(bool(row.message.from_address))
        self.whole_thread.setText(
            fill(self.tr("The whole conversation (%1)"), texts.PLURALS.messages(row.thread_count))
        )
        self.whole_thread.setChecked(True)
        self.whole_thread.setVisible(row.thread_count > 1)
        self.preview.set_thread_size(row.thread_count)

    def _add_suggestion(
        self, name: str, account_id: str | None, opportunity_id: str | None
    ) -> None:
        if account_id is None:
            return  # an opportunity suggestion always comes with its account
        button = Suggestion(name, account_id, opportunity_id)
        button.setToolTip(fill(self.tr("Link to %1"), name))
        button.clicked.connect(lambda _=False, b=button: self.take_suggestion(b))
        self.suggestions.addWidget(button)
        self.suggestion_buttons.append(button)

    def _whole(self) -> bool:
        return (
            self._row is not None and self._row.thread_count > 1 and self.whole_thread.isChecked()
        )

    # -- decisions ----------------------------------------------------------------------------
    def take_suggestion(self, button: Suggestion | None = None) -> bool:
        """Link to ``button``'s suggestion (the first when None); False when there is none."""
        row = self._row
        if row is None:
            return False
        if button is None:
            if not self.suggestion_buttons:
                return False
            button = self.suggestion_buttons[0]
        assert button.account_id is not None
        contact_id = row.contact.id if row.contact else None
        if row.account is not None and row.account.id != button.account_id:
            contact_id = None
        self.actions.link(
            row.message.id,
            row.message.subject,
            account_id=button.account_id,
            contact_id=contact_id,
            opportunity_id=button.opportunity_id,
            whole_thread=self._whole(),
        )
        return True

    def ask_link(self) -> LinkDialog | None:
        row = self._row
        if row is None:
            return None
        account = row.account or (row.suggested_accounts[0] if row.suggested_accounts else None)
        opportunity = row.suggested_opportunities[0] if row.suggested_opportunities else None
        dialog = LinkDialog(
            self._ctx,
            row.message.subject,
            account_id=account.id if account else None,
            contact_id=row.contact.id if row.contact else None,
            opportunity_id=opportunity.id if opportunity else None,
            thread_size=row.thread_count,
            parent=self,
        )
        dialog.whole_thread.setChecked(self._whole() or row.thread_count <= 1)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda target: self._link_to(row, target))
        dialog.open()
        return dialog

    def _link_to(self, row: QueueRow, target: LinkTarget) -> None:
        self.actions.link(
            row.message.id,
            row.message.subject,
            account_id=target.account_id,
            contact_id=target.contact_id,
            opportunity_id=target.opportunity_id,
            whole_thread=target.whole_thread,
        )

    def unlink_current(self) -> None:
        row = self._row
        if row is not None and row.account is not None:
            self.actions.unlink(row.message.id, row.message.subject, whole_thread=self._whole())

    def ignore_current(self) -> None:
        row = self._row
        if row is not None and row.message.from_address:
            self.actions.ignore_sender(row.message.from_address)

    def ask_create_contact(self) -> CreateContactDialog | None:
        row = self._row
        if row is None or not row.message.from_address:
            return None
        return open_create_contact(self.actions, row, self)

    def _refused(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("To review"), text)

    @property
    def detail(self) -> EmailDetail | None:
        return self.preview.detail

    # -- keys ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() in LINK_KEYS:
                if not self.take_suggestion():
                    self.ask_link()
                return True
            if event.key() in IGNORE_KEYS:
                self.ignore_current()
                return True
        return super().eventFilter(watched, event)
