"""The draft screen at 80x24, the smallest terminal the README promises, and at 120x40.

Each test reads the screen as the officer sees it (the characters of a screenshot, cell by
cell), not the widgets' values: text that is cut at an edge, run into its neighbour or given
no rows at all is what these tests catch.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apptools import TODAY, copy_example, go_to, until
from screen_text import open_step, run_at, screen_lines, text_in
from testdata import EXAMPLE
from textual import events
from textual.widget import Widget
from textual.widgets import Label

from s55tui.tui.app import S55App
from s55tui.tui.steps import Step

SMALL = (80, 24)
LARGE = (120, 40)
LONG_AFTER = date(2026, 11, 30)  # the example's last day passed 2,119 days before


async def shown_at(app: S55App, pilot, widget: Widget) -> str:
    """Scroll ``widget`` into view and return the text the screen shows where it is."""
    app.screen.editor.scroll_to_widget(widget, animate=False)
    await pilot.pause()
    return text_in(screen_lines(app), widget.region)


# -- the status line -----------------------------------------------------------------------------
@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
@pytest.mark.parametrize(
    ("today", "left"),
    [(TODAY, "21 days left"), (LONG_AFTER, "passed 2,119 days ago"), (date(2021, 2, 10), "today")],
    ids=["weeks-left", "long-passed", "last-day"],
)
def test_the_status_line_keeps_its_parts_apart(tmp_path: Path, size, today: date, left: str) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        screen = app.screen
        row = screen_lines(app)[screen.query_one("#status").region.y]
        words = screen.query_one("#progress-words").region
        save = screen.query_one("#save-state").region
        deadline = row[: words.x]
        assert left in deadline, row  # how long is left, whole
        assert deadline.endswith(" "), row  # and a gap before the progress
        assert row[words.x : words.right].strip() == "3/5 written", row
        assert row[save.x : save.right].strip().startswith("saved"), row

    run_at(size, path, check, today)


def test_the_status_line_says_the_last_day_in_full_where_there_is_room(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        row = screen_lines(app)[app.screen.query_one("#status").region.y]
        assert row.startswith(" Last day Wednesday 10 February 2021 · 21 days left "), row

    run_at((140, 40), path, check)


# -- the report details step ---------------------------------------------------------------------
def test_every_label_and_hint_of_the_details_step_shows_whole_at_80_columns(tmp_path: Path) -> None:
    """ "Published (...): the 56 days count from it  (required)" was cut after "co"."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await go_to(pilot, app.screen, Step("details"))
        editor = app.screen.editor
        labels = [label for label in editor.query(Label) if label.display]
        assert len(labels) > 16
        for label in labels:
            words = " ".join(str(label.render()).split())
            assert await shown_at(app, pilot, label) == words
        published = next(lb for lb in labels if str(lb.render()).startswith("Published"))
        assert str(published.render()).endswith("(required)")
        last_day = editor.query_one("#last-day", Label)
        assert "passed 2,119 days ago" in await shown_at(app, pilot, last_day)

    run_at(SMALL, path, check, LONG_AFTER)


