"""The account list panel: every account with its figures, filtered as you type, sorted by any column."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services.accounts import AccountRow, list_accounts
from kamdesk.ui import labels
from kamdesk.ui.account_table import (
    GROUP,
    MONEY_COLUMNS,
    NAME,
    OWNER,
    PIPELINE,
    RENEWAL,
    SECTOR,
    TIER,
    WATCHED_TABLES,
    AccountFilterProxy,
    AccountTableModel,
    IdRole,
    MoneyDelegate,
    fold,
)
from kamdesk.ui.context import AppContext

# When the view is too narrow, these columns go first, in this order.
_HIDDEN_FIRST = (GROUP, SECTOR, RENEWAL, TIER, PIPELINE, OWNER)


def _fit_combo(combo: QComboBox) -> None:
    texts = (combo.itemText(i) for i in range(combo.count()))
    widest = max(map(combo.fontMetrics().horizontalAdvance, texts), default=0)
    combo.setMaximumWidth(widest + combo.fontMetrics().averageCharWidth() * 8)


class AccountListPanel(QWidget):
    """The searchable account list; the selected account is announced for the 360° view."""

    accountActivated = Signal(str)
    loaded = Signal()  # the rows of a reload are on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._loaded = False
        self._fitting = False
        self._user_sized = False
        self._natural: list[tuple[int, int]] | None = None
        self._sort_column = NAME
        self._restoring = False
        self._wanted_id: str | None = None

        self.model = AccountTableModel(self)
        self.proxy = AccountFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter accounts…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.returnPressed.connect(self._focus_first_row)

        self.tier_combo = self._combo(self.tr("Tier filter"), self.tr("All tiers"))
        for code in labels.tier_codes():
            self.tier_combo.addItem(labels.tier(code), code)
        self.owner_combo = self._combo(self.tr("Key account manager filter"), self.tr("All KAMs"))
        self.sector_combo = self._combo(self.tr("Sector filter"), self.tr("All sectors"))
        for combo in (self.tier_combo, self.owner_combo, self.sector_combo):
            combo.currentIndexChanged.connect(self._apply_combos)
            _fit_combo(combo)

        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setForegroundRole(self.count_label.palette().ColorRole.PlaceholderText)

        self.view = QTableView(self)
        self._setup_view()

        # Two rows, so that the panel still fits beside the 360° view in a narrow pane.
        filters = QHBoxLayout()
        for combo in (self.tier_combo, self.owner_combo, self.sector_combo):
            filters.addWidget(combo, 1)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)

        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_count)
        ctx.bus.changed.connect(self._on_changed)
        self._update_count()
        self.reload()

    def _combo(self, accessible_name: str, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(accessible_name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # shrinks in a narrow pane, grows to its longest item
        combo.addItem(all_text, None)
        return combo

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.proxy)
        # A sample of rows sizes the columns; 2 000 accounts need not all be measured.
        view.horizontalHeader().setResizeContentsPrecision(200)
        view.setSortingEnabled(True)
        view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = view.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(60)
        header.sectionResized.connect(self._on_section_resized)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self._money_delegate = MoneyDelegate(view)
        for column in MONEY_COLUMNS:
            view.setItemDelegateForColumn(column, self._money_delegate)
        view.viewport().installEventFilter(self)
        view.activated.connect(self._on_activated)
        view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

    # -- public --------------------------------------------------------------------------------
    def reload(self) -> None:
        self._ctx.read(list_accounts, self._on_rows, key="account-list")

    def current_account_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_account(self, account_id: str) -> bool:
        """Select and show an account; False if it is unknown or hidden by the filters."""
        if not self._loaded:
            self._wanted_id = account_id  # selected when the rows arrive
            return False
        row = self.model.row_of(account_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)
        return True

    def select_first(self) -> bool:
        """Select (and so open) the first account as the list is sorted; False when empty."""
        if self.proxy.rowCount() == 0:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(self.proxy.index(0, NAME), flags)
        return True

    # -- rows arrive ---------------------------------------------------------------------------
    def _on_rows(self, rows: list[AccountRow]) -> None:
        if not shiboken6.isValid(self):  # closed while the worker was reading
            return
        previous = self.current_account_id()
        self._restoring = True
        try:
            self.model.set_rows(rows)
            self._refill(self.owner_combo, {r.owner_id: r.owner or "" for r in rows if r.owner_id})
            self._refill(self.sector_combo, {r.sector: r.sector for r in rows if r.sector})
            self._apply_combos()
            if previous is not None:
                self.select_account(previous)
        finally:
            self._restoring = False
        self._natural = None  # new rows: measure again
        self._fit_columns()
        self._loaded = True
        if self._wanted_id is not None:
            wanted, self._wanted_id = self._wanted_id, None
            self.select_account(wanted)
        self._update_count()
        self.loaded.emit()

    def _refill(self, combo: QComboBox, choices: dict[str, str]) -> None:
        """Replace a combo's choices ({data: text}), keeping "All" and the current choice if any."""
        current = combo.currentData()
        with QSignalBlocker(combo):
            while combo.count() > 1:
                combo.removeItem(1)
            for data, text in sorted(choices.items(), key=lambda item: fold(item[1])):
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        _fit_combo(combo)

    def _apply_combos(self) -> None:
        self.proxy.set_exact(
            tier=self.tier_combo.currentData(),
            owner_id=self.owner_combo.currentData(),
            sector=self.sector_combo.currentData(),
        )

    def _fit_columns(self) -> None:
        """Size columns to their contents; if the view is too narrow, hide the least needed ones.

        Runs after each load, resize and sort until the user sizes a column by hand. Only the
        sorted column's header keeps room for the sort arrow: elsewhere that room is wasted.
        """
        if self._user_sized or not self.model.rowCount():
            return
        view, header = self.view, self.view.horizontalHeader()
        chars = view.fontMetrics().averageCharWidth()
        if self._natural is None:
            pads = [0 if c in MONEY_COLUMNS else chars for c in range(RENEWAL + 1)]
            self._natural = [
                (min(view.sizeHintForColumn(c) + pad, 36 * chars), header.sectionSizeHint(c))
                for c, pad in enumerate(pads)
            ]
        style = header.style()
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        arrow += style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        widths = [
            max(cells, title if c == header.sortIndicatorSection() else title - arrow)
            for c, (cells, title) in enumerate(self._natural)
        ]
        # Too narrow: long names give way first (their tooltip has them in full), then the
        # least needed columns go, rather than clipping every column a little.
        name_floor = min(widths[NAME], 24 * chars)
        hidden: set[int] = set()
        for column in _HIDDEN_FIRST:
            needed = sum(w for c, w in enumerate(widths) if c not in hidden) - widths[NAME]
            if needed + name_floor <= view.viewport().width():
                break
            hidden.add(column)
        excess = sum(w for c, w in enumerate(widths) if c not in hidden) - view.viewport().width()
        widths[NAME] = max(widths[NAME] - max(excess, 0), name_floor)
        self._fitting = True
        try:
            for column, width in enumerate(widths):  # the last one then stretches to fill
                view.setColumnHidden(column, column in hidden)
                view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _on_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        # Amounts are read biggest first: a first click on their header sorts them that way.
        first_click, self._sort_column = column != self._sort_column, column
        if first_click and column in MONEY_COLUMNS and order == Qt.SortOrder.AscendingOrder:
            self.view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.DescendingOrder)
            return  # the call above comes back here with the new order
        self._fit_columns()

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        header = self.view.horizontalHeader()
        stretched = max(c for c in range(RENEWAL + 1) if not header.isSectionHidden(c))
        if not self._fitting and column != stretched:
            self._user_sized = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The viewport, not the panel: a vertical scroll bar appearing narrows it too.
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            text = self.tr("%n account(s)", "", total)
        else:
            text = self.tr("%1 of %n account(s)", "", total).replace("%1", str(shown))
        self.count_label.setText(text)

    # -- user and data events ------------------------------------------------------------------
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._restoring:
            self.accountActivated.emit(current.data(IdRole))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.accountActivated.emit(index.data(IdRole))

    def _focus_first_row(self) -> None:
        if self.proxy.rowCount() and self.current_account_id() is None:
            self.view.setCurrentIndex(self.proxy.index(0, NAME))
        self.view.setFocus()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()
