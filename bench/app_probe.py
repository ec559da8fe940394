"""Run in a fresh process by the app measures: start an app headless, do one thing, report it.

Kept apart from the rest of the benchmark, and importing nothing of it (its helpers are the
``probe_*.py`` files beside it, loaded only by the mode that needs them), so the bare Textual
app pays for exactly what a bare app pays for, and every start-up is a cold one. The answer
is one line of JSON on stdout.

    app_probe.py startup (bare | FACTORY) [DRAFT] [--typing 1]
    app_probe.py keys (bare | FACTORY) TEXTFILE [DRAFT] [--keys N] [--id ID] [--open KEY,KEY] [--height N]
    app_probe.py review FACTORY DRAFT [--memory 1]
    app_probe.py interact FACTORY DRAFT [--steps N] [--owed N] [--reviews N]
    app_probe.py export-keys FACTORY DRAFT [--baseline N] [--gap SECONDS] [--seconds SECONDS]
    app_probe.py drafts FACTORY FOLDER

FACTORY is ``module:function`` with the contract ``build_app(draft, *, drafts_dir, profile,
today) -> App``. "First frame" is when the screen (after any draft-loading worker finished) has
been composited: Textual runs ``call_after_refresh`` callbacks only once nothing is dirty.
Headless skips only turning that frame into escape codes, for both apps alike.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any

from probe_common import (
    SIZE,
    at_owed_box,
    build,
    lock_state,
    maxrss_kb,
    painted,
    poll,
    send,
    settle,
)


def startup(target: str, draft: str | None, typing: bool) -> dict[str, Any]:
    """The monotonic time of the first frame; with ``typing``, also of the first frame with the
    cursor in the next owed response (opened there, or after ``ctrl+g``, the officer's key
    for it, pressed at the first frame), and whether the draft was locked by then."""
    app = build(target, draft)
    result: dict[str, Any] = {}

    async def auto_pilot(pilot: Any) -> None:
        await settle(pilot)
        result["first_frame"] = time.monotonic()
        result["maxrss_kb"] = maxrss_kb()
        result["screen"] = type(app.screen).__name__
        result["lock_at_first_frame"] = lock_state(app)
        if typing:
            result["route"] = "opened there"
            if not at_owed_box(app):
                result["route"] = "ctrl+g at the first frame"
                await send(app, "ctrl+g")
                await poll(lambda: at_owed_box(app), 30, "response box with the cursor")
            await painted(app)
            result["typing_screen"] = time.monotonic()
            result["lock_at_typing_screen"] = lock_state(app)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    if "first_frame" not in result:
        raise SystemExit("the app exited before its first frame")
    return result


def main(argv: list[str]) -> None:
    mode, target, *rest = argv
    options: dict[str, str] = {}
    positional = []
    while rest:
        word = rest.pop(0)
        if word.startswith("--"):
            options[word] = rest.pop(0)
        else:
            positional.append(word)
    first = positional[0] if positional else None
    if mode == "startup":
        result = startup(target, first, options.get("--typing") == "1")
    elif mode == "keys":
        from probe_typing import keys

        draft = positional[1] if len(positional) > 1 else None
        result = keys(target, positional[0], draft, int(options.get("--keys", 500)), options)
    elif mode == "review":
        from probe_review import review

        result = asyncio.run(review(target, positional[0], options.get("--memory") == "1"))
    elif mode == "interact":
        from probe_interactions import interact

        counts = {k: int(options.get(f"--{k}", d)) for k, d in [("steps", 30), ("owed", 10), ("reviews", 3)]}
        result = asyncio.run(interact(target, positional[0], counts))
    elif mode == "export-keys":
        from probe_export import export_keys

        baseline, gap = int(options.get("--baseline", 60)), float(options.get("--gap", 0.05))
        seconds = float(options.get("--seconds", 60))
        result = asyncio.run(export_keys(target, positional[0], baseline, gap, seconds))
    elif mode == "drafts":
        from probe_drafts import drafts_screen

        result = drafts_screen(target, positional[0])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result), flush=True)
    # Ended at once, as quitting the app drops them: an export a probe stopped waiting for may
    # still be running on a daemon thread, and tearing the interpreter down under it can crash.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
