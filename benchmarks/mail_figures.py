"""Mail import throughput: a generated mbox of real RFC 5322 messages, imported with linking.

The database is copied first (SQLite backup API): the benchmark never changes the one it is
given. The mbox is written from the database's own contacts and accounts
(``kamdesk.demo.mailbox``), so the rules link what they would link for a real user.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from benchmarks.run import Figures, percentile

T = TypeVar("T")


def write_mbox(db_path: Path, target: Path, count: int) -> int:
    from kamdesk.db import Database
    from kamdesk.demo.mailbox import messages

    db = Database.open(db_path)
    written = 0
    try:
        with db.read() as session, target.open("wb") as out:
            for raw in messages(session, seed=7, count=count):
                # mboxrd: a body line starting with "From " (or ">From ") gains one ">".
                lines = raw.split(b"\n")
                body = [
                    b">" + line if line.lstrip(b">").startswith(b"From ") else line
                    for line in lines
                ]
                out.write(b"From kamdesk-bench Thu Nov 26 08:00:00 2026\n")
                out.write(b"\n".join(body).replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n\n")
                written += 1
    finally:
        db.close()
    return written


def measure_mail_import(db_path: Path, count: int = 50_000) -> Figures:
    from kamdesk.db import Database
    from kamdesk.mail.importer import MailImporter
    from kamdesk.mail.sources import iter_sources

    with tempfile.TemporaryDirectory(prefix="kamdesk-bench-mail-") as tmp:
        copy = Path(tmp) / "copy.sqlite"
        src, dst = sqlite3.connect(db_path), sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        mbox = Path(tmp) / "bench.mbox"
        write_mbox(copy, mbox, count)
        size_mb = mbox.stat().st_size / 1e6
        db = Database.open(copy)
        try:
            start = time.perf_counter()
            # As in the app: the import on a thread of its own, the event loop running.
            summary, gaps = _beside_an_event_loop(
                lambda: MailImporter(db).run(iter_sources([mbox]))
            )
            elapsed = time.perf_counter() - start
        finally:
            db.close()
    seen = summary.imported + summary.duplicates + len(summary.errors)
    return {
        "mail_import_msgs_per_s": round(seen / elapsed, 1),
        "mail_import_messages": float(seen),
        "mail_import_linked_pct": round(100 * summary.linked / max(summary.imported, 1), 1),
        "mail_import_mbox_mb": round(size_mb, 1),
        # How late a 10 ms GUI timer fired while the import ran: what a user would feel.
        "mail_import_gui_late_p99_ms": round(max(percentile(gaps, 99) - TICK_MS, 0.0), 1),
        "mail_import_gui_late_max_ms": round(max(max(gaps, default=0.0) - TICK_MS, 0.0), 1),
    }


TICK_MS = 10


def _beside_an_event_loop(work: Callable[[], T]) -> tuple[T, list[float]]:
    """Run ``work`` on a thread while a Qt event loop ticks every 10 ms; return its result and
    the intervals between ticks (ms)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    app = QCoreApplication.instance() or QCoreApplication([])
    assert app is not None
    result: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # re-raised below, on the caller's thread
            failure.append(exc)

    gaps: list[float] = []
    last = time.perf_counter()
    loop = QEventLoop()
    thread = threading.Thread(target=run, name="bench-mail-import")

    def tick() -> None:
        nonlocal last
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now
        if not thread.is_alive():
            loop.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    thread.start()
    loop.exec()
    timer.stop()
    thread.join()
    if failure:
        raise failure[0]
    return result[0], gaps[1:]
