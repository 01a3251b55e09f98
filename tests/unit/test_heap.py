"""``frozen_heap``: the objects present when a long job starts leave the collector's reach
until the last job ends; what the job makes is still collected."""

from __future__ import annotations

import gc
import weakref

import pytest

from kamdesk.heap import frozen_heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_the_heap_is_frozen_while_any_job_runs() -> None:
    assert gc.get_freeze_count() == 0
    with frozen_heap():
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with frozen_heap():  # a second job (another import, a sync) at the same time
            assert gc.get_freeze_count() >= frozen
        assert gc.get_freeze_count() >= frozen  # the first job still runs
    assert gc.get_freeze_count() == 0


def test_cycles_made_during_the_job_are_still_collected() -> None:
    with frozen_heap():
        node = Node()
        gone = weakref.ref(node)
        del node
        gc.collect()
        assert gone() is None


def test_a_failing_job_unfreezes_the_heap() -> None:
    with pytest.raises(RuntimeError), frozen_heap():
        raise RuntimeError("import failed")
    assert gc.get_freeze_count() == 0
