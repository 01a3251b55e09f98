"""The pipeline dashboard: stages, 12-month forecast, win rate, cycle time and KAMs, charted.

The figures are computed on the worker (``dashboard_data.load_dashboard``); the GUI thread only
draws them. pyqtgraph is imported the first time the dashboard is shown (``charts`` module), so
starting kamdesk never pays for it. "Table" shows the same figures as numbers.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui.context import AppContext
from kamdesk.ui.formatting import money, percent
from kamdesk.ui.messages import fill
from kamdesk.ui.pipeline.dashboard_data import DashboardData, load_dashboard
from kamdesk.ui.pipeline.dashboard_tables import DashboardTables
from kamdesk.ui.pipeline.dashboard_texts import MONTH, QUARTER

if TYPE_CHECKING:
    from kamdesk.ui.pipeline.dashboard_charts import DashboardCharts

# The tables whose changes can move a figure of the dashboard.
WATCHED_TABLES = ("opportunities", "stages", "pipelines", "stage_history", "invoices", "users")

SUMMARY_STYLE = "QLabel#dashboardSummary { color: #334155; padding: 2px 4px; }"


class PipelineDashboard(QWidget):
    """Charts (or tables) of one pipeline's figures; ``loaded`` after every (re)load."""

    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.charts: DashboardCharts | None = None  # built on first show (imports pyqtgraph)
        self._data: DashboardData | None = None
        self._pipeline_id: str | None = None
        self._granularity = MONTH
        self._today: dt.date | None = None
        self._dirty = True
        self._loading = False

        self.pipeline_combo = QComboBox()
        self.pipeline_combo.setAccessibleName(self.tr("Pipeline"))
        self.pipeline_combo.setMinimumContentsLength(16)
        self.pipeline_combo.activated.connect(self._on_pipeline_chosen)
        self.month_button = self._toggle(self.tr("Months"), self.tr("Forecast by month"))
        self.quarter_button = self._toggle(self.tr("Quarters"), self.tr("Forecast by quarter"))
        self.month_button.setChecked(True)
        periods = QButtonGroup(self)
        periods.setExclusive(True)
        periods.addButton(self.month_button)
        periods.addButton(self.quarter_button)
        self.month_button.toggled.connect(self._on_period_toggled)
        self.table_button = self._toggle(self.tr("Table"), self.tr("Show the figures as tables"))
        self.table_button.toggled.connect(self.set_table_mode)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export PNG…"))
        self.export_button.setToolTip(self.tr("Save the dashboard, or one chart, as a PNG image"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.export_button.clicked.connect(lambda: self._ask_export(None))
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")

        toolbar = QHBoxLayout()
        toolbar.addWidget(QLabel(self.tr("Pipeline")))
        toolbar.addWidget(self.pipeline_combo)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.month_button)
        toolbar.addWidget(self.quarter_button)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.table_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.status)
        toolbar.addWidget(self.export_button)

        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.summary.setStyleSheet(SUMMARY_STYLE)
        self.chart_page = QWidget()
        self.chart_layout = QGridLayout(self.chart_page)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_layout.setSpacing(8)
        self.tables = DashboardTables()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.chart_page)
        self.stack.addWidget(self.tables.page)
        # What "Export PNG" saves: the figures without the toolbar.
        self.body = QWidget()
        self.body.setObjectName("dashboardBody")
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(6)
        body.addWidget(self.summary)
        body.addWidget(self.stack, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(toolbar)
        layout.addWidget(self.body, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.changed.connect(self._on_changes)
        self._fill_export_menu()

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(False)
        return button

    # -- public -------------------------------------------------------------------------------
    def data(self) -> DashboardData | None:
        return self._data

    def pipeline_id(self) -> str | None:
        return self._pipeline_id

    def granularity(self) -> str:
        return self._granularity

    def set_pipeline(self, pipeline_id: str) -> None:
        self._pipeline_id = pipeline_id
        self._reload_when_visible()

    def set_granularity(self, granularity: str) -> None:
        """``"month"`` or ``"quarter"``: the forecast chart and table redraw at once (no reload)."""
        self._granularity = QUARTER if granularity == QUARTER else MONTH
        button = self.quarter_button if self._granularity == QUARTER else self.month_button
        if not button.isChecked():
            button.setChecked(True)  # toggles back into here
            return
        self._show_periods()

    def set_today(self, day: dt.date | None) -> None:
        """The day the 12-month forecast starts from (None: the real today)."""
        self._today = day
        self._reload_when_visible()

    def _reload_when_visible(self) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._dirty = True  # a hidden dashboard costs nothing; showEvent loads it

    def set_table_mode(self, on: bool) -> None:
        if self.table_button.isChecked() != on:
            self.table_button.setChecked(on)  # toggles back into here
            return
        self.stack.setCurrentWidget(self.tables.page if on else self.chart_page)

    def table_mode(self) -> bool:
        return self.stack.currentWidget() is self.tables.page

    def reload(self) -> None:
        """Recompute every figure on the worker; ``loaded`` follows."""
        self._dirty = False
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        pipeline_id, today = self._pipeline_id, self._today
        self.ctx.read(
            lambda session: load_dashboard(session, pipeline_id, today=today),
            self._on_loaded,
            self._on_failed,
            key=f"pipeline-dashboard-{id(self)}",
        )

    def export_png(self, path: str) -> bool:
        """Save what the dashboard shows (charts or tables, with the totals) as a PNG."""
        if self.charts is not None:
            self.charts.clear_hover()
        return self.body.grab().save(path, "PNG")

    def export_chart_png(self, name: str, path: str) -> bool:
        """Save one chart (``stages``, ``forecast``, ``win_rate``, ``cycle``, ``owners``)."""
        self._ensure_charts()
        assert self.charts is not None
        return self.charts.chart(name).export_png(path)

    # -- loading ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_charts()
        if self._dirty and not self._loading:
            self.reload()

    def _ensure_charts(self) -> None:
        if self.charts is not None:
            return
        from kamdesk.ui.pipeline.dashboard_charts import DashboardCharts

        self.charts = DashboardCharts(self.chart_layout, self.chart_page)
        self.charts.exportRequested.connect(self._ask_export)
        self._fill_export_menu()
        if self._data is not None:
            self.charts.show_data(self._data, self._granularity)

    def _on_changes(self, changes: Any) -> None:
        if not changes.touches(*WATCHED_TABLES):
            return
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._dirty = True

    def _on_loaded(self, data: DashboardData) -> None:
        self._loading = False
        self._data = data
        self._pipeline_id = data.pipeline_id
        self._fill_pipelines(data)
        self.status.setText("")
        rate = data.win_rate_last_year
        self.summary.setText(
            fill(
                self.tr(
                    "<b>Open pipeline</b> %1 (%2 opportunities) &nbsp;·&nbsp; <b>Weighted</b> %3"
                    " &nbsp;·&nbsp; <b>Won, last 12 months</b> %4 &nbsp;·&nbsp; <b>Win rate</b> %5"
                    " &nbsp;<span style='color:#64748b'>(amounts in %6)</span>"
                ),
                money(sum(r.open_cents for r in data.stages), data.currency, decimals=0),
                QLocale().toString(data.open_count),
                money(sum(r.weighted_cents for r in data.stages), data.currency, decimals=0),
                money(data.won_last_year_cents, data.currency, decimals=0),
                "—" if rate is None else percent(rate, 0),
                data.currency,
            )
        )
        self.tables.show_data(data, self._granularity)
        if self.charts is not None:
            self.charts.show_data(data, self._granularity)
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("The figures could not be computed."))
        self.ctx.report_error(error)

    def _fill_pipelines(self, data: DashboardData) -> None:
        combo = self.pipeline_combo
        wanted = [(p.id, p.name) for p in data.pipelines]
        current = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
        if wanted != current:
            combo.blockSignals(True)
            combo.clear()
            for pipeline_id, name in wanted:
                combo.addItem(name, pipeline_id)
            combo.blockSignals(False)
        index = combo.findData(data.pipeline_id)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _on_pipeline_chosen(self, index: int) -> None:
        pipeline_id = self.pipeline_combo.itemData(index)
        if pipeline_id and pipeline_id != self._pipeline_id:
            self.set_pipeline(pipeline_id)

    def _on_period_toggled(self, month_checked: bool) -> None:
        self._granularity = MONTH if month_checked else QUARTER
        self._show_periods()

    def _show_periods(self) -> None:
        if self._data is None:
            return
        self.tables.show_periods(self._data, self._granularity)
        if self.charts is not None:
            self.charts.show_periods(self._data, self._granularity)

    # -- export -------------------------------------------------------------------------------
    def _fill_export_menu(self) -> None:
        self.export_menu.clear()
        self.export_menu.addAction(self.tr("Whole dashboard…"), lambda: self._ask_export(None))
        if self.charts is None:
            return
        self.export_menu.addSeparator()
        for name, chart in self.charts.named():
            self.export_menu.addAction(
                fill(self.tr("Chart: %1…"), chart.title),
                partial(self._ask_export, name),
            )

    def _ask_export(self, chart: str | None) -> None:
        default = "pipeline-dashboard.png" if chart is None else f"pipeline-{chart}.png"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export as PNG"), default, self.tr("PNG images (*.png)")
        )
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        ok = self.export_png(path) if chart is None else self.export_chart_png(chart, path)
        if not ok:
            self.ctx.errorOccurred.emit(fill(self.tr("Could not write %1."), path))
