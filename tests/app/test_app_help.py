"""F1 lists every key of the screen it is pressed on, each with a sentence saying what it does."""

from __future__ import annotations

import io
from pathlib import Path

from apptools import copy_example, run_app
from rich.console import Console
from testdata import EXAMPLE

from s55tui.tui.screens.draft_screen import DraftScreen
from s55tui.tui.screens.help_screen import HelpScreen, bindings_table
from s55tui.tui.widgets.outline import Outline


def test_f1_names_every_draft_and_outline_key_in_words(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, file=io.StringIO())
        console.print(bindings_table(app.screen.groups))
        shown = " ".join(console.export_text().split())
        for binding in [*DraftScreen.BINDINGS, *Outline.BINDINGS]:
            assert binding.tooltip, f"{binding.key} has no words for F1"
            assert binding.tooltip in shown, binding.key
        assert "ctrl+g" in shown and "Jump to the next response still owed" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)

    run_app(path, check)
