"""Every interaction's time at 100 and 1,000 items: median and 95th percentile by kind.

Issue 17, target 3: "every interaction (step change, next owed, opening the review) under
50 ms at 100 items and under 100 ms at 1,000 items, 95th percentile". Each run is a fresh app
process (``app_probe.py interact``, see ``probe_interactions`` for the keys and what "done"
means) on a draft that owes one item in ten; the sizes go round by round, and the times of
every run of a size are pooled before the median and p95 are taken.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure_app import probe
from bench.stats import median, summary
from bench.timing import rounds

KINDS = ("step", "owed", "review")


def measure(
    factory: str,
    drafts: dict[int, Path],
    env: dict[str, str],
    repeats: int,
    counts: dict[str, int],
    step: Callable[[str], None],
) -> dict[str, Any]:
    """Per size, per kind: the median, p95, max and count of the times, in seconds."""
    flags = [word for name, count in counts.items() for word in (f"--{name}", str(count))]
    cases: dict[str, Callable[[], dict[str, Any]]] = {
        str(size): (lambda draft=draft: probe(["interact", factory, str(draft), *flags], env)[0])
        for size, draft in drafts.items()
    }
    runs = rounds(cases, repeats, step)
    result: dict[str, Any] = {"counts": counts}
    for size, answers in runs.items():
        row: dict[str, Any] = {kind: summary(t for a in answers for t in a[kind]) for kind in KINDS}
        row["harness"] = median(a["harness"] for a in answers)
        result[size] = row
    return result
