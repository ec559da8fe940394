"""What the draft screen shows in its very first frame, before anything else has happened.

The first frame is caught the way textual offers it: a callback asked for on the draft screen
the moment it is pushed runs once that screen has been refreshed for the first time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from apptools import TODAY, copy_example
from screen_text import screen_lines
from testdata import EXAMPLE

import s55tui.tui.app
from s55tui.tui.app import S55App


def _first_frame(path: Path) -> list[str]:
    """The screen's rows as the draft screen's first frame shows them."""
    frames: list[list[str]] = []

    class Watched(S55App):
        CSS_PATH = Path(s55tui.tui.app.__file__).with_name("app.tcss")

        def open_draft(self, draft, item=None):  # type: ignore[no-untyped-def]
            opened = super().open_draft(draft, item)
            self.screen.call_after_refresh(lambda: frames.append(screen_lines(self)))
            return opened

    async def main() -> None:
        app = Watched(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()

    asyncio.run(main())
    assert frames, "the draft screen was never painted"
    return frames[0]


def test_the_footer_shows_its_keys_in_the_first_frame(tmp_path: Path) -> None:
    """The keys are there from the start, not a frame later (textual's footer waits for the
    first move of the cursor, then rebuilds itself and the screen's layout)."""
    footer = _first_frame(copy_example(EXAMPLE, tmp_path))[-1]
    assert "^g Next owed" in footer and "^q Quit" in footer and "^p palette" in footer
