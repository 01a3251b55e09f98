"""The main window's sections: Accounts, Pipeline (Kanban) and Dashboard.

The pipeline board and the dashboard are built the first time they are shown, so that start-up
pays for neither (the dashboard imports pyqtgraph, ~340 ms).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QWidget

from kamdesk.ui.context import AppContext

ACCOUNTS, PIPELINE, DASHBOARD = "accounts", "pipeline", "dashboard"


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
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut in (
            (ACCOUNTS, self.tr("Accounts"), "Ctrl+1"),
            (PIPELINE, self.tr("Pipeline"), "Ctrl+2"),
            (DASHBOARD, self.tr("Dashboard"), "Ctrl+3"),
        ):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self.show(k))
            self.group.addAction(action)
            toolbar.addAction(action)
            self.actions[key] = action
        self.actions[ACCOUNTS].setChecked(True)
        self.settings_action = QAction(self.tr("Pipeline &settings…"), self)
        self.settings_action.triggered.connect(self.show_settings)

    def current(self) -> str:
        widget = self.pages.currentWidget()
        if widget is not None and widget is self.board:
            return PIPELINE
        if widget is not None and widget is self.dashboard:
            return DASHBOARD
        return ACCOUNTS

    def show(self, key: str) -> None:
        if key == PIPELINE:
            self.pages.setCurrentWidget(self._board())
        elif key == DASHBOARD:
            self.pages.setCurrentWidget(self._dashboard())
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
