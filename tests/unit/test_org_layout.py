"""Org chart geometry: no overlaps, children below parents, roots side by side, cycles, speed."""

from __future__ import annotations

import random
import time
from collections import defaultdict

import pytest

from kamdesk.services.org_layout import Placed, bounding_box, layout_tree

W, H, HG, VG = 160.0, 60.0, 20.0, 40.0


def assert_no_overlap(placed: list[Placed]) -> None:
    # Every box has the same size; sweep each distinct y, and across neighbouring ys.
    by_y: dict[float, list[float]] = defaultdict(list)
    for p in placed:
        by_y[p.y].append(p.x)
    ys = sorted(by_y)
    for a, b in zip(ys, ys[1:], strict=False):
        assert b - a >= H, f"rows at y={a} and y={b} overlap vertically"
    for y, xs in by_y.items():
        xs.sort()
        for left, right in zip(xs, xs[1:], strict=False):
            assert right - left >= W - 1e-9, f"boxes overlap at y={y}: x={left} and x={right}"


def random_forest(n: int, rng: random.Random) -> list[tuple[str, str | None]]:
    nodes: list[tuple[str, str | None]] = []
    for i in range(n):
        roll = rng.random()
        if i == 0 or roll < 0.05:
            parent = None
        elif roll < 0.08:
            parent = "unknown"
        else:
            # Bias towards recent nodes for depth, towards a few managers for wide levels.
            parent = f"n{rng.randrange(max(0, i - 20), i) if roll < 0.6 else rng.randrange(i)}"
        nodes.append((f"n{i}", parent))
    rng.shuffle(nodes)
    return nodes


@pytest.mark.parametrize("n", [1, 2, 7, 50, 200, 800])
def test_random_forests_never_overlap(n: int) -> None:
    rng = random.Random(n)
    for _ in range(5):
        nodes = random_forest(n, rng)
        placed = layout_tree(nodes, W, H, HG, VG)
        assert [p.id for p in placed] == [node_id for node_id, _ in nodes]
        assert_no_overlap(placed)
        at = {p.id: p for p in placed}
        for node_id, parent in nodes:
            if parent in at:
                assert at[node_id].y > at[parent].y  # children below their parent


def test_pairwise_no_overlap_on_a_sample() -> None:
    placed = layout_tree(random_forest(400, random.Random(7)), W, H, HG, VG)
    sample = random.Random(1).sample(placed, 120)
    for i, a in enumerate(sample):
        for b in sample[i + 1 :]:
            overlap = a.x < b.x + W and b.x < a.x + W and a.y < b.y + H and b.y < a.y + H
            assert not overlap, (a, b)


def test_levels_children_centred_and_roots_side_by_side() -> None:
    nodes = [("ceo", None), ("cfo", "ceo"), ("cio", "ceo"), ("dev", "cio"), ("other", None)]
    at = {p.id: p for p in layout_tree(nodes, W, H, HG, VG)}
    assert at["ceo"].y == 0 and at["other"].y == 0
    assert at["cfo"].y == at["cio"].y == H + VG
    assert at["dev"].y == 2 * (H + VG)
    assert at["ceo"].x == pytest.approx((at["cfo"].x + at["cio"].x) / 2)
    assert at["cfo"].x < at["cio"].x  # given order kept
    assert at["other"].x >= max(p.x for k, p in at.items() if k != "other") + W
    assert bounding_box(list(at.values()), W, H) == (at["other"].x + W, 3 * H + 2 * VG)


def test_unknown_parent_and_self_parent_are_roots() -> None:
    placed = layout_tree([("a", "ghost"), ("b", "b"), ("c", "a")], W, H, HG, VG)
    at = {p.id: p for p in placed}
    assert at["a"].y == 0 and at["b"].y == 0 and at["c"].y == H + VG


def test_a_cycle_terminates_and_places_every_node_once() -> None:
    nodes = [("a", "c"), ("b", "a"), ("c", "b"), ("d", "c"), ("e", "e"), ("a", "zzz")]
    placed = layout_tree(nodes, W, H, HG, VG)
    assert sorted(p.id for p in placed) == ["a", "b", "c", "d", "e"]
    assert_no_overlap(placed)
    at = {p.id: p for p in placed}
    assert at["a"].y == 0  # the cycle is broken at its first node in input order


def test_a_big_cycle_and_a_deep_chain() -> None:
    ring = [(f"r{i}", f"r{(i - 1) % 500}") for i in range(500)]
    chain = [(f"c{i}", f"c{i - 1}" if i else None) for i in range(1000)]
    placed = layout_tree(ring + chain, W, H, HG, VG)
    assert len(placed) == 1500
    assert_no_overlap(placed)


def test_wide_level_of_leaves_wraps_into_rows() -> None:
    nodes: list[tuple[str, str | None]] = [("boss", None), ("deputy", "boss"), ("x", "deputy")]
    nodes += [(f"l{i}", "boss") for i in range(300)]
    placed = layout_tree(nodes, W, H, HG, VG)
    assert_no_overlap(placed)
    width, height = bounding_box(placed, W, H)
    assert width < 40 * (W + HG)  # not 300 boxes wide
    assert height > 3 * (H + VG)
    at = {p.id: p for p in placed}
    assert all(at[f"l{i}"].y > at["boss"].y for i in range(300))
    unwrapped = layout_tree(nodes, W, H, HG, VG, max_leaf_row=None)
    assert bounding_box(unwrapped, W, H)[0] >= 300 * W
    assert_no_overlap(unwrapped)


def test_empty_input() -> None:
    assert layout_tree([], W, H, HG, VG) == []
    assert bounding_box([], W, H) == (0.0, 0.0)


def test_layout_is_deterministic_and_fast_for_1000_nodes() -> None:
    nodes = random_forest(1000, random.Random(1000))
    start = time.perf_counter()
    placed = layout_tree(nodes, W, H, HG, VG)
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(f"\nlayout_tree: 1 000 nodes in {elapsed_ms:.1f} ms")
    assert placed == layout_tree(nodes, W, H, HG, VG)
    assert_no_overlap(placed)


def test_hundreds_of_contacts_without_reporting_lines_form_a_compact_grid() -> None:
    placed = layout_tree([(str(i), None) for i in range(300)], 210, 64, 24, 56)
    width, height = bounding_box(placed, 210, 64)
    assert width <= 18 * (210 + 24)  # about a screen or two wide, not 70 000 px
    assert height > 64  # several rows
    boxes = {(p.x, p.y) for p in placed}
    assert len(boxes) == 300  # every contact has its own place


def test_many_small_trees_are_packed_into_shelves_without_overlap() -> None:
    nodes: list[tuple[str, str | None]] = []
    for t in range(60):  # 60 managers with 2 reports each
        nodes.append((f"m{t}", None))
        nodes += [(f"m{t}r{k}", f"m{t}") for k in range(2)]
    placed = layout_tree(nodes, 210, 64, 24, 56)
    width, _ = bounding_box(placed, 210, 64)
    assert width <= 17 * (210 + 24)
    by_id = {p.id: p for p in placed}
    for node_id, parent in nodes:
        if parent:
            assert by_id[node_id].y > by_id[parent].y
    rects = [(p.x, p.y, p.x + 210, p.y + 64) for p in placed]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
