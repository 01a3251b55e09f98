"""Thin list models over the plain rows of ``kamdesk.mail.reads``: threads, messages, the queue.

Each row is a frozen dataclass read on the worker; the delegates paint it from ``ROW_ROLE``.
``set_rows`` resets only when the rows changed, so a refresh after an unrelated write keeps
the selection and the scroll position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from kamdesk.mail.reads import AttachmentInfo, MessageRow, QueueRow, ThreadRow
from kamdesk.ui import formatting
from kamdesk.ui.mail import texts

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole  # the thread id, the email id
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row dataclass


class RowListModel(QAbstractListModel, Generic[R]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    # -- to override --------------------------------------------------------------------------
    def row_id(self, row: R) -> str:
        raise NotImplementedError

    def text(self, row: R) -> str:
        raise NotImplementedError

    def tooltip(self, row: R) -> str | None:
        return None

    # -- rows ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> bool:
        rows = list(rows)
        if rows == self._rows:
            return False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        return True

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == record_id), -1)

    # -- Qt -----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        return None


@dataclass(frozen=True)
class ThreadItem:
    """A thread as the list shows it: the row, and who the conversation is with."""

    row: ThreadRow
    correspondent: str


class ThreadListModel(RowListModel[ThreadItem]):
    def row_id(self, row: ThreadItem) -> str:
        return row.row.thread_id

    def text(self, row: ThreadItem) -> str:
        return f"{row.row.subject} — {row.correspondent}"

    def tooltip(self, row: ThreadItem) -> str | None:
        return f"{row.row.subject}\n{row.correspondent} · {texts.PLURALS.messages(row.row.count)}"


class MessageListModel(RowListModel[MessageRow]):
    def row_id(self, row: MessageRow) -> str:
        return row.id

    def text(self, row: MessageRow) -> str:
        return (
            f"{texts.person(row.from_name, row.from_address)} — {formatting.datetime(row.sent_at)}"
        )


class QueueModel(RowListModel[QueueRow]):
    def row_id(self, row: QueueRow) -> str:
        return row.message.id

    def text(self, row: QueueRow) -> str:
        sender = row.message.from_name or row.message.from_address or ""
        return f"{row.message.subject} — {sender}"

    def tooltip(self, row: QueueRow) -> str | None:
        return texts.person(row.message.from_name, row.message.from_address)


class AttachmentListModel(RowListModel[AttachmentInfo]):
    def row_id(self, row: AttachmentInfo) -> str:
        return row.id

    def text(self, row: AttachmentInfo) -> str:
        return f"{row.filename} ({formatting.file_size(row.size)})"
