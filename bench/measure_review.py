"""Opening the review at 100 and 1,000 items, and the memory at 1,000 after a save and a review.

Issue 17, target 1: "the review's first visible section in under 100 ms at 1,000 items;
memory at 1,000 items under 150 MB after a save and a review". Each run is a fresh app
process (``app_probe.py review``, see ``probe_review`` for what is timed), the two sizes
round by round. Memory is the highest peak (VmHWM) of the 1,000-item runs, taken after the
review and a save of an edit; the median is kept beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure_app import probe
from bench.stats import median
from bench.timing import rounds


def measure(
    factory: str, drafts: dict[int, Path], env: dict[str, str], repeats: int, step: Callable[[str], None]
) -> dict[str, Any]:
    """Median seconds to the first lines and to the review done, by size; memory at 1,000 items."""
    cases: dict[str, Callable[[], dict[str, Any]]] = {
        str(size): (lambda draft=draft: probe(["review", factory, str(draft), "--memory", "1"], env)[0])
        for size, draft in drafts.items()
    }
    runs = rounds(cases, repeats, step)
    result: dict[str, Any] = {}
    for size, answers in runs.items():
        result[size] = {
            "first_lines": median(a["first_lines"] for a in answers),
            "review_done": median(a["review_done"] for a in answers),
            "preview_lines": answers[0]["preview_lines"],
            "save": median(a["save"] for a in answers),
            "saved": all(a["saved"] for a in answers),
            "maxrss_mb": max(a["maxrss_kb"] for a in answers) / 1024,
            "maxrss_mb_median": median(a["maxrss_kb"] for a in answers) / 1024,
        }
    return result
