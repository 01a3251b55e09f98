"""The scene mirrors one loaded ``StakeholderMap``: grid (map mode), reporting lines, cards.

It is rebuilt from data only; cards never write anything. A drag ends in a request signal
(``moveRequested``, ``reportsToRequested``) and the data that comes back redraws the scene.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, QLineF, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from kamdesk.ui import labels
from kamdesk.ui.stakeholder_map.interactions import DropOnManager, MoveToCell, NodeDrag
from kamdesk.ui.stakeholder_map.layout import (
    HEADER_H,
    INFLUENCES,
    NODE_H,
    NODE_W,
    ORG_H_GAP,
    ORG_V_GAP,
    STANCES,
    MapGrid,
    map_layout,
    org_layout,
)
from kamdesk.ui.stakeholder_map.legend import LINE, MUTED, TEXT
from kamdesk.ui.stakeholder_map.node_item import NodeItem
from kamdesk.ui.stakeholder_map.texts import formula_text, strength_tooltip

MAP, ORG = "map", "org"

# Opponent … champion: a light wash from red to green, so the plane reads at a glance.
COLUMN_TINTS = ("#fbeaea", "#fcf2e6", "#f4f5f7", "#ebf5ee", "#dff1e6")
GRID_LINE = QColor("#d5dae1")


class GridItem(QGraphicsItem):
    def __init__(self, grid: MapGrid) -> None:
        super().__init__()
        self.grid = grid
        self.setZValue(0)
        self._label_font = QFont()
        self._label_font.setPixelSize(15)
        self._label_font.setBold(True)
        self._axis_font = QFont()
        self._axis_font.setPixelSize(14)
        self._stances = [labels.stance(s) for s in STANCES]
        self._influence = QCoreApplication.translate("StakeholderMap", "Influence")

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.grid.xs[-1] + 1, self.grid.ys[-1] + 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        g = self.grid
        painter.setPen(Qt.PenStyle.NoPen)
        for c in range(len(STANCES)):
            painter.setBrush(QColor(COLUMN_TINTS[c]))
            painter.drawRect(QRectF(g.xs[c], g.ys[0], g.xs[c + 1] - g.xs[c], g.ys[-1] - g.ys[0]))
        painter.setPen(QPen(GRID_LINE, 1))
        for x in g.xs:
            painter.drawLine(QPointF(x, g.ys[0]), QPointF(x, g.ys[-1]))
        for y in g.ys:
            painter.drawLine(QPointF(g.xs[0], y), QPointF(g.xs[-1], y))
        painter.setFont(self._label_font)
        painter.setPen(TEXT)
        for c, text in enumerate(self._stances):
            sign = f"{STANCES[c]:+d}" if STANCES[c] else "0"
            painter.drawText(
                QRectF(g.xs[c], 0, g.xs[c + 1] - g.xs[c], HEADER_H - 6),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{text}  ({sign})",
            )
        for r, influence in enumerate(INFLUENCES):
            painter.drawText(
                QRectF(g.xs[0] - 44, g.ys[r], 36, g.ys[r + 1] - g.ys[r]),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(influence),
            )
        painter.save()
        painter.setFont(self._axis_font)
        painter.setPen(MUTED)
        mid = (g.ys[0] + g.ys[-1]) / 2
        painter.translate(g.xs[0] - 70, mid)
        painter.rotate(-90)
        painter.drawText(
            QRectF(-200, -12, 400, 24), int(Qt.AlignmentFlag.AlignCenter), "▲ " + self._influence
        )
        painter.restore()


class EdgesItem(QGraphicsItem):
    """Every reporting line in one item, as separate segments: an antialiased stroke of one big
    path costs seconds for a few hundred lines, separate lines a few milliseconds."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(5)
        # Cosmetic: Qt's antialiased stroke of non-cosmetic wide lines is ~100× slower.
        self._pen = QPen(LINE, 1.5)
        self._pen.setCosmetic(True)
        self._lines: list[QLineF] = []
        self._bounds = QRectF()

    def rebuild(self, items: dict[str, NodeItem], mode: str) -> None:
        lines: list[QLineF] = []
        for item in items.values():
            manager = items.get(item.node.reports_to_id or "")
            if manager is None:
                continue
            if mode == ORG:
                top = item.pos() + QPointF(NODE_W / 2, 0)
                bottom = manager.pos() + QPointF(NODE_W / 2, NODE_H)
                below_manager = bottom.y() + ORG_V_GAP / 2
                above_report = top.y() - ORG_V_GAP / 2
                if above_report <= below_manager + 1:  # the report sits in the next row
                    lines += [
                        QLineF(bottom, QPointF(bottom.x(), below_manager)),
                        QLineF(QPointF(bottom.x(), below_manager), QPointF(top.x(), below_manager)),
                        QLineF(QPointF(top.x(), below_manager), top),
                    ]
                else:  # a wrapped row further down: run in the gaps, never across other cards
                    gap_x = item.pos().x() - ORG_H_GAP / 2
                    lines += [
                        QLineF(bottom, QPointF(bottom.x(), below_manager)),
                        QLineF(QPointF(bottom.x(), below_manager), QPointF(gap_x, below_manager)),
                        QLineF(QPointF(gap_x, below_manager), QPointF(gap_x, above_report)),
                        QLineF(QPointF(gap_x, above_report), QPointF(top.x(), above_report)),
                        QLineF(QPointF(top.x(), above_report), top),
                    ]
            else:
                lines.append(QLineF(manager.centre(), item.centre()))
        self.prepareGeometryChange()
        self._lines = lines
        bounds = QRectF()
        for line in lines:
            bounds = bounds.united(QRectF(line.p1(), line.p2()).normalized())
        self._bounds = bounds.adjusted(-2, -2, 2, 2)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        painter.drawLines(self._lines)


