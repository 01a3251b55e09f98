"""The benchmark runner keeps working (figures are printed, never asserted on)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks import run  # noqa: E402
from benchmarks.gui_figures import measure_views  # noqa: E402


def test_cold_start_runs_the_real_app(demo_db) -> None:
    figures = run.cold_start(demo_db.path, runs=1)
    assert figures["cold_start_s"] > 0


def test_view_figures_have_their_keys(qtbot, demo_db) -> None:
    figures = measure_views(demo_db.path, visits=3, rss_after=2)
    assert set(figures) == {"open_360_p50_ms", "open_360_p95_ms", "account_filter_p95_ms", "rss_mb"}
    assert all(value > 0 for value in figures.values())


def test_runner_prints_json_and_refuses_a_missing_database(demo_db, capsys, tmp_path) -> None:
    assert run.main(["--db", str(demo_db.path), "--json", "--only", "cold_start"]) == 0
    assert "cold_start_s" in json.loads(capsys.readouterr().out)
    try:
        run.main(["--db", str(tmp_path / "missing.sqlite")])
    except SystemExit as exc:
        assert exc.code == 2
    else:
        raise AssertionError("a missing database must be a usage error")


def test_percentile() -> None:
    assert run.percentile([1, 2, 3, 4, 5], 50) == 3
    assert run.percentile([10, 20], 95) == 19.5


def test_search_figures_have_their_keys(demo_db) -> None:
    from benchmarks.search_figures import measure_search

    figures = measure_search(demo_db.path)
    assert {"search_p95_ms", "search_common_term_p95_ms"} <= set(figures)
    assert all(value >= 0 for value in figures.values())


def test_stakeholder_map_figure_is_measured(qtbot, demo_db) -> None:
    from benchmarks.map_figures import measure_map

    figures = measure_map(demo_db.path, runs=2)
    assert figures["stakeholder_map_render_ms"] > 0


def test_mail_import_figure_is_measured_on_a_copy(demo_db) -> None:
    from benchmarks.mail_figures import measure_mail_import

    before = demo_db.path.stat().st_mtime_ns
    figures = measure_mail_import(demo_db.path, count=120)
    assert figures["mail_import_msgs_per_s"] > 0
    assert figures["mail_import_messages"] >= 120
    assert 0 < figures["mail_import_linked_pct"] <= 100
    assert figures["mail_import_gui_late_max_ms"] >= figures["mail_import_gui_late_p99_ms"] >= 0
    assert demo_db.path.stat().st_mtime_ns == before  # the given database is not changed
