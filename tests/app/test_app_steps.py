"""Steps open on their first visit: quick key presses still land where the officer meant.

The draft screen builds only the first step's editor when it opens (building all seven was
most of the start-up time); every other step's editor is built the first time it is visited.
These tests drive that as an officer would, faster than the editors can be built.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apptools import copy_example, go_to, notes_shown, run_app, type_text, until
from testdata import EXAMPLE
from textual.widgets import Input, Label

from s55tui.draftfile import load_draft, save_draft
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.steps import Step


def test_only_the_step_it_opens_on_and_the_review_are_built_when_the_draft_opens(tmp_path: Path) -> None:
    """The draft opens on the first response owed (Recommendation 4's chief constable response
    in the example); the other steps are built on their first visit; the review, slow to build
    and wanted at once when asked for, is built out of sight once the draft is open."""
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        screen = app.screen
        assert app.focused.id == "f-cc_response"
        await until(pilot, lambda: screen.nav.has_editor("review"))
        await app.workers.wait_for_complete()
        assert sorted(e.id for e in screen.query(StepEditor)) == ["item", "review"]
        assert [e.id for e in screen.query(StepEditor) if e.display] == ["item"]
        assert screen.step == Step("item", 1) and app.focused.id == "f-cc_response"
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.step == Step("review")
        assert sorted(e.id for e in screen.query(StepEditor)) == ["item", "review"]
        shown = [e.id for e in screen.query(StepEditor) if e.display]
        assert shown == ["review"]  # only the current step's editor shows

    run_app(path, check)


def test_keys_pressed_faster_than_steps_are_built_end_on_the_step_asked_for_last(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("details"))
        # details -> findings (not built yet) -> Recommendation 1 -> Recommendation 4, without waiting
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause(0.3)
        assert screen.step == Step("item", 1)
        assert "Recommendation 4" in str(screen.query_one("#item-title").render())
        await type_text(pilot, "Typed at once.")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker

    run_app(path, check)
    item = load_draft(path).draft.items[1]
    assert item.number == "4"
    assert "Typed at once." in item.text + item.cc_response


def test_next_owed_on_an_unbuilt_step_puts_the_cursor_in_the_owed_response(tmp_path: Path) -> None:
    """Opened on Recommendation 4, ctrl+g twice at once: Recommendation 5, then the chief
    constable's comments, a step not built yet; the words typed go there."""
    path = copy_example(EXAMPLE, tmp_path)
    session = load_draft(path)
    session.draft.response.cc_comments = ""
    save_draft(path, session.draft)

    async def check(app, pilot) -> None:
        assert app.screen.step == Step("item", 1)
        await pilot.press("ctrl+g", "ctrl+g")
        await until(pilot, lambda: app.screen.step == Step("cc") and not app.screen.nav.settling)
        assert app.focused.id == "f-cc_comments"
        await type_text(pilot, "We will.")
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker

    run_app(path, check)
    draft = load_draft(path).draft
    assert draft.response.cc_comments == "We will."
    assert [i.cc_response for i in draft.items] == [i.cc_response for i in load_draft(EXAMPLE).draft.items]


def test_a_last_day_on_a_bank_holiday_gets_its_note_after_the_screen_is_up(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await go_to(pilot, app.screen, Step("details"))
        published = app.screen.query_one("#f-report-published", Input)
        published.value = "2020-10-31"  # day 56 is Christmas Day
        await pilot.pause(0.2)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        shown = str(app.screen.query_one("#last-day", Label).render())
        assert shown.startswith("Last day Friday 25 December 2020")
        assert "bank holiday (Christmas Day)" in shown

    run_app(path, check)


def test_a_mistyped_date_says_how_to_write_it_and_keeps_the_last_good_one(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def check(app, pilot) -> None:
        await go_to(pilot, app.screen, Step("details"))
        published = app.screen.query_one("#f-report-published", Input)
        published.focus()
        await pilot.press("end", "backspace", "backspace", "x")
        await pilot.pause(0.1)
        error = app.screen.query_one("#e-report-published", Label)
        assert error.display
        assert str(error.render()) == (
            "not a date; write it as 2020-12-17 or 17/12/2020. Meanwhile the draft keeps 17 December 2020."
        )
        await pilot.press("backspace", "1", "7")
        await pilot.pause(0.1)
        assert not error.display
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker

    run_app(path, check)
    assert str(load_draft(path).draft.report.published) == "2020-12-17"


def test_a_date_typed_the_british_way_is_read_and_clearing_it_keeps_the_last_good_one(tmp_path: Path) -> None:
    """17/12/2020 is the date it plainly is; an empty Published would make the draft unopenable."""
    path = copy_example(EXAMPLE, tmp_path)
    shown: list[str] = []

    async def check(app, pilot) -> None:
        await go_to(pilot, app.screen, Step("details"))
        published = app.screen.query_one("#f-report-published", Input)
        error = app.screen.query_one("#e-report-published", Label)
        published.focus()
        published.value = ""
        await pilot.press(*"18/12/2020")
        await pilot.pause(0.1)
        assert not error.display
        shown.append(str(app.screen.query_one("#last-day", Label).render()))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.screen.session.dirty)  # saved (slower under load)
        published.value = ""  # cleared, as select-all and delete would
        await pilot.pause(0.1)
        assert error.display
        assert str(error.render()) == (
            "a date is needed here; write it as 2020-12-17 or 17/12/2020. "
            "Meanwhile the draft keeps 18 December 2020."
        )
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not app.screen.session.dirty)

    run_app(path, check)
    assert shown[0].startswith("Last day Thursday 11 February 2021")
    assert load_draft(path).draft.report.published == date(2020, 12, 18)  # and it still opens
    assert (
        load_draft(path.with_name(path.name + ".bak")).draft.report.published is not None
    )  # so is the backup


