"""Closing a deal: why it was won or lost (and to whom), asked before the card enters the column."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from kamdesk.ui.messages import fill


class WonLostDialog(QDialog):
    """``outcome`` is "won" or "lost"; OK stays disabled until a reason is typed."""

    def __init__(self, outcome: str, title: str, stage: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.outcome = outcome
        won = outcome == "won"
        self.setWindowTitle(self.tr("Opportunity won") if won else self.tr("Opportunity lost"))
        intro = QLabel(
            fill(
                self.tr("“%1” moves to “%2”. Why was it won?")
                if won
                else self.tr("“%1” moves to “%2”. Why was it lost?"),
                title,
                stage,
            ),
            self,
        )
        intro.setWordWrap(True)

        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            self.tr("e.g. best total cost over 3 years, trusted by the plant managers")
            if won
            else self.tr("e.g. price 12 % above the competitor, late on the pilot")
        )
        self.reason_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        self.competitor_edit = QLineEdit(self)
        self.competitor_edit.setMaxLength(120)
        self.competitor_edit.setPlaceholderText(self.tr("Who won the deal (optional)"))

        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason_edit)
        if not won:
            form.addRow(self.tr("&Competitor:"), self.competitor_edit)
        else:
            self.competitor_edit.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Mark as won") if won else self.tr("Mark as lost"))
        self.reason_edit.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._update_ok()
        self.reason_edit.setFocus()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.reason()))

    def accept(self) -> None:
        if self.reason():
            super().accept()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def competitor(self) -> str | None:
        if self.outcome != "lost":
            return None
        return self.competitor_edit.text().strip() or None
