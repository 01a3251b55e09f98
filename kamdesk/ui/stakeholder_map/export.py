"""The map or org chart as a PNG or PDF page for an account plan: title, scene, legend.

Only the scene is rendered (not the window), through QPainter, so it works headless.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from kamdesk.ui import formatting
from kamdesk.ui.messages import fill
from kamdesk.ui.stakeholder_map.legend import MUTED, TEXT, legend_height, paint_legend
from kamdesk.ui.stakeholder_map.scene import MAP, StakeholderScene

MIN_WIDTH, MAX_SIDE = 1600, 8000


def _scene(source: Any) -> StakeholderScene:
    return source if isinstance(source, StakeholderScene) else source.scene


def mode_title(mode: str) -> str:
    if mode == MAP:
        return QCoreApplication.translate("StakeholderMap", "Stakeholder map")
    return QCoreApplication.translate("StakeholderMap", "Org chart")


def subtitle(scene: StakeholderScene, mode: str) -> str:
    if scene.as_of is not None:
        when = fill(
            QCoreApplication.translate("StakeholderMap", "stances as of %1"),
            formatting.date(scene.as_of),
        )
    else:
        when = formatting.date(dt.date.today())
    return f"{mode_title(mode)} · {when}"


def _fonts(unit: float) -> tuple[QFont, QFont, QFont]:
    """Title, subtitle and legend fonts sized in device pixels (``unit`` ≈ 1 at screen scale)."""
    title, sub, legend = QFont(), QFont(), QFont()
    title.setPixelSize(round(26 * unit))
    title.setBold(True)
    sub.setPixelSize(round(15 * unit))
    legend.setPixelSize(round(13 * unit))
    return title, sub, legend


def paint_page(
    painter: QPainter, page: QRectF, scene: StakeholderScene, mode: str, unit: float
) -> None:
    """Title on top, legend at the bottom, the scene scaled into what is left."""
    title_font, sub_font, _ = _fonts(unit)
    legend_font = _fonts(1.0)[2]  # painted under a scale of ``unit``
    margin = 24 * unit
    inner = page.adjusted(margin, margin, -margin, -margin)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    painter.fillRect(page, QColor("white"))
    painter.setPen(TEXT)
    painter.setFont(title_font)
    title_h = 36 * unit
    painter.drawText(
        QRectF(inner.left(), inner.top(), inner.width(), title_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        scene.title,
    )
    painter.setPen(MUTED)
    painter.setFont(sub_font)
    sub_h = 24 * unit
    painter.drawText(
        QRectF(inner.left(), inner.top() + title_h, inner.width(), sub_h),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        subtitle(scene, mode),
    )
    # The legend wraps at the page width; measured in its own unit then scaled.
    legend_w = inner.width() / unit
    legend_h = legend_height(legend_w, legend_font) * unit
    body = QRectF(
        inner.left(),
        inner.top() + title_h + sub_h + 12 * unit,
        inner.width(),
        inner.height() - title_h - sub_h - 24 * unit - legend_h,
    )
    source = scene.sceneRect()
    scale = min(body.width() / source.width(), body.height() / source.height())
    target = QRectF(body.topLeft(), QSizeF(source.width() * scale, source.height() * scale))
    scene.clearSelection()
    scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)
    painter.save()
    painter.translate(inner.left(), inner.bottom() - legend_h)
    painter.scale(unit, unit)
    paint_legend(painter, QPointF(0, 0), legend_w, legend_font)
    painter.restore()


class _mode:
    """Lay the scene out in ``mode`` for the export, then give it back its own."""

    def __init__(self, scene: StakeholderScene, mode: str | None) -> None:
        self.scene, self.mode = scene, mode

    def __enter__(self) -> str:
        self.previous = self.scene.mode
        if self.mode and self.mode != self.previous:
            self.scene.set_mode(self.mode)
        return self.scene.mode

    def __exit__(self, *exc: object) -> None:
        self.scene.set_mode(self.previous)


def render_image(source: Any, mode: str | None = None) -> QImage:
    scene = _scene(source)
    with _mode(scene, mode) as current:
        rect = scene.sceneRect()
        scale = max(1.0, MIN_WIDTH / max(rect.width(), 1.0))
        scale = min(scale, MAX_SIDE / max(rect.width(), rect.height(), 1.0))
        unit = max(1.0, rect.width() * scale / 1400)
        legend_h = legend_height(rect.width() * scale / unit - 48, _fonts(1)[2]) * unit
        width = round(rect.width() * scale + 48 * unit)
        height = round(rect.height() * scale + (24 * 2 + 36 + 24 + 24) * unit + legend_h + 4)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_page(painter, QRectF(0, 0, width, height), scene, current, unit)
        painter.end()
    return image


def export_png(source: Any, path: str, mode: str | None = None) -> str:
    """Write the map (``mode`` "map") or org chart ("org") of a scene or widget to a PNG file."""
    image = render_image(source, mode)
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return str(path)


def export_pdf(source: Any, path: str, mode: str | None = None) -> str:
    """One landscape A4 page (A3 when the scene is large), vector text."""
    scene = _scene(source)
    with _mode(scene, mode) as current:
        writer = QPdfWriter(str(path))
        writer.setResolution(300)
        big = scene.sceneRect().width() > 3000 or scene.sceneRect().height() > 2000
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A3 if big else QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(10, 10, 10, 10),
            )
        )
        writer.setTitle(f"{scene.title} — {mode_title(current)}")
        writer.setCreator("kamdesk")
        painter = QPainter(writer)
        if not painter.isActive():
            raise OSError(f"could not write {path}")
        page = QRectF(0, 0, writer.width(), writer.height())
        paint_page(painter, page, scene, current, writer.width() / 1400)
        painter.end()
    return str(path)
