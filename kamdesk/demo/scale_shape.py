"""How big each account is: a Zipf–Mandelbrot law over account rank, and exact allocations.

Account ``r`` (1 = the biggest) weighs ``(r + q) ** -1.5`` with ``q = n / 200``: over 2 000
accounts the top 10 % hold about 80 % of the activity and the biggest about 5 %; over a KAM's
10 accounts the biggest has some 12 times the median one. Every other quantity follows the
size with its own exponent (contacts grow slower than activity, revenue almost as fast) and a
little noise, then is rounded so that the totals are exact.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

EXPONENT = 1.5


def size_weights(count: int) -> list[float]:
    """Weights of accounts by rank, biggest first, summing to 1."""
    shift = count / 200
    raw = [(rank + shift) ** -EXPONENT for rank in range(1, count + 1)]
    total = sum(raw)
    return [w / total for w in raw]


def follow(
    rng: random.Random, weights: Sequence[float], power: float, noise: float = 0.0
) -> list[float]:
    """Weights of a quantity that grows as ``size ** power``, with log-normal noise."""
    return [w**power * (rng.lognormvariate(0.0, noise) if noise else 1.0) for w in weights]


def allocate(
    total: int, weights: Sequence[float], floor: int = 0, caps: Sequence[int] | None = None
) -> list[int]:
    """Split ``total`` in proportion to ``weights``, each share at least ``floor`` (when the
    total allows) and at most its cap; largest remainders get the leftover units. Exact sum."""
    count = len(weights)
    if count == 0:
        return []
    floor = min(floor, total // count)
    shares = [floor] * count
    rest = total - floor * count
    unlimited = total  # nobody can take more than everything
    limits = [unlimited] * count if caps is None else [max(c - floor, 0) for c in caps]
    if caps is not None and sum(limits) < rest:
        raise ValueError(f"cannot place {total} items under the caps")
    open_ = [i for i in range(count) if limits[i] > 0]
    while rest > 0 and open_:
        weight_sum = sum(weights[i] for i in open_) or float(len(open_))
        quotas = {
            i: min(rest * (weights[i] / weight_sum if weight_sum else 1 / len(open_)), limits[i])
            for i in open_
        }
        given = {i: int(q) for i, q in quotas.items()}
        leftover = rest - sum(given.values())
        by_remainder = sorted(open_, key=lambda i: (-(quotas[i] - given[i]), i))
        for i in by_remainder:
            if leftover <= 0:
                break
            if given[i] < limits[i]:
                given[i] += 1
                leftover -= 1
        for i, extra in given.items():
            shares[i] += extra
            limits[i] -= extra
            rest -= extra
        open_ = [i for i in open_ if limits[i] > 0]
    return shares
