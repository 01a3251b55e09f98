"""The conflict inbox and the sync status, rendered with real conflicts, in English and French.

Two KAMs of the same account edit the same deal and contact before syncing, against the real
server in-process; Bruno's kamdesk then shows the main window (status bar) and the inbox.
A real conflict needs a server, so ``kamdesk screenshots`` (demo database, no server) cannot
show it: this test renders it. The PNGs go to the test's folder, and to
``$KAMDESK_SYNC_SCREENSHOTS`` when set (to look at them).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kamdesk.models import Account, Contact, Opportunity, Pipeline, Stage
from kamdesk.sync import sign_in
from kamdesk.ui import i18n
from kamdesk.ui.context import AppContext
from kamdesk.ui.main_window import MainWindow
from tests.sync import conftest as sync
from tests.sync.conftest import SERVER, Device, Team

store, team, template_db, cheap_argon2 = sync.store, sync.team, sync.template_db, sync.cheap_argon2


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server' / 'store.sqlite'}"


def scenario(team: Team) -> Device:
    """Sophie (manager) sets up the deal; Anna and Bruno edit it offline; Bruno's computer."""
    sophie = team.device("Sophie Marchand", "manager")
    pipeline = sophie.create(Pipeline, name="Grands comptes")
    stages = [
        sophie.create(Stage, pipeline_id=pipeline, name=name, position=i, probability=p)
        for i, (name, p) in enumerate(
            [("Qualification", 10), ("Proposition", 40), ("Négociation", 70), ("Signature", 90)]
        )
    ]
    account = sophie.create(Account, name="Hélios Énergie", tier="key_account", sector="Énergie")
    deal = sophie.create(
        Opportunity,
        account_id=account,
        title="Maintenance du parc éolien 2027–2029",
        pipeline_id=pipeline,
        stage_id=stages[1],
        amount_cents=480_000_00,
        description="Renouvellement du contrat de maintenance des 42 turbines du Languedoc.",
    )
    claire = sophie.create(
        Contact,
        account_id=account,
        first_name="Claire",
        last_name="Martin",
        job_title="Directrice des achats",
        interests="Voile",
    )
    sophie.client.sync()
    anna, bruno = team.device("Anna Roux"), team.device("Bruno Lefèvre")
    for name in ("Anna Roux", "Bruno Lefèvre"):
        team.grant(name, account)
    anna.client.sync()
    bruno.client.sync()

    anna.edit(
        Opportunity,
        deal,
        description="Le client veut un contrat de trois ans avec revue trimestrielle. Budget "
        "validé par le DAF le 12 novembre ; la DSI doit encore valider l'accès au SCADA.",
        amount_cents=520_000_00,
    )
    anna.edit(Contact, claire, interests="Voile, vins de Bordeaux", job_title="Directrice achats")
    bruno.edit(
        Opportunity,
        deal,
        description="Appel d'offres lancé le 20 novembre : trois concurrents consultés, dont "
        "Vestalis. Décision attendue mi-janvier, signature visée avant la fin du trimestre.",
        amount_cents=455_000_00,
    )
    bruno.edit(
        Contact, claire, interests="Rugby (Stade toulousain)", job_title="Responsable achats"
    )
    anna.client.sync()
    bruno.client.sync()
    sign_in.remember(bruno.db, sign_in.SignIn(SERVER, "Bruno Lefèvre"), bruno.token)
    return bruno


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_inbox_and_the_status_render_with_real_conflicts(
    qtbot, qapp, team: Team, tmp_path: Path, language: str
) -> None:
    i18n.install(qapp, language)
    bruno = scenario(team)
    ctx = AppContext(bruno.db)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    controller = window.sync.controller
    controller.http = team.http
    window.resize(1440, 900)
    window.show()
    with qtbot.waitSignal(controller.roundFinished, timeout=15_000):
        controller.sync_now()
    qtbot.waitUntil(lambda: ctx.executor.pending == 0)
    assert controller.state.open_conflicts == 3
    window.open_account(window.accounts.current_account_id() or "")
    qtbot.waitUntil(lambda: ctx.executor.pending == 0)
    qtbot.wait(50)

    shots = tmp_path / "shots"
    shots.mkdir()
    files = [shots / f"sync-main-window-{language}.png"]
    assert window.grab().save(str(files[0]))
    files.append(shots / f"sync-status-{language}.png")
    bar = window.statusBar()
    assert bar.grab(bar.rect().adjusted(bar.width() - 760, 0, 0, 0)).save(str(files[-1]))

    inbox = window.sync.open_inbox()
    with qtbot.waitSignal(inbox.loaded, timeout=10_000):
        pass
    description = next(
        row
        for row in range(inbox.open_model.rowCount())
        if inbox.open_model.entry(row).field == "description"
    )
    inbox.open_view.selectRow(description)
    qtbot.wait(50)
    files.append(shots / f"sync-conflict-inbox-{language}.png")
    assert inbox.grab().save(str(files[-1]))
    amount = next(
        row
        for row in range(inbox.open_model.rowCount())
        if inbox.open_model.entry(row).field == "amount_cents"
    )
    inbox.open_view.selectRow(amount)
    qtbot.wait(50)
    files.append(shots / f"sync-conflict-amount-{language}.png")
    assert inbox.grab().save(str(files[-1]))
    inbox.tabs.setCurrentWidget(inbox.settled)
    qtbot.wait(50)
    files.append(shots / f"sync-conflict-settled-{language}.png")
    assert inbox.grab().save(str(files[-1]))
    inbox.close()

    for file in files:
        image = QImage(str(file))
        assert not image.isNull() and image.width() >= 300, file
    target = os.environ.get("KAMDESK_SYNC_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        for file in files:
            shutil.copy(file, target)
    window.close()
    ctx.executor.wait_idle()
