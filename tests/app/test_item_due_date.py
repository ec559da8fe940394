"""An item's due date in its step: shown, typed in the ways officers write dates, and saved.

The date comes from the report's own deadline on import; the officer can set or correct it,
and a date that does not exist is refused in words under the box, keeping the last good one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apptools import copy_example, go_to, run_app, type_text, until
from testdata import DATA
from textual.widgets import Input, Label

from s55tui.draftfile import load_draft
from s55tui.tui.steps import Step

LETTER = DATA / "render" / "letter-custody.toml"


def test_a_due_date_is_typed_checked_and_saved(tmp_path: Path) -> None:
    path = copy_example(LETTER, tmp_path)
    assert load_draft(path).draft.items[1].due is None

    async def walk(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 1), "due")
        await type_text(pilot, "31/4/2025")  # no such day
        error = screen.query_one("#e-due", Label)
        await until(pilot, lambda: "no day 31" in str(error.render()))
        box = screen.query_one("#f-due", Input)
        box.value = ""
        await type_text(pilot, "30/6/2025")
        await until(pilot, lambda: not error.display)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: load_draft(path).draft.items[1].due == date(2025, 6, 30))
        await go_to(pilot, screen, Step("item", 0), "due")
        assert screen.query_one("#f-due", Input).value == ""  # the next item has none of its own
        await go_to(pilot, screen, Step("item", 1), "due")
        assert screen.query_one("#f-due", Input).value == "2025-06-30"

    run_app(path, walk, today=date(2025, 4, 20))
    assert "due = 2025-06-30" in path.read_text(encoding="utf-8")
