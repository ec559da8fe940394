"""Run in a fresh process by ``measure_app``: start an app headless and report what it cost.

Kept apart from the rest of the benchmark, and importing nothing of it, so that the bare
Textual app pays for exactly what a bare app pays for, and so every start-up is a cold one.

    app_probe.py startup (bare | FACTORY) [DRAFT]     -> {"first_frame": monotonic, "maxrss_kb": ...}
    app_probe.py keys (bare | FACTORY) TEXTFILE [DRAFT] [--keys N] [--id TEXTAREA_ID] [--open KEY,KEY]

FACTORY is ``module:function`` with the contract ``build_app(draft, *, drafts_dir, profile,
today) -> App``. "First frame" is when the screen (after any draft-loading worker finished) has
been composited: Textual runs ``call_after_refresh`` callbacks only once nothing is dirty.
Headless skips only turning that frame into escape codes, for both apps alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

SIZE = (120, 40)
TODAY = date(2024, 4, 1)
KEYS = "the quick brown fox jumps over a lazy dog "


def _maxrss_kb() -> int:
    """This process's peak resident memory in KB.

    On Linux, VmHWM: ``ru_maxrss`` carries the parent's peak across fork and exec, so a probe
    started by a benchmark that had a 5 MB draft loaded would report the benchmark's memory.
    """
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KB elsewhere


def _bare_app(text: str | None = None) -> Any:
    """A Header, a Static and a Footer; or, given text, one focused TextArea holding it."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            if text is None:
                yield Header()
                yield Static("Section 55 responses")
                yield Footer()
            else:
                yield TextArea(text, id="bare")

        def on_mount(self) -> None:
            if text is not None:
                self.query_one(TextArea).focus()

    return Bare()


def _app(target: str, draft: str | None, text: str | None = None) -> Any:
    if target == "bare":
        return _bare_app(text)
    module, _, name = target.partition(":")
    build_app = getattr(importlib.import_module(module), name or "build_app")
    from s55tui.profile import Profile

    path = Path(draft) if draft else None
    return build_app(path, drafts_dir=path.parent if path else None, profile=Profile(), today=TODAY)


async def _settle(pilot: Any) -> None:
    """Wait until messages are handled, any loading worker is done and the screen is painted."""
    app = pilot.app
    await pilot._wait_for_screen()
    # Work an app starts in the group "after-first-frame" is, by its name, not part of opening
    # (s55tui looks up whether the last day is a bank holiday there, to add a note).
    running = [w for w in app.workers if not w.is_finished and w.group != "after-first-frame"]
    if running:
        # A worker that never ends (an autosave loop) is not part of opening: wait 10 s at most.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(app.workers.wait_for_complete(running), timeout=10)
        await pilot._wait_for_screen()
    painted = asyncio.Event()
    app.call_after_refresh(painted.set)
    await painted.wait()


def startup(target: str, draft: str | None) -> dict[str, Any]:
    app = _app(target, draft)
    result: dict[str, Any] = {}

    async def auto_pilot(pilot: Any) -> None:
        await _settle(pilot)
        result["first_frame"] = time.monotonic()
        result["maxrss_kb"] = _maxrss_kb()
        result["screen"] = type(app.screen).__name__
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    if "first_frame" not in result:
        raise SystemExit("the app exited before its first frame")
    return result


def _find_textarea(app: Any, want_id: str | None, min_length: int) -> Any:
    from textual.widgets import TextArea

    areas = list(app.screen.query(TextArea))
    if want_id:
        return next((a for a in areas if a.id == want_id), None)
    big = [a for a in areas if len(a.text) >= min_length]
    if big:
        return big[0]
    return app.focused if isinstance(app.focused, TextArea) else (areas[0] if areas else None)


def _pending(app: Any) -> bool:
    """Whether the app or any widget on its screen still has messages to handle."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return any(node.message_queue_size for node in nodes)


async def _deliver(pilot: Any, char: str | None) -> None:
    """One key, as the terminal driver delivers it, handled to the end (every message it set off)
    and painted; with ``char`` None, only the waiting and the paint (the harness's own cost).

    Not ``pilot.press``: that sleeps until the process looks idle, and the CPU its polling
    burns (about 8 ms a key here) would swamp what is being measured."""
    from textual import events

    app = pilot.app
    if char is not None:
        event = events.Key("space" if char == " " else char, char)
        event.set_sender(app)
        await app._post_message(event)
    for _ in range(20):
        await pilot._wait_for_screen()
        if not _pending(app):
            break
    app.screen._on_timer_update()  # what the 60 Hz update timer does next: lay out and paint


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
    net = [max(0.0, t - idle) for t in cpu]
    return {
        "keys": keys,
        "cpu_mean_ms": 1000 * statistics.fmean(net),
        "cpu_median_ms": 1000 * statistics.median(net),
        "cpu_p95_ms": 1000 * statistics.quantiles(net, n=20)[-1],
        "cpu_max_ms": 1000 * max(net),
        "harness_ms": 1000 * idle,
        "wall_mean_ms": 1000 * wall / keys,
    }


def keys(
    target: str, text_file: str, draft: str | None, count: int, options: dict[str, str]
) -> dict[str, Any]:
    """Open the first item (``--open`` keys, else Enter if no big TextArea shows) and type into it."""
    text = Path(text_file).read_text(encoding="utf-8")
    app = _app(target, draft, text if target == "bare" else None)
    want_id = options.get("--id")
    open_keys = [key for key in options.get("--open", "").split(",") if key]

    async def drive() -> dict[str, Any]:
        async with app.run_test(size=SIZE) as pilot:
            await _settle(pilot)
            for key in open_keys:
                await pilot.press(key)
                await _settle(pilot)
            area = _find_textarea(app, want_id, len(text) // 2)
            if not open_keys and (area is None or (not want_id and len(area.text) < len(text) // 2)):
                await pilot.press("enter")  # open the highlighted item, as an officer would
                await _settle(pilot)
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
            await _settle(pilot)
            before = len(area.text)
            result = await _type(pilot, count)
            result.update(typed=len(area.text) - before, textarea=area.id or type(area).__name__)
            result.update(text_source=source, chars=len(area.text))
            return result

    return asyncio.run(drive())


def main(argv: list[str]) -> int:
    mode, target, *rest = argv
    options = {}
    positional = []
    while rest:
        word = rest.pop(0)
        if word.startswith("--"):
            options[word] = rest.pop(0)
        else:
            positional.append(word)
    if mode == "startup":
        result = startup(target, positional[0] if positional else None)
    elif mode == "keys":
        draft = positional[1] if len(positional) > 1 else None
        result = keys(target, positional[0], draft, int(options.get("--keys", 500)), options)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
