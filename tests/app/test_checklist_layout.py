"""The office-use checklist as the officer sees and works it: whole labels, whole dates, and a
tick that asks for the day the box was done.

Ticking a box puts today's date in its date field and moves the cursor there with the date
selected: typing replaces it with the real day, Enter (or Tab) keeps it. Unticking clears the
date and says so; ticking again in the same visit puts the cleared date back.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apptools import TODAY, copy_example
from screen_text import open_step, run_at, screen_lines, text_in
from testdata import EXAMPLE
from textual.widgets import Checkbox, Input, Label

from s55tui.draftfile import load_draft
from s55tui.tui.steps import Step

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
LABELS = [
    "Response forwarded to HMICFRS Section 55 Responses",
    "Response forwarded to Chief Constable",
    "Response forwarded to Police and Crime Panel",
    "Response published on the OPCCN website",
]
# what a box paints around its label: the tall border and the tick's button
_FRAME = str.maketrans("", "", "▊▎▔▁▐▌")


def _dated(path: Path, days: list[str]) -> Path:
    """The example with its first boxes given the dates in ``days`` (in order)."""
    text = path.read_text(encoding="utf-8")
    head, *boxes = text.split("[[checklist]]")
    boxes = [
        box.replace("done = true\n", f"done = true\non = {days[i]}\n", 1) if i < len(days) else box
        for i, box in enumerate(boxes)
    ]
    path.write_text("[[checklist]]".join([head, *boxes]), encoding="utf-8")
    return path


def _label_shown(lines: list[str], box: Checkbox) -> str:
    shown = text_in(lines, box.region).translate(_FRAME)
    return " ".join(shown.split()).removeprefix("X ")


@SIZES
def test_every_box_label_shows_whole_wrapping_onto_more_lines(tmp_path: Path, size) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("checklist"))
        editor = app.screen.editor
        for index, label in enumerate(LABELS):
            box = editor.query_one(f"#box-{index}", Checkbox)
            editor.scroll_to_widget(box, animate=False)
            await pilot.pause()
            assert _label_shown(screen_lines(app), box) == label
        if size == (80, 24):  # the longest label takes two lines there, not one cut short
            assert editor.query_one("#box-0").content_region.height == 2

    run_at(size, path, check)


@SIZES
def test_each_date_shows_whole(tmp_path: Path, size) -> None:
    days = ["2021-02-09", "2021-02-10", "2021-02-11", "2021-02-12"]
    path = _dated(copy_example(EXAMPLE, tmp_path), days)

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("checklist"))
        lines = screen_lines(app)
        for index, day in enumerate(days):
            field = app.screen.query_one(f"#on-{index}", Input)
            assert text_in(lines, field.content_region) == day
        # and the one with the cursor in it, at its end
        field = app.screen.query_one("#on-0", Input)
        field.focus()
        field.cursor_position = len(field.value)
        await pilot.pause()
        assert text_in(screen_lines(app), field.content_region) == days[0]

    run_at(size, path, check)


def test_the_cursor_starts_on_the_first_box_so_space_ticks_it(tmp_path: Path) -> None:
    """The step's first visit used to leave the cursor in a field of the step before, out of
    sight: space went into the publication date (or the response the draft opened on) instead
    of the box."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("checklist"))
        assert app.focused is app.screen.query_one("#box-0")
        await pilot.press("space")
        await pilot.pause()
        assert not app.screen.draft.checklist[0].done
        draft = app.screen.draft  # nor did it go into the step the draft opened on
        assert str(draft.report.published) == "2020-12-17" and draft.items[1].cc_response == ""

    run_at((80, 24), path, check)


