"""The pipeline dashboard: charts and tables hold the forecast's figures, and follow the data."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from sqlalchemy import select

from kamdesk.models import Opportunity
from kamdesk.reports import forecast
from kamdesk.services.pipeline import DEFAULT_RATES, forecast_input, list_pipelines
from kamdesk.ui.formatting import money
from kamdesk.ui.pipeline.dashboard import PipelineDashboard

DEMO_TODAY = dt.date(2026, 11, 26)  # the demo database's today (tests/ui/conftest.py)


def service_figures(ctx, pipeline_id: str):
    with ctx.db.read() as session:
        opps = forecast_input(session, pipeline_id, today=DEMO_TODAY)
    return opps, forecast.by_stage(opps, DEFAULT_RATES)


@pytest.fixture
def dashboard(qtbot, ctx):
    w = PipelineDashboard(ctx)
    qtbot.addWidget(w)
    w.resize(1440, 860)
    w.set_today(DEMO_TODAY)  # hidden: remembered for the first load
    with qtbot.waitSignal(w.loaded, timeout=10_000):
        w.show()
        qtbot.waitExposed(w)
    return w


def biggest_open_opportunity(ctx, pipeline_id: str) -> tuple[str, str, int]:
    with ctx.db.read() as session:
        row = session.execute(
            select(Opportunity.id, Opportunity.stage_id, Opportunity.amount_cents)
            .where(
                Opportunity.pipeline_id == pipeline_id,
                Opportunity.status == "open",
                Opportunity.currency == "EUR",
                Opportunity.deleted_at.is_(None),
            )
            .order_by(Opportunity.amount_cents.desc())
            .limit(1)
        ).one()
    return row[0], row[1], row[2]


def test_the_charts_hold_the_forecast_figures(dashboard, ctx):
    pipeline_id = dashboard.pipeline_id()
    with ctx.db.read() as session:
        pipeline = next(p for p in list_pipelines(session) if p.id == pipeline_id)
    opps, by_stage = service_figures(ctx, pipeline_id)
    open_stages = [s for s in pipeline.stages if s.outcome == "open"]
    assert dashboard.pipeline_combo.currentData() == pipeline_id

    charts = dashboard.charts
    assert charts is not None
    open_bars = charts.stages.bar_heights("open")
    weighted_bars = charts.stages.bar_heights("weighted")
    assert len(open_bars) == len(open_stages)
    for i, stage in enumerate(open_stages):
        open_cents, weighted_cents = by_stage.get(stage.id, (0, 0))
        assert open_bars[i] == pytest.approx(open_cents / 100)
        assert weighted_bars[i] == pytest.approx(weighted_cents / 100)
    assert any(open_bars), "the demo pipeline has open opportunities"
    # Stage names are the categories of the x axis.
    ticks = charts.stages.category_axis._tickLevels[0]
    assert [label for _, label in ticks] == [s.name for s in open_stages]

    months = forecast.monthly_forecast(opps, DEFAULT_RATES, DEMO_TODAY)
    assert charts.forecast.bar_heights("weighted") == pytest.approx(
        [p.weighted_cents / 100 for p in months]
    )
    assert charts.forecast.values("won") == pytest.approx([p.won_cents / 100 for p in months])

    owners = forecast.by_owner(opps, DEFAULT_RATES)
    expected = [f.weighted_cents / 100 for f in owners.values() if f.open_count]
    assert charts.owners.bar_heights("weighted")[: len(expected)] == pytest.approx(expected)

    rates = forecast.win_rate_by_stage(opps)
    assert charts.win_rate.bar_heights("win_rate") == pytest.approx(
        [rates.get(s.id, 0.0) * 100 for s in open_stages]
    )


def test_hovering_a_bar_shows_its_amount(dashboard, qtbot):
    chart = dashboard.charts.stages
    data = dashboard.data()
    index = max(range(len(data.stages)), key=lambda i: data.stages[i].open_cents)
    box = chart.getPlotItem().vb
    scene_pos = box.mapViewToScene(QPointF(chart.categories()[index], 1.0))
    chart.scene().sigMouseMoved.emit(scene_pos)
    text = chart.hover_text()
    assert data.stages[index].name in text
    assert money(data.stages[index].open_cents).replace("\u202f", " ") in text.replace(
        "\u202f", " "
    )
    # Outside the plot the label goes away.
    chart.scene().sigMouseMoved.emit(QPointF(-50, -50))
    assert chart.hover_text() == ""


def test_month_and_quarter_toggle_changes_the_bars(dashboard, qtbot):
    chart = dashboard.charts.forecast
    assert len(chart.bar_heights("weighted")) == 12
    months_total = sum(chart.bar_heights("weighted"))

    dashboard.quarter_button.click()
    assert dashboard.granularity() == "quarter"
    assert len(chart.bar_heights("weighted")) == 4
    assert sum(chart.bar_heights("weighted")) >= months_total - 0.01  # quarters cover the months
    assert dashboard.tables.periods.model.rowCount() == 4

    dashboard.month_button.click()
    assert len(chart.bar_heights("weighted")) == 12
    assert dashboard.tables.periods.model.rowCount() == 12


def test_the_table_shows_the_same_figures(dashboard, ctx, qtmodeltester):
    dashboard.table_button.click()
    assert dashboard.table_mode()
    assert dashboard.stack.currentWidget() is dashboard.tables.page
    _, by_stage = service_figures(ctx, dashboard.pipeline_id())
    rows = dashboard.tables.stages.texts()
    data = dashboard.data()
    assert [r[0] for r in rows] == [s.name for s in data.stages]
    for row, stage in zip(rows, data.stages, strict=True):
        open_cents, weighted_cents = by_stage.get(stage.stage_id, (0, 0))
        assert row[1] == money(open_cents)  # formatted for the locale
        assert row[2] == money(weighted_cents)
    periods = dashboard.tables.periods.texts()
    assert [r[1] for r in periods] == [money(p.weighted_cents) for p in data.months]
    for table in dashboard.tables.all().values():
        qtmodeltester.check(table.model)
    dashboard.table_button.click()
    assert dashboard.stack.currentWidget() is dashboard.chart_page


def test_a_write_reloads_the_dashboard(dashboard, ctx, qtbot):
    from kamdesk.services.pipeline import update_opportunity

    opp_id, stage_id, amount = biggest_open_opportunity(ctx, dashboard.pipeline_id())
    stage_index = [s.stage_id for s in dashboard.data().stages].index(stage_id)
    before = dashboard.charts.stages.bar_heights("open")[stage_index]
    new_amount = amount + 1_234_500
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        ctx.write(lambda uow: update_opportunity(uow, opp_id, {"amount_cents": new_amount}))
    after = dashboard.charts.stages.bar_heights("open")[stage_index]
    assert after == pytest.approx(before + 12_345)
    _, by_stage = service_figures(ctx, dashboard.pipeline_id())
    assert after == pytest.approx(by_stage[stage_id][0] / 100)
    assert dashboard.tables.stages.texts()[stage_index][1] == money(by_stage[stage_id][0])


def test_choosing_another_pipeline_loads_its_figures(dashboard, ctx, qtbot):
    combo = dashboard.pipeline_combo
    assert combo.count() >= 2
    other = 1 if combo.currentIndex() == 0 else 0
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        combo.activated.emit(other)
    assert dashboard.pipeline_id() == combo.itemData(other)
    _, by_stage = service_figures(ctx, dashboard.pipeline_id())
    assert sum(dashboard.charts.stages.bar_heights("open")) == pytest.approx(
        sum(v[0] for v in by_stage.values()) / 100
    )


def test_export_to_png(dashboard, tmp_path):
    whole = tmp_path / "dashboard.png"
    assert dashboard.export_png(str(whole))
    image = QImage(str(whole))
    assert not image.isNull() and image.width() > 400 and image.height() > 300
    chart = tmp_path / "forecast.png"
    assert dashboard.export_chart_png("forecast", str(chart))
    image = QImage(str(chart))
    assert not image.isNull() and image.width() >= 1000


def test_export_button_asks_where_to_save(dashboard, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "mine"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dashboard.export_button.click()
    assert QImage(str(target) + ".png").width() > 0


def test_a_hidden_dashboard_reloads_when_shown_again(dashboard, ctx, qtbot):
    from kamdesk.services.pipeline import update_opportunity

    opp_id, stage_id, amount = biggest_open_opportunity(ctx, dashboard.pipeline_id())
    dashboard.hide()
    ctx.write(lambda uow: update_opportunity(uow, opp_id, {"amount_cents": amount + 100_000}))
    qtbot.waitUntil(lambda: ctx.executor.pending == 0)
    stage_index = [s.stage_id for s in dashboard.data().stages].index(stage_id)
    stale = dashboard.data().stages[stage_index].open_cents
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        dashboard.show()
    assert dashboard.data().stages[stage_index].open_cents == stale + 100_000


LAZY_IMPORT = textwrap.dedent(
    """
    import sys
    import kamdesk.ui.main_window
    import kamdesk.ui.pipeline.dashboard
    assert "pyqtgraph" not in sys.modules, "pyqtgraph imported before the dashboard is shown"
    from PySide6.QtWidgets import QApplication
    from kamdesk.db import Database
    from kamdesk.ui.context import AppContext
    app = QApplication([])
    db = Database.open(sys.argv[1], create=True)
    dashboard = kamdesk.ui.pipeline.dashboard.PipelineDashboard(AppContext(db))
    assert "pyqtgraph" not in sys.modules, "pyqtgraph imported by the dashboard's constructor"
    dashboard.show()
    assert "pyqtgraph" in sys.modules
    print("ok")
    """
)


def test_pyqtgraph_is_imported_only_when_the_dashboard_is_shown(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", LAZY_IMPORT, str(tmp_path / "empty.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().endswith("ok")
