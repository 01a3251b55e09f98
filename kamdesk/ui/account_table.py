"""The account table model: a thin model over ``AccountRow`` dataclasses, its filter proxy and
its amount delegate. Rows come from the worker thread and are replaced wholesale on each reload.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kamdesk.services.accounts import AccountRow
from kamdesk.ui import formatting, labels

SortRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1

NAME, TIER, SECTOR, OWNER, GROUP, REVENUE, PIPELINE, LAST_CONTACT, RENEWAL = range(9)
MONEY_COLUMNS = (REVENUE, PIPELINE)
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
        if role == Qt.ItemDataRole.TextAlignmentRole and section in MONEY_COLUMNS:
            return _NUMBER_ALIGN
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                OWNER: self.tr("Key account manager"),
                REVENUE: self.tr("Revenue this year: invoiced since 1 January, excluding VAT"),
                PIPELINE: self.tr("Open pipeline: total of the open opportunities"),
                LAST_CONTACT: self.tr("Most recent call, meeting, email or note"),
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column in MONEY_COLUMNS:
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


class MoneyDelegate(QStyledItemDelegate):
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
