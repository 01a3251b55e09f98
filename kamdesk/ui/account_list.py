"""The account list: every account with its figures, filtered as you type, sorted by any column.

The model is a thin table over ``AccountRow`` dataclasses from ``services.accounts``; the rows
come from the worker thread and are replaced wholesale on each reload.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services.accounts import AccountRow, list_accounts
from kamdesk.ui import formatting, labels
from kamdesk.ui.context import AppContext

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1

NAME, TIER, SECTOR, OWNER, GROUP, REVENUE, PIPELINE, LAST_CONTACT, RENEWAL = range(9)
_MONEY_COLUMNS = (REVENUE, PIPELINE)
# When the view is too narrow, these columns go first, in this order.
_HIDDEN_FIRST = (GROUP, SECTOR, RENEWAL, TIER, PIPELINE, OWNER)
_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_TIER_RANK = {code: rank for rank, code in enumerate(labels.tier_codes())}

# A last contact older than this is worth a glance (the automation rules raise the real alerts).
STALE_CONTACT_DAYS = 90
RENEWAL_SOON_DAYS = 90
_WARNING = QColor("#b3261e")
_MONEY_GAP = 8
_NO_RENEWAL = dt.date.max.toordinal()

_CELLS: tuple[Callable[[AccountRow], str], ...] = (
    lambda r: r.name,
    lambda r: labels.tier(r.tier),
    lambda r: r.sector or "",
    lambda r: r.owner or "",
    lambda r: r.parent or "",
    lambda r: formatting.money_short(r.revenue_year_cents),
    lambda r: formatting.money_short(r.open_pipeline_cents),
    lambda r: formatting.ago(r.last_contact_at),
    lambda r: formatting.date(r.renewal_date),
)
_ROOT = QModelIndex()

# Tables whose changes alter what the list shows (names, owners, revenue, pipeline, last contact).
WATCHED_TABLES = ("accounts", "invoices", "opportunities", "interactions", "users")


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form: "Société" and "societe" fold to the same text."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _fit_combo(combo: QComboBox) -> None:
    texts = (combo.itemText(i) for i in range(combo.count()))
    widest = max(map(combo.fontMetrics().horizontalAdvance, texts), default=0)
    combo.setMaximumWidth(widest + combo.fontMetrics().averageCharWidth() * 8)


class AccountTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AccountRow] = []
        self._search: list[str] = []
        self._keys: list[tuple[Any, ...]] = []
        self._row_of: dict[str, int] = {}
        self._today = dt.date.today()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[AccountRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        # Folded once here, so that filtering on each keystroke is a plain substring test.
        self._search = [
            fold(" ".join(filter(None, (r.name, r.sector, r.owner, r.parent)))) for r in self._rows
        ]
        self._keys = [self._sort_keys(r) for r in self._rows]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self._today = dt.date.today()
        self.endResetModel()

    def account(self, row: int) -> AccountRow:
        return self._rows[row]

    def search_text(self, row: int) -> str:
        return self._search[row]

    def row_of(self, account_id: str) -> int | None:
        return self._row_of.get(account_id)

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else 9

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 9:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in _MONEY_COLUMNS:
            return _NUMBER_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                OWNER: self.tr("Key account manager"),
                REVENUE: self.tr("Revenue this year: invoiced since 1 January, excluding VAT"),
                PIPELINE: self.tr("Open pipeline: total of the open opportunities"),
                LAST_CONTACT: self.tr("Most recent call, meeting, e-mail or note"),
            }.get(section)
        return None

    def _headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Tier"),
            self.tr("Sector"),
            self.tr("KAM"),
            self.tr("Group"),
            self.tr("Revenue %1").replace("%1", str(self._today.year)),
            self.tr("Pipeline"),
            self.tr("Last contact"),
            self.tr("Renewal"),
        ]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _CELLS[column](row)
        if role == SortRole:
            return self._keys[index.row()][column]
        if role == IdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _MONEY_COLUMNS:
            return _NUMBER_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and self._needs_attention(row, column):
            return _WARNING
        if role == Qt.ItemDataRole.FontRole and column == NAME and row.tier == "large_account":
            return self._bold
        return None

    @staticmethod
    def _sort_keys(row: AccountRow) -> tuple[Any, ...]:
        # One type per column, so that the proxy compares natively without Python callbacks.
        last = row.last_contact_at
        return (
            fold(row.name),
            _TIER_RANK.get(row.tier, len(_TIER_RANK)),
            fold(row.sector),
            fold(row.owner),
            fold(row.parent),
            row.revenue_year_cents,
            row.open_pipeline_cents,
            last.timestamp() if last is not None else 0.0,
            row.renewal_date.toordinal() if row.renewal_date else _NO_RENEWAL,
        )

    def _tooltip(self, row: AccountRow, column: int) -> str | None:
        if column == REVENUE:
            return formatting.money(row.revenue_year_cents)
        if column == PIPELINE:
            return formatting.money(row.open_pipeline_cents)
        if column == LAST_CONTACT and row.last_contact_at is not None:
            return formatting.datetime(row.last_contact_at)
        if column == NAME:  # in full, in case the column is too narrow
            if not row.parent:
                return row.name
            return self.tr("%1\nSubsidiary of %2").replace("%1", row.name).replace("%2", row.parent)
        return None

    def _needs_attention(self, row: AccountRow, column: int) -> bool:
        if column == LAST_CONTACT:
            last = row.last_contact_at
            return (
                last is None or (self._today - last.astimezone().date()).days > STALE_CONTACT_DAYS
            )
        if column == RENEWAL and row.renewal_date is not None:
            return 0 <= (row.renewal_date - self._today).days <= RENEWAL_SOON_DAYS
        return False


class _MoneyDelegate(QStyledItemDelegate):
    """Right-aligned amounts keep a gap before the next column's left-aligned text."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.rect.adjust(0, 0, -_MONEY_GAP, 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return super().sizeHint(option, index) + QSize(_MONEY_GAP, 0)


class AccountFilterProxy(QSortFilterProxyModel):
    """Filter-as-you-type (every word must appear) plus exact tier / owner / sector filters."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._terms: list[str] = []
        self._exact: tuple[str | None, str | None, str | None] = (None, None, None)

    def set_text(self, text: str) -> None:
        terms = fold(text).split()
        if terms != self._terms:
            self._change("_terms", terms)

    def set_exact(
        self, *, tier: str | None = None, owner_id: str | None = None, sector: str | None = None
    ) -> None:
        """Exact filters on the tier code, the owner's user id and the sector; None lets all pass."""
        if (tier, owner_id, sector) != self._exact:
            self._change("_exact", (tier, owner_id, sector))

    def _change(self, attribute: str, value: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, attribute, value)
            self.invalidateRowsFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model: AccountTableModel = self.sourceModel()  # type: ignore[assignment]
        row = model.account(source_row)
        for wanted, value in zip(self._exact, (row.tier, row.owner_id, row.sector), strict=True):
            if wanted is not None and value != wanted:
                return False
        text = model.search_text(source_row)
        return all(term in text for term in self._terms)


class AccountListPanel(QWidget):
    """The searchable account list; the selected account is announced for the 360° view."""

    accountActivated = Signal(str)

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
        self._money_delegate = _MoneyDelegate(view)
        for column in _MONEY_COLUMNS:
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
            pads = [0 if c in _MONEY_COLUMNS else chars for c in range(RENEWAL + 1)]
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
        if first_click and column in _MONEY_COLUMNS and order == Qt.SortOrder.AscendingOrder:
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