def test_the_footer_shows_the_same_keys_on_every_step(tmp_path: Path) -> None:
    """The footer is never rebuilt on a change of step (a rebuild, a dozen widgets and a layout
    of the screen, was two frames of the key): every step offers the same keys. f2, an item's
    key, says what to do when no item is open, and opens nothing; the palette offers the
    item's commands only with an item open."""
    from screen_text import screen_lines

    path = copy_example(EXAMPLE, tmp_path)
    before = path.read_text(encoding="utf-8")

    async def check(app, pilot) -> None:
        screen = app.screen
        notes = notes_shown(app)
        footer = screen.query_one("KeyFooter")
        keys = list(footer.children)

        async def footer_after(key: str, kind: str) -> str:
            await pilot.press(key)
            await until(pilot, lambda: screen.step.kind == kind and not screen.nav.settling)
            await app.workers.wait_for_complete()
            await pilot.pause()
            return screen_lines(app)[-1]

        def palette() -> set[str]:
            return {command.title for command in screen.commands()}

        opened = screen_lines(app)[-1]
        assert "f2 Update" in opened and "Add progress update" in palette()  # opened on an item
        assert await footer_after("ctrl+r", "review") == opened
        assert "Add progress update" not in palette() and "Export" in palette()
        await pilot.press("f2")
        await pilot.pause()
        assert screen is app.screen  # no dialog
        assert any("belongs to one item" in note for note in notes)
        await go_to(pilot, screen, Step("details"))
        assert screen_lines(app)[-1] == opened
        assert await footer_after("ctrl+g", "item") == opened
        assert list(footer.children) == keys  # the same widgets throughout: never rebuilt

    run_app(path, check)
    assert path.read_text(encoding="utf-8") == before  # f2 off an item changed nothing


def test_a_new_item_shows_at_once_where_it_settles(tmp_path: Path) -> None:
    """Items of very different lengths, one after another: each item's first frame already has
    the form where it stays, the box with the cursor and its label in sight. (The form used to
    show a new item at the last one's place, then move a frame later.)"""
    from s55tui.model import Item

    path = copy_example(EXAMPLE, tmp_path)
    draft = load_draft(path).draft
    long_text = "\n\n".join(f"Paragraph {n} of what the report says, at some length." for n in range(12))
    draft.items = [  # the chief's answer written, the commissioner's owed: the cursor goes there
        Item(
            "recommendation",
            str(n + 1),
            ["chief-constables", "pccs"],
            long_text if n % 2 else "Short.",
            cc_response=long_text if n % 2 else "We will.",
        )
        for n in range(6)
    ]
    save_draft(path, draft)

    async def walk(app, pilot) -> None:
        screen = app.screen
        # opened on the first item, which owes the commissioner's response
        await until(pilot, lambda: screen.step == Step("item", 0) and not screen.nav.settling)
        await pilot.pause()
        for index in range(1, 6):
            screen.go(Step("item", index))
            editor = screen.editor
            first_frame = editor.scroll_y  # where the next frame shows the form: none painted since
            await until(pilot, lambda: not screen.nav.settling)
            await pilot.pause(0.2)
            box = app.focused
            assert (
                box.id == "f-pcc_response" and box.region.height and editor.region.contains_region(box.region)
            )
            assert first_frame == editor.scroll_y, f"item {index + 1} moved after its first frame"

    run_app(path, walk)
