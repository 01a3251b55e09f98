"""The dashboard's pyqtgraph charts: categories on one axis, bars and lines made once, then updated.

pyqtgraph costs about 340 ms to import, so only ``PipelineDashboard`` imports this module, the
first time it is shown. Every chart is a ``pg.PlotWidget`` whose items are created once and fed
with ``setOpts``/``setData`` on every reload; hovering a category shows its figures in a label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMenu, QWidget

# One palette for the whole dashboard: blue open, amber weighted, green won.
BLUE = "#2563eb"
AMBER = "#f59e0b"
GREEN = "#16a34a"
LIGHT_GREEN = "#86c99a"
VIOLET = "#7c3aed"
TEXT = "#334155"
AXIS = "#94a3b8"
BAND = (37, 99, 235, 22)

Format = Callable[[float], str]


class ValueAxis(pg.AxisItem):
    """An axis whose tick labels are formatted by the dashboard (money, percent, days)."""

    def __init__(self, orientation: str, fmt: Format) -> None:
        super().__init__(orientation)
        self._fmt = fmt
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [self._fmt(v) for v in values]


@dataclass
class _Series:
    item: pg.GraphicsObject
    kind: str  # "bars" or "line"
    offset: float
    width: float  # as a fraction of the category spacing
    values: list[float]


class Chart(pg.PlotWidget):
    """Bars and lines over categories (stage names, owners, or dated periods on a date axis)."""

    hovered = Signal(int)  # the category under the mouse, -1 when none
    exportRequested = Signal()

    def __init__(
        self,
        title: str,
        value_format: Format,
        *,
        horizontal: bool = False,
        dates: bool = False,
        legend: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        category_side, value_side = ("left", "bottom") if horizontal else ("bottom", "left")
        category_axis = pg.DateAxisItem(category_side) if dates else pg.AxisItem(category_side)
        value_axis = ValueAxis(value_side, value_format)
        super().__init__(
            parent, background="w", axisItems={category_side: category_axis, value_side: value_axis}
        )
        self.horizontal = horizontal
        self.title = title
        self.category_axis = category_axis
        self.value_axis = value_axis
        item = self.getPlotItem()
        item.setTitle(title, color=TEXT, size="11pt")
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.18)
        if horizontal:
            item.invertY(True)  # the first (biggest) category on top
        if dates and not horizontal:
            category_axis.setHeight(44)  # month and year on two lines
        for axis in (category_axis, value_axis):
            axis.setPen(pg.mkPen(AXIS))
            axis.setTextPen(pg.mkPen(TEXT))
        # A one-series chart says what it shows in its title; a legend would only hide bars.
        self.legend = None
        if legend:
            self.legend = item.addLegend(
                offset=(-6, 2), labelTextColor=TEXT, labelTextSize="9pt", colCount=3
            )
            self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))

        self._series: dict[str, _Series] = {}
        self._centers: list[float] = []
        self._spacing = 1.0
        self._hover_texts: list[str] = []
        self._hover_index = -1
        self._band = pg.BarGraphItem(x=[0], height=[0], width=1, brush=BAND, pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self._band.hide()
        item.addItem(self._band, ignoreBounds=True)
        self.hover_label = pg.TextItem(
            color=TEXT, fill=pg.mkBrush(255, 255, 255, 240), border=pg.mkPen(AXIS)
        )
        self.hover_label.setZValue(100)
        self.hover_label.hide()
        item.addItem(self.hover_label, ignoreBounds=True)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._show_menu)
        self.setMinimumSize(280, 220)

    # -- building (once) ----------------------------------------------------------------------
    def add_bars(self, key: str, name: str, color: str, *, offset: float = 0.0, width: float = 0.7):
        """Bars ``width`` of a category wide, shifted by ``offset`` categories (grouped bars)."""
        bars = pg.BarGraphItem(
            x=[],
            height=[],
            width=1,
            brush=color,
            pen=pg.mkPen(QColor(color).darker(115)),
            name=name,
        )
        if self.horizontal:
            bars.setOpts(x=None, x0=0, y=[], height=1, width=[])
        self.addItem(bars)
        self._series[key] = _Series(bars, "bars", offset, width, [])

    def add_line(self, key: str, name: str, color: str, *, dashed: bool = False) -> None:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        line = self.plot(
            [],
            [],
            pen=pg.mkPen(color, width=2 if dashed else 2.5, style=style),
            symbol="o",
            symbolSize=6 if dashed else 8,
            symbolBrush=color,
            symbolPen=pg.mkPen("w", width=1.5),
            name=name,
        )
        line.setZValue(10)
        self._series[key] = _Series(line, "line", 0.0, 0.0, [])

    # -- feeding (every reload) ---------------------------------------------------------------
    def set_categories(
        self, centers: Sequence[float], labels: Sequence[str], hover_texts: Sequence[str]
    ) -> None:
        self._centers = [float(c) for c in centers]
        gaps = [b - a for a, b in zip(self._centers, self._centers[1:], strict=False)]
        self._spacing = min(gaps) if gaps else 1.0
        self._hover_texts = list(hover_texts)
        self.category_axis.setTicks([list(zip(self._centers, labels, strict=True)), []])
        self._set_hover(-1)

    def set_values(self, key: str, values: Sequence[float]) -> None:
        series = self._series[key]
        series.values = [float(v) for v in values]
        if series.kind == "line":
            series.item.setData(self._centers, series.values)
            return
        positions = [c + series.offset * self._spacing for c in self._centers]
        thickness = series.width * self._spacing
        if self.horizontal:
            series.item.setOpts(y=positions, height=thickness, x0=0, width=series.values)
        else:
            series.item.setOpts(x=positions, width=thickness, height=series.values)

    def fit(self) -> None:
        """Every category in view and room above the tallest value (legend, hover label)."""
        top = max((max(s.values, default=0.0) for s in self._series.values()), default=0.0)
        top = top * (1.25 if self.legend is not None else 1.1) if top > 0 else 1.0
        item = self.getPlotItem()
        if self._centers:
            pad = self._spacing * 0.6
            low, high = self._centers[0] - pad, self._centers[-1] + pad
        else:
            low, high = -0.5, 0.5
        if self.horizontal:
            item.setYRange(low, high, padding=0)
            item.setXRange(0, top, padding=0)
        else:
            item.setXRange(low, high, padding=0)
            item.setYRange(0, top, padding=0)

    # -- reading (tests, tables, export) ------------------------------------------------------
    def values(self, key: str) -> list[float]:
        return list(self._series[key].values)

    def bar_heights(self, key: str) -> list[float]:
        """What the bars of ``key`` really draw (length along the value axis)."""
        opts = self._series[key].item.opts
        return [float(v) for v in (opts["width"] if self.horizontal else opts["height"])]

    def categories(self) -> list[float]:
        return list(self._centers)

    def hover_text(self) -> str:
        return self.hover_label.textItem.toPlainText() if self.hover_label.isVisible() else ""

    def hover_category(self, index: int) -> None:
        """Show the hover label of category ``index`` as if the mouse were over it."""
        self._set_hover(index)

    def export_png(self, path: str, width: int = 1600) -> bool:
        self._set_hover(-1)
        exporter = ImageExporter(self.getPlotItem())
        exporter.parameters()["width"] = width
        exporter.export(path)
        return True

    # -- hover --------------------------------------------------------------------------------
    def _on_mouse_moved(self, pos: QPointF) -> None:
        box = self.getPlotItem().vb
        if not self._centers or not box.sceneBoundingRect().contains(pos):
            self._set_hover(-1)
            return
        point = box.mapSceneToView(pos)
        coord = point.y() if self.horizontal else point.x()
        index = min(range(len(self._centers)), key=lambda i: abs(self._centers[i] - coord))
        near = abs(self._centers[index] - coord) <= self._spacing / 2
        self._set_hover(index if near else -1)

    def _set_hover(self, index: int) -> None:
        if index == self._hover_index and index >= 0:
            return
        self._hover_index = index
        if not 0 <= index < len(self._hover_texts):
            self._band.hide()
            self.hover_label.hide()
            if self.legend is not None:
                self.legend.show()
            self.hovered.emit(-1)
            return
        center = self._centers[index]
        (xlow, xhigh), (ylow, yhigh) = self.getPlotItem().vb.viewRange()
        if self.horizontal:
            self._band.setOpts(
                x=None, x0=xlow, y=[center], height=self._spacing, width=xhigh - xlow
            )
            peak = max((s.values[index] for s in self._series.values() if s.values), default=0)
            right = peak > (xlow + xhigh) / 2
            self.hover_label.setAnchor((1, 0.5) if right else (0, 0.5))
            self.hover_label.setPos(peak if not right else peak - (xhigh - xlow) * 0.02, center)
        else:
            self._band.setOpts(x=[center], y0=ylow, height=yhigh - ylow, width=self._spacing)
            right = center > (xlow + xhigh) / 2
            self.hover_label.setAnchor((1, 0) if right else (0, 0))
            shift = self._spacing * (0.5 if right else -0.5)
            self.hover_label.setPos(center - shift, yhigh)
        self.hover_label.setHtml(self._hover_texts[index])
        self._band.show()
        self.hover_label.show()
        if self.legend is not None:
            self.legend.hide()  # the hover label says the same, and the legend would cover it
        self.hovered.emit(index)

    def leaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._set_hover(-1)
        super().leaveEvent(event)

    def _show_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        menu.addAction(self.tr("Export chart as PNG…"), self.exportRequested.emit)
        menu.exec(self.mapToGlobal(pos))
