"""Fixtures for Qt tests: a demo database per test (copied from one generated per session)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kamdesk.db import Database

DEMO_TODAY = dt.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _language_restored(qapp):
    """A test that picks a language (the app, the screenshots) must not leak it into the next."""
    from PySide6.QtCore import QLocale

    from kamdesk.ui import i18n

    locale = QLocale()
    yield
    i18n.uninstall(qapp)
    QLocale.setDefault(locale)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kamdesk.demo.generator import generate_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, seed=42, today=DEMO_TODAY)
    with db.engine.connect() as conn:  # fold the WAL into the file so a plain copy is complete
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    db = Database.open(path)
    yield db
    db.close()


@pytest.fixture
def ctx(qtbot, demo_db):
    """An AppContext on a fresh copy of the demo database; waits for the worker at teardown."""
    from kamdesk.ui.context import AppContext

    context = AppContext(demo_db)
    yield context
    context.executor.wait_idle()
    qtbot.wait(1)  # let queued result signals drain before the context goes away


@pytest.fixture
def wait_worker(qtbot, ctx):
    """``wait_worker()``: until every submitted job ran *and* its callback reached the GUI thread."""

    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ctx.executor.pending == 0, timeout=timeout)

    return wait


# -- mail: the demo portfolio with the demo mailbox imported (test_mail_panel, test_mail_queue) --
@pytest.fixture(scope="session")
def mail_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portfolio with the demo mailbox imported, built once for all the mail tests."""
    from kamdesk.demo.mailbox import import_demo_mail

    path = tmp_path_factory.mktemp("mail-template") / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    db = Database.open(path)
    import_demo_mail(db, seed=42, today=DEMO_TODAY)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def mail_db(mail_template: Path, tmp_path: Path):
    """A fresh copy of ``mail_template`` with its attachment files (beside it, ``<name>-files``)."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(mail_template, path)
    blobs = mail_template.with_name(mail_template.stem + "-files")
    if blobs.exists():
        shutil.copytree(blobs, path.with_name(path.stem + "-files"))
    db = Database.open(path)
    yield db
    db.close()


@pytest.fixture
def mail_ctx(qtbot, mail_db):
    """An AppContext on ``mail_db``; a running mail import is cancelled at teardown."""
    from kamdesk.ui.context import AppContext
    from kamdesk.ui.mail.importing import MailImportRunner

    context = AppContext(mail_db)
    yield context
    runner = context.findChild(MailImportRunner, "mailImportRunner")
    if runner is not None:
        runner.cancel()
        runner.wait()
    context.executor.wait_idle()
    qtbot.wait(1)
