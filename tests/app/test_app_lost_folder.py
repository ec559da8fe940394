"""The draft's folder goes away while the officer types (a network drive drops): nothing is lost.

The app was started the way officers start it, inside the drafts folder with the draft's bare
name. It once crashed on the next lock check (the working folder could no longer be looked up)
and took the unsaved text with it; a draft opened by its full path said "someone else took
this draft over". Now the app stays, says the folder has gone, keeps the text, and the draft's
path has been whole from the moment it was opened.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apptools import run_app, type_text
from testdata import EXAMPLE
from textual.widgets import TextArea

from s55tui.tui.screens.draft_screen import DraftScreen

TYPED = "Typed before the drive dropped"
AFTER = " and after it dropped"


def test_a_folder_that_vanishes_keeps_the_text_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared-drive"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "draft.toml")
    monkeypatch.chdir(folder)
    seen: dict[str, object] = {}

    async def drop_the_drive(app, pilot) -> None:
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        session = screen.session
        assert session.path == folder / "draft.toml"  # whole from the start
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, TYPED)
        shutil.rmtree(folder)  # the working folder goes with it (autosave may have saved TYPED)
        await type_text(pilot, AFTER)  # so there is something unsaved, however fast autosave was
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker
        seen["taken over by"] = session.lost_to()
        seen["state"] = session.status_text()
        seen["error"] = session.error
        seen["screen"] = app.screen
        seen["box"] = app.focused.text if isinstance(app.focused, TextArea) else None

    run_app(Path("draft.toml"), drop_the_drive)
    assert seen["taken over by"] is None  # nobody took it over: the folder went
    assert seen["state"] == "NOT SAVED"
    assert seen["error"] == f"{folder / 'draft.toml'}: cannot save: the folder {folder} does not exist"
    assert isinstance(seen["screen"], DraftScreen)
    assert seen["box"] is not None and TYPED + AFTER in str(seen["box"])
