"""When the terminal goes away or the system asks the app to stop: save, let go, and exit.

Closing the terminal window is how many officers "quit"; the app then gets SIGHUP, and a
logout or shutdown sends SIGTERM. Either would end the process at once, losing whatever was
typed since the last autosave and leaving the lock behind. Instead, every open draft is saved
on the spot (there is no screen left to ask anything on); a draft that cannot be saved where
it belongs goes to a recovery copy in the officer's data folder; locks are released.

A closed terminal window also sends SIGCONT with its SIGHUP (the kernel wakes the process
group it hangs up on). Textual answers SIGCONT by starting its output again, as after a
ctrl+z; racing the shutdown, that left the app's exit waiting for ever on an output thread
that was gone (seen about once in twelve closes on a loaded machine: the draft was saved,
but the process never ended). So the first thing done on either signal, synchronously and
before Python runs the SIGCONT handler, is to stop answering SIGCONT; the saving itself is
then done on the event loop, never inside a signal handler.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from types import FrameType
from typing import TYPE_CHECKING

from s55tui.errors import S55Error

if TYPE_CHECKING:
    from textual.app import App

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def install(app: App) -> None:
    """Have ``app`` save and exit on SIGHUP and SIGTERM (POSIX; elsewhere nothing changes)."""
    loop = asyncio.get_running_loop()

    def on_signal(number: int, frame: FrameType | None) -> None:
        if hasattr(signal, "SIGCONT"):
            signal.signal(signal.SIGCONT, signal.SIG_DFL)  # see the module's docstring
        with contextlib.suppress(RuntimeError):  # the loop has closed: the app is exiting anyway
            loop.call_soon_threadsafe(save_everything_and_exit, app)

    for number in SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            signal.signal(number, on_signal)


def save_everything_and_exit(app: App) -> None:
    """Save every open draft now, on this thread, release its lock, and exit.

    Safe to run twice (a SIGTERM after a SIGHUP): a draft saved is no longer dirty, and a
    lock already released is left alone.
    """
    save_everything(app)
    app.exit()


def save_everything(app: App) -> None:
    """Save every open draft now, on this thread (or put it in a recovery copy), and release
    its lock: before the app goes, however it goes."""
    from s55tui.tui.recovery import recovery_copy_path, write_recovery_copy
    from s55tui.tui.screens.draft_screen import DraftScreen

    for screen in list(app.screen_stack):
        if not isinstance(screen, DraftScreen):
            continue
        screen.saver.schedule.cancel()
        session = screen.session
        with contextlib.suppress(Exception):  # a half-built screen: its model is still whole
            screen.flush_editor()
        if session.dirty:
            try:
                session.save_now()  # refuses a read-only draft, and one changed on disk
            except S55Error:
                with contextlib.suppress(S55Error, OSError):
                    write_recovery_copy(session, recovery_copy_path(session.path))
        session.release_lock()
