"""The two figures every measure is reported by: the median, and the 95th percentile.

The median, because one run disturbed by the machine (a cache miss, another process) should
not move the figure; the 95th percentile where a target is about the slow cases an officer
meets (one key in twenty). Nearest rank, never interpolated: with 20 samples the p95 is the
second slowest, a time that was really seen, never one past the slowest.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable


def median(values: Iterable[float]) -> float:
    """The middle value (the mean of the middle two for an even count); ValueError when empty."""
    data = list(values)
    if not data:
        raise ValueError("median of no values")
    return statistics.median(data)


def p95(values: Iterable[float]) -> float:
    """The 95th percentile by nearest rank: the smallest value at least 95% of the values reach."""
    data = sorted(values)
    if not data:
        raise ValueError("p95 of no values")
    return data[max(0, math.ceil(0.95 * len(data)) - 1)]


def summary(values: Iterable[float]) -> dict[str, float]:
    """Median, p95 and max of ``values``, with how many there were."""
    data = list(values)
    return {"median": median(data), "p95": p95(data), "max": max(data), "count": len(data)}
