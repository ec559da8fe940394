"""Keys in the burst that follows a paste are the paste's own text, however the reader spaced them.

A copied text holding the terminal's end-of-paste sequence ends the paste early; the rest
arrives as keys, which the terminal's reader stamps up to tens of milliseconds apart when
the app is busy. A Backspace 32 ms after the paste was once obeyed, and (textual running a
key's binding after the letters queued behind it) took the last letter typed after it. The
officer's own keys, a moment later, are obeyed as ever.
"""

from __future__ import annotations

from pathlib import Path

from apptools import copy_example, run_app, until
from testdata import EXAMPLE
from textual import events

from s55tui.draftfile import load_draft
from s55tui.tui.steps import Step


def _key(key: str, at: float) -> events.Key:
    event = events.Key(key, key if len(key) == 1 else (" " if key == "space" else None))
    event.time = at
    return event


def test_a_burst_after_a_paste_is_text_and_the_officers_keys_after_it_are_obeyed(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def walk(app, pilot) -> None:
        screen = app.screen
        # opened on Recommendation 4's chief constable response, empty
        await until(pilot, lambda: screen.step == Step("item", 1) and not screen.nav.settling)
        await pilot.pause()
        paste = events.Paste("Agreed")
        app.post_message(paste)
        start = paste.time
        # each 12 ms after the one before: 60 ms after the paste by the last, a burst still
        burst = ["left", "left", "backspace", "delete", "space", "i", "n"]
        for number, key in enumerate(burst, start=1):
            app.post_message(_key(key, start + 0.012 * number))
        await pilot.pause(0.3)
        assert app.focused.text == "Agreed in"
        app.post_message(_key("backspace", start + 0.5))  # the officer's own, a moment later
        await pilot.pause(0.3)
        assert app.focused.text == "Agreed i"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()

    run_app(path, walk)
    assert load_draft(path).draft.items[1].cc_response == "Agreed i"
