"""What the main window gets from sync: a Sync menu, "Sync now" (F9, as Outlook's
Send/Receive), the status in the status bar, and the sign-in and conflict dialogs."""

from __future__ import annotations

import httpx
import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import fill
from kamdesk.ui.sync.controller import SyncController, SyncState
from kamdesk.ui.sync.inbox import ConflictInboxDialog
from kamdesk.ui.sync.sign_in_dialog import SignInDialog
from kamdesk.ui.sync.status import SyncStatusWidget, needs_sign_in
from kamdesk.ui.sync.texts import PLURALS

MESSAGE_MS = 8000


class SyncUi(QObject):
    def __init__(
        self, ctx: AppContext, window: QMainWindow, *, http: httpx.Client | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = SyncController(ctx, self, http=http)
        self.status = SyncStatusWidget(self.controller)
        window.statusBar().addPermanentWidget(self.status)
        self.inbox: ConflictInboxDialog | None = None

        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
        self.conflicts_action.triggered.connect(self.open_inbox)
        self.sign_in_action = QAction(self.tr("Sign &in to a team server…"), self)
        self.sign_in_action.triggered.connect(self.open_sign_in)
        self.sign_out_action = QAction(self.tr("Sign &out of the team server"), self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.menu = QMenu(self.tr("S&ync"), window)
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.conflicts_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sign_in_action)
        self.menu.addAction(self.sign_out_action)

        self.status.signInRequested.connect(self.open_sign_in)
        self.status.syncRequested.connect(self.sync_now)
        self.status.conflictsRequested.connect(self.open_inbox)
        self.controller.stateChanged.connect(self._update_actions)
        self.controller.message.connect(
            lambda text: window.statusBar().showMessage(text, MESSAGE_MS)
        )
        self._update_actions(self.controller.state)
        self.controller.start()

    def shutdown(self) -> None:
        self.controller.shutdown()

    def _update_actions(self, state: SyncState) -> None:
        self.sync_action.setEnabled(state.loaded and not state.running)
        self.conflicts_action.setEnabled(state.signed_in)
        self.sign_out_action.setEnabled(state.signed_in)
        self.conflicts_action.setText(
            fill(self.tr("&Conflicts (%1)…"), state.open_conflicts)
            if state.open_conflicts
            else self.tr("&Conflicts…")
        )

    # -- user intents -------------------------------------------------------------------------
    def sync_now(self) -> None:
        if needs_sign_in(self.controller.state):
            self.open_sign_in()
        else:
            self.controller.sync_now()

    def open_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.controller, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_inbox(self) -> ConflictInboxDialog:
        if self.inbox is None or not shiboken6.isValid(self.inbox):
            self.inbox = ConflictInboxDialog(self.controller, self.window)
            self.inbox.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.inbox.show()
        else:  # already open, maybe behind the window: bring it back, up to date
            self.inbox.reload()
            self.inbox.show()
            self.inbox.raise_()
        return self.inbox

    def sign_out(self) -> None:
        state = self.controller.state
        text = fill(self.tr("Sign out of %1?"), state.server_url or "")
        if state.pending:
            text += "\n\n" + PLURALS.kept_after_sign_out(state.pending)
        answer = QMessageBox.question(self.window, self.tr("Sign out"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(warning: str | None) -> None:
            self.window.statusBar().showMessage(
                self.tr("Signed out. The server could not be told; your sign-in ends here anyway.")
                if warning
                else self.tr("Signed out of the team server."),
                MESSAGE_MS,
            )

        self.controller.sign_out(done)
