"""Importing from the draft screen: the items come in, and the first one added is opened.

After an import the officer was left on the step they were on (the report's details), with
the new items only in the outline; the first item the import added is opened now.
"""

from __future__ import annotations

from pathlib import Path

from apptools import copy_example, run_app, until
from testdata import EXAMPLE
from textual.widgets import Input

from s55tui.draftfile import load_draft


def test_the_first_item_an_import_adds_is_opened(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    report = tmp_path / "report.txt"
    report.write_text(
        "Recommendation 2\n\nThe Home Office should review the framework.\n\n"
        "Recommendation 9\n\nChief constables should publish their data.\n",
        encoding="utf-8",
    )

    async def walk(app, pilot) -> None:
        screen = app.screen
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-cc_response")
        assert screen.draft.items[screen.step.index].label == "Recommendation 4"  # opened there
        await pilot.press("ctrl+o", "i")
        await until(pilot, lambda: app.screen.query("#path"))
        app.screen.query_one("#path", Input).value = str(report)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: not app.screen.query_one("#add").disabled)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen and len(screen.draft.items) == 6)
        await until(pilot, lambda: not screen.nav.settling)
        assert screen.step.kind == "item"
        assert screen.draft.items[screen.step.index].label == "Recommendation 2"  # placed after 1

    run_app(path, walk)
    labels = [item.label for item in load_draft(path).draft.items]
    assert labels == [
        "Recommendation 1",
        "Recommendation 2",
        "Recommendation 4",
        "Recommendation 5",
        "Recommendation 6",
        "Recommendation 9",
    ]
