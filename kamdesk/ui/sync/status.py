"""The sync status in the status bar: a coloured dot, one line in plain words, and the one
button that helps now ("Sign in…", "Sync now") — plus the conflicts waiting, when any.

``status_line(state, now)`` is the sentence and its tone, apart from the widget for tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from kamdesk.ui import formatting
from kamdesk.ui.account_view.badges import ALERT, GOOD, WARNING, muted_colour
from kamdesk.ui.messages import fill
from kamdesk.ui.sync.controller import SyncController, SyncState
from kamdesk.ui.sync.texts import PLURALS, ago, when

translate = QCoreApplication.translate
Tone = Literal["idle", "good", "busy", "warning", "error"]
TONES = {
    "good": GOOD,
    "busy": QColor("#1d5fa6"),
    "warning": WARNING,
    "error": ALERT,
}
REFRESH_MS = 30_000  # "synced 3 min ago" must not stay "just now"


def status_line(state: SyncState, now: dt.datetime | None = None) -> tuple[str, Tone]:
    """The status bar's sentence and its tone."""
    if not state.loaded:
        return "", "idle"
    if not state.signed_in and state.problem is None:
        text = translate("SyncStatus", "Not connected to a team server")
        if state.server_url and state.pending:
            text = fill(translate("SyncStatus", "%1 · %2"), text, PLURALS.to_send(state.pending))
        return text, "idle"
    if state.running:
        return translate("SyncStatus", "Syncing…"), "busy"
    problem = state.problem
    if problem == "offline":
        return (
            translate("SyncStatus", "Offline — your changes are kept and will be sent later"),
            "warning",
        )
    if problem == "sign_in":
        return translate("SyncStatus", "Please sign in again"), "error"
    if problem == "update":
        return translate("SyncStatus", "Please update kamdesk"), "error"
    if problem == "keyring":
        return translate("SyncStatus", "The system keyring is locked: unlock it to sync"), "warning"
    if problem in ("server", "local"):
        text = (
            translate("SyncStatus", "The team server has a problem — your changes are kept")
            if problem == "server"
            else translate("SyncStatus", "Sync stopped on this computer — your changes are kept")
        )
        if state.next_round is not None:
            moment = now or dt.datetime.now(dt.UTC)
            wait = (state.next_round - moment).total_seconds()
            text = fill(translate("SyncStatus", "%1; next try %2"), text, when(max(wait, 0)))
        return text, "error" if state.stuck else "warning"
    if state.last_success is None:
        text, tone = translate("SyncStatus", "Not synced yet"), "warning"
    else:
        text, tone = (
            fill(translate("SyncStatus", "Synced %1"), ago(state.last_success, now)),
            "good",
        )
    if state.pending:
        text = fill(translate("SyncStatus", "%1 · %2"), text, PLURALS.to_send(state.pending))
    return text, tone


def needs_sign_in(state: SyncState) -> bool:
    """Only a new sign-in helps (a locked keyring does not need one: unlocking it does)."""
    return state.problem == "sign_in" or (not state.signed_in and state.problem != "keyring")


def status_tooltip(state: SyncState) -> str:
    if not state.server_url:
        return translate(
            "SyncStatus",
            "Sign in to your team's server to share accounts with your team and work offline.",
        )
    lines = [
        fill(translate("SyncStatus", "Team server: %1"), state.server_url),
        fill(
            translate("SyncStatus", "Signed in as %1")
            if state.signed_in
            else translate("SyncStatus", "Not signed in (user %1)"),
            state.user or "",
        ),
        fill(
            translate("SyncStatus", "Last successful sync: %1"),
            formatting.datetime(state.last_success)
            if state.last_success
            else translate("SyncStatus", "never"),
        ),
    ]
    if state.pending:
        lines.append(PLURALS.waiting(state.pending))
    if state.signed_in and state.next_round is not None and not state.running:
        lines.append(
            fill(
                translate("SyncStatus", "Next automatic sync: %1"),
                formatting.datetime(state.next_round),
            )
        )
    if state.detail:
        lines.append(fill(translate("SyncStatus", "Details: %1"), state.detail))
    return "\n".join(lines)


def _dot(colour: QColor, size: int = 10) -> QPixmap:
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x: crisp on high-dpi screens
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return pixmap


class SyncStatusWidget(QWidget):
    signInRequested = Signal()
    syncRequested = Signal()
    conflictsRequested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.controller = controller
        self.dot = QLabel()
        self.dot.setFixedSize(QSize(12, 12))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.conflicts_button = QToolButton()
        self.conflicts_button.setObjectName("syncConflictsButton")
        self.conflicts_button.setAutoRaise(True)
        self.conflicts_button.setStyleSheet(
            f"QToolButton {{ color: {ALERT.name()}; font-weight: 600; }}"
        )
        self.conflicts_button.clicked.connect(self.conflictsRequested)
        self.action_button = QToolButton()
        self.action_button.setObjectName("syncActionButton")
        self.action_button.setAutoRaise(True)
        self.action_button.clicked.connect(self._act)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 2, 0)
        layout.setSpacing(6)
        layout.addWidget(self.dot)
        layout.addWidget(self.text)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.action_button)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(lambda: self.show_state(self.controller.state))
        self._refresh.start()
        controller.stateChanged.connect(self.show_state)
        self.show_state(controller.state)

    def show_state(self, state: SyncState) -> None:
        text, tone = status_line(state)
        self.text.setText(text)
        self.setToolTip(status_tooltip(state))
        colour = TONES.get(tone) or muted_colour(self)
        self.dot.setPixmap(_dot(colour))
        self.dot.setVisible(state.loaded)
        self._needs_sign_in = needs_sign_in(state)
        self.action_button.setText(
            self.tr("Sign in…") if self._needs_sign_in else self.tr("Sync now")
        )
        self.action_button.setVisible(state.loaded and state.problem != "update")
        self.action_button.setEnabled(not state.running)
        self.conflicts_button.setText(PLURALS.conflicts(state.open_conflicts))
        self.conflicts_button.setVisible(state.signed_in and state.open_conflicts > 0)

    def _act(self) -> None:
        if self._needs_sign_in:
            self.signInRequested.emit()
        else:
            self.syncRequested.emit()
