"""Figures measured inside one process with real widgets: 360° view, account filter, memory."""

from __future__ import annotations

import random
import resource
import time
from pathlib import Path

from benchmarks.run import Figures, percentile


def _rss_mb() -> float:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, on other systems


def measure_views(db_path: Path, visits: int = 200, rss_after: int = 50) -> Figures:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from kamdesk.app import create_application
    from kamdesk.db import Database
    from kamdesk.services.accounts import list_accounts
    from kamdesk.ui.account_list import AccountListPanel
    from kamdesk.ui.account_view import Account360View
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.offscreen import quiet_offscreen_warnings

    quiet_offscreen_warnings()
    create_application("en")
    db = Database.open(db_path)
    ctx = AppContext(db)

    def settle(condition, timeout=30.0) -> None:  # noqa: ANN001
        """Wait in a real event loop, as the app does: a busy processEvents() loop would fight
        the database worker for the GIL and inflate every figure."""
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        timer.start()
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("view did not load")
            loop.exec()
        timer.stop()

    with db.read() as session:
        ids = [r.id for r in list_accounts(session)]
    rng = random.Random(1)
    sample = [rng.choice(ids) for _ in range(visits)]

    view = Account360View(ctx)
    view.resize(1280, 860)
    view.show()
    loaded: list[str] = []
    view.loaded.connect(loaded.append)
    settle(lambda: ctx.executor.pending == 0)
    open_ms: list[float] = []
    rss = 0.0
    for n, account_id in enumerate(sample, 1):
        loaded.clear()
        start = time.perf_counter()
        view.show_account(account_id)
        settle(lambda: bool(loaded))
        open_ms.append((time.perf_counter() - start) * 1000)
        if n == rss_after:
            rss = _rss_mb()

    panel = AccountListPanel(ctx)
    panel.resize(460, 800)
    panel.show()
    settle(lambda: ctx.executor.pending == 0 and panel.model.rowCount() > 0)
    filter_ms: list[float] = []
    words = ["armanthe", "banque", "societe", "groupe", "xyz"]
    for word in words * 4:
        for i in range(1, len(word) + 1):  # typed one key at a time
            start = time.perf_counter()
            panel.search.setText(word[:i])
            QCoreApplication.processEvents()
            filter_ms.append((time.perf_counter() - start) * 1000)
        panel.search.clear()
        QCoreApplication.processEvents()
    view.close()
    panel.close()
    ctx.executor.wait_idle()
    db.close()
    return {
        "open_360_p50_ms": round(percentile(open_ms, 50), 1),
        "open_360_p95_ms": round(percentile(open_ms, 95), 1),
        "account_filter_p95_ms": round(percentile(filter_ms, 95), 2),
        "rss_mb": round(rss or _rss_mb(), 1),
    }
