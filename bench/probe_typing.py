"""Typing into a 50 KB response, in the app and in a bare TextArea: CPU per key (``keys`` mode).

The yardstick is a bare Textual app with one TextArea holding the same text, as tall as the
app's response box (the app's probe reports that box's height at 120x40, and the bare one is
given it with ``--height``), so both paint as many lines a key.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from probe_common import SIZE, bare_app, build, pending, quiet, settle

KEYS = "the quick brown fox jumps over a lazy dog "


def _find_textarea(app: Any, want_id: str | None, min_length: int) -> Any:
    from textual.widgets import TextArea

    areas = list(app.screen.query(TextArea))
    if want_id:
        return next((a for a in areas if a.id == want_id), None)
    big = [a for a in areas if len(a.text) >= min_length]
    if big:
        return big[0]
    return app.focused if isinstance(app.focused, TextArea) else (areas[0] if areas else None)


async def _deliver(pilot: Any, char: str | None) -> None:
    """One key, as the terminal driver delivers it, handled to the end (every message it set off)
    and painted; with ``char`` None, only the waiting and the paint (the harness's own cost).

    Painted by forcing what the 60 Hz update timer does next, not by waiting for it: this
    measure is CPU per key, and the wait for the timer is no CPU."""
    from textual import events

    app = pilot.app
    if char is not None:
        event = events.Key("space" if char == " " else char, char)
        event.set_sender(app)
        await app._post_message(event)
    for _ in range(20):
        await pilot._wait_for_screen()
        if not pending(app):
            break
    app.screen._on_timer_update()


async def _cpu_each(pilot: Any, chars: list[str | None]) -> list[float]:
    times = []
    for char in chars:
        start = time.process_time()
        await _deliver(pilot, char)
        times.append(time.process_time() - start)
    return times


async def _type(pilot: Any, keys: int) -> dict[str, Any]:
    """Type ``keys`` keys and time the CPU each costs, less the harness's own cost.

    The harness (waiting on every widget's queue, forcing a paint) costs more in an app with
    many widgets, so it is measured in the same app with no key sent, and taken off.
    """
    start_wall = time.perf_counter()
    cpu = await _cpu_each(pilot, [KEYS[i % len(KEYS)] for i in range(keys)])
    wall = time.perf_counter() - start_wall
    idle = statistics.median(await _cpu_each(pilot, [None] * 50))
    net = [1000 * max(0.0, t - idle) for t in cpu]  # the benchmark takes medians and p95s
    return {
        "keys": keys,
        "cpu_ms": net,
        "harness_ms": 1000 * idle,
        "wall_mean_ms": 1000 * wall / max(1, keys),
    }


def keys(
    target: str, text_file: str, draft: str | None, count: int, options: dict[str, str]
) -> dict[str, Any]:
    """Open the first item (``--open`` keys, else Enter if no big TextArea shows) and type into it."""
    text = Path(text_file).read_text(encoding="utf-8")
    height = int(options.get("--height", 0)) or None
    app = bare_app(text, height) if target == "bare" else build(target, draft)
    want_id = options.get("--id")
    open_keys = [key for key in options.get("--open", "").split(",") if key]

    async def drive() -> dict[str, Any]:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            for key in open_keys:
                await pilot.press(key)
                await settle(pilot)
            area = _find_textarea(app, want_id, len(text) // 2)
            if not open_keys and (area is None or (not want_id and len(area.text) < len(text) // 2)):
                await pilot.press("enter")  # open the highlighted item, as an officer would
                await settle(pilot)
                area = _find_textarea(app, want_id, len(text) // 2) or area
            if area is None:
                return {
                    "error": f"no TextArea {want_id or ''} found after opening an item".replace("  ", " ")
                }
            source = "draft"
            if len(area.text) < len(text) // 2:
                area.load_text(text)
                source = "loaded by the benchmark"
            area.focus()
            area.move_cursor((area.document.line_count // 2, 0))
            # from an app doing nothing, as the other measures start: the work opening leaves
            # running (the parse for the first save, the review built out of sight) would
            # otherwise be timed with the first keys
            await quiet(pilot)
            before = len(area.text)
            result = await _type(pilot, count)
            result.update(typed=len(area.text) - before, textarea=area.id or type(area).__name__)
            result.update(text_source=source, chars=len(area.text), box_height=area.outer_size.height)
            return result

    return asyncio.run(drive())
