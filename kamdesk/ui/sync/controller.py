"""Sync in the GUI: one controller per window, its network work on a thread of its own.

A round (push, pull, count of open conflicts), signing in and out, listing and resolving
conflicts all run on the controller's own worker — never the database worker, which would
freeze every view during a long pull — one at a time, so that two rounds never race. Each
pulled page's changes reach ``ctx.bus.changed`` as they are committed, so views refresh.

``state`` is what the status bar shows; ``stateChanged`` says when it changed. Automatic
rounds follow ``SyncSchedule``; a single-shot timer is re-armed after every round.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import httpx
from PySide6.QtCore import QObject, QTimer, Signal

from kamdesk.db import Database
from kamdesk.mail.credentials import KeyringUnavailable
from kamdesk.sync import conflict_inbox, errors, local_state, sign_in
from kamdesk.sync.client import SyncClient, SyncSummary, enrol
from kamdesk.sync.conflict_inbox import Choice, InboxEntry
from kamdesk.ui.context import AppContext
from kamdesk.ui.executor import DbExecutor
from kamdesk.ui.messages import service_error_text
from kamdesk.ui.sync.schedule import Problem, SyncSchedule
from kamdesk.ui.sync.texts import PLURALS

START_DELAY_MS = 3000  # the first round waits for the window to be up
PENDING_DELAY_MS = 400  # local edits come in bursts: count the outbox once
REQUEST_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class SyncState:
    loaded: bool = False
    server_url: str | None = None
    user: str | None = None
    signed_in: bool = False  # a token is at hand (keyring, or this session only)
    running: bool = False
    pending: int = 0
    last_success: dt.datetime | None = None
    problem: Problem | None = None
    detail: str = ""  # the error's own words, for the tooltip
    stuck: bool = False
    next_round: dt.datetime | None = None
    open_conflicts: int = 0


@dataclass(frozen=True)
class _Snapshot:
    where: sign_in.SignIn | None
    has_token: bool
    pending: int
    last_success: dt.datetime | None
    problem: Problem | None = None
    detail: str = ""


@dataclass(frozen=True)
class RoundOutcome:
    summary: SyncSummary
    pushed: bool
    error: BaseException | None
    snapshot: _Snapshot
    open_conflicts: int | None


@dataclass(frozen=True)
class Inbox:
    user: str | None
    open: list[InboxEntry]
    settled: list[InboxEntry]


def problem_of(error: BaseException) -> tuple[Problem | None, str]:
    """Why a round failed, for the status bar; (None, "") for "not signed in" (no error)."""
    if isinstance(error, errors.NotSignedIn):
        return None, ""
    if isinstance(error, errors.Offline):
        return "offline", str(error)
    if isinstance(error, errors.SignInAgain):
        return "sign_in", str(error)
    if isinstance(error, errors.UpdateRequired):
        return "update", str(error)
    if isinstance(error, KeyringUnavailable):
        return "keyring", str(error)
    if isinstance(error, errors.SyncError):
        return "server", str(error)
    return "local", service_error_text(error)  # the disk, the database: in the user's words


def _pending(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() or 0)


def _last_success(db: Database) -> dt.datetime | None:
    text = db.get_setting(local_state.LAST_SYNC_KEY)
    try:
        return dt.datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


class _Relay(QObject):
    """Lives on the GUI thread: emitted from the worker, its signal is queued to the bus."""

    changed = Signal(object)


class SyncController(QObject):
    stateChanged = Signal(object)  # SyncState
    roundFinished = Signal(object)  # RoundOutcome
    message = Signal(str)  # a transient line for the status bar

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The HTTP client of every request; None: each job opens (and closes) its own. Tests
        # point it at the in-process server.
        self.http = http
        self._clock = clock
        self._session_token: str | None = None  # when the keyring may not keep it
        self.jobs = DbExecutor(ctx.db, self)  # a thread of its own, not the database worker
        self._relay = _Relay(self)
        self._relay.changed.connect(ctx.bus.changed)
        self.schedule = SyncSchedule()
        self.state = SyncState()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_in_background)
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.setInterval(PENDING_DELAY_MS)
        self._pending_timer.timeout.connect(self._count_pending)
        ctx.bus.changed.connect(self._on_changes)  # a bound slot: dropped with the controller

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self, *, first_round_ms: int = START_DELAY_MS) -> None:
        """Read where this database syncs to; the first round follows after ``first_round_ms``."""
        self._first_round_ms = first_round_ms
        self.jobs.submit(self._snapshot, self._on_started, self._on_started_failed)

    def shutdown(self, msecs: int = int(REQUEST_TIMEOUT_S * 1000) + 5000) -> None:
        """Stop the timers and let a round in flight end (its outbox stays safe if cut)."""
        self.timer.stop()
        self._pending_timer.stop()
        self.jobs.wait_idle(msecs)

    @property
    def busy(self) -> bool:
        return self.jobs.pending > 0

    @property
    def _trying(self) -> bool:
        """Automatic rounds run: signed in, or a locked keyring (unlocking it is all it takes)."""
        return self.state.signed_in or self.state.problem == "keyring"

    def _on_changes(self, _changes: object) -> None:
        self._pending_timer.start()

    # -- jobs (on the sync thread) ----------------------------------------------------------
    def _token(self, where: sign_in.SignIn) -> str | None:
        return self._session_token or sign_in.token_for(where)

    def _snapshot(self, db: Database) -> _Snapshot:
        where = sign_in.current(db)
        problem: Problem | None = None
        detail, has_token = "", False
        if where is not None:
            try:
                has_token = self._token(where) is not None
            except KeyringUnavailable as exc:
                problem, detail = "keyring", str(exc)
        return _Snapshot(where, has_token, _pending(db), _last_success(db), problem, detail)

    def _client(self, db: Database) -> SyncClient:
        where = sign_in.current(db)
        token = self._token(where) if where is not None else None
        if where is None or token is None:
            raise errors.NotSignedIn()
        client = SyncClient(db, where.server_url, token, self.http, timeout=REQUEST_TIMEOUT_S)
        client.on_changes = self._relay.changed.emit
        return client

    def _round(self, db: Database) -> RoundOutcome:
        summary, pushed, error, conflicts = SyncSummary(), False, None, None
        try:
            with self._client(db) as client:
                summary = client.push()
                pushed = True
                pulled = client.pull()
                for name in ("pulled", "removed", "files_received"):
                    setattr(summary, name, getattr(pulled, name))
                summary.resent += pulled.resent
                conflicts = conflict_inbox.open_count(client)
        except Exception as exc:  # told in the status bar; the outbox keeps every change
            error = exc
        return RoundOutcome(summary, pushed, error, self._snapshot(db), conflicts)

    # -- rounds -------------------------------------------------------------------------------
    def sync_now(self) -> bool:
        """A round now (the user asked). False when one is already running."""
        if self.state.running:
            return False
        self.timer.stop()
        self._set(running=True)
        self.jobs.submit(self._round, self._on_round)
        return True

    def sync_in_background(self) -> None:
        if self._trying and not self.schedule.blocked:
            self.sync_now()

    def _on_round(self, outcome: RoundOutcome) -> None:
        problem, detail = problem_of(outcome.error) if outcome.error else (None, "")
        if outcome.error is None or problem is not None:
            self.schedule.record(self._clock(), pushed=outcome.pushed, problem=problem)
        snapshot = outcome.snapshot
        self._set(
            running=False,
            signed_in=snapshot.has_token,
            server_url=snapshot.where.server_url if snapshot.where else None,
            user=snapshot.where.user if snapshot.where else None,
            pending=snapshot.pending,
            last_success=snapshot.last_success,
            problem=problem,
            detail=detail,
            open_conflicts=(
                outcome.open_conflicts
                if outcome.open_conflicts is not None
                else self.state.open_conflicts
            ),
        )
        self._arm()
        if outcome.error is None and outcome.summary.resent:
            # Rare, and worth saying: the server lost recent work and this device gave it back.
            self.message.emit(PLURALS.restored(outcome.summary.resent))
        elif outcome.error is None and (outcome.summary.pushed or outcome.summary.pulled):
            self.message.emit(PLURALS.summary(outcome.summary.pushed, outcome.summary.pulled))
        self.roundFinished.emit(outcome)

    def _arm(self) -> None:
        """Re-arm the automatic round from the schedule (or leave it off)."""
        self.timer.stop()
        now = self._clock()
        due = self.schedule.next_round(now) if self._trying else None
        wall = None
        if due is not None:
            delay = due - now
            self.timer.start(max(int(delay * 1000), 0))
            wall = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=delay)
        self._set(
            next_round=wall,
            stuck=self.schedule.stuck(now, self.state.pending) if self.state.signed_in else False,
        )

    def _on_started(self, snapshot: _Snapshot) -> None:
        self._apply_snapshot(snapshot)
        if self._trying:
            self.timer.start(self._first_round_ms)

    def _on_started_failed(self, error: BaseException) -> None:
        problem, detail = problem_of(error)
        self._set(loaded=True, problem=problem, detail=detail)

    def _apply_snapshot(self, snapshot: _Snapshot) -> None:
        self._set(
            loaded=True,
            server_url=snapshot.where.server_url if snapshot.where else None,
            user=snapshot.where.user if snapshot.where else None,
            signed_in=snapshot.has_token,
            pending=snapshot.pending,
            last_success=snapshot.last_success,
            problem=snapshot.problem,
            detail=snapshot.detail,
        )

    def _count_pending(self) -> None:
        if self.state.server_url is None:
            return  # not syncing: the count means nothing to the user
        self.jobs.submit(_pending, self._on_pending)

    def _on_pending(self, count: int) -> None:
        if count != self.state.pending:
            self._set(pending=count, stuck=self.schedule.stuck(self._clock(), count))

    def _set(self, **changes: Any) -> None:
        new = replace(self.state, **changes)
        if new != self.state:
            self.state = new
            self.stateChanged.emit(new)

    # -- signing in and out -------------------------------------------------------------------
    def sign_in(
        self,
        server_url: str,
        user: str,
        secret: str,
        on_done: Callable[[bool], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Enrol with the one-time secret; ``on_done(remembered)``. Without a safe keyring the
        token lives for this session only (``remembered`` False)."""
        where = sign_in.SignIn(server_url.strip().rstrip("/"), user.strip())

        def work(db: Database) -> tuple[bool, _Snapshot]:
            safe = sign_in.keyring_refusal() is None
            token, _role = enrol(where.server_url, where.user, secret, db.node_id, self.http)
            remembered = False
            if safe:
                try:
                    sign_in.remember(db, where, token)
                    remembered = True
                except KeyringUnavailable:
                    pass  # locked meanwhile: the token serves this session only
            if not remembered:  # where to sync to is no secret: kept for the next sign-in
                db.set_setting(sign_in.SERVER_KEY, where.server_url)
                db.set_setting(sign_in.USER_KEY, where.user)
            self._session_token = None if remembered else token
            return remembered, self._snapshot(db)

        def done(result: tuple[bool, _Snapshot]) -> None:
            remembered, snapshot = result
            self.schedule.reset()
            self._apply_snapshot(snapshot)
            on_done(remembered)
            self.sync_now()

        self.jobs.submit(work, done, on_error)

    def sign_out(self, on_done: Callable[[str | None], None] | None = None) -> None:
        """Tell the server (when it answers) and forget the token; changes stay on this computer.
        ``on_done`` receives what could not be done (the server not told), or None."""

        def work(db: Database) -> tuple[str | None, _Snapshot]:
            where = sign_in.current(db)
            warning = None
            if where is not None:
                try:
                    with self._client(db) as client:
                        client.logout()
                except errors.SyncError as exc:
                    warning = str(exc)
                self._session_token = None
                try:
                    sign_in.forget(db, where)
                except KeyringUnavailable as exc:  # locked: the token stays there, revoked
                    warning = str(exc)
            return warning, self._snapshot(db)

        def done(result: tuple[str | None, _Snapshot]) -> None:
            warning, snapshot = result
            self.schedule.reset()
            self.timer.stop()
            self._apply_snapshot(snapshot)
            self._set(problem=None, detail="", open_conflicts=0, next_round=None, stuck=False)
            if on_done is not None:
                on_done(warning)

        self.jobs.submit(work, done)

    # -- the conflict inbox ---------------------------------------------------------------------
    def load_inbox(
        self, on_done: Callable[[Inbox], None], on_error: Callable[[BaseException], None]
    ) -> None:
        def work(db: Database) -> Inbox:
            with self._client(db) as client:
                where = sign_in.current(db)
                found = conflict_inbox.open_conflicts(client)
                settled = conflict_inbox.recently_settled(client)
            return Inbox(where.user if where else None, found, settled)

        def done(inbox: Inbox) -> None:
            self._set(open_conflicts=len(inbox.open))
            on_done(inbox)

        self.jobs.submit(work, done, on_error)

    def resolve(
        self,
        entry: InboxEntry,
        choice: Choice,
        value: Any,
        on_done: Callable[[], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Send one person's choice, then pull it so this computer shows it at once."""

        def work(db: Database) -> None:
            with self._client(db) as client:
                conflict_inbox.resolve(client, entry.id, choice, value)
                # The choice is on the server; if this pull fails, the next round brings it here.
                with contextlib.suppress(errors.SyncError):
                    client.pull()

        def done(_result: None) -> None:
            self._set(open_conflicts=max(self.state.open_conflicts - 1, 0))
            on_done()

        self.jobs.submit(work, done, on_error)