def test_a_long_title_reads_from_its_first_word_once_the_cursor_leaves_it(tmp_path: Path) -> None:
    """At 80 columns the title field showed only "-complaint on policing and immigration status"."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await go_to(pilot, app.screen, Step("details"))
        title = app.screen.query_one("#f-report-title")
        assert app.focused is title
        await pilot.press("tab")
        await pilot.pause()
        assert text_in(screen_lines(app), title.content_region).startswith("Safe to share? Report on Liberty")

    run_at(SMALL, path, check)


# -- the review step -----------------------------------------------------------------------------
def _with_template(path: Path, name: str) -> Path:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('template = "narrative"', f'template = "{name}"'), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_the_review_preview_has_rows_to_read_the_document_in(tmp_path: Path, size) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("review"))
        preview = app.screen.query_one("#preview")
        assert preview.content_region.height >= 6
        app.screen.query_one("#export").focus()
        await pilot.press("tab")  # on to the preview: the step scrolls to show it whole
        await pilot.pause(0.5)
        assert app.focused is preview
        shown = text_in(screen_lines(app), preview.content_region)
        assert shown.startswith("Norfolk Police and Crime Commissioner (PCC) response to inspections")
        assert app.screen.query_one("#check-findings").region.height >= 4  # the findings still show

    run_at(size, path, check)


def test_the_preview_fills_its_new_width_when_the_terminal_is_resized(tmp_path: Path) -> None:
    """The preview kept the lines laid out for the width it first had: widened from 80 to 120
    columns, the document stayed a narrow column with blank space beside it."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("review"))
        preview = app.screen.query_one("#preview")
        await until(pilot, lambda: preview.line_count)
        narrow = preview.text()
        widest = max(len(line) for line in narrow.splitlines())
        await pilot.resize_terminal(*LARGE)
        await until(pilot, lambda: preview.text() != narrow)
        wide = preview.text()
        assert max(len(line) for line in wide.splitlines()) > widest + 20
        assert len(wide.splitlines()) < len(narrow.splitlines())
        assert " ".join(wide.split()) == " ".join(narrow.split())  # the same document

    run_at(SMALL, path, check)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_the_house_style_and_formats_show_on_one_line_whole(tmp_path: Path, size) -> None:
    path = _with_template(copy_example(EXAMPLE, tmp_path), "per-recommendation")

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("review"))
        lines = screen_lines(app)
        for select, choice in (
            ("#f-template", "per-recommendation"),
            ("#formats", "Word, PDF, web and .md"),
        ):
            widget = app.screen.query_one(select)
            assert widget.region.height == 3, select  # the border, one line, the border
            assert choice in text_in(lines, widget.region), select
        export = app.screen.query_one("#export")
        assert "Export" in text_in(lines, export.region)

    run_at(size, path, check)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_an_items_kind_and_status_show_whole_on_one_line(tmp_path: Path, size) -> None:
    """At 80 columns the kind's selector was squeezed until "Recommendation" wrapped in two."""
    path = copy_example(EXAMPLE, tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('kind = "recommendation"', 'kind = "area-for-improvement"', 1)
    path.write_text(text.replace('status = "open"', 'status = "no-local-action"', 1), encoding="utf-8")

    async def check(app, pilot) -> None:
        await open_step(app, pilot, Step("item", 0))
        app.screen.editor.scroll_home(animate=False)
        await pilot.pause(0.2)
        rows = screen_lines(app)
        for name in ("#f-kind", "#f-status"):
            select = app.screen.query_one(name)
            shown = text_in(rows, select.region)
            assert ("Area for improvement" if name == "#f-kind" else "No local action") in shown, shown

    run_at(size, path, check)


# -- which item the cursor is in -------------------------------------------------------------
@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_the_item_typed_into_is_named_above_its_box_however_far_the_form_scrolls(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """At 80x24 the form scrolls to bring the owed box into sight, and the item's title went
    out of sight above it: the officer typed with only the report's own text (which may name
    another recommendation) to say which item it was. The title stays at the top of the form."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        screen = app.screen
        for number, expected in ((1, "Recommendation 4 · 2 of 4"), (2, "Recommendation 5 · 3 of 4")):
            if number == 2:  # ctrl+g: on to the next item still owed
                await pilot.press("ctrl+g")
                await until(pilot, lambda: not screen.nav.settling and screen.step == Step("item", 2))
                await app.workers.wait_for_complete()
                await pilot.pause()
            box = app.focused
            assert box is not None and box.id == "f-cc_response"
            lines = screen_lines(app)
            editor = screen.editor.region
            assert text_in(lines, editor).startswith(expected), lines
            assert "Paste or type the chief constable's response" in text_in(lines, box.region)
            assert editor.contains_region(box.region)  # the whole box in sight

    run_at(size, path, check)


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "120x40"])
def test_a_very_long_item_number_leaves_the_form_in_sight(tmp_path: Path, size: tuple[int, int]) -> None:
    """Found by the random walk: a paste of many lines into Number made the item's title (which
    names it, and stays at the form's top) fifty rows tall, covering the whole form, the box
    with the cursor under it. The title keeps to one row, its end cut short."""
    path = copy_example(EXAMPLE, tmp_path)
    pasted = " ".join(f"P{n}.{n}" for n in range(1, 83))

    async def check(app, pilot) -> None:
        screen = app.screen
        screen.query_one("#f-number").focus()
        await pilot.pause()
        app.post_message(events.Paste(pasted))
        await pilot.pause(0.3)
        number = app.focused
        assert number is not None and number.id == "f-number" and pasted in number.value
        title = screen.query_one("#item-title")
        assert title.region.height == 1
        shown = text_in(screen_lines(app), title.region)
        assert shown.startswith("Recommendation 4P1.1 P2.2") and shown.endswith("…")  # cut short
        editor = screen.editor.region
        assert editor.contains_region(number.region)  # the box with the cursor in sight
        assert number.region.y > title.region.y  # and not under the title

    run_at(size, path, check)
