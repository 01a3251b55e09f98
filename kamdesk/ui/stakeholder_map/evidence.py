""" "Why?": the activities behind a contact's relationship strength, one row each."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.services.coverage import strength_evidence
from kamdesk.ui import formatting, labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.messages import fill
from kamdesk.ui.stakeholder_map.texts import formula_text


def _first(row: Any, *names: str) -> Any:
    for name in names:
        if isinstance(row, dict) and name in row:
            return row[name]
        if hasattr(row, name):
            return getattr(row, name)
    return None


class EvidenceDialog(QDialog):
    def __init__(self, ctx: AppContext, contact_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Relationship strength — %1"), name))
        self.resize(640, 420)
        self.summary = QLabel(fill(self.tr("How it is computed: %1"), formula_text()))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Direction"),
                self.tr("Subject"),
                self.tr("Points"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        ctx.read(lambda session: strength_evidence(session, contact_id), self._fill)

    def _fill(self, rows: list[Any]) -> None:
        if not shiboken6.isValid(self):
            return
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            when = _first(row, "occurred_at", "at", "date", "when")
            points = _first(row, "points")
            values = [
                formatting.date(when.date() if hasattr(when, "date") else when) if when else "",
                labels.interaction_kind(_first(row, "kind")),
                labels.direction(_first(row, "direction")),
                _first(row, "subject") or "",
                f"{points:.1f}" if isinstance(points, float) else str(points or ""),
            ]
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
