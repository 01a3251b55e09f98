"""The conflict inbox as Bruno meets it: Anna and he changed the same contact before syncing.

Real server in-process, two real devices; Bruno's kamdesk settles the conflict through the
dialog, and both computers end up with the chosen value.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kamdesk.models import Contact
from kamdesk.sync import conflict_inbox, sign_in
from kamdesk.ui import i18n
from kamdesk.ui.context import AppContext
from kamdesk.ui.sync.controller import SyncController
from kamdesk.ui.sync.inbox import ConflictInboxDialog
from tests.sync import conftest as sync
from tests.sync.conftest import SERVER, Device, Team, World, make_world

store, team, template_db, cheap_argon2 = sync.store, sync.team, sync.template_db, sync.cheap_argon2


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'server' / 'store.sqlite'}"


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    i18n.install(qapp, "en")


@pytest.fixture
def world(team: Team) -> World:
    return make_world(team)


@pytest.fixture
def pair(team: Team, world: World) -> tuple[Device, Device, str]:
    """Anna and Bruno in the team of the first account, both holding Claire Martin."""
    anna, bruno = team.device("anna"), team.device("bruno")
    for name in ("anna", "bruno"):
        team.grant(name, world.accounts[0])
    anna.client.sync()
    contact = anna.create(
        Contact, account_id=world.accounts[0], first_name="Claire", last_name="Martin"
    )
    anna.client.sync()
    bruno.client.sync()
    sign_in.remember(bruno.db, sign_in.SignIn(SERVER, "bruno"), bruno.token)
    return anna, bruno, contact


def both_edit(anna: Device, bruno: Device, contact: str, **values: tuple[str, str]) -> None:
    for field, (hers, his) in values.items():
        anna.edit(Contact, contact, **{field: hers})
        bruno.edit(Contact, contact, **{field: his})
    anna.client.sync()
    bruno.client.sync()


@pytest.fixture
def controller(qtbot, team: Team, pair) -> Iterator[SyncController]:
    ctx = AppContext(pair[1].db)
    made = SyncController(ctx, http=team.http)
    made.start(first_round_ms=60_000)
    qtbot.waitUntil(lambda: made.state.loaded)
    yield made
    made.shutdown()
    ctx.executor.wait_idle()
    qtbot.wait(1)


def open_inbox(qtbot, controller: SyncController) -> ConflictInboxDialog:
    dialog = ConflictInboxDialog(controller)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_a_merged_text_settles_the_conflict_on_both_computers(qtbot, pair, controller) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, interests=("Rugby", "Voile, jazz"))
    dialog = open_inbox(qtbot, controller)

    assert dialog.open_model.rowCount() == 1
    assert dialog.tabs.tabText(0) == "To settle (1)"
    detail = dialog.detail
    assert detail.heading.text() == "Interests — Contact Claire Martin"
    assert "Compte 0" in detail.context.text()
    assert detail.context.text() == (
        "Compte 0 · You and anna changed it before syncing. kamdesk shows anna's version for now."
    )
    hers, mine = detail.cards
    assert hers.text.toPlainText() == "Rugby" and hers.who.text().startswith("anna · ")
    assert mine.text.toPlainText() == "Voile, jazz" and mine.who.text().startswith("You · ")
    assert (hers.tag.text(), mine.tag.text()) == ("Shown in kamdesk now", "Waiting")
    assert detail.merge_editor.toPlainText() == "Rugby\n\nVoile, jazz"

    detail.merge_editor.setPlainText("Rugby; voile, jazz")
    changed: list = []
    controller.ctx.bus.changed.connect(changed.append)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):  # the lists reload after the choice
        qtbot.mouseClick(detail.merge_button, Qt.MouseButton.LeftButton)

    assert bruno.get(Contact, contact).interests == "Rugby; voile, jazz"  # pulled at once
    assert any(c.ids("contacts") == {contact} for c in changed)  # and announced to the views
    assert dialog.feedback.text() == (
        "Interests of Contact Claire Martin: the merged text is saved."
    )
    assert dialog.open_model.rowCount() == 0
    assert dialog.open_stack.currentWidget() is dialog.open_page
    assert dialog.open_page.title.text() == "Nothing to settle"
    assert controller.state.open_conflicts == 0
    anna.client.sync()
    assert anna.get(Contact, contact).interests == "Rugby; voile, jazz"


def test_an_open_inbox_follows_the_rounds_that_bring_conflicts(qtbot, pair, controller) -> None:
    anna, bruno, contact = pair
    dialog = open_inbox(qtbot, controller)
    assert dialog.open_page.title.text() == "Nothing to settle"
    anna.edit(Contact, contact, interests="Rugby")
    anna.client.sync()
    bruno.edit(Contact, contact, interests="Voile")  # on Bruno's computer, through kamdesk
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        controller.sync_now()
    assert dialog.open_model.rowCount() == 1
    assert controller.state.open_conflicts == 1


def test_keeping_the_other_persons_version(qtbot, pair, controller) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, interests=("Rugby", "Voile, jazz"))
    dialog = open_inbox(qtbot, controller)
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        qtbot.mouseClick(dialog.detail.cards[1].keep_button, Qt.MouseButton.LeftButton)
    assert bruno.get(Contact, contact).interests == "Voile, jazz"
    assert dialog.feedback.text() == "Interests of Contact Claire Martin: your version is kept."


def test_someone_quicker_is_told_and_the_list_follows(qtbot, pair, controller) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, interests=("Rugby", "Voile"))
    dialog = open_inbox(qtbot, controller)
    [entry] = conflict_inbox.open_conflicts(anna.client)
    conflict_inbox.resolve(anna.client, entry.id, "server")  # Anna, on her computer

    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.detail.cards[1].keep_button, Qt.MouseButton.LeftButton)
    assert dialog.feedback.text() == "Someone settled this conflict meanwhile."
    assert dialog.open_model.rowCount() == 0


def test_the_settled_tab_keeps_the_replaced_value_readable_and_restorable(
    qtbot, pair, controller
) -> None:
    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, job_title=("Acheteuse", "Directrice des achats"))
    bruno.client.sync()
    dialog = open_inbox(qtbot, controller)
    assert dialog.open_page.title.text() == "Nothing to settle"

    settled = dialog.settled
    assert settled.model.rowCount() == 1
    row = [settled.model.index(0, c).data() for c in range(settled.model.columnCount())]
    assert row[1:] == ["Contact Claire Martin", "Job title", "Directrice des achats", "Acheteuse"]
    assert settled.other_text.toPlainText() == "Acheteuse"
    assert settled.other_label.text().startswith("Replaced: anna · ")
    with qtbot.waitSignal(dialog.resolved, timeout=10_000):
        qtbot.mouseClick(settled.restore_button, Qt.MouseButton.LeftButton)
    assert bruno.get(Contact, contact).job_title == "Acheteuse"


def test_offline_inbox_says_where_the_conflicts_are(qtbot, pair, controller, monkeypatch) -> None:
    import httpx

    def refuse(*args, **kwargs):
        raise httpx.ConnectError("connection refused")

    monkeypatch.setattr(controller.http, "request", refuse)
    dialog = open_inbox(qtbot, controller)
    assert dialog.open_page.title.text() == "The team server cannot be reached"


def test_the_conflict_models_pass_the_model_tester(qtmodeltester, pair, controller) -> None:
    from kamdesk.ui.sync.inbox_model import ConflictsModel

    anna, bruno, contact = pair
    both_edit(anna, bruno, contact, interests=("Rugby", "Voile"), job_title=("A", "B"))
    entries = conflict_inbox.open_conflicts(bruno.client)
    settled = conflict_inbox.recently_settled(bruno.client)
    assert entries and settled
    for mode, rows in (("open", entries), ("settled", settled)):
        model = ConflictsModel(mode)
        model.set_entries(rows)
        qtmodeltester.check(model)
        model.set_entries([])
        qtmodeltester.check(model)
