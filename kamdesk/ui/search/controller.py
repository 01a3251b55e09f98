"""Global search in the main window: the toolbar box, Ctrl+K, the palette and opening a result.

The window only creates the controller and stops it on close; everything else is here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QSizePolicy, QToolBar, QWidget

from kamdesk.db import Changes
from kamdesk.services.search import (
    ACTIVITY,
    CONTACT,
    EMAIL,
    OPPORTUNITY,
    SearchHit,
    SearchResults,
)
from kamdesk.ui.account_view.badges import muted_colour
from kamdesk.ui.account_view.record_table import RecordTab
from kamdesk.ui.context import AppContext
from kamdesk.ui.search.popup import SearchPopup, search_icon
from kamdesk.ui.search.worker import SearchThread

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow

KEYBOARD_FOCUS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
SHOWN_PER_KIND = 5  # a palette to glance at: type on to narrow down
BOX_MIN_WIDTH, BOX_MAX_WIDTH = 320, 520


class SearchController(QObject):
    def __init__(self, ctx: AppContext, window: MainWindow, toolbar: QToolBar) -> None:
        super().__init__(window)
        self._window = window
        self._toolbar = toolbar
        self._wanted = ""  # the text whose results the palette waits for
        self._pending_selection: tuple[str, RecordTab, str] | None = None

        self.thread = SearchThread(ctx.db.path, per_kind=SHOWN_PER_KIND, parent=self)
        self.thread.resultsReady.connect(self._on_results)
        self.thread.failed.connect(self._on_failed)

        self.popup = SearchPopup(window)
        self.popup.textChanged.connect(self.request)
        self.popup.hitActivated.connect(self.open_hit)

        self.box = QLineEdit()
        self.box.setObjectName("toolbarSearch")
        self.box.setPlaceholderText(
            self.tr("Search accounts, contacts, opportunities, activities… (Ctrl+K)")
        )
        # Wide enough for the whole hint, within reason on a small screen.
        hint_width = self.box.fontMetrics().horizontalAdvance(self.box.placeholderText()) + 56
        self.box.setFixedWidth(max(BOX_MIN_WIDTH, min(BOX_MAX_WIDTH, hint_width)))
        self.box.addAction(
            search_icon(muted_colour(self.box)), QLineEdit.ActionPosition.LeadingPosition
        )
        self.box.installEventFilter(self)
        self.box.textEdited.connect(self._on_box_typed)
        self.popup.launchers.append(self.box)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.box)

        self.action = QAction(self.tr("&Search…"), window)
        self.action.setShortcut(QKeySequence("Ctrl+K"))
        self.action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.action.triggered.connect(lambda: self.open())
        window.addAction(self.action)

        window.installEventFilter(self)
        window.account_view.loaded.connect(self._on_account_loaded)
        ctx.bus.changed.connect(self._on_changes)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- searching ----------------------------------------------------------------------------
    def open(self, text: str | None = None) -> None:
        """Show the palette (Ctrl+K); ``text`` replaces what it held."""
        if QApplication.activeModalWidget() is not None:
            return  # a dialog waits for an answer: the palette would open out of reach behind it
        if not self._window.isActiveWindow():  # Ctrl+K pressed in another kamdesk window
            self._window.raise_()
            self._window.activateWindow()
        self.popup.open(text, anchor_y=self._toolbar.geometry().bottom())
        if text is None and self.popup.field.text() != self._wanted:
            self.request(self.popup.field.text())

    def request(self, text: str) -> None:
        self._wanted = text
        self.thread.request(text)

    def _on_results(self, results: SearchResults) -> None:
        if results.text == self._wanted:  # an answer to an older keystroke is dropped
            self.popup.set_results(results)

    def _on_failed(self, text: str, error: str) -> None:
        if text == self._wanted:
            self.popup.set_failed(error)

    def _on_changes(self, changes: Changes) -> None:
        if self.popup.isVisible() and changes:
            self.request(self.popup.field.text())  # a rename or delete shows at once

    def shutdown(self) -> None:
        """Stop the search thread (window closing, application quitting)."""
        self.popup.close_popup()
        self.thread.stop()

    # -- opening a result ---------------------------------------------------------------------
    def open_hit(self, hit: SearchHit) -> None:
        """Open the hit's account in the 360° view, on the tab that lists the hit, selected.

        An email opens on the account's Emails tab with its conversation selected; one not
        linked yet opens in the review queue.
        """
        if hit.kind == EMAIL:
            self._open_email(hit)
            return
        self._window.sections.show("accounts")
        self._window.open_account(hit.account_id)
        view = self._window.account_view
        tab = {CONTACT: view.contacts, OPPORTUNITY: view.opportunities, ACTIVITY: view.timeline}
        record_tab = tab.get(hit.kind)
        self._pending_selection = None
        if record_tab is None:
            return
        view.tabs.setCurrentWidget(record_tab)
        if not (view.stack.currentIndex() == 1 and self._select(record_tab, hit.id)):
            self._pending_selection = (hit.account_id, record_tab, hit.id)  # once loaded

    def _open_email(self, hit: SearchHit) -> None:
        self._pending_selection = None
        if not hit.account_id:
            self._window.sections.show_email_to_review(hit.id)
            return
        self._window.sections.show("accounts")
        self._window.open_account(hit.account_id)
        view = self._window.account_view
        view.tabs.setCurrentWidget(view.mail)
        view.mail.reveal(hit.id)

    def _on_account_loaded(self, account_id: str) -> None:
        pending = self._pending_selection
        if pending is not None and pending[0] == account_id:
            self._pending_selection = None
            self._select(pending[1], pending[2])

    @staticmethod
    def _select(tab: RecordTab, record_id: str) -> bool:
        if not tab.select_id(record_id):
            return False
        tab.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- events -------------------------------------------------------------------------------
    def _on_box_typed(self, text: str) -> None:
        self.box.clear()  # the box only launches: typing goes on in the palette
        self.open(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.box:
            # A click or Tab into the box opens the palette; focus that Qt hands on by itself
            # (the palette closing, the window activating) does not.
            if event.type() == QEvent.Type.MouseButtonPress or (
                isinstance(event, QFocusEvent)
                and event.type() == QEvent.Type.FocusIn
                and event.reason() in KEYBOARD_FOCUS
            ):
                self.open()
        elif watched is self._window and event.type() == QEvent.Type.Resize:
            self.popup.resize_to_parent()
        return False
