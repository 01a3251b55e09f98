"""One Kanban column: a header with the stage's figures above a list view of painted cards."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.ui import formatting
from kamdesk.ui.messages import fill
from kamdesk.ui.pipeline.card_delegate import CardDelegate
from kamdesk.ui.pipeline.card_model import CardListModel, IdRole

COLUMN_WIDTH = 272
BOARD_BACKGROUND = "#eef1f4"
_ACCENTS = {"open": "#3d7be0", "won": "#2f9e44", "lost": "#8a939c"}


class CardListView(QListView):
    """Cards in a column; Ctrl+Left/Right ask to move the current card, Enter opens it."""

    stepRequested = Signal(str, int)  # opportunity id, -1 / +1
    cardActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)  # one sizeHint for all: no per-card layout
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(False)
        palette = self.palette()
        palette.setColor(palette.ColorRole.Base, QColor(BOARD_BACKGROUND))
        self.setPalette(palette)
        self.doubleClicked.connect(self._activate)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        card_id = self.current_id()
        control = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if card_id and control and key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.stepRequested.emit(card_id, 1 if key == Qt.Key.Key_Right else -1)
            event.accept()
            return
        if card_id and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.cardActivated.emit(card_id)
            event.accept()
            return
        super().keyPressEvent(event)

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        card_id = index.data(IdRole)
        if card_id:
            self.cardActivated.emit(card_id)


class ColumnHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnHeader")
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.05)
        self.name_label.setFont(font)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("countPill")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.total_label = QLabel(self)
        self.weighted_label = QLabel(self)
        self.weighted_label.setObjectName("weighted")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.total_label)
        bottom.addStretch(1)
        bottom.addWidget(self.weighted_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def set_stage(self, name: str, outcome: str, probability: int, hint: str) -> None:
        self.name_label.setText(name)
        accent = _ACCENTS.get(outcome, _ACCENTS["open"])
        self.setStyleSheet(
            f"#columnHeader {{ background: white; border: 1px solid #d9dee4;"
            f" border-top: 3px solid {accent}; border-radius: 6px; }}"
            f" #countPill {{ background: {accent}; color: white; border-radius: 8px;"
            f" padding: 0px 7px; font-weight: bold; }}"
            " #weighted { color: #66727f; }"
        )
        self.setToolTip(hint)
        self._probability = probability

    def set_totals(self, count: int, amount_cents: int, weighted_cents: int) -> None:
        self.count_label.setText(str(count))
        self.total_label.setText(formatting.money_short(amount_cents))
        self.weighted_label.setText(
            fill(self.tr("%1 weighted"), formatting.money_short(weighted_cents))
        )
        self.total_label.setToolTip(
            fill(self.tr("Total amount: %1"), formatting.money(amount_cents, decimals=0))
        )
        self.weighted_label.setToolTip(
            fill(
                self.tr("Weighted by each deal's probability: %1"),
                formatting.money(weighted_cents, decimals=0),
            )
        )


class StageColumn(QWidget):
    def __init__(self, stage: Any, delegate: CardDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setFixedWidth(COLUMN_WIDTH)
        self.header = ColumnHeader(self)
        self.model = CardListModel(stage.id, self)
        self.view = CardListView(self)
        self.view.setAccessibleName(stage.name)
        self.view.setItemDelegate(delegate)
        self.view.setModel(self.model)
        self.totals = [0, 0, 0]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.set_stage(stage)

    def set_stage(self, stage: Any) -> None:
        self.stage = stage
        self.view.setAccessibleName(stage.name)
        self.header.set_stage(stage.name, stage.outcome, stage.probability, self._hint(stage))

    def _hint(self, stage: Any) -> str:
        parts = [fill(self.tr("Default probability: %1 %"), stage.probability)]
        if stage.rotting_days:
            parts.append(
                fill(self.tr("Stalled after %1 days without a next step"), stage.rotting_days)
            )
        if stage.outcome in ("won", "lost"):
            parts.append(self.tr("Shows the deals closed in the last 90 days"))
        return "\n".join(parts)

    def set_cards(self, cards: list[Any], totals: tuple[int, int, int]) -> None:
        self.model.set_cards(cards)
        self.totals = list(totals)
        self.header.set_totals(*self.totals)

    def add_to_totals(self, card: Any, sign: int) -> None:
        self.totals[0] += sign
        self.totals[1] += sign * card.amount_cents
        self.totals[2] += sign * card.weighted_cents
        self.header.set_totals(*self.totals)
