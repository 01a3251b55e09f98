"""kamdesk benchmarks: `python benchmarks/run.py --db PATH [--json] [--only NAME,…]`.

Measures on an existing database (make one with `kamdesk --db PATH demo`) and prints a table,
or one JSON object. Each capability adds its figures as a function in FIGURES below; tests only
check that the runner works (tests/ui/test_benchmarks.py), never the times.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Figures = dict[str, float]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def cold_start(db: Path, runs: int = 5) -> Figures:
    """Process start → main window shown with the account list filled, in separate processes.

    The clock stops when the app says it is ready, not when the process has exited.
    """
    env = dict(os.environ, KAMDESK_EXIT_WHEN_READY="1", QT_QPA_PLATFORM="offscreen")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "kamdesk", "--db", str(db)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        ready = any(line.strip() == "kamdesk-ready" for line in proc.stdout)
        elapsed = time.perf_counter() - start
        _, err = proc.communicate(timeout=120)
        if not ready:
            raise RuntimeError(f"kamdesk did not start: {err.strip()[-500:]}")
        times.append(elapsed)
    return {"cold_start_s": round(statistics.median(times), 3)}


def in_process(db: Path, visits: int = 200) -> Figures:
    from benchmarks.gui_figures import measure_views

    return measure_views(db, visits=visits)


def search(db: Path) -> Figures:
    from benchmarks.search_figures import measure_search

    return measure_search(db)


def stakeholder_map(db: Path) -> Figures:
    from benchmarks.map_figures import measure_map

    return measure_map(db)


def kanban(db: Path) -> Figures:
    from benchmarks.kanban_figures import measure_kanban

    return measure_kanban(db)


def mail_import(db: Path) -> Figures:
    from benchmarks.mail_figures import measure_mail_import

    return measure_mail_import(db)


@functools.cache
def _sync_run(db: Path) -> Figures:
    """One server, one empty client: the initial sync, then the incremental round after it."""
    from benchmarks.sync_figures import measure_sync

    return measure_sync(db)


def sync_initial(db: Path) -> Figures:
    figures = _sync_run(db)
    return {k: figures[k] for k in ("sync_initial_rows", "sync_initial_rows_per_s")}


def sync_incremental(db: Path) -> Figures:
    return {"sync_incremental_ms": _sync_run(db)["sync_incremental_ms"]}


FIGURES: dict[str, Callable[[Path], Figures]] = {
    "cold_start": cold_start,
    "views": in_process,
    "search": search,
    "stakeholder_map": stakeholder_map,
    "kanban": kanban,
    "mail_import": mail_import,
    # Server (PostgreSQL store) and client on this machine; both from the same run.
    "sync_initial_rows_per_s": sync_initial,
    "sync_incremental_ms": sync_incremental,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an existing kamdesk database")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", help="comma-separated subset of: " + ", ".join(FIGURES))
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"no database at {args.db} (create one with: kamdesk --db {args.db} demo)")
    names = args.only.split(",") if args.only else list(FIGURES)
    unknown = set(names) - set(FIGURES)
    if unknown:
        parser.error("unknown figures: " + ", ".join(sorted(unknown)))
    results: Figures = {}
    for name in names:
        results.update(FIGURES[name](args.db))
    if args.json:
        print(json.dumps(results))
    else:
        print(
            f"kamdesk benchmarks on {args.db} — {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        for key, value in results.items():
            print(f"  {key:<28} {value:>10}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
