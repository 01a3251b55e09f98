"""The sync status as a user reads it: signed out, offline, sign in again, update, synced,
a stuck queue — driven through the real SyncClient, the server faked at the HTTP boundary.

The schedule of automatic rounds is plain Python and tested with a fake clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

import httpx
import keyring
import keyring.errors
import pytest
from keyring.backends import fail

from kamdesk.db import Database
from kamdesk.models import Account
from kamdesk.sync import sign_in
from kamdesk.ui import i18n
from kamdesk.ui.context import AppContext
from kamdesk.ui.sync import schedule as sched
from kamdesk.ui.sync.controller import SyncController, SyncState
from kamdesk.ui.sync.sign_in_dialog import SignInDialog
from kamdesk.ui.sync.status import SyncStatusWidget, status_line

SERVER = "https://crm.example.com"
NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    """English plural forms ("1 change", "2 changes") come from kamdesk_en.qm."""
    i18n.install(qapp, "en")


@pytest.fixture
def ctx(qtbot, db: Database) -> Iterator[AppContext]:
    context = AppContext(db)
    yield context
    context.executor.wait_idle()
    qtbot.wait(1)


def server(handler: Callable[[httpx.Request], httpx.Response]) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def healthy(request: httpx.Request) -> httpx.Response:
    """A server with nothing new: an empty pull, no conflicts."""
    if request.url.path == "/v1/pull":
        return httpx.Response(200, json={"cursor": 0, "more": False, "changes": []})
    return httpx.Response(200, json={"conflicts": []})


def answering(status: int, detail: str = "") -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, json={"detail": detail})


@pytest.fixture
def make(qtbot, ctx):
    """``make(handler, signed_in=True)``: a started controller and its status widget."""
    made: list[SyncController] = []

    def build(
        handler: Callable[[httpx.Request], httpx.Response] = unreachable,
        *,
        signed_in: bool = True,
        clock: Callable[[], float] | None = None,
    ) -> tuple[SyncController, SyncStatusWidget]:
        if signed_in:
            sign_in.remember(ctx.db, sign_in.SignIn(SERVER, "claire"), "a-token")
        controller = SyncController(
            ctx, http=server(handler), **({"clock": clock} if clock else {})
        )
        made.append(controller)
        widget = SyncStatusWidget(controller)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(controller.stateChanged):
            controller.start(first_round_ms=60_000)
        qtbot.waitUntil(lambda: not controller.busy)
        return controller, widget

    yield build
    for controller in made:
        controller.shutdown()


def one_round(qtbot, controller: SyncController):
    with qtbot.waitSignal(controller.roundFinished, timeout=10_000) as finished:
        assert controller.sync_now()
    return finished.args[0]


def add_account(ctx: AppContext, name: str) -> None:
    with ctx.db.unit_of_work() as uow:
        uow.session.add(Account(name=name))
        uow.commit()


# -- what the status bar says ---------------------------------------------------------------------


def test_signed_out_is_discreet_and_offers_to_sign_in(make) -> None:
    controller, widget = make(signed_in=False)
    assert widget.text.text() == "Not connected to a team server"
    assert widget.action_button.text() == "Sign in…"
    assert not widget.conflicts_button.isVisibleTo(widget)
    assert not controller.timer.isActive()  # no background round without a server


def test_offline_keeps_the_changes_and_retries_soon(qtbot, ctx, make) -> None:
    add_account(ctx, "Transports Méridionaux")
    controller, widget = make(unreachable)
    outcome = one_round(qtbot, controller)
    assert not outcome.pushed
    assert widget.text.text() == "Offline — your changes are kept and will be sent later"
    assert controller.state.pending == 1
    assert "1 change kept on this computer, waiting to be sent" in widget.toolTip()
    assert 25_000 < controller.timer.interval() <= 30_000  # the first retry: 30 s


def test_a_refused_token_asks_to_sign_in_again_and_stops_retrying(qtbot, make) -> None:
    controller, widget = make(answering(401, "please sign in again"))
    one_round(qtbot, controller)
    assert widget.text.text() == "Please sign in again"
    assert widget.action_button.text() == "Sign in…"
    assert not controller.timer.isActive()  # only the user can fix it


def test_an_outdated_kamdesk_is_asked_to_update(qtbot, make) -> None:
    controller, widget = make(answering(426, "please update kamdesk: protocol 2"))
    one_round(qtbot, controller)
    assert widget.text.text() == "Please update kamdesk"
    assert "protocol 2" in widget.toolTip()
    assert not controller.timer.isActive()


def test_a_stuck_queue_retries_by_itself_with_backoff(qtbot, ctx, make) -> None:
    clock = FakeClock()
    add_account(ctx, "Clinique du Parc")
    controller, widget = make(answering(503), clock=clock)
    delays = []
    for _ in range(4):
        one_round(qtbot, controller)
        delays.append(round(controller.timer.interval() / 1000))
        clock.now += 240
    assert delays[0] <= 30 and delays[1] <= 60 and delays[2] <= 120 and delays[3] <= 240
    assert delays == sorted(delays)  # backing off
    assert controller.state.stuck  # pending, server answering, nothing sent for 10+ min
    text, tone = status_line(controller.state)
    assert text.startswith("The team server has a problem — your changes are kept; next try")
    assert tone == "error"


def test_a_locked_keyring_is_retried_rather_than_asking_for_a_new_sign_in(
    qtbot, ctx, make, memory_keyring, monkeypatch
) -> None:
    sign_in.remember(ctx.db, sign_in.SignIn(SERVER, "claire"), "a-token")

    def locked(service: str, username: str) -> str:
        raise keyring.errors.KeyringLocked("locked")

    monkeypatch.setattr(memory_keyring, "get_password", locked)
    controller, widget = make(healthy, signed_in=False)
    assert widget.text.text() == "The system keyring is locked: unlock it to sync"
    assert widget.action_button.text() == "Sync now"  # a new sign-in would spend a new secret
    assert controller.timer.isActive()  # and it keeps trying by itself

    monkeypatch.undo()  # the user unlocks the keyring
    assert one_round(qtbot, controller).error is None
    assert widget.text.text() == "Synced just now"
    assert controller.state.signed_in


def test_status_texts() -> None:
    base = SyncState(loaded=True, server_url=SERVER, user="claire", signed_in=True)
    assert status_line(SyncState(), NOW) == ("", "idle")
    assert status_line(SyncState(loaded=True), NOW)[0] == "Not connected to a team server"
    assert status_line(base, NOW) == ("Not synced yet", "warning")
    synced = replace(base, last_success=NOW - dt.timedelta(minutes=3))
    assert status_line(synced, NOW) == ("Synced 3 min ago", "good")
    assert status_line(replace(synced, last_success=NOW - dt.timedelta(hours=2)), NOW)[0] == (
        "Synced 2 h ago"
    )
    pending = replace(base, last_success=NOW, pending=2)
    assert status_line(pending, NOW) == ("Synced just now · 2 changes to send", "good")
    assert status_line(replace(base, running=True), NOW) == ("Syncing…", "busy")
    locked = replace(base, problem="keyring")
    assert status_line(locked, NOW)[0] == "The system keyring is locked: unlock it to sync"


# -- the schedule -------------------------------------------------------------------------------


def test_rounds_every_five_minutes_when_all_is_well() -> None:
    s = sched.SyncSchedule()
    assert s.next_round(100.0) == 100.0  # the first round at once
    s.record(100.0, pushed=True, problem=None)
    assert s.next_round(101.0) == 100.0 + sched.PERIOD_S
    assert not s.stuck(100.0 + 9 * 60, pending=3)
    assert s.stuck(100.0 + 10 * 60, pending=3)  # had its rounds not run, or not pushed


def test_offline_backs_off_up_to_the_period_and_heals() -> None:
    s, now, delays = sched.SyncSchedule(), 0.0, []
    for _ in range(7):
        s.record(now, pushed=False, problem="offline")
        delays.append(s.next_round(now) - now)
        now += delays[-1]
    assert delays == [30, 60, 120, 240, 300, 300, 300]
    assert not s.stuck(now, pending=5)  # offline is not stuck: it says "offline"
    s.record(now, pushed=True, problem=None)
    assert s.next_round(now) == now + sched.PERIOD_S


def test_a_failing_server_backs_off_longer_and_the_queue_gets_stuck() -> None:
    s, now = sched.SyncSchedule(), 0.0
    s.record(now, pushed=True, problem=None)
    for _ in range(8):
        now += 120
        s.record(now, pushed=False, problem="server")
    assert s.next_round(now) == now + sched.SERVER_MAX_S
    assert s.stuck(now, pending=1)
    assert not s.stuck(now, pending=0)


def test_sign_in_again_and_update_wait_for_the_user() -> None:
    for problem in ("sign_in", "update"):
        s = sched.SyncSchedule()
        s.record(0.0, pushed=False, problem=problem)
        assert s.next_round(10.0) is None
        s.reset()
        assert s.next_round(10.0) == 10.0


# -- signing in without a safe keyring ----------------------------------------------------------


def test_the_sign_in_dialog_says_plainly_when_the_token_will_not_be_remembered(qtbot, make) -> None:
    keyring.set_keyring(fail.Keyring())  # memory_keyring puts the test's own back afterwards
    controller, _ = make(signed_in=False)
    dialog = SignInDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Checking" not in dialog.keyring_note.text())
    assert "will not remember this sign-in" in dialog.keyring_note.text()
    assert "no system keyring was found" in dialog.keyring_note.text()
    assert dialog.sign_in_button.text() == "Sign in for this session"
