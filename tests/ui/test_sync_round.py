"""Sync now and signing in, against the real server in-process (SQLite store, no socket).

A round runs on the sync controller's own thread — neither the GUI thread nor the database
worker — and what it pulls reaches the views through the change bus.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kamdesk.models import Account, Contact
from kamdesk.sync import sign_in
from kamdesk.ui import i18n
from kamdesk.ui.account_list import AccountListPanel
from kamdesk.ui.account_table import NAME
from kamdesk.ui.context import AppContext
from kamdesk.ui.sync.controller import SyncController
from kamdesk.ui.sync.sign_in_dialog import SignInDialog
from kamdesk.ui.sync.status import SyncStatusWidget
from tests.sync import conftest as sync
from tests.sync.conftest import SERVER, Device, Team, World, make_world

# The sync suite's fixtures: a store (``store_url`` below), the team, the migrated template.
store, team, template_db, cheap_argon2 = sync.store, sync.team, sync.template_db, sync.cheap_argon2


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """The GUI tests need one store: the SQLite file (the sync suite covers PostgreSQL)."""
    return f"sqlite:///{tmp_path / 'server' / 'store.sqlite'}"


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    i18n.install(qapp, "en")


@pytest.fixture
def world(team: Team) -> World:
    return make_world(team)


@pytest.fixture
def anna(team: Team, world: World) -> Device:
    """Anna's computer, signed in (token in the keyring), in the team of the first account."""
    device = team.device("anna")
    team.grant("anna", world.accounts[0])
    sign_in.remember(device.db, sign_in.SignIn(SERVER, "anna"), device.token)
    return device


@pytest.fixture
def gui(qtbot, team: Team, anna: Device) -> Iterator[tuple[AppContext, SyncController]]:
    ctx = AppContext(anna.db)
    controller = SyncController(ctx, http=team.http)
    controller.start(first_round_ms=60_000)
    yield ctx, controller
    controller.shutdown()
    ctx.executor.wait_idle()
    qtbot.wait(1)


def names(panel: AccountListPanel) -> set[str]:
    return {panel.proxy.index(r, NAME).data() for r in range(panel.proxy.rowCount())}


def test_sync_now_runs_off_the_gui_thread_and_refreshes_the_views(
    qtbot, team: Team, world: World, gui, monkeypatch
) -> None:
    ctx, controller = gui
    panel = AccountListPanel(ctx)
    qtbot.addWidget(panel)
    status = SyncStatusWidget(controller)
    qtbot.addWidget(status)
    qtbot.waitUntil(lambda: ctx.executor.pending == 0 and not controller.busy)
    assert names(panel) == set()
    worker = {}
    ctx.executor.submit(lambda db: worker.setdefault("db", threading.get_ident()))
    ctx.executor.wait_idle()
    threads: set[int] = set()
    request = team.http.request

    def recording(*args, **kwargs):
        threads.add(threading.get_ident())
        return request(*args, **kwargs)

    monkeypatch.setattr(team.http, "request", recording)

    with (
        qtbot.waitSignal(panel.loaded, timeout=10_000),
        qtbot.waitSignal(controller.roundFinished, timeout=10_000) as finished,
    ):
        controller.sync_now()
    assert finished.args[0].error is None
    assert names(panel) == {"Compte 0"}  # pulled, announced on the bus, shown
    assert threads and threading.get_ident() not in threads and worker["db"] not in threads
    assert status.text.text() == "Synced just now"

    # The manager renames the account; the next round brings the new name to Anna's list.
    world.manager.edit(Account, world.accounts[0], name="Compte 0 — Groupe")
    world.manager.client.sync()
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        controller.sync_now()
    assert names(panel) == {"Compte 0 — Groupe"}


def test_local_edits_are_counted_then_sent(qtbot, team: Team, world: World, gui, anna) -> None:
    ctx, controller = gui
    status = SyncStatusWidget(controller)
    qtbot.addWidget(status)
    with qtbot.waitSignal(controller.roundFinished, timeout=10_000):
        controller.sync_now()

    def add_contact(uow):
        uow.session.add(Contact(account_id=world.accounts[0], first_name="Inès", last_name="Roy"))

    ctx.write(add_contact)
    qtbot.waitUntil(lambda: controller.state.pending == 1, timeout=5_000)
    assert status.text.text() == "Synced just now · 1 change to send"
    with qtbot.waitSignal(controller.roundFinished, timeout=10_000) as finished:
        controller.sync_now()
    assert finished.args[0].summary.pushed == 1
    assert controller.state.pending == 0 and status.text.text() == "Synced just now"
    # The next automatic round is five minutes away.
    assert 290_000 < controller.timer.interval() <= 300_000
    world.manager.client.sync()
    assert any(
        c.first_name == "Inès"
        for c in [world.manager.get(Contact, i) for i in world.manager.ids(Contact)]
    )


def test_signing_in_with_the_enrolment_secret_keeps_the_token_in_the_keyring(
    qtbot, team: Team, world: World, template_db: Path, tmp_path: Path, memory_keyring
) -> None:
    from kamdesk.db import Database

    path = tmp_path / "new-laptop.sqlite"
    path.write_bytes(template_db.read_bytes())
    db = Database.open(path)
    secret = team.user("carla", "kam")
    team.grant("carla", world.accounts[1])
    ctx = AppContext(db)
    controller = SyncController(ctx, http=team.http)
    controller.start()
    qtbot.waitUntil(lambda: controller.state.loaded)
    dialog = SignInDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Checking" not in dialog.keyring_note.text())
    assert "kept in the system keyring" in dialog.keyring_note.text()

    qtbot.keyClicks(dialog.server, SERVER)
    qtbot.keyClicks(dialog.user, "carla")
    qtbot.keyClicks(dialog.secret, "not-the-secret")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "enrolment secret is not right" in dialog.error.text()

    dialog.secret.setText(secret)
    with (
        qtbot.waitSignal(dialog.accepted, timeout=10_000),
        qtbot.waitSignal(controller.roundFinished, timeout=10_000),  # the first round follows
    ):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.remembered is True
    assert memory_keyring.get_password(sign_in.SERVICE, f"carla@{SERVER}")
    assert controller.state.signed_in and controller.state.problem is None
    with db.read() as session:
        assert session.get(Account, world.accounts[1]).name == "Compte 1"
    controller.shutdown()
    ctx.executor.wait_idle()
    db.close()


def test_a_server_restored_from_a_backup_is_said_in_plain_words(
    qtbot, team: Team, world: World, gui, anna, tmp_path: Path
) -> None:
    from tests.sync.test_restore import restore, take_backup

    ctx, controller = gui
    with qtbot.waitSignal(controller.roundFinished, timeout=10_000):
        controller.sync_now()
    backup = take_backup(team, tmp_path)

    def add_contact(uow):
        uow.session.add(Contact(account_id=world.accounts[0], first_name="Inès", last_name="Roy"))

    ctx.write(add_contact)
    qtbot.waitUntil(lambda: controller.state.pending == 1, timeout=5_000)
    with qtbot.waitSignal(controller.roundFinished, timeout=10_000):
        controller.sync_now()
    restore(team, backup)
    sync.admin.mark_restored(team.store)

    with (
        qtbot.waitSignal(controller.message, timeout=10_000) as said,
        qtbot.waitSignal(controller.roundFinished, timeout=10_000) as finished,
    ):
        controller.sync_now()
    assert finished.args[0].error is None and finished.args[0].summary.resent == 1
    assert said.args[0] == (
        "The team server was restored from a backup: 1 record you wrote sent to it again."
    )
