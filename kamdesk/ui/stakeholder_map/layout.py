"""Where nodes go: the stance × influence grid of the map, and the org chart's tree.

Pure geometry (no items): the scene places items from it and the drag snaps with it.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from kamdesk.services.org_layout import layout_tree

NODE_W, NODE_H = 210.0, 64.0
GAP = 16.0  # between two cards of one cell (room for the strength rings)
PAD = 14.0  # inside a cell
AXIS_W = 96.0  # influence labels on the left
HEADER_H = 40.0  # stance labels on top
ORG_H_GAP, ORG_V_GAP = 24.0, 56.0

STANCES = (-2, -1, 0, 1, 2)
INFLUENCES = (5, 4, 3, 2, 1)  # top to bottom


def clamp_stance(value: int | None) -> int:
    return max(-2, min(2, value if value is not None else 0))


def clamp_influence(value: int | None) -> int:
    return max(1, min(5, value if value is not None else 3))


@dataclass(frozen=True)
class MapGrid:
    """Column and row boundaries (scene x and y), and how many cards a row of a cell holds."""

    xs: tuple[float, ...]  # 6 boundaries, stance −2 … +2
    ys: tuple[float, ...]  # 6 boundaries, influence 5 … 1
    per_row: tuple[int, ...]  # per stance column

    def cell_rect(self, stance: int, influence: int) -> QRectF:
        c, r = STANCES.index(stance), INFLUENCES.index(influence)
        return QRectF(
            self.xs[c], self.ys[r], self.xs[c + 1] - self.xs[c], self.ys[r + 1] - self.ys[r]
        )

    def cell_at(self, point: QPointF) -> tuple[int, int]:
        """The (stance, influence) cell under ``point``, the nearest one when outside the grid."""
        c = min(max(bisect_right(self.xs, point.x()) - 1, 0), len(STANCES) - 1)
        r = min(max(bisect_right(self.ys, point.y()) - 1, 0), len(INFLUENCES) - 1)
        return STANCES[c], INFLUENCES[r]

    def slot(self, stance: int, influence: int, index: int) -> QPointF:
        """Top-left corner of the ``index``-th card of a cell."""
        cell = self.cell_rect(stance, influence)
        k = self.per_row[STANCES.index(stance)]
        row, col = divmod(index, k)
        return QPointF(
            cell.left() + PAD + col * (NODE_W + GAP), cell.top() + PAD + row * (NODE_H + GAP)
        )

    @property
    def rect(self) -> QRectF:
        return QRectF(self.xs[0], self.ys[0], self.xs[-1] - self.xs[0], self.ys[-1] - self.ys[0])


def _per_row(count: int) -> int:
    # Cells about as wide as tall: k columns of cards for ``count`` cards.
    return max(1, math.ceil(math.sqrt(count * (NODE_H + GAP) / (NODE_W + GAP))))


def map_layout(
    cells: Sequence[tuple[str, int, int]],
) -> tuple[MapGrid, dict[str, QPointF]]:
    """Grid and card positions for ``(id, stance, influence)``, in the given order per cell.

    Each stance column is as wide, and each influence row as tall, as its fullest cell needs,
    so cards never overlap and the grid stays a grid.
    """
    by_cell: dict[tuple[int, int], list[str]] = defaultdict(list)
    for node_id, stance, influence in cells:
        by_cell[(clamp_stance(stance), clamp_influence(influence))].append(node_id)
    per_row = tuple(
        _per_row(max((len(by_cell[(s, i)]) for i in INFLUENCES), default=0)) for s in STANCES
    )
    xs = [AXIS_W]
    for k in per_row:
        xs.append(xs[-1] + 2 * PAD + k * NODE_W + (k - 1) * GAP)
    ys = [HEADER_H]
    for i in INFLUENCES:
        rows = max(
            (math.ceil(len(by_cell[(s, i)]) / per_row[c]) for c, s in enumerate(STANCES)),
            default=1,
        )
        rows = max(rows, 1)
        ys.append(ys[-1] + 2 * PAD + rows * NODE_H + (rows - 1) * GAP)
    grid = MapGrid(tuple(xs), tuple(ys), per_row)
    positions = {
        node_id: grid.slot(stance, influence, n)
        for (stance, influence), ids in by_cell.items()
        for n, node_id in enumerate(ids)
    }
    return grid, positions


def org_layout(links: Sequence[tuple[str, str | None]]) -> dict[str, QPointF]:
    """Top-left corners of the org chart's cards; a manager not shown makes its report a root."""
    shown = {node_id for node_id, _ in links}
    tree = [(node_id, parent if parent in shown else None) for node_id, parent in links]
    placed = layout_tree(tree, NODE_W, NODE_H, ORG_H_GAP, ORG_V_GAP)
    return {p.id: QPointF(p.x, p.y) for p in placed}
