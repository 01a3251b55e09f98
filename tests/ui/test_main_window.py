"""The main window as a user meets it: first launch, opening an account, undo from anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from kamdesk.db import Database
from kamdesk.models import Account, Contact
from kamdesk.services.accounts import list_accounts
from kamdesk.ui.context import AppContext
from kamdesk.ui.main_window import MainWindow


@pytest.fixture
def empty_ctx(qtbot, tmp_path: Path):
    db = Database.open(tmp_path / "empty.sqlite", create=True)
    ctx = AppContext(db)
    yield ctx
    ctx.executor.wait_idle()
    qtbot.wait(1)
    db.close()


def test_first_launch_on_an_empty_database_offers_the_demo(qtbot, empty_ctx) -> None:
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome)
    with qtbot.waitSignal(window.accounts.loaded, timeout=30_000):
        qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.splitter
    with empty_ctx.db.read() as session:
        count = session.scalar(select(func.count()).select_from(Account))
    assert count >= 12
    assert window.accounts.model.rowCount() == count


def test_start_empty_opens_the_new_account_dialog_and_is_remembered(qtbot, empty_ctx) -> None:
    window = MainWindow(empty_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.welcome)
    with qtbot.waitSignal(window.actions_.dialogOpened, timeout=10_000) as opened:
        qtbot.mouseClick(window.welcome.empty_button, Qt.MouseButton.LeftButton)
    opened.args[0].reject()
    assert window.pages.currentWidget() is window.splitter

    again = MainWindow(empty_ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: empty_ctx.executor.pending == 0)
    assert again.pages.currentWidget() is again.splitter


def test_selecting_an_account_opens_its_360_view(qtbot, ctx, wait_worker) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_worker()
    with ctx.db.read() as session:
        target = max(list_accounts(session), key=lambda r: r.revenue_year_cents)
    with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
        window.accounts.select_account(target.id)
    assert window.right.currentWidget() is window.account_view
    assert window.account_view.account_id() == target.id


def test_ctrl_z_undoes_the_last_edit_from_anywhere_in_the_window(
    qtbot, ctx, wait_worker, monkeypatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_worker()
    with ctx.db.read() as session:
        contact = session.scalars(select(Contact).where(Contact.deleted_at.is_(None))).first()
        contact_id, before = contact.id, contact.job_title
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions_.delete_contact(contact_id)
    wait_worker()
    with ctx.db.read() as session:
        assert session.get(Contact, contact_id).deleted_at is not None

    # The shortcut is application-wide (a text field keeps Ctrl+Z for its own typing, as users expect).
    window.activateWindow()
    window.accounts.view.setFocus()
    qtbot.keyClick(window.accounts.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_worker()
    with ctx.db.read() as session:
        restored = session.get(Contact, contact_id)
        assert restored.deleted_at is None and restored.job_title == before

    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.account_view.setFocus()
    qtbot.keyClick(window.account_view, Qt.Key.Key_Z, modifiers)
    wait_worker()
    with ctx.db.read() as session:
        assert session.get(Contact, contact_id).deleted_at is not None


def test_screenshots_command_renders_every_main_screen(qtbot, demo_db, tmp_path: Path) -> None:
    from kamdesk.ui.screenshots import render_all

    files = render_all(demo_db, tmp_path / "shots")
    names = {f.stem for f in files}
    assert {
        "01-main-window",
        "05-timeline",
        "08-qualification",
        "09-groups",
        "11-contact-dialog",
        "13-welcome",
    } <= names
    for file in files:
        image = QImage(str(file))
        assert not image.isNull() and image.width() >= 300 and image.height() >= 200, file
    main = QImage(str(tmp_path / "shots" / "01-main-window.png"))
    assert (main.width(), main.height()) == (1440, 900)


def test_a_database_that_cannot_be_opened_is_explained(qtbot, tmp_path: Path, monkeypatch) -> None:
    from kamdesk.app import run_gui

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all")
    assert run_gui(broken, language="en", create=False) == 1
    assert shown and "not an SQLite file" in shown[0]
    assert broken.read_bytes() == b"not a database at all"
    missing = tmp_path / "missing.sqlite"
    assert run_gui(missing, language="en", create=False) == 1
    assert "not found" in shown[-1] and not missing.exists()


def test_the_last_opened_account_is_shown_again_at_next_start(qtbot, ctx, wait_worker) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    wait_worker()
    with ctx.db.read() as session:
        # not the one a first launch opens by itself
        target = next(r for r in list_accounts(session) if r.id != first.account_view.account_id())
    with qtbot.waitSignal(first.account_view.loaded, timeout=10_000):
        first.open_account(target.id)
    first.close()

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    with qtbot.waitSignal(second.account_view.loaded, timeout=10_000):
        second.show()
    assert second.account_view.account_id() == target.id
    assert second.accounts.current_account_id() == target.id


def test_the_integrity_check_runs_in_the_background(qtbot, ctx, wait_worker) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.integrity_problems is not None, timeout=20_000)
    assert window.integrity_problems == []


def test_sections_switch_between_accounts_pipeline_and_dashboard(qtbot, ctx, wait_worker) -> None:
    import sys

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_worker()
    assert window.sections.board is None and window.sections.dashboard is None  # built lazily
    window.sections.actions["pipeline"].trigger()
    board = window.sections.board
    assert board is not None and window.pages.currentWidget() is board
    qtbot.waitUntil(lambda: any(c.model.rowCount() for c in board.columns.values()), timeout=10_000)
    window.sections.actions["dashboard"].trigger()
    assert window.pages.currentWidget() is window.sections.dashboard
    assert "pyqtgraph" in sys.modules  # the dashboard, once shown, has its charts
    window.sections.actions["accounts"].trigger()
    assert window.pages.currentWidget() is window.splitter


def test_a_first_launch_opens_the_first_account_rather_than_an_empty_page(qtbot, ctx) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.account_view.loaded, timeout=10_000):
        window.show()
    first = window.accounts.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    assert window.account_view.account_id() == first
    assert window.right.currentWidget() is window.account_view
