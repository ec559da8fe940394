"""What opening a draft takes out of the garbage collector's way, closing gives back.

Opening freezes the draft's objects (so full collections stop walking them on every few step
changes of a 1,000-item draft); a closed draft's objects must be freed again, or every draft
opened in a day's session would stay in memory until the app quits.
"""

from __future__ import annotations

import gc
from pathlib import Path

from apptools import copy_example, run_app, until
from testdata import EXAMPLE


def test_a_closed_draft_leaves_nothing_frozen(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    frozen_while_open: list[int] = []

    async def session(app, pilot) -> None:
        await until(pilot, lambda: gc.get_freeze_count() > 0)  # once opening's work is done
        frozen_while_open.append(gc.get_freeze_count())
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, session)
    assert frozen_while_open and frozen_while_open[0] > 0
    assert gc.get_freeze_count() == 0


def test_a_draft_closed_before_its_opening_work_is_done_leaves_nothing_frozen(tmp_path: Path) -> None:
    """Opened from the drafts list and closed at once (the wrong one): the work opening left
    to do afterwards (building the review out of sight, freezing) finds the draft gone and
    does nothing; opened again, it is done, and undone again on closing."""
    import asyncio

    from s55tui.tui.app import build_app
    from s55tui.tui.screens.draft_screen import DraftScreen

    copy_example(EXAMPLE, tmp_path)

    async def main() -> None:
        app = build_app(None, drafts_dir=tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            table = app.screen.query_one("DataTable")
            await until(pilot, lambda: table.row_count == 1)  # the drafts list has read the folder
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, DraftScreen))
            app.screen.action_close_draft()  # "Open another draft", from the palette, at once
            await until(pilot, lambda: not isinstance(app.screen, DraftScreen))
            await pilot.pause(1.5)  # the opening's work, on its thread, has finished by now
            await until(pilot, lambda: gc.get_freeze_count() == 0)  # and stays undone once the draft is down
            assert not isinstance(app.screen, DraftScreen)
            await pilot.press("enter")
            await until(pilot, lambda: gc.get_freeze_count() > 0 and isinstance(app.screen, DraftScreen))
            app.screen.action_close_draft()
            # released as the screen is taken down, a moment after the list shows again
            await until(pilot, lambda: gc.get_freeze_count() == 0 and not isinstance(app.screen, DraftScreen))

    asyncio.run(main())
