"""Colours and small markers shared by the 360° view: tier chips, activity-kind icons, tones.

Colours are muted and used as tints over the palette, so they read on light and dark themes.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from kamdesk.ui import labels

TIER_COLOURS = {
    "large_account": QColor("#1d5fa6"),
    "key_account": QColor("#7a3fa0"),
    "standard": QColor("#5b6770"),
}

KIND_COLOURS = {
    "call": QColor("#2e7d4f"),
    "meeting": QColor("#1d5fa6"),
    "email": QColor("#6a5acd"),
    "note": QColor("#b7791f"),
    "quote_sent": QColor("#00838f"),
    "invoice": QColor("#6d4c41"),
    "ticket": QColor("#c0392b"),
}

ALERT = QColor("#c0392b")  # overdue, stale, missing
WARNING = QColor("#b86e00")  # soon due
GOOD = QColor("#2e7d4f")


def tier_colour(tier: str | None) -> QColor:
    return TIER_COLOURS.get(tier or "", TIER_COLOURS["standard"])


def kind_colour(kind: str | None) -> QColor:
    return KIND_COLOURS.get(kind or "", QColor("#5b6770"))


def muted_colour(widget: QWidget) -> QColor:
    """Secondary text: the palette's text colour, halfway towards its background."""
    pal = widget.palette()
    text, base = pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)
    return QColor(
        (text.red() * 3 + base.red() * 2) // 5,
        (text.green() * 3 + base.green() * 2) // 5,
        (text.blue() * 3 + base.blue() * 2) // 5,
    )


def set_text_colour(label: QLabel, colour: QColor | None) -> None:
    """Colour a label's text, or give it back its palette colour with ``None``."""
    if colour is None:
        label.setPalette(QPalette())  # an empty palette resolves nothing: inherit again
        return
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(pal)


def _tint(colour: QColor, alpha: int) -> str:
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {alpha})"


class TierChip(QLabel):
    """The account tier as a coloured rounded chip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_tier(None)

    def set_tier(self, tier: str | None) -> None:
        self.tier = tier
        colour = tier_colour(tier)
        self.setText(labels.tier(tier) if tier else "")
        self.setVisible(bool(tier))
        self.setStyleSheet(
            f"QLabel {{ background: {_tint(colour, 36)}; color: {colour.name()};"
            f" border: 1px solid {_tint(colour, 90)}; border-radius: 10px;"
            " padding: 2px 10px; font-weight: 600; }"
        )


def _glyph_path(kind: str, size: float) -> QPainterPath:
    """A tiny line drawing of each activity kind, in a ``size`` square centred on 0,0."""
    s = size / 2
    path = QPainterPath()
    if kind == "call":  # a handset
        path.moveTo(-s * 0.55, -s * 0.35)
        path.cubicTo(-s * 0.5, s * 0.3, -s * 0.1, s * 0.6, s * 0.55, s * 0.5)
    elif kind == "meeting":  # two heads
        for x in (-s * 0.35, s * 0.35):
            path.addEllipse(QPointF(x, -s * 0.25), s * 0.2, s * 0.2)
            path.moveTo(x - s * 0.32, s * 0.5)
            path.quadTo(x, -s * 0.05, x + s * 0.32, s * 0.5)
    elif kind == "email":  # an envelope
        path.addRect(QRectF(-s * 0.6, -s * 0.4, s * 1.2, s * 0.8))
        path.moveTo(-s * 0.6, -s * 0.4)
        path.lineTo(0, s * 0.1)
        path.lineTo(s * 0.6, -s * 0.4)
    elif kind == "note":  # a sheet with lines
        path.addRect(QRectF(-s * 0.45, -s * 0.55, s * 0.9, s * 1.1))
        for y in (-0.25, 0.0, 0.25):
            path.moveTo(-s * 0.25, s * y)
            path.lineTo(s * 0.25, s * y)
    elif kind in ("quote_sent", "invoice"):  # a document with a corner and a total line
        path.moveTo(-s * 0.45, -s * 0.55)
        path.lineTo(s * 0.2, -s * 0.55)
        path.lineTo(s * 0.45, -s * 0.3)
        path.lineTo(s * 0.45, s * 0.55)
        path.lineTo(-s * 0.45, s * 0.55)
        path.closeSubpath()
        path.moveTo(-s * 0.2, s * 0.25 if kind == "invoice" else -s * 0.1)
        path.lineTo(s * 0.2, s * 0.25 if kind == "invoice" else -s * 0.1)
    elif kind == "ticket":  # an exclamation mark
        path.moveTo(0, -s * 0.55)
        path.lineTo(0, s * 0.15)
        path.addEllipse(QPointF(0, s * 0.45), s * 0.06, s * 0.06)
    else:
        path.addEllipse(QPointF(0, 0), s * 0.3, s * 0.3)
    return path


def paint_kind_badge(painter: QPainter, rect: QRectF, kind: str) -> None:
    """A filled circle in the kind's colour with its white glyph."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(kind_colour(kind))
    painter.drawEllipse(rect)
    pen = QPen(QColor("white"), max(1.2, rect.width() / 14))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.translate(rect.center())
    painter.drawPath(_glyph_path(kind, rect.width() * 0.62))
    painter.restore()


@cache
def kind_icon(kind: str, size: int = 32) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_kind_badge(painter, QRectF(1, 1, size - 2, size - 2), kind)
    painter.end()
    return QIcon(pixmap)


def bold(font: QFont, scale: float = 1.0) -> QFont:
    result = QFont(font)
    result.setBold(True)
    if scale != 1.0:
        result.setPointSizeF(font.pointSizeF() * scale)
    return result


def alert_icon(size: int = 16) -> QIcon:
    """A small red "!" for what needs attention (a bounced address, a missing file)."""
    return kind_icon("ticket", size)
