"""The mail of one account, contact or opportunity: conversations, their messages, one read.

Conversations (threads) are listed with the latest message first; choosing one lists its
messages and previews the newest. Link to…, Unlink and "Create contact" go through
``MailActions`` (one undo step each). Mail files and folders dropped on the panel are imported
(``MailImportRunner``), and the panel refreshes itself from the change bus.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.mail import reads
from kamdesk.mail.reads import EmailDetail, MessageRow
from kamdesk.ui.account_view.badges import muted_colour, set_text_colour
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs import choices
from kamdesk.ui.mail import texts
from kamdesk.ui.mail.actions import MailActions
from kamdesk.ui.mail.delegates import MessageDelegate, ThreadDelegate
from kamdesk.ui.mail.importing import MailDropTarget, MailImportRunner
from kamdesk.ui.mail.models import ID_ROLE, MessageListModel, ThreadItem, ThreadListModel
from kamdesk.ui.mail.picker import (
    CreateContactDialog,
    LinkDialog,
    LinkTarget,
    open_create_contact,
)
from kamdesk.ui.mail.preview import MessagePreview, Shown, load_shown
from kamdesk.ui.messages import fill

# A write to any of these can change what the panel shows (links, names, new mail).
SHOWN_TABLES = ("emails", "accounts", "contacts", "opportunities")
MESSAGE_ROWS_SHOWN = 4


@dataclass(frozen=True)
class Scope:
    account_id: str | None = None
    contact_id: str | None = None
    opportunity_id: str | None = None

    def kwargs(self) -> dict[str, str | None]:
        return {
            "account_id": self.account_id,
            "contact_id": self.contact_id,
            "opportunity_id": self.opportunity_id,
        }

    def __bool__(self) -> bool:
        return any((self.account_id, self.contact_id, self.opportunity_id))


@dataclass(frozen=True)
class Threads:
    scope: Scope
    items: list[ThreadItem]
    emails: int  # messages in the scope (of the threads listed)
    contacts: list[tuple[str, str]]  # an account's contacts, to filter by (else empty)


def load_threads(session: Any, scope: Scope, *, with_contacts: bool = False) -> Threads:
    rows = reads.threads(session, **scope.kwargs())
    items = [ThreadItem(row, row.correspondent or row.latest_from) for row in rows]
    contacts = []
    if with_contacts and scope.account_id:
        contacts = [(c.id, c.name) for c in choices.load_contacts(session, scope.account_id)]
    return Threads(scope, items, sum(row.count for row in rows), contacts)


def make_list_view() -> QListView:
    view = QListView()
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setUniformItemSizes(True)
    view.setMouseTracking(True)  # hover highlight
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


class MailPanel(QWidget):
    loaded = Signal()  # the conversations of the scope are listed
    countChanged = Signal(int)  # emails in the scope
    emailShown = Signal(str)  # the email id now in the preview

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._scope = Scope()
        self._contact: str | None = None  # the contact filter of an account's mail
        self._wanted_thread: str | None = None  # to select once listed (search, reload)
        self._wanted_email: str | None = None
        self._count = 0
        self._stale = False  # the scope changed while hidden: load when shown
        self.actions = MailActions(ctx, self)
        self.actions.failed.connect(self._refused)
        self.importer = MailImportRunner.for_context(ctx)

        self.threads = ThreadListModel(self)
        self.thread_view = make_list_view()
        self.thread_view.setModel(self.threads)
        self.thread_view.setItemDelegate(ThreadDelegate(self.thread_view))
        self.thread_view.setMinimumWidth(260)
        self.messages = MessageListModel(self)
        self.message_view = make_list_view()
        self.message_view.setModel(self.messages)
        self.message_view.setItemDelegate(MessageDelegate(self.message_view))
        self.preview = MessagePreview(ctx)
        self.preview.linkRequested.connect(self.ask_link)
        self.preview.unlinkRequested.connect(self.unlink)
        self.preview.createContactRequested.connect(self.ask_create_contact)

        self.summary = QLabel()
        set_text_colour(self.summary, muted_colour(self))
        self.import_button = QPushButton(self.tr("Import mail…"))
        self.import_button.setAutoDefault(False)
        self.import_button.setToolTip(
            self.tr("Import .eml, .msg or .mbox files, or drop them on this tab")
        )
        self.import_button.clicked.connect(lambda: self.importer.choose_and_import(self.window()))
        # An account's mail can be narrowed to one contact's.
        self.contact_filter = QComboBox()
        self.contact_filter.setObjectName("contactFilter")
        self.contact_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.contact_filter.addItem(self.tr("All contacts"), "")
        self.contact_filter.currentIndexChanged.connect(self._filter_changed)
        self.contact_filter.hide()
        toolbar = QHBoxLayout()
        toolbar.setContentsMargins(12, 0, 12, 0)
        toolbar.addWidget(self.contact_filter)
        toolbar.addWidget(self.summary, 1)
        toolbar.addWidget(self.import_button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.message_view)
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.thread_view)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 640])
        self.splitter.setChildrenCollapsible(False)

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        set_text_colour(self.empty, muted_colour(self))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)
        self._show_empty()

        self.thread_view.selectionModel().currentChanged.connect(self._thread_changed)
        self.message_view.selectionModel().currentChanged.connect(self._message_changed)
        link = QShortcut(QKeySequence("Ctrl+L"), self, self._link_current)
        link.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.drops = MailDropTarget(self, self.importer)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._on_changes)

    # -- scope --------------------------------------------------------------------------------
    def set_scope(
        self,
        *,
        account_id: str | None = None,
        contact_id: str | None = None,
        opportunity_id: str | None = None,
    ) -> None:
        scope = Scope(account_id, contact_id, opportunity_id)
        if scope != self._scope:
            self._scope = scope
            self._contact = None
            self._set_contacts([])
            self._wanted_thread = self._wanted_email = None
            self.threads.set_rows([])
            self.messages.set_rows([])
            self.preview.clear(self.tr("Choose a conversation to read it here."))
        self.reload()

    def scope(self) -> Scope:
        """What the panel shows: its record, narrowed to the contact filter if one is chosen."""
        if self._contact and self._scope.account_id and not self._scope.contact_id:
            return Scope(self._scope.account_id, self._contact, self._scope.opportunity_id)
        return self._scope

    def _filterable(self) -> bool:
        return bool(self._scope.account_id) and not self._scope.contact_id

    def set_contact_filter(self, contact_id: str | None) -> None:
        index = self.contact_filter.findData(contact_id or "")
        if index >= 0:
            self.contact_filter.setCurrentIndex(index)

    def _filter_changed(self) -> None:
        contact = self.contact_filter.currentData() or None
        if contact != self._contact:
            self._contact = contact
            self._wanted_thread = self._wanted_email = None
            self.reload()

    def _set_contacts(self, contacts: list[tuple[str, str]]) -> None:
        blocked = self.contact_filter.blockSignals(True)
        self.contact_filter.clear()
        self.contact_filter.addItem(self.tr("All contacts"), "")
        for contact_id, name in contacts:
            self.contact_filter.addItem(name, contact_id)
        index = self.contact_filter.findData(self._contact or "")
        if index < 0:
            self._contact = None
        self.contact_filter.setCurrentIndex(max(index, 0))
        self.contact_filter.blockSignals(blocked)
        self.contact_filter.setVisible(self._filterable())

    def count(self) -> int:
        return self._count

    def reload(self) -> None:
        if not self._scope:
            return
        if not self.isVisible():
            # A hidden tab (the 360° view opens on Contacts) loads only its count for the tab's
            # title; the conversations load when it is shown. Opening an account stays quick.
            self._stale = True
            scope = self._scope
            self._ctx.read(
                lambda session: (scope, reads.count(session, **scope.kwargs())),
                self._count_loaded,
                key=f"mail-count-{id(self)}",
            )
            return
        self._stale = False
        scope, with_contacts = self.scope(), self._filterable()
        self._ctx.read(
            lambda session: load_threads(session, scope, with_contacts=with_contacts),
            self._threads_loaded,
            key=f"mail-threads-{id(self)}",
        )

    def _count_loaded(self, result: tuple[Scope, int]) -> None:
        scope, count = result
        if shiboken6.isValid(self) and scope == self._scope and self._stale:
            self._count = count
            self.countChanged.emit(count)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reveal(self, email_id: str) -> None:
        """Select the conversation of ``email_id`` and preview it (from search)."""

        def work(session: Any) -> tuple[str, str | None]:
            detail = reads.email_detail(session, email_id, with_raw=False)
            return email_id, detail.thread_id or email_id

        self._ctx.read(work, self._reveal_loaded)

    def _reveal_loaded(self, found: tuple[str, str | None]) -> None:
        if not shiboken6.isValid(self):
            return
        email_id, thread_id = found
        self._wanted_email = email_id
        if thread_id and thread_id == self.current_thread_id():
            self._load_messages(thread_id)  # selects the wanted message once listed
            return
        self._wanted_thread = thread_id
        if thread_id and self.threads.row_of(thread_id) >= 0:
            self._select_thread(thread_id)

    # -- loading ------------------------------------------------------------------------------
    def _threads_loaded(self, result: Threads) -> None:
        if not shiboken6.isValid(self) or result.scope != self.scope():
            return
        current = self._wanted_thread or self.current_thread_id()
        if self._filterable():
            self._set_contacts(result.contacts)
        self.threads.set_rows(result.items)
        self._count = result.emails
        self.summary.setText(
            fill(
                self.tr("%1 · %2"),
                self._conversations(len(result.items)),
                texts.PLURALS.messages(result.emails),
            )
            if result.items
            else ""
        )
        if result.items:
            self.stack.setCurrentWidget(self.splitter)
            if current and self.threads.row_of(current) >= 0:
                self._select_thread(current, reload=True)
            else:
                self._select_thread(result.items[0].row.thread_id)
        else:
            self._show_empty()
        if self._contact is None:  # the tab counts the record's mail, not a filter's
            self.countChanged.emit(result.emails)
        self.loaded.emit()

    def _conversations(self, n: int) -> str:
        return self.tr("%n conversation(s)", "", n)

    def _show_empty(self) -> None:
        if self._contact is not None:
            self.empty.setText(
                fill(self.tr("No emails with %1."), self.contact_filter.currentText())
            )
        else:
            self.empty.setText(
                self.tr(
                    "No emails here yet.\n\nDrop .eml, .msg or .mbox files (or a folder) on "
                    "this tab to import them; mail from this account's contacts and domains is "
                    "linked automatically."
                )
            )
        self.stack.setCurrentWidget(self.empty)
        self.preview.clear("")

    def current_thread_id(self) -> str | None:
        index = self.thread_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def current_thread(self) -> ThreadItem | None:
        index = self.thread_view.currentIndex()
        return self.threads.row_at(index.row()) if index.isValid() else None

    def current_email_id(self) -> str | None:
        index = self.message_view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _select_thread(self, thread_id: str, *, reload: bool = False) -> None:
        row = self.threads.row_of(thread_id)
        if row < 0:
            return
        index = self.threads.index(row, 0)
        if self.thread_view.currentIndex() == index:
            if reload:
                self._load_messages(thread_id)
            return
        self.thread_view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.thread_view.scrollTo(index)

    def _thread_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        thread_id = current.data(ID_ROLE)
        if thread_id != self._wanted_thread:
            self._wanted_email = None
        self._wanted_thread = None
        self._load_messages(thread_id)

    def _load_messages(self, thread_id: str) -> None:
        scope = self.scope()
        self._ctx.read(
            lambda session: (
                thread_id,
                reads.thread_messages(session, thread_id, **scope.kwargs()),
            ),
            self._messages_loaded,
            key=f"mail-messages-{id(self)}",
        )

    def _messages_loaded(self, result: tuple[str, list[MessageRow]]) -> None:
        thread_id, rows = result
        if not shiboken6.isValid(self) or thread_id != self.current_thread_id():
            return
        wanted = self._wanted_email or self.current_email_id()
        self.messages.set_rows(rows)
        self.preview.set_thread_size(len(rows))
        row_height = self.message_view.sizeHintForRow(0) if rows else 0
        shown = min(len(rows), MESSAGE_ROWS_SHOWN)
        self.message_view.setFixedHeight(row_height * shown + 4)
        self.message_view.setVisible(len(rows) > 1)
        if not rows:
            return
        row = self.messages.row_of(wanted) if wanted else -1
        index = self.messages.index(max(row, 0), 0)
        self._wanted_email = None
        if self.message_view.currentIndex() == index:
            self._load_email(index.data(ID_ROLE))
        else:
            self.message_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def _message_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._load_email(current.data(ID_ROLE))

    def _load_email(self, email_id: str) -> None:
        self._ctx.read(
            lambda session: load_shown(session, email_id),
            self._email_loaded,
            self._email_failed,
            key=f"mail-preview-{id(self)}",
        )

    def _email_loaded(self, shown: Shown) -> None:
        if not shiboken6.isValid(self) or shown.detail.message.id != self.current_email_id():
            return
        self.preview.show_email(shown)
        self.emailShown.emit(shown.detail.message.id)

    def _email_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            from kamdesk.ui.messages import service_error_text

            self.preview.clear(service_error_text(error))

    def _on_changes(self, changes: Changes) -> None:
        if self._scope and changes.touches(*SHOWN_TABLES):
            self._reload_timer.start()

    # -- actions ------------------------------------------------------------------------------
    def _link_current(self) -> None:
        if self.preview.detail is not None:
            self.ask_link(self.preview.detail)

    def ask_link(self, detail: EmailDetail) -> LinkDialog:
        """Link to… : the picker, preset to where the email is (or what is suggested)."""
        suggested_account = detail.suggested_accounts[0].id if detail.suggested_accounts else None
        suggested_opp = (
            detail.suggested_opportunities[0].id if detail.suggested_opportunities else None
        )
        dialog = LinkDialog(
            self._ctx,
            detail.message.subject,
            account_id=detail.account.id if detail.account else suggested_account,
            contact_id=detail.contact.id if detail.contact else None,
            opportunity_id=detail.opportunity.id if detail.opportunity else suggested_opp,
            thread_size=self.messages.rowCount(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(lambda target: self.link(detail, target))
        dialog.open()
        return dialog

    def link(self, detail: EmailDetail, target: LinkTarget) -> None:
        self._wanted_email = detail.message.id
        self.actions.link(
            detail.message.id,
            detail.message.subject,
            account_id=target.account_id,
            contact_id=target.contact_id,
            opportunity_id=target.opportunity_id,
            whole_thread=target.whole_thread,
        )

    def unlink(self, detail: EmailDetail, whole_thread: bool = False) -> None:
        self.actions.unlink(detail.message.id, detail.message.subject, whole_thread=whole_thread)

    def ask_create_contact(self, detail: EmailDetail) -> CreateContactDialog:
        return open_create_contact(self.actions, detail, self)

    def _refused(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Email"), text)
