"""Groups and their subsidiaries as a tree, with revenue and pipeline rolled up to each group.

The model is a thin tree over ``HierarchyNode`` dataclasses from ``services.hierarchy``. Each node
gets a serial number when the forest arrives; an index carries that number as its internal id,
so no Python object pointer travels through Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services.hierarchy import HierarchyNode, load_forest
from kamdesk.ui import formatting, labels
from kamdesk.ui.context import AppContext

IdRole = Qt.ItemDataRole.UserRole + 1

ACCOUNT, TIER, REVENUE, PIPELINE = range(4)
_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_NO_PARENT = -1
_GAP = 8
_ROOT = QModelIndex()

WATCHED_TABLES = ("accounts", "invoices", "opportunities")

Index = QModelIndex | QPersistentModelIndex


class HierarchyModel(QAbstractItemModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nodes: list[HierarchyNode] = []
        self._parent: list[int] = []  # serial of each node's parent, or _NO_PARENT
        self._row: list[int] = []  # each node's row under its parent
        self._children: list[list[int]] = []
        self._top: list[int] = []
        self._serial_of: dict[str, int] = {}
        self._year = dt.date.today().year
        self._bold = QFont()
        self._bold.setBold(True)

    def set_forest(self, roots: Sequence[HierarchyNode]) -> None:
        self.beginResetModel()
        self._nodes, self._parent, self._row, self._children = [], [], [], []
        self._serial_of = {}
        self._year = dt.date.today().year
        self._top = [self._add(node, _NO_PARENT, row) for row, node in enumerate(roots)]
        self.endResetModel()

    def _add(self, node: HierarchyNode, parent: int, row: int) -> int:
        serial = len(self._nodes)
        self._nodes.append(node)
        self._parent.append(parent)
        self._row.append(row)
        self._children.append([])
        self._serial_of[node.id] = serial
        self._children[serial] = [self._add(c, serial, r) for r, c in enumerate(node.children)]
        return serial

    def node(self, index: Index) -> HierarchyNode | None:
        return self._nodes[index.internalId()] if index.isValid() else None

    def index_of(self, account_id: str, column: int = ACCOUNT) -> QModelIndex:
        serial = self._serial_of.get(account_id)
        if serial is None:
            return QModelIndex()
        return self.createIndex(self._row[serial], column, serial)

    # -- Qt model ------------------------------------------------------------------------------
    def _kids(self, parent: Index) -> list[int]:
        return self._children[parent.internalId()] if parent.isValid() else self._top

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._kids(parent)[row])

    def parent(self, child: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        up = self._parent[child.internalId()]
        if up == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(self._row[up], 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._kids(parent))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 4

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 4:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            headers = (
                self.tr("Account"),
                self.tr("Tier"),
                self.tr("Revenue %1").replace("%1", str(self._year)),
                self.tr("Pipeline"),
            )
            return headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (REVENUE, PIPELINE):
            if section == REVENUE:
                return self.tr("Revenue this year (for a group, including its subsidiaries)")
            return self.tr("Open pipeline (for a group, including its subsidiaries)")
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (REVENUE, PIPELINE):
            return _NUMBER_ALIGN
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ACCOUNT:
                return node.name
            if column == TIER:
                return labels.tier(node.tier)
            if column == REVENUE:
                return formatting.money_short(node.rolled_revenue_cents)
            return formatting.money_short(node.rolled_pipeline_cents)
        if role == IdRole:
            return node.id
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (REVENUE, PIPELINE):
            return _NUMBER_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole and column in (REVENUE, PIPELINE):
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.FontRole and column == ACCOUNT and node.tier == "large_account":
            return self._bold
        return None

    def _tooltip(self, node: HierarchyNode, column: int) -> str:
        if column == REVENUE:
            own, rolled = node.revenue_year_cents, node.rolled_revenue_cents
        else:
            own, rolled = node.open_pipeline_cents, node.rolled_pipeline_cents
        if not node.children:
            return formatting.money(own)
        text = self.tr("This account: %1\nWith its subsidiaries: %2")
        return text.replace("%1", formatting.money(own)).replace("%2", formatting.money(rolled))


class _RowDelegate(QStyledItemDelegate):
    """Roomier rows, and a gap after right-aligned amounts so they do not touch the edge."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if index.column() in (REVENUE, PIPELINE):
            option.rect.adjust(0, 0, -_GAP, 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        extra = _GAP if index.column() in (REVENUE, PIPELINE) else 0
        return super().sizeHint(option, index) + QSize(extra, 6)


class HierarchyPanel(QWidget):
    """The group tree; the account the user picks is announced for the 360° view."""

    accountActivated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._restoring = False
        self._collapsed: set[str] = set()  # groups the user folded, kept folded across reloads

        self.model = HierarchyModel(self)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # the service orders groups by size, biggest first
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._delegate = _RowDelegate(self.view)
        self.view.setItemDelegate(self._delegate)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACCOUNT, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.view.activated.connect(self._on_activated)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.view.collapsed.connect(lambda i: self._collapsed.add(i.data(IdRole)))
        self.view.expanded.connect(lambda i: self._collapsed.discard(i.data(IdRole)))
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self._ctx.read(load_forest, self._on_forest, key="hierarchy")

    def current_account_id(self) -> str | None:
        index = self.view.selectionModel().currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select_account(self, account_id: str, *, reveal: bool = True) -> bool:
        """Select an account; ``reveal`` unfolds its group and scrolls to it."""
        index = self.model.index_of(account_id)
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        if reveal:
            self.view.scrollTo(index)
        return True

    def _on_forest(self, roots: list[HierarchyNode]) -> None:
        if not shiboken6.isValid(self):  # closed while the worker was reading
            return
        previous = self.current_account_id()
        self._restoring = True
        try:
            self.model.set_forest(roots)
            with QSignalBlocker(self.view):  # expanding from here is not the user unfolding
                self._expand(QModelIndex())
            if previous is not None:  # without unfolding a group the user folded
                self.select_account(previous, reveal=False)
        finally:
            self._restoring = False

    def _expand(self, parent: QModelIndex) -> None:
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, ACCOUNT, parent)
            if self.model.hasChildren(index):
                self.view.setExpanded(index, index.data(IdRole) not in self._collapsed)
                self._expand(index)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._restoring:
            self.accountActivated.emit(current.data(IdRole))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.accountActivated.emit(index.data(IdRole))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*WATCHED_TABLES):
            self.reload()
