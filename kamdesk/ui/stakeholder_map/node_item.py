"""One contact as a card: name, job title, buying-role badge, owner, strength ring.

The item only paints; the scene's interactions move it and turn a drop into a request.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from kamdesk.ui import labels
from kamdesk.ui.stakeholder_map.layout import NODE_H, NODE_W
from kamdesk.ui.stakeholder_map.legend import (
    CARD_BORDER,
    CARD_FILL,
    HALO,
    LEFT_FILL,
    MUTED,
    STRENGTH_RING,
    TEXT,
    paint_bounced_marker,
    paint_role_badge,
    role_style,
)

HALO_MARGIN = 8.0
RADIUS = 9.0
OWNER_D = 24.0


def initials(name: str | None) -> str:
    parts = [p for p in (name or "").replace("-", " ").split() if p]
    return "".join(p[0].upper() for p in parts[:2])


def owner_name(owner: Any) -> str:
    if owner is None:
        return ""
    return str(getattr(owner, "name", owner))


class _Fonts:
    """Fonts and metrics made once: a map of hundreds of cards must not rebuild them per card."""

    def __init__(self) -> None:
        # Pixel sizes: text keeps its size relative to the cards on any device (PDF at 300 dpi).
        family = QApplication.font().family()
        self.name = QFont(family)
        self.name.setPixelSize(14)
        self.name.setBold(True)
        self.left_name = QFont(self.name)
        self.left_name.setItalic(True)
        self.small = QFont(family)
        self.small.setPixelSize(12)
        self.owner = QFont(family)
        self.owner.setPixelSize(10)
        self.owner.setBold(True)
        self.name_metrics = QFontMetricsF(self.name)
        self.small_metrics = QFontMetricsF(self.small)


_fonts: _Fonts | None = None


def fonts() -> _Fonts:
    global _fonts
    if _fonts is None:
        _fonts = _Fonts()
    return _fonts


class NodeItem(QGraphicsItem):
    def __init__(self, node: Any, tooltip: str = "") -> None:
        super().__init__()
        self.node = node
        self.node_id: str = node.id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(10)
        if tooltip:
            self.setToolTip(tooltip)
        f = fonts()
        text_w = NODE_W - 40 - OWNER_D - 6
        self._name = f.name_metrics.elidedText(node.name or "", Qt.TextElideMode.ElideRight, text_w)
        self._title = f.small_metrics.elidedText(
            node.job_title or "", Qt.TextElideMode.ElideRight, NODE_W - 44
        )
        self._role = f.small_metrics.elidedText(
            labels.buying_role(node.buying_role) if node.buying_role else "",
            Qt.TextElideMode.ElideRight,
            NODE_W - 44 - 28,
        )
        self._owner = initials(owner_name(node.owner))
        level = getattr(node.strength, "level", "none") if node.strength is not None else "none"
        self._ring, alpha = STRENGTH_RING.get(level, (0.0, 0))
        self._ring_colour = QColor(HALO)
        self._ring_colour.setAlpha(alpha)

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, NODE_W, NODE_H)

    def centre(self) -> QPointF:
        return self.pos() + QPointF(NODE_W / 2, NODE_H / 2)

    def boundingRect(self) -> QRectF:
        return self.card_rect().adjusted(-HALO_MARGIN, -HALO_MARGIN, HALO_MARGIN, HALO_MARGIN)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        f = fonts()
        node = self.node
        card = self.card_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._ring > 0:
            half = self._ring / 2 + 1
            painter.setPen(QPen(self._ring_colour, self._ring))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                card.adjusted(-half, -half, half, half), RADIUS + half, RADIUS + half
            )
        selected = self.isSelected()
        border = QColor("#2f6fdf") if selected else CARD_BORDER
        painter.setPen(
            QPen(
                border,
                2 if selected else 1,
                Qt.PenStyle.DashLine if node.has_left else Qt.PenStyle.SolidLine,
            )
        )
        painter.setBrush(LEFT_FILL if node.has_left else CARD_FILL)
        painter.drawRoundedRect(card, RADIUS, RADIUS)
        # Role colour as a stripe on the left edge, and its shape as a badge.
        colour, _ = role_style(node.buying_role)
        if node.has_left:
            colour = QColor("#b8bec7")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(0, 0, 6, NODE_H), 3, 3)
        badge = QRectF(14, 10, 18, 18)
        paint_role_badge(painter, badge, node.buying_role)

        painter.setPen(MUTED if node.has_left else TEXT)
        painter.setFont(f.left_name if node.has_left else f.name)
        painter.drawText(
            QRectF(40, 6, NODE_W - 40 - OWNER_D - 6, 22),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._name,
        )
        painter.setPen(MUTED)
        painter.setFont(f.small)
        painter.drawText(
            QRectF(40, 26, NODE_W - 44, 18),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._title,
        )
        if self._role:
            painter.setPen(MUTED if node.has_left else colour.darker(115))
            painter.drawText(
                QRectF(40, 43, NODE_W - 44 - 28, 17),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                self._role,
            )
        if self._owner:
            owner = QRectF(NODE_W - OWNER_D - 7, 7, OWNER_D, OWNER_D)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#e3e9f3") if not node.has_left else QColor("#dde0e4"))
            painter.drawEllipse(owner)
            painter.setPen(QColor("#34495e"))
            painter.setFont(f.owner)
            painter.drawText(owner, int(Qt.AlignmentFlag.AlignCenter), self._owner)
        if node.email_bounced:
            paint_bounced_marker(painter, QPointF(NODE_W - 15, NODE_H - 14), 7)
