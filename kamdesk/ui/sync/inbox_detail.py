"""One conflict, to settle: both values side by side with who typed them and when, a button
under each to keep it, and for free text a merged text to write from both.

Each button is one whole resolution: ``chosen(entry, choice, value)`` is emitted once and the
inbox sends it. Nothing here talks to the server or the database.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kamdesk.sync.conflict_inbox import Choice, InboxEntry, Side, merged_text
from kamdesk.ui.account_view.badges import GOOD, WARNING, bold, muted_colour, set_text_colour
from kamdesk.ui.messages import fill
from kamdesk.ui.sync.texts import by_line, field_label, record_text, value_text


def _chip_style(colour: QColor) -> str:
    """A rounded pill: the colour as text on a light tint of itself."""
    tint = f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, 28)"
    return (
        f"QLabel {{ color: {colour.name()}; background: {tint}; border-radius: 9px;"
        " padding: 2px 9px; font-size: 11px; font-weight: 600; }"
    )


class ValueCard(QFrame):
    """One side of a conflict: who and when, the value, and "Keep this version"."""

    keepRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueCard")
        self.setStyleSheet(
            "#valueCard { border: 1px solid palette(mid); border-radius: 8px;"
            " background: palette(base); }"
        )
        self.who = QLabel()
        self.who.setFont(bold(self.font()))
        self.tag = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.who, 1)
        header.addWidget(self.tag)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFrameShape(QFrame.Shape.NoFrame)
        self.text.setStyleSheet("QPlainTextEdit { background: transparent; }")
        self.short = QLabel()  # amounts, stages: one value, large
        self.short.setWordWrap(True)
        self.short.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.35)
        self.short.setFont(font)
        self.short.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.keep_button = QPushButton(self.tr("Keep this version"))
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.keepRequested)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.short, 1)
        layout.addLayout(footer)

    def show_side(self, entry: InboxEntry, side: Side, me: str | None, *, shown: bool) -> None:
        self.who.setText(by_line(side, me))
        self.tag.setText(self.tr("Shown in kamdesk now") if shown else self.tr("Waiting"))
        self.tag.setStyleSheet(_chip_style(GOOD if shown else WARNING))
        text = value_text(entry, side.value)
        long = entry.value_kind == "text" or entry.kind == "delete"
        self.text.setVisible(long)
        self.short.setVisible(not long)
        self.text.setPlainText(text)
        self.short.setText(text)


class ConflictDetail(QWidget):
    chosen = Signal(object, str, object)  # InboxEntry, Choice, value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: InboxEntry | None = None
        self._busy = False
        self.heading = QLabel()
        self.heading.setFont(bold(self.font(), 1.2))
        self.heading.setWordWrap(True)
        self.context = QLabel()
        self.context.setWordWrap(True)
        set_text_colour(self.context, muted_colour(self))
        self.cards = (ValueCard(), ValueCard())
        self.cards[0].keepRequested.connect(lambda: self._keep("server"))
        self.cards[1].keepRequested.connect(lambda: self._keep("client"))
        row = QHBoxLayout()
        row.setSpacing(12)
        for card in self.cards:
            card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            row.addWidget(card, 1)

        self.merge_title = QLabel(self.tr("Or write one text from both"))
        self.merge_title.setFont(bold(self.font()))
        self.merge_editor = QPlainTextEdit()
        self.merge_editor.setObjectName("mergeEditor")
        self.merge_editor.setMinimumHeight(90)
        self.merge_editor.textChanged.connect(self._merge_changed)
        self.merge_button = QPushButton(self.tr("Save this text"))
        self.merge_button.setAutoDefault(False)
        self.merge_button.clicked.connect(self._merge)
        merge_row = QHBoxLayout()
        merge_row.addStretch(1)
        merge_row.addWidget(self.merge_button)

        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 8, 0, 0)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.context)
        self.body.addSpacing(4)
        self._cards_at = self.body.count()
        self.body.addLayout(row, 3)
        self.body.addSpacing(6)
        self.body.addWidget(self.merge_title)
        self.body.addWidget(self.merge_editor, 2)
        self.body.addLayout(merge_row)
        self.body.addStretch(0)  # takes the room short values (amounts, stages) leave

    def show_entry(self, entry: InboxEntry, me: str | None) -> None:
        self.entry = entry
        self.heading.setText(fill(self.tr("%1 — %2"), field_label(entry.field), record_text(entry)))
        parts = [entry.account] if entry.account else []
        shows = fill(self.tr("kamdesk shows %1 for now."), self._whose(entry.kept_side, me))
        parts.append(f"{self._authors(entry, me)} {shows}")
        self.context.setText(" · ".join(parts))
        self.cards[0].show_side(entry, entry.server, me, shown=entry.kept == "server")
        self.cards[1].show_side(entry, entry.client, me, shown=entry.kept == "client")
        for widget in (self.merge_title, self.merge_editor, self.merge_button):
            widget.setVisible(entry.mergeable)
        long = entry.value_kind == "text" or entry.kind == "delete"
        self.body.setStretch(self._cards_at, 3 if long else 0)
        self.body.setStretch(self.body.count() - 1, 0 if long else 1)
        if entry.mergeable:
            self.merge_editor.setPlainText(
                merged_text(_text(entry.server.value), _text(entry.client.value))
            )
        self.set_busy(False)

    def _authors(self, entry: InboxEntry, me: str | None) -> str:
        first, second = entry.server.user, entry.client.user
        if not first or not second or first == second:
            return self.tr("It was changed twice before syncing.")
        if me in (first, second):
            other = second if first == me else first
            return fill(self.tr("You and %1 changed it before syncing."), other)
        return fill(self.tr("%1 and %2 changed it before syncing."), first, second)

    def _whose(self, side: Side, me: str | None) -> str:
        if side.user and side.user == me:
            return self.tr("your version")
        return fill(self.tr("%1's version"), side.user or "?")

    def set_busy(self, busy: bool) -> None:
        """While a choice is being sent, no second one."""
        self._busy = busy
        for card in self.cards:
            card.keep_button.setEnabled(not busy)
        self.merge_editor.setReadOnly(busy)
        self._merge_changed()

    def _merge_changed(self) -> None:
        text = self.merge_editor.toPlainText().strip()
        self.merge_button.setEnabled(not self._busy and bool(text))

    def _keep(self, choice: Choice) -> None:
        if self.entry is not None:
            self.chosen.emit(self.entry, choice, None)

    def _merge(self) -> None:
        text = self.merge_editor.toPlainText().strip()
        if self.entry is not None and text:
            self.chosen.emit(self.entry, "value", text)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
