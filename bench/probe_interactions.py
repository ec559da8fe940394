"""Every interaction's time, key to idle, in one opened draft (``interact`` mode).

Issue 17, target 3: "every interaction (step change, next owed, opening the review) under
50 ms at 100 items and under 100 ms at 1,000 items, 95th percentile". Each time runs from
posting the key to the app being idle again (``probe_common.until_idle``: every message
handled, every worker the key started finished, the step's cursor placed, the frame painted),
so opening the review counts until its check and preview are done, not only its first lines.

The draft is left to go quiet first. Then, in order: ``ctrl+n`` through the first steps and
items and ``ctrl+b`` back (the first visit to a step builds its editor, and is counted: the
officer waits for it too); ``ctrl+g`` from one owed response to the next; and ``ctrl+r`` to
the review, each followed by ``ctrl+g`` back to an owed response (counted as next owed).
The harness's own cost (waiting on every widget's queue and the next frame, no key sent) is
reported beside, not taken off.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from probe_common import SIZE, build, quiet, timed_key, until_idle


async def interact(target: str, draft: str, counts: dict[str, int]) -> dict[str, Any]:
    """Seconds per interaction, by kind: ``step``, ``owed``, ``review``; and the harness's cost."""
    app = build(target, draft)
    times: dict[str, list[float]] = {"step": [], "owed": [], "review": []}
    async with app.run_test(size=SIZE) as pilot:
        await quiet(pilot)
        forward = counts["steps"] - counts["steps"] // 3
        for key in ["ctrl+n"] * forward + ["ctrl+b"] * (counts["steps"] - forward):
            times["step"].append(await timed_key(pilot, key))
        for _ in range(counts["owed"]):
            times["owed"].append(await timed_key(pilot, "ctrl+g"))
        for _ in range(counts["reviews"]):
            times["review"].append(await timed_key(pilot, "ctrl+r"))
            times["owed"].append(await timed_key(pilot, "ctrl+g"))
        harness = []
        for _ in range(20):
            start = time.perf_counter()
            await until_idle(pilot, set(app.workers))
            harness.append(time.perf_counter() - start)
    return {**times, "harness": statistics.median(harness)}
