"""What every app probe shares: building the app, sending keys, and saying when the app is done.

Imported by ``app_probe.py`` in its fresh process, so it imports nothing of the benchmark and
nothing of textual until asked: the bare app must pay for exactly what a bare app pays for.

Keys are posted to the app as the terminal driver posts them, not with ``pilot.press``:
that waits until the process's CPU looks idle, which never happens while an export or a
preview runs on a thread, and its polling would be timed with the key. When the app is done
with a key is said here once (``until_idle``, ``handled``), so every measure means the same.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import resource
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

SIZE = (120, 40)
TODAY = date(2024, 4, 1)
RESPONSE_IDS = ("f-cc_response", "f-pcc_response")
# Threads the app starts for work that follows opening (s55tui names its own "s55tui-...").
APP_THREADS = "s55tui"


def maxrss_kb() -> int:
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


def bare_app(text: str | None = None, height: int | None = None) -> Any:
    """A Header, a Static and a Footer; or, given text, one focused TextArea holding it,
    ``height`` rows tall (the app's response box's height, so both paint as many lines)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static, TextArea

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            if text is None:
                yield Header()
                yield Static("Section 55 responses")
                yield Footer()
            else:
                area = TextArea(text, id="bare")
                if height:
                    area.styles.height = height
                yield area

        def on_mount(self) -> None:
            if text is not None:
                self.query_one(TextArea).focus()

    return Bare()


def build(target: str, draft: str | None, *, drafts_dir: str | None = None, text: str | None = None) -> Any:
    """The app to measure: ``bare``, or ``module:function`` called with the ``build_app`` contract,
    ``build_app(draft, *, drafts_dir, profile, today) -> App``."""
    if target == "bare":
        return bare_app(text)
    module, _, name = target.partition(":")
    build_app = getattr(importlib.import_module(module), name or "build_app")
    from s55tui.profile import Profile

    path = Path(draft) if draft else None
    folder = Path(drafts_dir) if drafts_dir else (path.parent if path else None)
    return build_app(path, drafts_dir=folder, profile=Profile(), today=TODAY)


def pending(app: Any) -> bool:
    """Whether the app or any widget on its screen still has messages to handle."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    return any(node.message_queue_size for node in nodes)


async def painted(app: Any) -> None:
    """Until the screen has painted what changed: the screen runs ``call_after_refresh``
    callbacks only once nothing on it is dirty, so this includes the wait for the next frame
    of its 60 Hz update timer, as a terminal would show it."""
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


async def settle(pilot: Any) -> None:
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
    await painted(app)


async def quiet(pilot: Any, timeout: float = 60.0) -> None:
    """Settle, then wait for the work opening left running (the bank-holiday note, the parse of
    the file for the first save on a thread): a measure starts from an app doing nothing."""
    await settle(pilot)
    app = pilot.app
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        busy = [w for w in app.workers if not w.is_finished]
        threads = [t for t in threading.enumerate() if t.name.startswith(APP_THREADS) and t.is_alive()]
        if not busy and not threads:
            break
        await asyncio.sleep(0.02)
    await settle(pilot)


async def send(app: Any, key: str) -> None:
    """Post one key to the app as the terminal driver does (``a``, ``space``, ``ctrl+g``)."""
    from textual import events

    char = " " if key == "space" else (key if len(key) == 1 else None)
    event = events.Key(key, char)
    event.set_sender(app)
    await app._post_message(event)


def key_for(char: str) -> str:
    """The key name textual gives a typed character."""
    return "space" if char == " " else char


async def handled(pilot: Any) -> None:
    """Until every message a key set off is handled and painted (not the workers it started)."""
    app = pilot.app
    for _ in range(20):
        await pilot._wait_for_screen()
        if not pending(app):
            break
    await painted(app)


async def until_idle(pilot: Any, before: set[Any], timeout: float = 120.0) -> None:
    """Until the app is done with what a key started: no message waiting anywhere on the
    screen, every worker started since ``before`` (the workers that were running already)
    finished, the draft screen's step open with its cursor placed (``nav.settling`` false),
    all still so a moment later, and then the frame painted (and still nothing to do after).

    Looked at every millisecond with cheap checks, not ``pilot._wait_for_screen`` (a message
    to every widget and back, tens of milliseconds in the draft screen), which would be timed
    as part of every key.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout

    def busy() -> bool:
        working = any(w not in before and not w.is_finished for w in app.workers)
        nav = getattr(app.screen, "nav", None)
        return working or bool(nav is not None and getattr(nav, "settling", False)) or pending(app)

    clear = 0
    while clear < 2:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app was still busy after {timeout:.0f} s")
        await asyncio.sleep(0.001)
        clear = 0 if busy() else clear + 1
        if clear == 2:
            await painted(app)
            clear = 0 if busy() else 2


async def timed_key(pilot: Any, key: str) -> float:
    """Seconds from posting ``key`` to the app being idle again (see ``until_idle``)."""
    app = pilot.app
    before = set(app.workers)
    start = time.perf_counter()
    await send(app, key)
    await until_idle(pilot, before)
    return time.perf_counter() - start


def at_owed_box(app: Any) -> bool:
    """Whether the cursor is in an empty response box: the officer can type the answer owed."""
    focused = app.focused
    return (
        focused is not None
        and focused.id in RESPONSE_IDS
        and not str(getattr(focused, "text", "x")).strip()
        and not getattr(getattr(app.screen, "nav", None), "settling", False)
    )


def lock_state(app: Any) -> str:
    """Whether the draft on screen is locked by this app: locked, read-only, not locked, no draft."""
    session = getattr(app.screen, "session", None)
    if session is None:
        return "no draft"
    if getattr(session, "lock", None) is not None:
        return "locked"
    return "read-only" if getattr(session, "read_only", False) else "not locked"


async def poll(check: Any, timeout: float, what: str, step: float = 0.002) -> None:
    """Until ``check()`` is true, looking every ``step`` seconds; TimeoutError after ``timeout``."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} after {timeout:.0f} s")
        await asyncio.sleep(step)
