"""A whole drafting session in the app, driven by the keyboard as an officer would drive it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from apptools import copy_example, go_to, run_app, type_text, until
from testdata import EXAMPLE, NORFOLK
from textual import events
from textual.widgets import Checkbox, Input, TextArea

from s55tui.draftfile import load_draft, save_draft
from s55tui.model import Report
from s55tui.profile import Profile
from s55tui.tui.steps import Step
from s55tui.tui.widgets.outline import Outline
from s55tui.tui.widgets.preview import DocumentPreview


def new_draft(folder: Path) -> Path:
    path = folder / "vetting.toml"
    save_draft(path, Profile().new_draft(Report(title="Vetting report", published=date(2022, 11, 2))))
    return path


@pytest.mark.slow
def test_a_whole_drafting_session_is_saved_exported_and_found_again(tmp_path: Path) -> None:
    path = new_draft(tmp_path)

    async def session(app, pilot) -> None:
        screen = app.screen
        assert screen.step == Step("findings")  # the first thing a new draft owes: its key findings
        await pilot.press("ctrl+o", "a")  # add an item from the outline
        await pilot.pause()
        assert app.focused.id == "f-text"
        await type_text(pilot, "Chief constables should review vetting.")
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert isinstance(app.focused, Checkbox) and app.focused.id == "to-chief-constables"
        await pilot.press("space")
        screen.editor.focus_field("cc_response")
        await type_text(pilot, "We will review every file by March.")
        await pilot.press("ctrl+o", "a")  # a second item, numbered after the first
        await pilot.pause()
        await type_text(pilot, "PCCs should scrutinise vetting.")
        await pilot.press("ctrl+b")  # back to the first item
        await pilot.pause()
        assert screen.step == Step("item", 0)
        await pilot.press("ctrl+g")  # next owed: the second item's commissioner response?
        await pilot.pause()
        items = screen.draft.items
        assert [i.number for i in items] == ["1", "2"]
        assert items[0].to == ["chief-constables"]
        assert items[0].cc_response == "We will review every file by March."
        assert items[1].text == "PCCs should scrutinise vetting."
        # the checklist: tick the first box, dated today
        await go_to(pilot, screen, Step("checklist"))
        first_box = screen.query_one("#box-0", Checkbox)
        first_box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert screen.draft.checklist[0].done and screen.draft.checklist[0].on == date(2021, 1, 20)
        assert screen.query_one("#on-0", Input).value == "2021-01-20"
        # review and export
        await pilot.press("ctrl+r")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await pilot.pause()
        preview = screen.query_one(DocumentPreview)
        assert "We will review every file by March." in preview.text()
        screen.export_draft(("docx", "html", "md"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, session)
    for suffix in ("docx", "html", "md"):
        assert path.with_suffix(f".{suffix}").stat().st_size > 0
    assert "We will review every file by March." in path.with_suffix(".md").read_text(encoding="utf-8")
    draft = load_draft(path).draft
    assert [(i.number, i.to, i.text) for i in draft.items] == [
        ("1", ["chief-constables"], "Chief constables should review vetting."),
        ("2", ["chief-constables"], "PCCs should scrutinise vetting."),
    ]
    assert draft.items[0].cc_response == "We will review every file by March."
    assert draft.checklist[0].done and draft.checklist[0].on == date(2021, 1, 20)
    assert not list(tmp_path.glob(".*.lock*")), "quitting releases the lock"

    async def reopened(app, pilot) -> None:
        screen = app.screen
        outline = screen.query_one(Outline)
        prompts = [str(outline.get_option_at_index(i).prompt) for i in range(outline.option_count)]
        assert "◐   Recommendation 1" in prompts or "✓   Recommendation 1" in prompts
        await go_to(pilot, screen, Step("item", 0))
        assert screen.query_one("#f-cc_response", TextArea).text == "We will review every file by March."

    run_app(path, reopened)


def test_pasted_word_text_is_cleaned_on_the_way_in(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def paste(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 1))
        for _ in range(300):  # the item editor is built on its first visit: slower under load
            await pilot.pause(0.05)
            if app.focused is not None and app.focused.id == "f-cc_response":
                break
        area = screen.query_one("#f-cc_response", TextArea)
        assert app.focused is area
        app.post_message(events.Paste("•\tFirst point\x0bsame paragraph\x0c\uf0b7 Second\x00 point\r\n"))
        await pilot.pause()
        assert area.text == "- First point\nsame paragraph\n\n- Second point\n"
        assert screen.draft.items[1].cc_response == area.text

    run_app(path, paste)


def test_typing_is_on_disk_within_two_seconds_and_the_state_says_so(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def typing(app, pilot) -> None:
        screen = app.screen
        await pilot.press("ctrl+g")
        await pilot.pause()
        await type_text(pilot, "Accepted in full")
        # Autosave may already have caught part of it (it saves at least every second while
        # typing goes on); the state must never claim "saved" for text not yet on disk.
        state = str(screen.query_one("#save-state").render())
        on_disk = "Accepted in full" in path.read_text(encoding="utf-8")
        assert state == "unsaved" or (state.startswith("saved ") and on_disk)
        await pilot.pause(2.0)
        assert "Accepted in full" in path.read_text(encoding="utf-8")
        assert str(screen.query_one("#save-state").render()).startswith("saved ")

    run_app(path, typing)


def test_a_finding_on_the_review_step_jumps_to_its_field(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def review(app, pilot) -> None:
        screen = app.screen
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        findings = screen.query_one("#check-findings")
        findings.focus()
        # the first finding is highlighted as the list gets the focus: one arrow down is the second
        await pilot.press("down", "enter")  # the second finding: Recommendation 5, CC response
        await pilot.pause()
        assert screen.step == Step("item", 2)
        assert app.focused.id == "f-cc_response"

    run_app(path, review)


def test_no_local_action_asks_for_the_reason_and_counts_as_a_position(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def mark(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 1))
        await pilot.press("ctrl+l")
        await pilot.pause()
        item = screen.draft.items[1]
        assert item.status == "no-local-action"
        assert app.focused.id == "f-pcc_response"
        assert "No local action: give the reason" in str(screen.query_one("#no-action-hint").render())

    run_app(path, mark)


def test_removing_an_item_asks_and_keeps_the_others_intact(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    before = load_draft(path).draft.items

    async def remove(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("item", 1))
        await pilot.press("ctrl+o", "delete")
        await until(pilot, lambda: app.screen is not screen)  # it asks
        await pilot.press("n")  # keep it
        await until(pilot, lambda: app.screen is screen)
        assert len(screen.draft.items) == 4
        await pilot.press("delete")
        await until(pilot, lambda: app.screen is not screen)
        await pilot.press("y")
        await until(pilot, lambda: len(screen.draft.items) == 3)
        assert [i.number for i in screen.draft.items] == ["1", "5", "6"]
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, remove)
    after = load_draft(path).draft.items
    assert [(i.number, i.text, i.cc_response) for i in after] == [
        (i.number, i.text, i.cc_response) for i in before if i.number != "4"
    ]


def test_items_imported_from_a_pasted_report_join_the_draft_and_are_saved(tmp_path: Path) -> None:

    path = new_draft(tmp_path)

    async def bring_in(app, pilot) -> None:
        await pilot.press("ctrl+o", "i")
        await pilot.pause()
        app.post_message(events.Paste(NORFOLK.read_text(encoding="utf-8")))
        await pilot.pause()
        await pilot.press("ctrl+f")
        for _ in range(100):  # the dialog reads in a thread; wait for what it found
            await pilot.pause(0.05)
            if "Found 4 items" in str(app.screen.query_one("#status").render()):
                break
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()  # the save runs in a worker
        screen = app.screen
        assert [i.number for i in screen.draft.items] == ["1", "4", "5", "6"]
        outline = screen.query_one(Outline)
        assert outline.option_count == 2 + 4 + 4
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, bring_in)
    assert [i.number for i in load_draft(path).draft.items] == ["1", "4", "5", "6"]


def test_coming_back_to_the_review_shows_what_was_typed_meanwhile(tmp_path: Path) -> None:
    """The review keeps what it showed while nothing changes (it took seconds to remake at
    1,000 items), but never shows a document older than the draft."""
    path = copy_example(EXAMPLE, tmp_path)

    async def review_twice(app, pilot) -> None:
        screen = app.screen

        async def review() -> str:
            await pilot.press("ctrl+r")
            await until(pilot, lambda: screen.step == Step("review") and not screen.nav.settling)
            await app.workers.wait_for_complete()
            await pilot.pause()
            return screen.query_one(DocumentPreview).text()

        first = await review()
        await pilot.press("ctrl+g")  # to the response still owed, typing nothing
        await until(pilot, lambda: screen.step.kind == "item" and not screen.nav.settling)
        assert await review() == first
        await pilot.press("ctrl+g")
        await until(pilot, lambda: screen.step.kind == "item" and not screen.nav.settling)
        await type_text(pilot, "Zebra crossings are reviewed monthly.")
        shown = await review()
        assert "Zebra crossings are reviewed monthly." in shown and shown != first
        await pilot.press("ctrl+b")  # the house style is part of what is shown, too
        await until(pilot, lambda: screen.step.kind != "review" and not screen.nav.settling)
        screen.draft.response.template = "record"
        screen.session.changed(screen.draft.response)
        assert await review() != shown

    run_app(path, review_twice)
