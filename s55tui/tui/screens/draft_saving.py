"""How the draft screen saves: soon after typing stops, on every step change, and on quit.

Saving runs on a worker thread from a snapshot (see ``s55tui.session``), so a 1,000-item
draft never stalls a keystroke. One save runs at a time; edits made during a save are picked
up by the next. A failed save leaves every word in the app and says why, once, in a
notification, and the status line keeps saying NOT SAVED until a save succeeds.
"""

from __future__ import annotations

import asyncio
import time

from textual.timer import Timer

from s55tui.errors import ChangedOnDiskError, DraftError, LockLostError
from s55tui.session import DraftSession

# Seconds of quiet after the last keystroke before saving; the save itself takes at most a
# quarter of a second on a 1,000-item draft, so a keystroke is on disk within 2 seconds.
AUTOSAVE_SECONDS = 1.0
# An officer who types on without a second's pause still gets a save this often: the quiet
# period alone would put off saving for as long as the typing goes on (a crash then loses it all).
AUTOSAVE_MAX_WAIT = 1.0


class SavingMixin:
    """Autosave for a screen holding ``self.session``; the screen supplies the hooks below."""

    session: DraftSession
    _autosave_timer: Timer | None = None
    _autosave_due: float | None = None  # monotonic time by which the pending save must start
    _last_edit: float = 0.0  # monotonic time of the last keystroke
    _save_lock: asyncio.Lock | None = None
    _last_error_shown: str | None = None

    # hooks the screen implements
    def flush_editor(self) -> None:  # pragma: no cover - replaced by the screen
        """Write the current editor's widgets into the model."""

    def show_save_state(self) -> None:  # pragma: no cover - replaced by the screen
        """Update the status line's save state."""

    def changed_on_disk(self) -> None:  # pragma: no cover - replaced by the screen
        """Ask the officer what to do about a draft someone else changed."""

    # -- scheduling --------------------------------------------------------------------------
    def schedule_save(self) -> None:
        """Note an edit: a save starts once typing pauses for ``AUTOSAVE_SECONDS``, and never
        later than ``AUTOSAVE_MAX_WAIT`` after the first edit not yet being saved.

        A keystroke only notes its time; it never restarts the timer. Restarting it on every
        key let the keys put the save off: near the deadline each key cancelled the timer about
        to fire and armed a 50 ms one, so while keys came faster than that (a held-down key
        repeating), or the app was busy catching up with keys typed faster than it could draw
        them, no save started at all, and a crash lost everything typed meanwhile.
        """
        now = self._last_edit = time.monotonic()
        if self._autosave_due is None:
            self._autosave_due = now + AUTOSAVE_MAX_WAIT
        if self._autosave_timer is None:
            self._arm_autosave(self._autosave_starts() - now)

    def cancel_autosave(self) -> None:
        """Stop the pending autosave (the caller saves itself, as closing does)."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        self._autosave_due = None

    def _autosave_starts(self) -> float:
        """When the pending save should start: at the pause, or the deadline if that is first."""
        quiet = self._last_edit + AUTOSAVE_SECONDS
        return quiet if self._autosave_due is None else min(quiet, self._autosave_due)

    def _arm_autosave(self, delay: float) -> None:
        # never 0: a textual Timer of 0 s divides by zero when it is stopped
        self._autosave_timer = self.set_timer(max(0.01, delay), self._autosave_fired)  # type: ignore[attr-defined]

    def _autosave_fired(self) -> None:
        self._autosave_timer = None
        wait = self._autosave_starts() - time.monotonic()
        if wait > 0.01:  # typing went on, and the deadline is still ahead: wait for either
            self._arm_autosave(wait)
            return
        self._autosave_due = None
        self.save_soon()

    def save_soon(self) -> None:
        """Start a save in the background now."""
        self.run_worker(self.save(), group="save")  # type: ignore[attr-defined]

    # -- saving ------------------------------------------------------------------------------
    async def save(self, *, quiet: bool = False) -> bool:
        """Save the draft if it has unsaved edits; True when the file holds everything typed."""
        if self._save_lock is None:
            self._save_lock = asyncio.Lock()
        async with self._save_lock:
            self.flush_editor()
            session = self.session
            if session.read_only:
                return not session.dirty
            if not session.dirty:
                return True
            snap = session.snapshot()
            try:
                await asyncio.to_thread(session.write, snap)
            except LockLostError as error:
                session.failed(error)
                self._check_lock()  # type: ignore[attr-defined]  # read-only now, and says who has it
                return False
            except ChangedOnDiskError as error:
                session.failed(error)
                self.show_save_state()
                if quiet:
                    return False
                if time.monotonic() - self._last_edit < AUTOSAVE_SECONDS and self._autosave_timer is None:
                    # Still typing: a dialog now would swallow the keystrokes (and a "k" or
                    # "r" typed in flow would answer it). Ask once typing has paused.
                    self._arm_autosave(AUTOSAVE_SECONDS)
                elif self._autosave_timer is None:
                    self.changed_on_disk()  # a worker: asks the officer, never blocks this save
                return False
            except DraftError as error:
                session.failed(error)
                self.show_save_state()
                if not quiet and str(error) != self._last_error_shown:
                    self._last_error_shown = str(error)
                    self.notify(  # type: ignore[attr-defined]
                        f"{error}\nEverything you typed is still here; s55tui will try again.",
                        title="Not saved",
                        severity="error",
                        timeout=10,
                    )
                return False
            session.landed(snap)
            self._last_error_shown = None
            self.show_save_state()
            return True
