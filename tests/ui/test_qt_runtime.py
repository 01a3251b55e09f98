"""The Qt binding itself must survive what kamdesk does all day: thousands of signal emits.

PySide6 6.12.0 on CPython 3.11 leaks a reference to True/None per emit and aborts the process
(pyproject.toml excludes it). This runs in a child process so a broken binding fails this test
instead of killing the whole test session.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

    app = QCoreApplication([])

    class Relay(QObject):
        finished = Signal(int, object, object)
        flag = Signal(bool)

    relay = Relay()
    received = []
    relay.finished.connect(lambda ticket, result, error: received.append(ticket))

    class Job(QRunnable):
        def __init__(self, i):
            super().__init__()
            self.i = i

        def run(self):
            relay.finished.emit(self.i, None, None)

    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(5000):
        relay.flag.emit(True)
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    for i in range(5000):
        pool.start(Job(i))
    pool.waitForDone()
    while len(received) < 5000:
        app.processEvents()
    print(sys.getrefcount(True) - before_true, sys.getrefcount(None) - before_none)
    """
)


def test_signal_emits_do_not_leak_references() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    true_delta, none_delta = map(int, proc.stdout.split())
    assert abs(true_delta) < 50 and abs(none_delta) < 50
