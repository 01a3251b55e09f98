"""The dashboard's figures as tables, for people who prefer numbers (no pyqtgraph needed here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.formatting import money
from kamdesk.ui.pipeline.dashboard_data import DashboardData
from kamdesk.ui.pipeline.dashboard_texts import (
    MONTH,
    days_text,
    period_label,
    rate_text,
    unassigned_text,
)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    numeric: bool = True  # right-aligned, like every column of figures


class FigureTableModel(QAbstractTableModel):
    """A thin read-only model over plain row dataclasses; each column formats its own cells."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].header
        return None


class FigureTable(QGroupBox):
    """A titled table of one chart's figures."""

    def __init__(
        self, title: str, columns: Sequence[Column], *, fit_rows: bool = False, parent: Any = None
    ) -> None:
        super().__init__(title, parent)
        self._fit_rows = fit_rows
        self.model = FigureTableModel(columns, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setObjectName(title)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.view)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        if self._fit_rows:  # as tall as its rows: no empty band under a short table
            view = self.view
            height = view.horizontalHeader().height() + view.verticalHeader().length()
            view.setFixedHeight(height + 2 * view.frameWidth() + 2)

    def texts(self) -> list[list[str]]:
        """What the table shows, cell by cell (tests, clipboard)."""
        m = self.model
        return [
            [m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())
        ]


class DashboardTables:
    """The "Table" page: the four charts' figures, formatted for the locale."""

    def __init__(self) -> None:
        self._granularity = MONTH
        eur = "EUR"
        self.stages = FigureTable(
            translate("PipelineDashboard", "Pipeline by stage"),
            [
                Column(translate("PipelineDashboard", "Stage"), lambda r: r.name, numeric=False),
                Column(
                    translate("PipelineDashboard", "Open pipeline"),
                    lambda r: money(r.open_cents, eur),
                ),
                Column(
                    translate("PipelineDashboard", "Weighted pipeline"),
                    lambda r: money(r.weighted_cents, eur),
                ),
                Column(
                    translate("PipelineDashboard", "Win rate"),
                    lambda r: rate_text(r.win_rate),
                ),
                Column(
                    translate("PipelineDashboard", "Average days in stage"),
                    lambda r: days_text(r.cycle_days),
                ),
            ],
            fit_rows=True,
        )
        self.periods = FigureTable(
            translate("PipelineDashboard", "Weighted forecast and won revenue"),
            [
                Column(
                    translate("PipelineDashboard", "Period"),
                    lambda r: period_label(r, self._granularity, long=True),
                    numeric=False,
                ),
                Column(
                    translate("PipelineDashboard", "Weighted forecast"),
                    lambda r: money(r.weighted_cents, eur),
                ),
                Column(translate("PipelineDashboard", "Won"), lambda r: money(r.won_cents, eur)),
                Column(
                    translate("PipelineDashboard", "Won a year earlier"),
                    lambda r: money(r.won_year_before_cents, eur),
                ),
            ],
        )
        self.owners = FigureTable(
            translate("PipelineDashboard", "Weighted pipeline by key account manager"),
            [
                Column(
                    translate("PipelineDashboard", "Key account manager"),
                    lambda r: r.owner or unassigned_text(),
                    numeric=False,
                ),
                Column(
                    translate("PipelineDashboard", "Open opportunities"),
                    lambda r: QLocale().toString(r.open_count),
                ),
                Column(
                    translate("PipelineDashboard", "Open pipeline"),
                    lambda r: money(r.open_cents, eur),
                ),
                Column(
                    translate("PipelineDashboard", "Weighted pipeline"),
                    lambda r: money(r.weighted_cents, eur),
                ),
                Column(
                    translate("PipelineDashboard", "Won, last 12 months"),
                    lambda r: money(r.won_cents, eur),
                ),
                Column(
                    translate("PipelineDashboard", "Win rate"),
                    lambda r: rate_text(r.win_rate),
                ),
            ],
            fit_rows=True,
        )
        self.page = QWidget()
        grid = QGridLayout(self.page)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.stages, 0, 0)
        grid.addWidget(self.owners, 1, 0)
        grid.addWidget(self.periods, 0, 1, 3, 1)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def show_data(self, data: DashboardData, granularity: str) -> None:
        self.stages.set_rows(data.stages)
        self.owners.set_rows(data.owners)
        self.show_periods(data, granularity)

    def show_periods(self, data: DashboardData, granularity: str) -> None:
        self._granularity = granularity
        self.periods.set_rows(data.periods(granularity))

    def all(self) -> dict[str, FigureTable]:
        return {"stages": self.stages, "periods": self.periods, "owners": self.owners}
