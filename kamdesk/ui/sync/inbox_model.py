"""The conflict lists: a thin table model over ``InboxEntry`` rows, one per conflict.

``open`` lists what waits for a person (record, field, account, since when); ``settled`` what
the server decided alone (when, record, field, the value kept, the value replaced).
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kamdesk.sync.conflict_inbox import InboxEntry
from kamdesk.ui import formatting
from kamdesk.ui.sync.texts import field_label, record_text, value_text

_ROOT = QModelIndex()
EntryRole = Qt.ItemDataRole.UserRole + 1
Mode = Literal["open", "settled"]


def _one_line(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class ConflictsModel(QAbstractTableModel):
    def __init__(self, mode: Mode, parent: Any = None) -> None:
        super().__init__(parent)
        self.mode = mode
        self._rows: list[InboxEntry] = []

    def set_entries(self, entries: list[InboxEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def entries(self) -> list[InboxEntry]:
        return list(self._rows)

    def entry(self, row: int) -> InboxEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conflict_id: int) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == conflict_id), -1)

    def _headers(self) -> list[str]:
        if self.mode == "open":
            return [self.tr("Record"), self.tr("Field"), self.tr("Account"), self.tr("Since")]
        return [
            self.tr("When"),
            self.tr("Record"),
            self.tr("Field"),
            self.tr("Kept (newer)"),
            self.tr("Replaced"),
        ]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else (4 if self.mode == "open" else 5)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == EntryRole:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole and self.mode == "settled" and index.column() >= 3:
            side = entry.kept_side if index.column() == 3 else entry.other_side
            return value_text(entry, side.value)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if self.mode == "open":
            columns = (
                record_text(entry),
                field_label(entry.field),
                entry.account or "",
                formatting.datetime(entry.logged_at),
            )
        else:
            columns = (
                formatting.datetime(entry.logged_at),
                record_text(entry),
                field_label(entry.field),
                _one_line(value_text(entry, entry.kept_side.value)),
                _one_line(value_text(entry, entry.other_side.value)),
            )
        return columns[index.column()]
