"""One tab of records: a small toolbar over a view, with an empty-state message.

The tab speaks in record ids: double-click (or Enter) → ``activated(id)``, the Delete key →
``deletePressed(id)``. What those mean is decided by whoever owns the tab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.account_view.badges import muted_colour, set_text_colour
from kamdesk.ui.account_view.tables import ID_ROLE, SORT_ROLE, RowTableModel

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_COLUMN_WIDTH = 320
MIN_COLUMN_WIDTH = 90
COLUMN_SIZE_SAMPLE = 30  # rows measured to size a column (about a screenful)


def make_table_view() -> QTableView:
    view = QTableView()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setWordWrap(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    # Size columns from a sample of rows: measuring thousands of invoices on every load costs
    # tens of milliseconds for a difference nobody sees (long cells elide, with a tooltip).
    header.setResizeContentsPrecision(COLUMN_SIZE_SAMPLE)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStyleSheet(
        "QHeaderView::section { background: palette(base); border: none;"
        " border-bottom: 1px solid palette(midlight); padding: 5px 6px; font-weight: 600; }"
    )
    return view


class RecordTab(QWidget):
    activated = Signal(str)
    deletePressed = Signal(str)
    currentChanged = Signal(str)  # "" when nothing is selected

    def __init__(
        self,
        model: RowTableModel[Any],
        view: QAbstractItemView | None = None,
        *,
        empty_text: str = "",
        sortable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.view = view or make_table_view()
        self._columns_stale = False
        self._selection_actions: list[QPushButton] = []

        if sortable and isinstance(self.view, QTableView):
            self.proxy: QSortFilterProxyModel | None = QSortFilterProxyModel(self)
            self.proxy.setSortRole(SORT_ROLE)
            self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.proxy.setSourceModel(model)
            self.view.setModel(self.proxy)
            self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)  # service order until the user clicks a header
        else:
            self.proxy = None
            self.view.setModel(model)

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(12, 0, 12, 0)
        self.toolbar.setSpacing(6)
        self.toolbar.addStretch(1)

        self.empty = QLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        set_text_colour(self.empty, muted_colour(self))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.stack, 1)

        self.view.doubleClicked.connect(self._activate)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.installEventFilter(self)
        self.view.viewport().installEventFilter(self)
        self._update_actions()

    # -- toolbar ------------------------------------------------------------------------------
    def add_button(
        self,
        text: str,
        slot: Callable[[], None],
        *,
        needs_selection: bool = False,
        primary: bool = False,
    ) -> QPushButton:
        """A toolbar button, before the stretch; ``needs_selection`` disables it without one."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        if primary:
            font = button.font()
            font.setBold(True)
            button.setFont(font)
        button.clicked.connect(slot)
        self.toolbar.insertWidget(self.toolbar.count() - 1, button)
        if needs_selection:
            self._selection_actions.append(button)
        self._update_actions()
        return button

    def add_trailing(self, widget: QWidget) -> None:
        """A widget after the stretch (a count, a hint)."""
        self.toolbar.addWidget(widget)

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        current = self.current_id()
        if self.model.set_rows(rows):
            if current:
                self.select_id(current)
            # A hidden tab measures its columns when it is shown, not on every account opened.
            self._columns_stale = True
            if self.isVisible():
                self._fit_columns()
        self.stack.setCurrentWidget(self.view if rows else self.empty)
        self._update_actions()

    def refit_columns(self) -> None:
        """Columns whose contents arrived after the rows (e.g. relationship strengths)."""
        self._columns_stale = True
        if self.isVisible():
            self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._columns_stale:
            self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns as wide as their contents, the whole table as wide as the view.

        When space is short the widest columns give way first (down to ``MIN_COLUMN_WIDTH``),
        so a KAM sees every column without scrolling; spare width goes to the stretch column.
        """
        self._columns_stale = False
        if not isinstance(self.view, QTableView) or self.model.columnCount() == 0:
            return
        header = self.view.horizontalHeader()
        count = header.count()
        widths = [
            min(
                MAX_COLUMN_WIDTH, max(header.sectionSizeHint(c), self.view.sizeHintForColumn(c)) + 8
            )
            for c in range(count)
        ]
        available = self.view.viewport().width()
        if sum(widths) > available:
            # The first column names the row (a contact, a title): it keeps its width.
            first, rest = widths[0], widths[1:]
            cap = max(rest, default=MIN_COLUMN_WIDTH)
            while cap > MIN_COLUMN_WIDTH and first + sum(min(w, cap) for w in rest) > available:
                cap -= 2
            widths = [first, *(min(w, cap) for w in rest)]
        if sum(widths) < available:
            widths[self.model.stretch_column()] += available - sum(widths)
        header.setStretchLastSection(False)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def current_id(self) -> str:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return ""
        return index.data(ID_ROLE) or ""

    def select_id(self, record_id: str) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    # -- events -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_columns()
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            current = self.current_id()
            if current and event.key() in DELETE_KEYS:
                self.deletePressed.emit(current)
                return True
            if current and event.key() in ACTIVATE_KEYS:
                self.activated.emit(current)
                return True
        return super().eventFilter(watched, event)

    def _activate(self, index: QModelIndex) -> None:
        record_id = index.data(ID_ROLE)
        if record_id:
            self.activated.emit(record_id)

    def _selection_changed(self, *_: object) -> None:
        self._update_actions()
        self.currentChanged.emit(self.current_id())

    def _update_actions(self) -> None:
        has = bool(self.current_id())
        for button in self._selection_actions:
            button.setEnabled(has)
