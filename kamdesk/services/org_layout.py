"""Org chart geometry: a tidy tree by reporting line, pure arithmetic (no Qt).

Every subtree owns a horizontal band (its own nodes and nothing else) and sibling bands are laid
side by side with ``h_gap`` between them, so no two boxes can overlap; a parent is centred over its
first and last child. Level ``d`` sits at ``y = d * (node_h + v_gap)``. When a manager has more than
``max_leaf_row`` direct reports without reports of their own, those leaves are wrapped into a grid
of rows under the manager (after the children that have teams), which keeps very wide levels
readable. Unknown or self parents make roots; a cycle in bad data is broken at its first node in
input order. Runs in O(n) without recursion (a reporting chain may be 1 000 deep).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

SHELF_COLUMNS = 16  # a shelf of trees is at most this many boxes wide (unless one tree is wider)
DEFAULT_MAX_LEAF_ROW = 10


@dataclass(frozen=True)
class Placed:
    id: str
    x: float  # top-left of the node box
    y: float


def _forest(
    nodes: Sequence[tuple[str, str | None]],
) -> tuple[list[str], dict[str, list[str]], dict[str, int], list[str]]:
    """(ids in order, tree children, depth, roots): every id reached exactly once."""
    order: list[str] = []
    parent: dict[str, str | None] = {}
    for node_id, parent_id in nodes:
        if node_id not in parent:  # a repeated id keeps its first row
            parent[node_id] = parent_id
            order.append(node_id)
    children: dict[str, list[str]] = {node_id: [] for node_id in order}
    roots: list[str] = []
    for node_id in order:
        parent_id = parent[node_id]
        if parent_id is None or parent_id == node_id or parent_id not in children:
            roots.append(node_id)
        else:
            children[parent_id].append(node_id)
    tree: dict[str, list[str]] = {node_id: [] for node_id in order}
    depth: dict[str, int] = {}

    def walk(root: str) -> None:
        depth[root] = 0
        queue = deque([root])
        while queue:
            current = queue.popleft()
            for child in children[current]:
                if child not in depth:
                    depth[child] = depth[current] + 1
                    tree[current].append(child)
                    queue.append(child)

    for root in roots:
        walk(root)
    if len(depth) < len(order):  # cycles: what no root reaches; break each at its first node
        for node_id in order:
            if node_id not in depth:
                roots.append(node_id)
                walk(node_id)
    return order, tree, depth, roots


def layout_tree(
    nodes: Sequence[tuple[str, str | None]],
    node_w: float,
    node_h: float,
    h_gap: float,
    v_gap: float,
    *,
    max_leaf_row: int | None = DEFAULT_MAX_LEAF_ROW,
) -> list[Placed]:
    """Top-left corners for ``(id, parent_id)`` nodes, in input order, each id once.

    ``max_leaf_row``: above that many leaf reports under one manager, they are wrapped into rows
    of ``max(max_leaf_row, ceil(sqrt(n)))`` columns; None never wraps.
    """
    order, tree, depth, roots = _forest(nodes)
    step_x = node_w + h_gap
    # Post-order (children before parents) from the BFS order, reversed.
    bfs: list[str] = []
    for root in roots:
        queue = deque([root])
        while queue:
            current = queue.popleft()
            bfs.append(current)
            queue.extend(tree[current])
    width: dict[str, float] = {}
    center: dict[str, float] = {}  # node centre relative to the left of its band
    # Per parent: its items, each (offset of the band, child id or None for the leaf grid).
    items: dict[str, list[tuple[float, str | None]]] = {}
    grid: dict[str, tuple[list[str], int]] = {}  # parent → (wrapped leaves, columns)
    levels: dict[str, int] = {}  # how many rows of boxes the subtree takes, itself included
    for node_id in reversed(bfs):
        kids = tree[node_id]
        if not kids:
            width[node_id] = node_w
            center[node_id] = node_w / 2
            levels[node_id] = 1
            continue
        leaves = [k for k in kids if not tree[k]]
        spans: list[tuple[str | None, float, float]] = []  # (child or None, width, centre)
        if max_leaf_row is not None and len(leaves) > max(max_leaf_row, 1):
            cols = max(max_leaf_row, math.ceil(math.sqrt(len(leaves))))
            grid[node_id] = (leaves, cols)
            spans = [(k, width[k], center[k]) for k in kids if tree[k]]
            block = cols * step_x - h_gap
            spans.append((None, block, block / 2))
        else:
            spans = [(k, width[k], center[k]) for k in kids]
        total = sum(w for _, w, _ in spans) + h_gap * (len(spans) - 1)
        band = max(node_w, total)
        pad = (band - total) / 2
        offset = pad
        placed_items: list[tuple[float, str | None]] = []
        centres: list[float] = []
        for child, w, c in spans:
            placed_items.append((offset, child))
            centres.append(offset + c)
            offset += w + h_gap
        items[node_id] = placed_items
        width[node_id] = band
        center[node_id] = (centres[0] + centres[-1]) / 2
        below = [levels[k] for k in kids if tree[k] or node_id not in grid]
        if node_id in grid:
            wrapped, cols = grid[node_id]
            below.append(math.ceil(len(wrapped) / cols))
        levels[node_id] = 1 + max(below)

    step_y = node_h + v_gap
    position: dict[str, tuple[float, float]] = {}

    # Top level: contacts with no manager and no reports (common before reporting lines are
    # entered) form one grid; trees are packed left to right into shelves no wider than
    # ``shelf_width``, so hundreds of roots never make a chart tens of thousands of pixels wide.
    lone = [r for r in roots if not tree[r]]
    trees = [r for r in roots if tree[r]]
    blocks: list[tuple[float, int, str | None]] = [(width[r], levels[r], r) for r in trees]
    lone_cols = 0
    if lone:
        lone_cols = max(max_leaf_row or len(lone), math.ceil(math.sqrt(len(lone))))
        lone_cols = min(lone_cols, len(lone))
        blocks.append((lone_cols * step_x - h_gap, math.ceil(len(lone) / lone_cols), None))
    widest = max((w for w, _, _ in blocks), default=0.0)
    shelf_width = max(widest, SHELF_COLUMNS * step_x - h_gap)

    left, top, shelf_levels = 0.0, 0.0, 0
    for block_width, block_levels, block_root in blocks:
        if left > 0 and left + block_width > shelf_width:
            top += shelf_levels * step_y + v_gap  # a blank row between shelves
            left, shelf_levels = 0.0, 0
        if block_root is None:
            for k, node_id in enumerate(lone):
                row, col = divmod(k, lone_cols)
                position[node_id] = (left + col * step_x, top + row * step_y)
        else:
            stack: list[tuple[str, float]] = [(block_root, left)]
            while stack:
                node_id, band_left = stack.pop()
                level = depth[node_id]
                position[node_id] = (
                    band_left + center[node_id] - node_w / 2,
                    top + level * step_y,
                )
                for offset, child in items.get(node_id, ()):
                    if child is not None:
                        stack.append((child, band_left + offset))
                        continue
                    leaves, cols = grid[node_id]
                    for k, leaf in enumerate(leaves):
                        row, col = divmod(k, cols)
                        position[leaf] = (
                            band_left + offset + col * step_x,
                            top + (level + 1 + row) * step_y,
                        )
        left += block_width + h_gap
        shelf_levels = max(shelf_levels, block_levels)
    return [Placed(node_id, *position[node_id]) for node_id in order]


def bounding_box(placed: Sequence[Placed], node_w: float, node_h: float) -> tuple[float, float]:
    """(width, height) of the smallest rectangle holding every box; (0, 0) when empty."""
    if not placed:
        return 0.0, 0.0
    xs = [p.x for p in placed]
    ys = [p.y for p in placed]
    return max(xs) + node_w - min(xs), max(ys) + node_h - min(ys)
