"""The dashboard's five charts and how its figures map onto them (imports pyqtgraph: load lazily)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kamdesk.ui.formatting import money, percent
from kamdesk.ui.pipeline.charts import AMBER, BLUE, GREEN, LIGHT_GREEN, VIOLET, Chart
from kamdesk.ui.pipeline.dashboard_data import DashboardData, PeriodRow
from kamdesk.ui.pipeline.dashboard_texts import (
    days_text,
    period_label,
    short_money,
    unassigned_text,
)

translate = QCoreApplication.translate


def _swatch(color: str, label: str, value: str) -> str:
    return f"<span style='color:{color}'>■</span> {label}: <b>{value}</b>"


def _stamp(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day).timestamp()


def _next_start(row: PeriodRow, granularity: str) -> dt.date:
    step = 3 if granularity == "quarter" else 1
    month = row.start.month - 1 + step
    return dt.date(row.start.year + month // 12, month % 12 + 1, 1)


class DashboardCharts(QObject):
    """Builds each chart once into ``layout``; ``show_data`` feeds them on every reload."""

    exportRequested = Signal(str)  # the chart's name

    def __init__(self, layout: QGridLayout, parent: QWidget) -> None:
        super().__init__(parent)
        self.stages = Chart(
            translate("PipelineDashboard", "Open and weighted pipeline by stage"),
            short_money,
            legend=True,
        )
        self.stages.add_bars(
            "open", translate("PipelineDashboard", "Open pipeline"), BLUE, offset=-0.2, width=0.38
        )
        self.stages.add_bars(
            "weighted",
            translate("PipelineDashboard", "Weighted pipeline"),
            AMBER,
            offset=0.2,
            width=0.38,
        )

        self.forecast = Chart(
            translate("PipelineDashboard", "Weighted forecast and won revenue"),
            short_money,
            dates=True,
            legend=True,
        )
        self.forecast.add_bars(
            "weighted", translate("PipelineDashboard", "Weighted forecast"), AMBER, width=0.62
        )
        self.forecast.add_line("won", translate("PipelineDashboard", "Won"), GREEN)
        self.forecast.add_line(
            "won_before",
            translate("PipelineDashboard", "Won a year earlier"),
            LIGHT_GREEN,
            dashed=True,
        )

        self.win_rate = Chart(
            translate("PipelineDashboard", "Win rate by stage reached"),
            lambda v: percent(v / 100, 0),
            horizontal=True,
        )
        self.win_rate.add_bars(
            "win_rate", translate("PipelineDashboard", "Win rate"), GREEN, width=0.6
        )
        self.cycle = Chart(
            translate("PipelineDashboard", "Average days in stage"),
            lambda v: QLocale().toString(v, "g", 6),
            horizontal=True,
        )
        self.cycle.add_bars("days", translate("PipelineDashboard", "Days"), VIOLET, width=0.6)

        self.owners = Chart(
            translate("PipelineDashboard", "Weighted pipeline by key account manager"),
            short_money,
            horizontal=True,
        )
        self.owners.add_bars(
            "weighted", translate("PipelineDashboard", "Weighted pipeline"), AMBER, width=0.6
        )

        layout.addWidget(self.stages, 0, 0, 1, 2)
        layout.addWidget(self.forecast, 0, 2, 1, 2)
        layout.addWidget(self.win_rate, 1, 0)
        layout.addWidget(self.cycle, 1, 1)
        layout.addWidget(self.owners, 1, 2, 1, 2)
        for column in range(4):
            layout.setColumnStretch(column, 1)
        for name, chart in self.named():
            chart.setObjectName(f"chart_{name}")
            chart.exportRequested.connect(lambda name=name: self.exportRequested.emit(name))

    def named(self) -> Iterator[tuple[str, Chart]]:
        yield "stages", self.stages
        yield "forecast", self.forecast
        yield "win_rate", self.win_rate
        yield "cycle", self.cycle
        yield "owners", self.owners

    def chart(self, name: str) -> Chart:
        return dict(self.named())[name]

    def clear_hover(self) -> None:
        for _, chart in self.named():
            chart.hover_category(-1)

    def show_data(self, data: DashboardData, granularity: str) -> None:
        cur = data.currency
        stages = data.stages
        positions = list(range(len(stages)))
        names = [s.name for s in stages]

        self.stages.set_categories(
            positions,
            names,
            [
                f"<b>{s.name}</b><br>"
                + _swatch(
                    BLUE, translate("PipelineDashboard", "Open pipeline"), money(s.open_cents, cur)
                )
                + "<br>"
                + _swatch(
                    AMBER,
                    translate("PipelineDashboard", "Weighted pipeline"),
                    money(s.weighted_cents, cur),
                )
                for s in stages
            ],
        )
        self.stages.set_values("open", [s.open_cents / 100 for s in stages])
        self.stages.set_values("weighted", [s.weighted_cents / 100 for s in stages])
        self.stages.fit()

        rates = [s.win_rate for s in stages]
        self.win_rate.set_categories(
            positions,
            names,
            [
                f"<b>{s.name}</b><br>"
                + _swatch(
                    GREEN,
                    translate("PipelineDashboard", "Win rate"),
                    "—" if r is None else percent(r),
                )
                for s, r in zip(stages, rates, strict=True)
            ],
        )
        self.win_rate.set_values("win_rate", [(r or 0.0) * 100 for r in rates])
        self.win_rate.fit()
        self.win_rate.getPlotItem().setXRange(0, 100 * 1.05, padding=0)

        self.cycle.set_categories(
            positions,
            names,
            [
                f"<b>{s.name}</b><br>"
                + _swatch(
                    VIOLET,
                    translate("PipelineDashboard", "Average days in stage"),
                    days_text(s.cycle_days) or "—",
                )
                for s in stages
            ],
        )
        self.cycle.set_values("days", [s.cycle_days or 0.0 for s in stages])
        self.cycle.fit()

        owners = data.owners
        self.owners.set_categories(
            list(range(len(owners))),
            [o.owner or unassigned_text() for o in owners],
            [
                f"<b>{o.owner or unassigned_text()}</b><br>"
                + _swatch(
                    AMBER,
                    translate("PipelineDashboard", "Weighted pipeline"),
                    money(o.weighted_cents, cur),
                )
                + "<br>"
                + _swatch(
                    BLUE, translate("PipelineDashboard", "Open pipeline"), money(o.open_cents, cur)
                )
                + "<br>"
                + _swatch(
                    GREEN,
                    translate("PipelineDashboard", "Won, last 12 months"),
                    money(o.won_cents, cur),
                )
                for o in owners
            ],
        )
        self.owners.set_values("weighted", [o.weighted_cents / 100 for o in owners])
        self.owners.fit()

        self.show_periods(data, granularity)

    def show_periods(self, data: DashboardData, granularity: str) -> None:
        cur = data.currency
        rows = data.periods(granularity)
        centers = [(_stamp(r.start) + _stamp(_next_start(r, granularity))) / 2 for r in rows]
        self.forecast.set_categories(
            centers,
            _axis_labels(rows, granularity),
            [
                f"<b>{period_label(r, granularity, long=True)}</b><br>"
                + _swatch(
                    AMBER,
                    translate("PipelineDashboard", "Weighted forecast"),
                    money(r.weighted_cents, cur),
                )
                + "<br>"
                + _swatch(GREEN, translate("PipelineDashboard", "Won"), money(r.won_cents, cur))
                + "<br>"
                + _swatch(
                    LIGHT_GREEN,
                    translate("PipelineDashboard", "Won a year earlier"),
                    money(r.won_year_before_cents, cur),
                )
                for r in rows
            ],
        )
        self.forecast.set_values("weighted", [r.weighted_cents / 100 for r in rows])
        self.forecast.set_values("won", [r.won_cents / 100 for r in rows])
        self.forecast.set_values("won_before", [r.won_year_before_cents / 100 for r in rows])
        self.forecast.fit()


def _axis_labels(rows: tuple[PeriodRow, ...], granularity: str) -> list[str]:
    """Months as ``janv.`` with the year under the first month and every January (room for 12)."""
    if granularity == "quarter":
        return [period_label(r, granularity) for r in rows]
    locale = QLocale()
    labels = []
    for i, row in enumerate(rows):
        month = locale.toString(QDate(row.start.year, row.start.month, 1), "MMM")
        labels.append(f"{month}\n{row.start.year}" if i == 0 or row.start.month == 1 else month)
    return labels
