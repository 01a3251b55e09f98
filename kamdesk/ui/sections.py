"""The main window's sections: Accounts, Pipeline (Kanban), Dashboard and Mail (the review queue).

The pipeline board, the dashboard and the review queue are built the first time they are shown,
so that start-up pays for none of them (the dashboard imports pyqtgraph, ~340 ms). The Mail
button carries the number of emails waiting for review, kept up to date from the change bus.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from kamdesk.db import Changes
from kamdesk.ui.context import AppContext
from kamdesk.ui.mail.badge import BadgeToolButton

ACCOUNTS, PIPELINE, DASHBOARD, MAIL = "accounts", "pipeline", "dashboard", "mail"


class Sections(QObject):
    def __init__(
        self,
        ctx: AppContext,
        window: QMainWindow,
        pages: QStackedWidget,
        accounts_page: QWidget,
        toolbar: QToolBar,
    ) -> None:
        super().__init__(window)
        self.ctx, self.window, self.pages = ctx, window, pages
        self.accounts_page = accounts_page
        self.board: QWidget | None = None
        self.dashboard: QWidget | None = None
        self.mail: QWidget | None = None
        self.mail_actions: list[QAction] = []  # shown in the Mail section's header
        self.queue_count = 0
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut in (
            (ACCOUNTS, self.tr("Accounts"), "Ctrl+1"),
            (PIPELINE, self.tr("Pipeline"), "Ctrl+2"),
            (DASHBOARD, self.tr("Dashboard"), "Ctrl+3"),
            (MAIL, self.tr("Mail"), "Ctrl+4"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.show(k))
            self.group.addAction(action)
            if key == MAIL:  # its button shows how many emails wait for review
                self.mail_button = BadgeToolButton()
                self.mail_button.setObjectName("mailSectionButton")
                self.mail_button.setDefaultAction(action)
                toolbar.addWidget(self.mail_button)
            else:
                toolbar.addAction(action)
            self.actions[key] = action
        self.actions[ACCOUNTS].setChecked(True)
        self.settings_action = QAction(self.tr("Pipeline &settings…"), self)
        self.settings_action.triggered.connect(self.show_settings)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(300)  # an import commits batch after batch: count once
        self._count_timer.timeout.connect(self.refresh_queue_count)
        ctx.bus.changed.connect(self._on_changes)
        self.refresh_queue_count()

    def current(self) -> str:
        widget = self.pages.currentWidget()
        if widget is not None and widget is self.board:
            return PIPELINE
        if widget is not None and widget is self.dashboard:
            return DASHBOARD
        if widget is not None and widget is self.mail:
            return MAIL
        return ACCOUNTS

    def show(self, key: str) -> None:
        if key == PIPELINE:
            self.pages.setCurrentWidget(self._board())
        elif key == DASHBOARD:
            self.pages.setCurrentWidget(self._dashboard())
        elif key == MAIL:
            self.pages.setCurrentWidget(self._mail())
        else:
            self.pages.setCurrentWidget(self.accounts_page)
        self.actions[key].setChecked(True)

    def _board(self) -> QWidget:
        if self.board is None:
            from kamdesk.ui.pipeline import KanbanBoard

            board = KanbanBoard(self.ctx)
            board.opportunityActivated.connect(self.open_opportunity)
            self.pages.addWidget(board)
            self.board = board
        return self.board

    def _dashboard(self) -> QWidget:
        if self.dashboard is None:
            from kamdesk.ui.pipeline.dashboard import PipelineDashboard

            self.dashboard = PipelineDashboard(self.ctx)
            self.pages.addWidget(self.dashboard)
        return self.dashboard

    def _mail(self) -> QWidget:
        if self.mail is None:
            from kamdesk.ui.mail.queue import ReviewQueue

            self.mail = ReviewQueue(self.ctx)
            self.mail.countChanged.connect(self._set_queue_count)
            for action in self.mail_actions:
                self.mail.add_action(action)
            self.pages.addWidget(self.mail)
        return self.mail

    def review_queue(self) -> QWidget:
        """The review queue, built if needed (without switching to it)."""
        return self._mail()

    def show_email_to_review(self, email_id: str) -> None:
        self.show(MAIL)
        self._mail().reveal(email_id)  # type: ignore[attr-defined]

    # -- the badge ----------------------------------------------------------------------------
    def refresh_queue_count(self) -> None:
        from kamdesk.mail.reads import queue_count

        self.ctx.read(queue_count, self._set_queue_count, key="mail-queue-count")

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("emails"):
            self._count_timer.start()

    def _set_queue_count(self, count: int) -> None:
        if not shiboken6.isValid(self.mail_button):
            return
        self.queue_count = count
        self.mail_button.set_count(count)
        self.actions[MAIL].setToolTip(
            self.tr("Mail: %n email(s) to review (Ctrl+4)", "", count)
            if count
            else self.tr("Mail: nothing to review (Ctrl+4)")
        )

    def open_opportunity(self, opportunity_id: str) -> None:
        from kamdesk.ui.pipeline.editor import open_opportunity_editor

        open_opportunity_editor(self.ctx, self.window, opportunity_id)

    def new_opportunity(self, account_id: str) -> None:
        from kamdesk.ui.pipeline.editor import new_opportunity

        new_opportunity(self.ctx, self.window, account_id)

    def show_settings(self) -> None:
        from kamdesk.ui.pipeline.settings import PipelineSettingsDialog

        dialog = PipelineSettingsDialog(self.ctx, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
