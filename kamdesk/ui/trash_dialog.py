"""Deleted items: everything soft-deleted, newest first, with Restore (one undo step each)."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.db import Changes
from kamdesk.services import trash
from kamdesk.services.trash import DeletedRow, ParentDeleted
from kamdesk.ui import formatting, messages
from kamdesk.ui.context import AppContext
from kamdesk.ui.undo import perform

_ROOT = QModelIndex()


class DeletedModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DeletedRow] = []

    def set_rows(self, rows: list[DeletedRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> DeletedRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Kind"), self.tr("Name"), self.tr("Account"), self.tr("Deleted on")][
                section
            ]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        kind = messages.record_kind(row.kind)
        return (
            kind[:1].upper() + kind[1:],
            row.label,
            row.account or "",
            formatting.datetime(row.deleted_at),
        )[index.column()]


class TrashDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Deleted items"))
        self.resize(760, 480)
        intro = QLabel(
            self.tr(
                "Deleted accounts, contacts, sites, activities and attachments. Restore puts them back."
            )
        )
        intro.setWordWrap(True)
        self.model = DeletedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr("Nothing has been deleted."))
        self.restore_button = QPushButton(self.tr("Restore"))
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.restore_button.clicked.connect(self.restore_selected)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        ctx.bus.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.ctx.read(trash.list_deleted, self._on_rows, key="trash")

    def _on_rows(self, rows: list[DeletedRow]) -> None:
        if not shiboken6.isValid(self):
            return
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.empty.setVisible(not rows)
        self._on_selection()

    def _on_changed(self, _changes: Changes) -> None:
        if shiboken6.isValid(self) and self.isVisible():
            self.reload()

    def _on_selection(self, *_args: object) -> None:
        self.restore_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def selected(self) -> DeletedRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def restore_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        kind, record_id = row.kind, row.id
        perform(
            self.ctx,
            self.tr("Restore %1").replace("%1", row.label),
            lambda uow: trash.restore(uow, kind, record_id),
            lambda _result: (
                lambda uow: trash.restore(uow, kind, record_id),
                lambda uow: trash.delete(uow, kind, record_id),
            ),
            on_error=self._refused,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ParentDeleted):
            text = self.tr("Its account “%1” is deleted too: restore the account first.").replace(
                "%1", error.account_name
            )
        else:
            text = messages.service_error_text(error)
        QMessageBox.warning(self, self.tr("Cannot restore"), text)
