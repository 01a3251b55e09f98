"""A toolbar button with a count in a red pill after its text: how much mail waits for review."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOptionToolButton, QToolButton, QWidget

BADGE_COLOUR = QColor("#c0392b")
GAP = 6


class BadgeToolButton(QToolButton):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._count = 0

    def count(self) -> int:
        return self._count

    def set_count(self, count: int) -> None:
        if count != self._count:
            self._count = count
            self.updateGeometry()
            self.update()

    def badge_text(self) -> str:
        return "" if self._count <= 0 else (str(self._count) if self._count < 1000 else "999+")

    def _badge_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    def _badge_size(self) -> QSize:
        text = self.badge_text()
        if not text:
            return QSize(0, 0)
        metrics = QFontMetrics(self._badge_font())
        height = metrics.height() + 2
        return QSize(max(height, metrics.horizontalAdvance(text) + 10), height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        hint = super().sizeHint()
        badge = self._badge_size()
        return hint if badge.isEmpty() else QSize(hint.width() + badge.width() + GAP, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        badge = self._badge_size()
        if badge.isEmpty():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        style = self.style()
        state = option.state
        raised = state & (
            QStyle.StateFlag.State_On
            | QStyle.StateFlag.State_Sunken
            | QStyle.StateFlag.State_MouseOver
        )
        if raised and state & QStyle.StateFlag.State_Enabled:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelButtonTool, option, painter, self)
        # The text keeps its place on the left; the pill follows it.
        full = QRect(option.rect)  # a copy: option.rect is changed below
        option.rect = full.adjusted(0, 0, -(badge.width() + GAP), 0)
        style.drawControl(QStyle.ControlElement.CE_ToolButtonLabel, option, painter, self)
        pill = QRectF(
            full.right() - badge.width() - GAP / 2 - 2,
            full.center().y() - badge.height() / 2 + 0.5,
            badge.width(),
            badge.height(),
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(self._badge_font())
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self.badge_text())
        painter.end()
