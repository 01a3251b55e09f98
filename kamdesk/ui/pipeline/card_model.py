"""One Kanban column as a thin list model over the service's ``Card`` rows.

The model never writes to the database: a drop only announces the intent (``cardDropped``);
the board decides, moves the row optimistically and runs the service on the worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

CARD_MIME = "application/x-kamdesk-opportunity"
CardRole = Qt.ItemDataRole.UserRole  # the whole ``Card``, for the delegate
IdRole = Qt.ItemDataRole.UserRole + 1

_ROOT = QModelIndex()


def encode_card(card_id: str, stage_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(CARD_MIME, QByteArray(f"{card_id}\n{stage_id}".encode()))
    return data


def decode_card(data: QMimeData) -> tuple[str, str] | None:
    """``(opportunity id, stage it comes from)`` or None when the drag is not one of our cards."""
    if not data.hasFormat(CARD_MIME):
        return None
    card_id, _, stage_id = bytes(data.data(CARD_MIME).data()).decode().partition("\n")
    return (card_id, stage_id) if card_id else None


class CardListModel(QAbstractListModel):
    """The cards of one stage, in board order."""

    # opportunity id, its stage before the drop, row of the drop in this column (-1 = end)
    cardDropped = Signal(str, str, int)

    def __init__(self, stage_id: str = "", parent: Any = None) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._cards: list[Any] = []
        self._row_of: dict[str, int] = {}

    # -- data in -------------------------------------------------------------------------------
    def set_cards(self, cards: Sequence[Any]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self._reindex()
        self.endResetModel()

    def cards(self) -> list[Any]:
        return list(self._cards)

    def card(self, row: int) -> Any:
        return self._cards[row]

    def row_of(self, card_id: str) -> int | None:
        return self._row_of.get(card_id)

    def take(self, card_id: str) -> Any | None:
        """Remove a card (optimistic move out of this column)."""
        row = self._row_of.get(card_id)
        if row is None:
            return None
        self.beginRemoveRows(_ROOT, row, row)
        card = self._cards.pop(row)
        self._reindex(row)
        self.endRemoveRows()
        return card

    def put(self, row: int, card: Any) -> None:
        """Insert a card at ``row`` (clamped; -1 = at the end)."""
        if row < 0 or row > len(self._cards):
            row = len(self._cards)
        self.beginInsertRows(_ROOT, row, row)
        self._cards.insert(row, card)
        self._reindex(row)
        self.endInsertRows()

    def _reindex(self, start: int = 0) -> None:
        if start == 0:
            self._row_of = {}
        for row in range(start, len(self._cards)):
            self._row_of[self._cards[row].id] = row

    # -- Qt model ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._cards)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        card = self._cards[index.row()]
        if role == CardRole:
            return card
        if role == IdRole:
            return card.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{card.title} — {card.account}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between cards, never onto one.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- drag and drop -------------------------------------------------------------------------
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        rows = [i for i in indexes if i.isValid()]
        if not rows:
            return None
        return encode_card(self._cards[rows[0].row()].id, self.stage_id)

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return action == Qt.DropAction.MoveAction and decode_card(data) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        decoded = decode_card(data)
        if action != Qt.DropAction.MoveAction or decoded is None:
            return False
        if parent.isValid():  # dropped onto a card: take its place
            row = parent.row()
        self.cardDropped.emit(decoded[0], decoded[1], row)
        # True, but no removeRows(): the source view's "remove after move" is a no-op, since
        # the board has already moved the row itself.
        return True
