"""Mouse interactions on the map, one small object per gesture.

They move a card while the button is down (no database call) and, on release, either put it
back or ask the scene to emit a request; the widget turns that request into one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from kamdesk.ui.stakeholder_map.node_item import NodeItem
    from kamdesk.ui.stakeholder_map.scene import StakeholderScene


class NodeDrag:
    """Press on a card, move past the drag distance, release: the common part."""

    def __init__(self, scene: StakeholderScene, item: NodeItem, press: QPointF) -> None:
        self.scene, self.item = scene, item
        self.press = press
        self.origin = item.pos()
        self.started = False

    def move(self, at: QPointF) -> None:
        delta = at - self.press
        if not self.started:
            if delta.manhattanLength() < QApplication.startDragDistance():
                return
            self.started = True
            self.item.setZValue(100)
        self.item.setPos(self.origin + delta)
        self.scene.refresh_edges()

    def release(self, at: QPointF) -> None:
        self.item.setZValue(10)
        if self.started:
            self.dropped(at)

    def cancel(self) -> None:
        self.item.setPos(self.origin)
        self.item.setZValue(10)
        self.scene.refresh_edges()

    def dropped(self, at: QPointF) -> None:
        raise NotImplementedError


class MoveToCell(NodeDrag):
    """Map mode: the card snaps to the (stance, influence) cell under its centre."""

    def dropped(self, at: QPointF) -> None:
        grid = self.scene.grid
        assert grid is not None
        stance, influence = grid.cell_at(self.item.centre())
        node = self.item.node
        if (stance, influence) == (node.stance, node.influence):
            self.cancel()  # same cell: nothing to record
            return
        # Show it in its new cell until the reload (from the saved data) places it for good.
        self.item.setPos(grid.slot(stance, influence, 0))
        self.scene.refresh_edges()
        self.scene.moveRequested.emit(node.id, stance, influence)


class DropOnManager(NodeDrag):
    """Org chart: dropping a card on another card makes that contact its manager."""

    def dropped(self, at: QPointF) -> None:
        target = self.scene.node_at(at, exclude=self.item)
        self.cancel()  # the reload after a saved change re-lays the tree
        if target is not None and target.node_id != self.item.node.reports_to_id:
            self.scene.reportsToRequested.emit(self.item.node_id, target.node_id)
