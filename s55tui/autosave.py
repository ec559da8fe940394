"""When autosave starts: soon after typing pauses, and never long after the first unsaved key.

A plain class with its clock and its timer passed in, so the schedule is tested key by key on
a simulated clock; the draft screen gives it ``time.monotonic`` and textual's ``set_timer``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

# Seconds of quiet after the last keystroke before saving; the save itself takes at most a
# quarter of a second on a 1,000-item draft, so a keystroke is on disk within 2 seconds.
AUTOSAVE_SECONDS = 1.0
# An officer who types on without a second's pause still gets a save this often: the quiet
# period alone would put off saving for as long as the typing goes on (a crash then loses it all).
AUTOSAVE_MAX_WAIT = 1.0


class Stoppable(Protocol):
    """A timer that can be stopped (textual's ``Timer``)."""

    def stop(self) -> None: ...


SetTimer = Callable[[float, Callable[[], None]], Stoppable]


class AutosaveSchedule:
    """Decides when a save starts; ``start_save`` is called then.

    A keystroke only notes its time; it never restarts the timer. Restarting it on every key
    let the keys put the save off: near the deadline each key cancelled the timer about to fire
    and armed a 50 ms one, so while keys came faster than that (a held-down key repeating, or
    the app catching up with keys typed faster than it could draw them) no save started at all.
    """

    def __init__(
        self,
        set_timer: SetTimer,
        start_save: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        *,
        quiet: float = AUTOSAVE_SECONDS,
        max_wait: float = AUTOSAVE_MAX_WAIT,
    ) -> None:
        self._set_timer = set_timer
        self._start_save = start_save
        self._clock = clock
        self.quiet = quiet
        self.max_wait = max_wait
        self._timer: Stoppable | None = None
        self._due: float | None = None  # the time by which the pending save must start
        self._last_edit = float("-inf")

    @property
    def pending(self) -> bool:
        """Whether a save is scheduled."""
        return self._timer is not None

    def typing(self) -> bool:
        """Whether the officer typed within the quiet period (a dialog now would eat keys)."""
        return self._clock() - self._last_edit < self.quiet

    def edited(self) -> None:
        """Note an edit: a save starts at the pause, or at the deadline if that comes first."""
        now = self._last_edit = self._clock()
        if self._due is None:
            self._due = now + self.max_wait
        if self._timer is None:
            self._arm(self._starts() - now)

    def retry_later(self) -> None:
        """Try again once typing pauses (a save that had to wait for the officer)."""
        if self._timer is None:
            self._arm(self.quiet)

    def cancel(self) -> None:
        """Nothing pending any more (whoever cancels saves now themselves)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._due = None

    def _starts(self) -> float:
        quiet = self._last_edit + self.quiet
        return quiet if self._due is None else min(quiet, self._due)

    def _arm(self, delay: float) -> None:
        # never 0: a textual Timer of 0 s divides by zero when it is stopped
        self._timer = self._set_timer(max(0.01, delay), self._fired)

    def _fired(self) -> None:
        self._timer = None
        wait = self._starts() - self._clock()
        if wait > 0.01:  # typing went on, and the deadline is still ahead: wait for either
            self._arm(wait)
            return
        self._due = None
        self._start_save()