class StakeholderScene(QGraphicsScene):
    nodeActivated = Signal(str)
    moveRequested = Signal(str, int, int)  # contact id, stance, influence
    reportsToRequested = Signal(str, str)  # contact id, new manager id
    menuRequested = Signal(str, QPoint)  # contact id, screen position

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QColor("white"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # few items, often moved
        self.data: Any = None
        self.title = ""  # the account's name, for exports
        self.as_of: Any = None  # None: today
        self.mode = MAP
        self.editable = True
        self.grid: MapGrid | None = None
        self.items_by_id: dict[str, NodeItem] = {}
        self._edges: EdgesItem | None = None
        self._interaction: NodeDrag | None = None

    # -- mirroring the data -------------------------------------------------------------------
    def set_data(self, data: Any) -> None:
        self.data = data
        self.rebuild()

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self.rebuild()

    def rebuild(self) -> None:
        self._interaction = None
        self.clear()
        self.items_by_id, self._edges, self.grid = {}, None, None
        nodes = sorted(
            self.data.nodes if self.data is not None else [],
            key=lambda n: (n.has_left, -(n.influence or 0), (n.name or "").lower()),
        )
        if self.mode == MAP:
            self.grid, positions = map_layout([(n.id, n.stance, n.influence) for n in nodes])
            self.addItem(GridItem(self.grid))
        else:
            positions = org_layout([(n.id, n.reports_to_id) for n in nodes])
        formula = html.escape(formula_text())  # once, not per card
        for node in nodes:
            tooltip = strength_tooltip(node.strength, formula) if node.strength is not None else ""
            item = NodeItem(node, tooltip)
            item.setPos(positions.get(node.id, QPointF(0, 0)))
            self.addItem(item)
            self.items_by_id[node.id] = item
        self._edges = EdgesItem()
        self.addItem(self._edges)
        self.refresh_edges()
        if not nodes and self.mode == ORG:
            empty = QGraphicsSimpleTextItem(
                QCoreApplication.translate("StakeholderMap", "No contacts yet.")
            )
            self.addItem(empty)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-24, -16, 24, 24))

    def refresh_edges(self) -> None:
        if self._edges is not None:
            self._edges.rebuild(self.items_by_id, self.mode)

    # -- queries ------------------------------------------------------------------------------
    def node_item(self, contact_id: str) -> NodeItem | None:
        return self.items_by_id.get(contact_id)

    def node_at(self, at: QPointF, exclude: NodeItem | None = None) -> NodeItem | None:
        for item in self.items(at):
            if (
                isinstance(item, NodeItem)
                and item is not exclude
                and item.card_rect().contains(item.mapFromScene(at))
            ):
                return item
        return None

    def cell_of(self, contact_id: str) -> tuple[int, int] | None:
        item = self.items_by_id.get(contact_id)
        if item is None or self.grid is None:
            return None
        return self.grid.cell_at(item.centre())

    # -- mouse --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.editable:
            item = self.node_at(event.scenePos())
            if item is not None:
                kind = MoveToCell if self.mode == MAP else DropOnManager
                self._interaction = kind(self, item, event.scenePos())
                event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._interaction is not None:
            self._interaction.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        interaction = self._interaction
        if interaction is not None and event.button() == Qt.MouseButton.LeftButton:
            self._interaction = None
            interaction.release(event.scenePos())
            event.accept()
            return
        if interaction is not None:  # another button during a drag: abandon it, card goes back
            self._interaction = None
            interaction.cancel()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._interaction is not None and event.key() == Qt.Key.Key_Escape:
            interaction, self._interaction = self._interaction, None
            interaction.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        item = self.node_at(event.scenePos())
        if item is not None:
            self._interaction = None
            self.nodeActivated.emit(item.node_id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        item = self.node_at(event.scenePos())
        if item is not None:
            self.clearSelection()
            item.setSelected(True)
            self.menuRequested.emit(item.node_id, event.screenPos())
            event.accept()
