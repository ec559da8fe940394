"""Opening the review: key to the first lines of the preview on screen (``review`` mode).

Issue 17, target 1: "the review's first visible section in under 100 ms at 1,000 items". The
time runs from posting ``ctrl+r`` (Review) to the first frame painted after the preview
(``DocumentPreview``, id ``preview``) holds any lines, looked at every 2 ms; the draft is
opened and left to go quiet first (nothing running), as an officer would have it. Then, with
``--memory``, the rest of target 1: the review finishes, the officer answers the next owed
response (``ctrl+g``, a letter) and saves (``ctrl+s``, waiting for the save's worker and
checking the draft is saved), and the process's peak memory (VmHWM) is read.
"""

from __future__ import annotations

import time
from typing import Any

from probe_common import SIZE, build, handled, maxrss_kb, painted, poll, quiet, send, timed_key, until_idle


def _preview_lines(app: Any) -> int:
    found = list(app.screen.query("#preview"))
    return int(getattr(found[0], "line_count", 0)) if found else 0


async def review(target: str, draft: str, memory: bool) -> dict[str, Any]:
    """Seconds to the review's first lines; with ``memory``, peak KB after the review and a save."""
    app = build(target, draft)
    result: dict[str, Any] = {}
    async with app.run_test(size=SIZE) as pilot:
        await quiet(pilot)
        before = set(app.workers)
        start = time.perf_counter()
        await send(app, "ctrl+r")
        await poll(lambda: _preview_lines(app) > 0, 300, "lines in the preview")
        await painted(app)
        result["first_lines"] = time.perf_counter() - start
        await until_idle(pilot, before, timeout=300)
        result["review_done"] = time.perf_counter() - start
        result["preview_lines"] = _preview_lines(app)
        if memory:
            result["owed_key"] = await timed_key(pilot, "ctrl+g")
            await send(app, "x")
            await handled(pilot)
            result["save"] = await timed_key(pilot, "ctrl+s")
            session = getattr(app.screen, "session", None)
            result["saved"] = session is not None and not session.dirty
            result["maxrss_kb"] = maxrss_kb()
    return result
