"""Progress after publication in the app: an update added on an item shows in the tracker."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apptools import run_app, until
from textual.widgets import DataTable, Input, Static, TextArea

from s55tui.draftfile import load_draft, save_draft
from s55tui.model import Draft, Item, Report, Response
from s55tui.tui.screens.draft_screen import DraftScreen
from s55tui.tui.screens.tracker_screen import TrackerScreen
from s55tui.tui.steps import Step

TODAY = date(2025, 9, 1)


def _draft() -> Draft:
    return Draft(
        report=Report(title="Custody inspection", published=date(2025, 1, 6)),
        response=Response(published=date(2025, 3, 2)),
        items=[
            Item(number="1", to=["chief-constables"], text="Fix the cells.", cc_response="We will."),
            Item(number="2", to=["chief-constables"], text="Train the staff.", cc_response="We will."),
        ],
    )


def test_an_update_added_in_the_app_is_saved_and_the_tracker_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "custody.toml"
    save_draft(path, _draft())

    async def add(app, pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert isinstance(screen, DraftScreen)
        screen.go(Step("item", 1))
        await until(pilot, lambda: screen.step == Step("item", 1))
        await pilot.press("f2")
        await until(pilot, lambda: app.screen is not screen)
        dialog = app.screen
        dialog.query_one("#update-on", Input).value = "2025-08-20"
        dialog.query_one("#update-text", TextArea).text = "All staff trained."
        dialog.query_one("#update-status").value = "complete"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        shown = screen.query_one("#item-updates", Static)
        await until(pilot, lambda: "All staff trained." in str(shown.render()))
        assert "20 Aug 2025 · Complete" in str(shown.render())
        await until(pilot, lambda: "1 of 2 open" in str(screen.query_one("#progress-words").render()))
        await pilot.press("ctrl+q")

    run_app(path, add, today=TODAY)
    item = load_draft(path).draft.items[1]
    assert [(u.on, u.status, u.text) for u in item.updates] == [
        (date(2025, 8, 20), "complete", "All staff trained.")
    ]
    assert item.status == "complete"

    async def tracker(app, pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TrackerScreen) and app.screen.rows)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        # no update since the response was published in March, six months ago: amber
        assert rows[0][:3] == ["Amber", "Custody inspection", "Recommendation 1"]
        assert rows[1][:5] == ["Closed", "Custody inspection", "Recommendation 2", "", "Complete"]
        await pilot.press("down", "enter")  # opens the draft at that item
        await until(pilot, lambda: isinstance(app.screen, DraftScreen))
        await until(pilot, lambda: app.screen.step == Step("item", 1))
        await pilot.press("ctrl+q")

    run_app(None, tracker, today=TODAY, drafts_dir=tmp_path)
