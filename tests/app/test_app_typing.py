"""Typing into a response as an officer sees it: the box grows, then scrolls; marks follow.

The response box and the screen's bookkeeping skip work while typing (no layout once the box
is at its max height, no recount of the draft's progress unless the item's counts moved); these
tests hold them to what the officer must still see.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apptools import go_to, run_app, type_text
from textual import events
from textual.widgets import Label, TextArea

from s55tui.draftfile import save_draft
from s55tui.model import Item, Report
from s55tui.profile import Profile
from s55tui.tui.dialogs.confirm import ConfirmDialog
from s55tui.tui.steps import Step
from s55tui.tui.widgets.outline import Outline

MIN_HEIGHT, MAX_HEIGHT = 5, 16  # ResponseArea's CSS


def two_item_draft(folder: Path) -> Path:
    """Two recommendations to chief constables, neither answered yet; their text is long, so
    the response box starts low in the form (as in real reports)."""
    draft = Profile().new_draft(Report(title="Vetting report", published=date(2022, 11, 2)))
    text = "\n\n".join(f"Chief constables should review vetting, step {n}." for n in range(8))
    for number in ("1", "2"):
        draft.items.append(Item(number=number, to=["chief-constables"], text=text))
    path = folder / "vetting.toml"
    save_draft(path, draft)
    return path


def cursor_is_visible(area: TextArea) -> bool:
    """Whether the cursor's row is inside the box's visible rows, and the form shows that row."""
    row = area.wrapped_document.location_to_offset(area.cursor_location).y
    in_box = area.scroll_y <= row < area.scroll_y + area.scrollable_content_region.height
    form = area.parent
    assert form is not None
    return in_box and form.region.contains(*area.cursor_screen_offset)


@pytest.mark.slow
def test_the_response_box_grows_to_its_max_height_then_scrolls_with_the_cursor(tmp_path: Path) -> None:
    path = two_item_draft(tmp_path)

    async def typing(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 0), "cc_response")
        area = screen.query_one("#f-cc_response", TextArea)
        below = screen.query_one("#l-pcc_response", Label)  # the next field's label
        assert app.focused is area
        assert area.outer_size.height == MIN_HEIGHT
        heights = []
        for line in range(24):
            await type_text(pilot, f"{line}\n")
            await pilot.pause()
            heights.append(area.outer_size.height)
            assert cursor_is_visible(area), f"cursor hidden after line {line}"
            # the form below the box moves with it: the next label stays just under the box
            assert below.region.y == area.region.bottom + 1
        assert heights == sorted(heights), "the box never shrinks while lines are added"
        assert heights[0] == MIN_HEIGHT and heights[-1] == MAX_HEIGHT
        assert heights.index(MAX_HEIGHT) < 20, "the box stops growing at its max height"
        # at its max height, more lines scroll the box, and its scroll range and scrollbar follow
        assert area.scroll_y > 0
        assert area.max_scroll_y == area.virtual_size.height - area.scrollable_content_region.height
        assert area.vertical_scrollbar.window_virtual_size == area.virtual_size.height
        # deleting the text shrinks it again
        area.select_all()
        await pilot.press("backspace")
        await pilot.pause()
        assert area.text == ""
        assert area.outer_size.height == MIN_HEIGHT
        assert below.region.y == area.region.bottom + 1

    run_app(path, typing)


@pytest.mark.slow
def test_a_long_answer_pasted_in_keeps_the_box_at_its_max_height_and_the_cursor_in_view(
    tmp_path: Path,
) -> None:
    path = two_item_draft(tmp_path)

    async def paste(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 0), "cc_response")
        area = screen.query_one("#f-cc_response", TextArea)
        area.insert("A long answer that wraps over the width of the box. " * 1000)
        await pilot.pause()
        assert area.outer_size.height == MAX_HEIGHT
        area.move_cursor((0, 2000))
        await pilot.pause()
        for _ in range(3):
            before = area.virtual_size.height
            await type_text(pilot, "\nMore words.")  # a new line in the middle of the paragraph
            await pilot.pause()
            assert area.virtual_size.height > before
            assert area.outer_size.height == MAX_HEIGHT
            assert area.vertical_scrollbar.window_virtual_size == area.virtual_size.height
            assert cursor_is_visible(area)

    run_app(path, paste)


def test_the_outline_mark_and_progress_follow_the_first_letter_typed_and_the_last_deleted(
    tmp_path: Path,
) -> None:
    path = two_item_draft(tmp_path)

    def shown(screen) -> tuple[str, str]:
        outline = screen.query_one(Outline)
        mark = str(outline.get_option(Step("item", 0).id).prompt)[0]
        return mark, str(screen.query_one("#progress-words", Label).render())

    async def typing(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 0), "cc_response")
        assert shown(screen) == ("○", "0/2 written")
        await type_text(pilot, "Agreed")
        await pilot.pause()
        assert shown(screen) == ("✓", "1/2 written")
        await pilot.press(*["backspace"] * 6)
        await pilot.pause()
        assert shown(screen) == ("○", "0/2 written")
        await type_text(pilot, "Agreed in part")
        await pilot.press("ctrl+n")  # on to the second item, whose answer is owed too
        await pilot.pause()
        screen.editor.focus_field("cc_response")
        await type_text(pilot, "Done")
        await pilot.pause()
        assert shown(screen) == ("✓", "2/2 written")

    run_app(path, typing)


@pytest.mark.slow
def test_a_paste_longer_than_any_response_is_asked_about_first(tmp_path: Path) -> None:
    """A 20 MB paste once froze the app for two minutes; a paste that long is asked about."""
    path = two_item_draft(tmp_path)
    huge = "The force has reviewed its practice and will report progress to the panel.\n" * 14_000
    seen: dict[str, object] = {}

    async def paste(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 0), "cc_response")
        area = screen.query_one("#f-cc_response", TextArea)
        app.post_message(events.Paste(huge))
        await pilot.pause()
        seen["asked"] = isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        seen["after no"] = area.text
        app.post_message(events.Paste(huge))
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        seen["after yes"] = len(area.text)
        area.clear()
        app.post_message(events.Paste("Agreed."))  # a paste of a usual length goes straight in
        await pilot.pause()
        seen["screen"] = app.screen
        seen["usual"] = area.text

    run_app(path, paste)
    assert seen["asked"] is True
    assert seen["after no"] == ""
    assert seen["after yes"] == len(huge)  # all of it, once the officer said so
    assert not isinstance(seen["screen"], ConfirmDialog) and seen["usual"] == "Agreed."
