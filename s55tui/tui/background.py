"""Work the officer may walk away from: run it on a thread that never holds up quitting.

``asyncio.to_thread`` runs on the event loop's executor, whose threads Python waits for when
the program ends: an export of a long draft started just before ctrl+q kept the app on screen
until the export had finished (minutes, before export was made linear). The preview and the
check can be dropped at any moment, so they run here, on a daemon thread whose result is
simply not waited for once the app is closing. (The export runs in a child process, killed
if dropped: see ``s55tui.render.export_process``.) Saves never run here: a save must finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


async def droppable(call: Callable[..., T], *args: Any, name: str = "s55tui-background") -> T:
    """``call(*args)`` on its own daemon thread; awaiting it gives its result or its exception.

    Cancelling the awaiting task (the screen closes, the app quits) stops the wait at once; the
    thread finishes on its own, or ends with the process, and its result is dropped.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def run() -> None:
        try:
            result = call(*args)
        except BaseException as error:  # handed to the awaiting task, as to_thread would
            failed = error
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is waiting
                loop.call_soon_threadsafe(settle, lambda: future.set_exception(failed))
        else:
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(settle, lambda: future.set_result(result))

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future


def warm_up_review(template: str, office_dir: Path | None) -> None:
    """Ready the review step's first visit, on the calling thread (one already in the
    background): import the preview's Markdown layout and the step's own modules, and compile
    the draft's template. Together about 200 ms that the officer's first ctrl+r waited for."""
    import rich.markdown  # noqa: F401 - markdown-it and its rules, the preview's layout

    import s55tui.tui.editors.review_editor  # noqa: F401
    from s55tui.render.environment import precompile
    from s55tui.tui.widgets.preview import layout_markdown

    precompile(template, office_dir)
    layout_markdown("# A heading\n\nA paragraph with *emphasis*.\n\n- a list\n", 80)  # rich's first use


def settle_the_heap() -> None:
    """Take what opening a draft made out of the garbage collector's full passes.

    The draft, its file's parse (kept for saving) and the outline's rows live as long as the
    draft is open: at 1,000 items, a few hundred thousand objects that every full pass walked,
    110 ms each, landing on about one step change in four. Frozen, a full pass looks only at
    what was made since (30 to 60 ms). Anything already unreachable is collected first, so
    nothing is frozen that could have been freed; ``release_the_heap`` undoes it.
    """
    gc.collect()
    gc.freeze()


def release_the_heap() -> None:
    """Let the collector see everything again: the draft is closed, and its objects (some in
    reference cycles, which only a full pass frees) must not outlive it."""
    gc.unfreeze()
