"""When autosave starts, on a simulated clock: however the keys come, none waits long for a save.

The schedule is driven here with fake timers and a fake clock, so it is checked exactly, key
by key, without a terminal. The crash test (test_crash_safety.py) checks the same on the real
app, with real keys and SIGKILL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from s55tui.autosave import AUTOSAVE_MAX_WAIT, AutosaveSchedule


class Clock:
    def __init__(self) -> None:
        self.now = 0.0


class FakeTimer:
    def __init__(self, at: float, callback: Callable[[], None]) -> None:
        self.at = at
        self.callback = callback
        self.live = True

    def stop(self) -> None:
        self.live = False


class Screen:
    """The schedule with fake timers; a save is recorded as the time it would start."""

    def __init__(self, clock: Clock, **timing: float) -> None:
        self.clock = clock
        self.timers: list[FakeTimer] = []
        self.saves: list[float] = []
        self.schedule = AutosaveSchedule(self.set_timer, self.save_soon, lambda: clock.now, **timing)

    def set_timer(self, delay: float, callback: Callable[[], None]) -> FakeTimer:
        assert delay > 0, "a textual Timer of 0 s divides by zero when stopped"
        timer = FakeTimer(self.clock.now + delay, callback)
        self.timers.append(timer)
        return timer

    def save_soon(self) -> None:
        self.saves.append(self.clock.now)

    def schedule_save(self) -> None:
        self.schedule.edited()

    def cancel_autosave(self) -> None:
        self.schedule.cancel()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def type_keys(screen: Screen, clock: Clock, keys: Iterable[float], until: float) -> None:
    """Press a key at each time in ``keys``, firing timers as they fall due, up to ``until``."""
    pending = sorted(keys)
    while True:
        live = [t for t in screen.timers if t.live]
        next_timer = min(live, key=lambda t: t.at, default=None)
        next_key = pending[0] if pending else None
        if next_timer is not None and (next_key is None or next_timer.at <= next_key):
            if next_timer.at > until:
                return
            clock.now = next_timer.at
            next_timer.live = False
            next_timer.callback()
        elif next_key is not None:
            clock.now = pending.pop(0)
            screen.schedule_save()
        else:
            return


def steady(every: float, seconds: float) -> list[float]:
    return [n * every for n in range(int(seconds / every) + 1)]


@pytest.mark.parametrize("every", [0.01, 0.03, 0.049, 0.06, 0.2, 0.7])
def test_every_key_is_in_a_save_started_within_the_max_wait_however_fast_the_keys(
    clock: Clock, every: float
) -> None:
    # 0.01-0.049 s apart is a held-down key repeating or a fast burst: keys that restarted the
    # timer once kept any save from starting for as long as they came.
    screen = Screen(clock)
    keys = steady(every, 5.0)
    type_keys(screen, clock, keys, until=10.0)
    for key in keys:
        first_after = min(s for s in screen.saves if s >= key)
        assert first_after - key <= AUTOSAVE_MAX_WAIT + 1e-9, (
            f"key at {key:.3f} s waited until {first_after:.3f} s"
        )


def test_keys_never_restart_the_timer(clock: Clock) -> None:
    screen = Screen(clock)
    type_keys(screen, clock, steady(0.03, 5.0), until=10.0)
    assert len(screen.timers) == len(screen.saves)  # one timer per save, none per key
    assert not any(t.live for t in screen.timers)


def test_a_short_pause_saves_at_the_pause_and_long_typing_at_the_deadline(clock: Clock) -> None:
    screen = Screen(clock, quiet=0.3, max_wait=2.0)
    type_keys(screen, clock, [0.0, 0.1, 0.2], until=5.0)
    assert screen.saves == [pytest.approx(0.5)]  # 0.3 s after the last key
    screen.saves.clear()
    clock.now = 10.0
    type_keys(screen, clock, [10.05 + k for k in steady(0.15, 5.0)], until=20.0)
    # the deadline 2 s after each first unsaved key, then 0.3 s after the last key
    assert screen.saves == [pytest.approx(12.05), pytest.approx(14.15), pytest.approx(15.3)]


def test_cancelling_leaves_nothing_pending_and_the_next_key_arms_again(clock: Clock) -> None:
    screen = Screen(clock)
    type_keys(screen, clock, [0.0, 0.2], until=0.5)
    screen.cancel_autosave()
    type_keys(screen, clock, [], until=5.0)
    assert screen.saves == []
    clock.now = 6.0
    type_keys(screen, clock, [6.0], until=10.0)
    assert screen.saves == [pytest.approx(7.0)]
