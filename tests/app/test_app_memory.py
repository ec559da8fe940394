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
