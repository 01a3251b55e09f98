"""How the map encodes things (role colour and shape, strength ring, left, bounced) and its legend.

The same painting serves the widget's legend strip and the PNG/PDF export, so that what a KAM
pastes into an account plan reads exactly like the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kamdesk.ui import labels

# Colour AND shape per role: the map must still read when printed in black and white.
ROLE_STYLES: dict[str, tuple[str, str]] = {
    "economic_buyer": ("#c0392b", "diamond"),
    "decision_maker": ("#7d3c98", "star"),
    "technical_prescriber": ("#1f618d", "square"),
    "influencer": ("#d68910", "triangle"),
    "user": ("#1e8449", "circle"),
    "gatekeeper": ("#5d6d7e", "hexagon"),
    "opponent": ("#17202a", "cross"),
}
NO_ROLE_STYLE = ("#aab2bd", "ring")

HALO = QColor("#1f9d74")
# Ring width (px) and opacity (0–255) per relationship strength level.
STRENGTH_RING: dict[str, tuple[float, int]] = {
    "strong": (6.0, 235),
    "medium": (4.0, 150),
    "weak": (2.0, 90),
    "none": (0.0, 0),
}
BOUNCED = QColor("#c0392b")
LEFT_FILL = QColor("#eceef1")
CARD_FILL = QColor("#ffffff")
CARD_BORDER = QColor("#c9ced6")
TEXT = QColor("#1c2430")
MUTED = QColor("#6b7480")
LINE = QColor("#8a94a3")


def role_style(role: str | None) -> tuple[QColor, str]:
    colour, shape = ROLE_STYLES.get(role or "", NO_ROLE_STYLE)
    return QColor(colour), shape


def shape_path(shape: str, rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    c, r = rect.center(), min(rect.width(), rect.height()) / 2
    if shape == "circle" or shape == "ring":
        path.addEllipse(c, r, r)
    elif shape == "square":
        path.addRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7))
    elif shape in ("diamond", "triangle", "hexagon", "star"):
        if shape == "diamond":
            points = [(0, -r), (r, 0), (0, r), (-r, 0)]
        elif shape == "triangle":
            points = [(0, -r), (r * 0.95, r * 0.75), (-r * 0.95, r * 0.75)]
        elif shape == "hexagon":
            points = [
                (r * math.cos(math.radians(60 * k)), r * math.sin(math.radians(60 * k)))
                for k in range(6)
            ]
        else:
            points = [
                (
                    (r if k % 2 == 0 else r * 0.45) * math.sin(math.radians(36 * k)),
                    -(r if k % 2 == 0 else r * 0.45) * math.cos(math.radians(36 * k)),
                )
                for k in range(10)
            ]
        path.moveTo(c + QPointF(*points[0]))
        for point in points[1:]:
            path.lineTo(c + QPointF(*point))
        path.closeSubpath()
    else:  # cross
        w = r * 0.38
        path.addRect(QRectF(c.x() - r, c.y() - w, 2 * r, 2 * w))
        path.addRect(QRectF(c.x() - w, c.y() - r, 2 * w, 2 * r))
        path = path.simplified()
    return path


def paint_role_badge(painter: QPainter, rect: QRectF, role: str | None) -> None:
    colour, shape = role_style(role)
    path = shape_path(shape, rect)
    if shape == "ring":
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(QPen(colour.darker(125), 1))
        painter.setBrush(colour)
    painter.drawPath(path)


def paint_bounced_marker(painter: QPainter, centre: QPointF, radius: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BOUNCED)
    painter.drawEllipse(centre, radius, radius)
    pen = QPen(QColor("white"), max(1.2, radius / 4))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(centre + QPointF(0, -radius * 0.5), centre + QPointF(0, radius * 0.1))
    painter.drawPoint(centre + QPointF(0, radius * 0.45))


def strength_label(level: str) -> str:
    return {
        "strong": QCoreApplication.translate("StakeholderMap", "Strong relationship"),
        "medium": QCoreApplication.translate("StakeholderMap", "Medium relationship"),
        "weak": QCoreApplication.translate("StakeholderMap", "Weak relationship"),
        "none": QCoreApplication.translate("StakeholderMap", "No relationship yet"),
    }.get(level, level)


@dataclass(frozen=True)
class Entry:
    kind: str  # role, strength, left, bounced, line
    code: str
    text: str


def entries() -> list[Entry]:
    result = [Entry("role", code, labels.buying_role(code)) for code in labels.buying_role_codes()]
    result.append(Entry("role", "", QCoreApplication.translate("StakeholderMap", "No role set")))
    result += [Entry("strength", lvl, strength_label(lvl)) for lvl in ("strong", "medium", "weak")]
    result.append(Entry("left", "", QCoreApplication.translate("StakeholderMap", "Has left")))
    result.append(
        Entry("bounced", "", QCoreApplication.translate("StakeholderMap", "Email bounced"))
    )
    result.append(Entry("line", "", QCoreApplication.translate("StakeholderMap", "Reports to")))
    return result


SWATCH = 16.0
SPACING = 18.0


def _layout(width: float, font: QFont) -> tuple[list[tuple[Entry, QPointF]], float]:
    metrics = QFontMetricsF(font)
    row_h = max(SWATCH, metrics.height()) + 8
    x = y = 0.0
    placed = []
    for entry in entries():
        w = SWATCH + 6 + metrics.horizontalAdvance(entry.text)
        if x > 0 and x + w > width:
            x, y = 0.0, y + row_h
        placed.append((entry, QPointF(x, y)))
        x += w + SPACING
    return placed, y + row_h


def legend_height(width: float, font: QFont) -> float:
    return _layout(width, font)[1]


def paint_legend(painter: QPainter, origin: QPointF, width: float, font: QFont) -> float:
    """Draw the legend from ``origin`` wrapping at ``width``; return the height used."""
    placed, height = _layout(width, font)
    metrics = QFontMetricsF(font)
    row_h = max(SWATCH, metrics.height()) + 8
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    for entry, at in placed:
        top = origin + at
        swatch = QRectF(top.x(), top.y() + (row_h - 8 - SWATCH) / 2, SWATCH, SWATCH)
        if entry.kind == "role":
            paint_role_badge(painter, swatch.adjusted(1, 1, -1, -1), entry.code or None)
        elif entry.kind == "strength":
            ring, alpha = STRENGTH_RING[entry.code]
            colour = QColor(HALO)
            colour.setAlpha(alpha)
            painter.setPen(QPen(colour, ring))
            painter.setBrush(CARD_FILL)
            painter.drawRoundedRect(swatch.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2), 3, 3)
        elif entry.kind == "left":
            painter.setPen(QPen(CARD_BORDER, 1, Qt.PenStyle.DashLine))
            painter.setBrush(LEFT_FILL)
            painter.drawRoundedRect(swatch.adjusted(1, 1, -1, -1), 3, 3)
        elif entry.kind == "bounced":
            paint_bounced_marker(painter, swatch.center(), SWATCH / 2.6)
        else:
            painter.setPen(QPen(LINE, 1.6))
            painter.drawLine(
                QPointF(swatch.left(), swatch.center().y()),
                QPointF(swatch.right(), swatch.center().y()),
            )
        painter.setPen(MUTED if entry.kind == "left" else TEXT)
        text_rect = QRectF(swatch.right() + 6, top.y(), width, row_h - 8)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), entry.text
        )
    painter.restore()
    return height


class LegendWidget(QWidget):
    """The legend under the map, wrapping with the widget's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return math.ceil(legend_height(max(width - 8, 100), self.font())) + 4

    def sizeHint(self) -> QSize:
        return QSize(600, self.heightForWidth(max(self.width(), 600)))

    def resizeEvent(self, event) -> None:  # noqa: ANN001
        super().resizeEvent(event)
        self.setFixedHeight(self.heightForWidth(self.width()))

    def paintEvent(self, event) -> None:  # noqa: ANN001
        painter = QPainter(self)
        paint_legend(painter, QPointF(4, 2), self.width() - 8, self.font())
        painter.end()