@SIZES
def test_a_tick_asks_for_the_day_it_was_done_with_today_offered(tmp_path: Path, size) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        screen = app.screen
        await open_step(app, pilot, Step("checklist"))
        boxes = screen.draft.checklist
        screen.query_one("#box-0").focus()
        await pilot.press("space")  # the example's boxes are ticked, without dates: untick
        await pilot.pause()
        assert not boxes[0].done and boxes[0].on is None
        await pilot.press("space")  # and tick: today is offered, selected, with the cursor in it
        await pilot.pause()
        field = screen.query_one("#on-0", Input)
        assert boxes[0].done and boxes[0].on == TODAY
        assert app.focused is field
        assert field.value == "2021-01-20"
        assert (field.selection.start, field.selection.end) == (0, 10)
        note = screen.query_one("#e-on-0", Label)
        assert note.display
        assert str(note.render()) == (
            "Done on 20 January 2021 (today)? Type the day it was done over it, or press Enter to keep it."
        )
        assert "Done on 20 January 2021 (today)?" in text_in(screen_lines(app), note.region)
        await pilot.press(*"9/2/2021")  # typed over the selected date
        await pilot.pause()
        assert boxes[0].on == date(2021, 2, 9)
        await pilot.press("enter")  # keeps it, shown the standard way, and goes on to the next box
        await pilot.pause()
        assert field.value == "2021-02-09"
        assert app.focused is screen.query_one("#box-1")
        assert not note.display
        # the next box: ticked already; untick and tick, then Enter keeps today
        await pilot.press("space", "space")
        await pilot.pause()
        assert app.focused is screen.query_one("#on-1")
        await pilot.press("tab")  # Tab keeps it too
        await pilot.pause()
        assert boxes[1].on == TODAY and app.focused is screen.query_one("#box-2")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker

    run_at(size, path, check)
    saved = load_draft(path).draft.checklist
    assert [(b.done, b.on) for b in saved[:2]] == [(True, date(2021, 2, 9)), (True, TODAY)]


def test_unticking_clears_the_date_and_ticking_again_puts_it_back(tmp_path: Path) -> None:
    path = _dated(copy_example(EXAMPLE, tmp_path), ["2021-02-09"])

    async def check(app, pilot) -> None:
        screen = app.screen
        await open_step(app, pilot, Step("checklist"))
        box = screen.draft.checklist[0]
        await pilot.press("space")
        await pilot.pause()
        field = screen.query_one("#on-0", Input)
        note = screen.query_one("#e-on-0", Label)
        assert not box.done and box.on is None and field.value == ""
        assert str(note.render()) == (
            "Not done: its date, 9 February 2021, is cleared (tick it again to put it back)."
        )
        assert app.focused is screen.query_one("#box-0")  # unticking leaves the cursor on the box
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker
        assert load_draft(path).draft.checklist[0].on is None
        await pilot.press("space")  # a slip: ticked again, the date it had comes back
        await pilot.pause()
        assert box.done and box.on == date(2021, 2, 9) and field.value == "2021-02-09"
        assert app.focused is field
        assert str(note.render()).startswith("Done on 9 February 2021 (the date it had)?")

    run_at((80, 24), path, check)


def test_a_date_that_cannot_be_read_says_why_under_its_box_and_is_not_taken(tmp_path: Path) -> None:
    path = _dated(copy_example(EXAMPLE, tmp_path), ["2021-02-09"])

    async def check(app, pilot) -> None:
        screen = app.screen
        await open_step(app, pilot, Step("checklist"))
        await pilot.press("tab")  # the date field comes next after its box
        assert app.focused is screen.query_one("#on-0")
        await pilot.press(*"31/2/2021")
        await pilot.pause()
        note = screen.query_one("#e-on-0", Label)
        assert note.display and note.has_class("-error")
        assert screen.draft.checklist[0].on == date(2021, 2, 9)
        await pilot.press("enter")  # not taken: the cursor stays to put it right
        await pilot.pause()
        assert app.focused is screen.query_one("#on-0")
        await pilot.press(*["backspace"] * 9, *"28 February 2021", "tab")
        await pilot.pause()
        assert screen.draft.checklist[0].on == date(2021, 2, 28)
        assert screen.query_one("#on-0", Input).value == "2021-02-28"
        assert not note.display

    run_at((80, 24), path, check)
