"""Kanban figures (issue 4): board build time and GUI-thread time per drop, ≥ 5 000 open deals.

Measured on a temporary COPY of the given database (the original is never written to); if no
pipeline holds 5 000 open opportunities, open ones are duplicated there with Core inserts.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
from pathlib import Path

MIN_OPEN = 5_000


def _busiest_pipeline(session) -> tuple[str, int]:  # noqa: ANN001
    from sqlalchemy import func, select

    from kamdesk.models import Opportunity

    rows = session.execute(
        select(Opportunity.pipeline_id, func.count())
        .where(Opportunity.status == "open", Opportunity.deleted_at.is_(None))
        .group_by(Opportunity.pipeline_id)
    ).all()
    pipeline_id, count = max(rows, key=lambda row: row[1])
    return pipeline_id, int(count)


def _fill_to(db, pipeline_id: str, have: int) -> None:  # noqa: ANN001
    """Duplicate open opportunities of the pipeline (new ids) until it has MIN_OPEN."""
    from sqlalchemy import insert, select

    from kamdesk.ids import new_id
    from kamdesk.models import Opportunity

    table = Opportunity.__table__
    with db.engine.begin() as conn:
        sample = [
            dict(row._mapping)
            for row in conn.execute(
                select(table).where(
                    table.c.pipeline_id == pipeline_id,
                    table.c.status == "open",
                    table.c.deleted_at.is_(None),
                )
            )
        ]
        copies = []
        for n in range(MIN_OPEN - have):
            row = dict(sample[n % len(sample)])
            row["id"] = new_id()
            row["position"] = float(row["position"] or 0) + 0.001 * (n + 1)
            copies.append(row)
        conn.execute(insert(table), copies)


def measure_kanban(db_path: Path, builds: int = 5, drops: int = 20) -> dict[str, float]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QModelIndex, QSettings, Qt, QTimer

    from kamdesk.app import create_application
    from kamdesk.db import Database
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.offscreen import quiet_offscreen_warnings
    from kamdesk.ui.pipeline import KanbanBoard

    quiet_offscreen_warnings()
    create_application("en")
    workdir = Path(tempfile.mkdtemp(prefix="kamdesk-kanban-bench-"))
    # The board remembers its filters: keep them out of the user's own settings.
    previous_format = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir))
    copy = workdir / "kanban.sqlite"
    shutil.copyfile(db_path, copy)
    for suffix in ("-wal", "-shm"):  # a live WAL holds committed pages too
        if Path(str(db_path) + suffix).exists():
            shutil.copyfile(str(db_path) + suffix, str(copy) + suffix)
    db = Database.open(copy)
    try:
        with db.read() as session:
            pipeline_id, open_count = _busiest_pipeline(session)
        if open_count < MIN_OPEN:
            _fill_to(db, pipeline_id, open_count)
            open_count = MIN_OPEN
        ctx = AppContext(db)

        def settle(condition, timeout: float = 60.0) -> None:  # noqa: ANN001
            deadline = time.monotonic() + timeout
            loop, timer = QEventLoop(), QTimer()
            timer.setInterval(1)
            timer.timeout.connect(lambda: loop.quit() if condition() else None)
            timer.start()
            while not condition():
                if time.monotonic() > deadline:
                    raise TimeoutError("the board did not load")
                loop.exec()
            timer.stop()

        settings = QSettings()
        settings.setValue("pipeline/board/pipeline", pipeline_id)
        build_ms: list[float] = []
        board = None
        for _ in range(builds):
            if board is not None:
                board.deleteLater()
            loaded: list[bool] = []
            start = time.perf_counter()
            board = KanbanBoard(ctx)
            board.loaded.connect(lambda found=loaded: found.append(True))
            board.resize(1900, 1000)
            board.show()
            settle(lambda: bool(loaded))  # noqa: B023
            build_ms.append((time.perf_counter() - start) * 1000)
        assert board is not None
        settle(lambda: ctx.executor.pending == 0)

        # Drops between the first two open columns (no MEDDIC gate there), both ways.
        stages = [s for s in board.pipeline().stages if s.outcome == "open"][:2]
        drop_ms: list[float] = []
        for n in range(drops):
            source, target = (stages[0], stages[1]) if n % 2 == 0 else (stages[1], stages[0])
            src, dst = board.columns[source.id].model, board.columns[target.id].model
            mime = src.mimeData([src.index(0, 0)])
            loaded = []
            board.loaded.connect(lambda found=loaded: found.append(True))
            start = time.perf_counter()
            dst.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
            drop_ms.append((time.perf_counter() - start) * 1000)
            settle(lambda: ctx.executor.pending == 0 and bool(loaded))  # noqa: B023
            board.loaded.disconnect()
        board.close()
        return {
            "kanban_build_ms": round(statistics.median(build_ms), 1),
            "kanban_drop_ms": round(statistics.median(drop_ms), 2),
            "kanban_open_opportunities": open_count,
        }
    finally:
        db.close()
        QSettings.setDefaultFormat(previous_format)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    print(measure_kanban(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/manager.sqlite")))
