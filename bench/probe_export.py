"""Keys typed while the app exports, against the same keys with no export (``export-keys`` mode).

Issue 17, target 1: "export from the app never blocks the keyboard". The app exports in a
child process (``s55tui.render.export_process``); before that it exported on a thread of its
own process, which held the interpreter for long spells while keys waited. So the officer
goes to the next owed response (``ctrl+g``) and types a key every ``gap`` seconds, each timed
from posting it to its frame painted (wall time: waiting is what is measured); then the
export starts and the officer goes back to a response box (``ctrl+g``) and goes on typing at
the same pace until the export's worker has finished, or for ``seconds`` at most (then the
probe ends, as on quitting).

The export is the one the palette's "Export" and the review's Export button start
(``DraftScreen.export_draft``: it saves first, opens the review, and writes beside the
draft), in Word, web page and Markdown. Not the PDF: LibreOffice converts it in a process of
its own, which holds nothing of the app's, and would outlive a probe that stopped early.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from probe_common import SIZE, build, handled, key_for, poll, quiet, send, timed_key

FORMATS = ("docx", "html", "md")
TEXT = "the force will review its procedures "
MAX_KEYS = 1000  # at most, while the export runs


async def _type_one(pilot: Any, char: str) -> float:
    start = time.perf_counter()
    await send(pilot.app, key_for(char))
    await handled(pilot)
    return time.perf_counter() - start


def _exporting(app: Any) -> list[Any]:
    return [w for w in app.workers if w.group == "export" and not w.is_finished]


async def export_keys(target: str, draft: str, baseline: int, gap: float, seconds: float) -> dict[str, Any]:
    """Seconds per key with no export and while exporting, and the export's own time (None when
    it was still running after ``seconds``)."""
    app = build(target, draft)
    result: dict[str, Any] = {"baseline": [], "during": []}
    async with app.run_test(size=SIZE) as pilot:
        await quiet(pilot)
        await timed_key(pilot, "ctrl+g")
        for i in range(baseline):
            result["baseline"].append(await _type_one(pilot, TEXT[i % len(TEXT)]))
            await asyncio.sleep(gap)
        screen = app.screen
        started = time.perf_counter()
        screen.call_later(screen.export_draft, FORMATS)
        await poll(lambda: bool(_exporting(app)), 60, "export worker")
        worker = _exporting(app)[0]
        result["owed_key_during"] = await _time_owed(pilot)
        i = 0
        while not worker.is_finished and i < MAX_KEYS and time.perf_counter() - started < seconds:
            result["during"].append(await _type_one(pilot, TEXT[i % len(TEXT)]))
            await asyncio.sleep(gap)
            i += 1
        result["export_state"] = worker.state.name
        result["export_seconds"] = time.perf_counter() - started if worker.is_finished else None
        result["written"] = sorted(p.name for p in Path(draft).parent.glob(f"{Path(draft).stem}.*"))
    return result


async def _time_owed(pilot: Any) -> float:
    """``ctrl+g`` back to a response box: to its cursor placed and painted (not to the export's end)."""
    start = time.perf_counter()
    await send(pilot.app, "ctrl+g")
    await poll(lambda: _in_response(pilot.app), 60, "response box after ctrl+g", step=0.001)
    await handled(pilot)
    return time.perf_counter() - start


def _in_response(app: Any) -> bool:
    focused = app.focused
    nav = getattr(app.screen, "nav", None)
    return (
        focused is not None
        and (focused.id or "").endswith("_response")
        and not getattr(nav, "settling", False)
    )
