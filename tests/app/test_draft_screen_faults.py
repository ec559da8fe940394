"""The draft screen's faults found by trying it as a new officer would, one test each.

Each drove the app with keys and pastes and found text put where nobody looks, the cursor in
the wrong box, or the app ending with a traceback. Every test fails on the screen as it was.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from apptools import copy_example, go_to, notes_shown, run_app, type_text, until
from testdata import EXAMPLE
from textual import events
from textual.widgets import Checkbox, Select, TextArea

from s55tui.draftfile import load_draft, save_draft
from s55tui.tui.steps import Step
from s55tui.tui.widgets.preview import DocumentPreview

LONG_PASTE = "\n\n".join(
    f"Paragraph {n} of the chief constable's answer, pasted from an email." for n in range(100)
)


def _draft(tmp_path: Path, change) -> Path:
    """A copy of the example draft, changed by ``change(draft)`` and saved."""
    path = copy_example(EXAMPLE, tmp_path)
    draft = load_draft(path).draft
    change(draft)
    save_draft(path, draft)
    return path


def test_a_paste_after_ctrl_g_to_the_checklist_never_lands_in_the_comments_out_of_sight(
    tmp_path: Path,
) -> None:
    def unticked(draft) -> None:
        for box in draft.checklist:
            box.done, box.on = False, None

    path = _draft(tmp_path, unticked)

    async def walk(app, pilot) -> None:
        screen = app.screen
        notes = notes_shown(app)
        screen.go(Step("pcc"), "pcc_comments")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-pcc_comments")
        before = screen.draft.response.pcc_comments
        await pilot.press("tab")
        await type_text(pilot, " Noted.")
        await pilot.press("ctrl+g")  # nothing owed in the items: the checklist's first box
        await until(pilot, lambda: screen.step == Step("checklist") and app.focused is not None)
        assert screen.step == Step("checklist")
        assert isinstance(app.focused, Checkbox) and app.focused.id == "box-0"
        app.post_message(events.Paste(LONG_PASTE))
        await pilot.pause(0.3)
        response = screen.draft.response
        assert response.pcc_comments == before  # not appended out of sight
        assert LONG_PASTE[:40] not in response.pcc_reply
        assert any("Nothing was pasted" in note for note in notes)

    run_app(path, walk)


def test_ctrl_g_puts_the_cursor_in_the_empty_commissioners_box_when_the_chiefs_is_written(
    tmp_path: Path,
) -> None:
    def only_one_owed(draft) -> None:
        draft.items[1].cc_response = "We will."  # Recommendation 4 done
        draft.items[2].cc_response = "The force agrees."  # Recommendation 5 owes both: chief's written
        draft.items[2].pcc_response = ""

    path = _draft(tmp_path, only_one_owed)

    async def walk(app, pilot) -> None:
        screen = app.screen
        notes = notes_shown(app)
        await pilot.press("ctrl+g")
        await until(pilot, lambda: screen.step == Step("item", 2))
        assert isinstance(app.focused, TextArea) and app.focused.id == "f-pcc_response"
        await type_text(pilot, "Agreed")
        item = screen.draft.items[2]
        assert (item.cc_response, item.pcc_response) == ("The force agrees.", "Agreed")
        await pilot.press("ctrl+g")  # nothing left owed now
        await pilot.pause(0.3)
        assert any("Nothing is owed" in note for note in notes)
        assert app.focused.id == "f-pcc_response"

    run_app(path, walk)


def test_ctrl_g_does_not_skip_the_step_you_are_on(tmp_path: Path) -> None:
    def owes_both(draft) -> None:
        item = draft.items[2]  # Recommendation 5: chief constables and PCCs
        item.cc_response = item.pcc_response = ""

    path = _draft(tmp_path, owes_both)

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 2), "text")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-text")
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        assert (screen.step, app.focused.id) == (Step("item", 2), "f-cc_response")
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        assert (screen.step, app.focused.id) == (Step("item", 2), "f-pcc_response")

    run_app(path, walk)


def test_undo_after_a_large_paste_into_an_empty_response_keeps_the_app_running(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 1), "cc_response")  # Recommendation 4: no answer yet
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-cc_response")
        app.post_message(events.Paste("\n".join(f"Line {n} of the answer" for n in range(20))))
        await pilot.pause(0.3)
        assert screen.draft.items[1].cc_response.startswith("Line 0")
        await pilot.press("ctrl+z")
        await pilot.pause(0.3)
        assert app.is_running
        assert screen.draft.items[1].cc_response == ""

    run_app(path, walk)


def test_the_review_says_not_ready_with_tbc_left_and_the_preview_follows_the_house_style_at_once(
    tmp_path: Path,
) -> None:
    path = _draft(tmp_path, lambda draft: setattr(draft.items[0], "cc_response", "We will report by TBC."))

    async def walk(app, pilot) -> None:
        screen = app.screen
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.step == Step("review"))
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        summary = str(screen.query_one("#check-summary").render())
        assert summary.startswith("Not ready: 2 things missing and 1 placeholder (such as TBC) left in.")
        assert "  1 warning  " in summary  # not "1 warning" with an s, nor "Ready to publish"
        preview = screen.query_one(DocumentPreview)
        before = preview.text()
        select = screen.query_one("#f-template", Select)
        select.focus()
        other = next(name for name in ("record", "per-recommendation") if name != select.value)
        select.value = other
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert screen.draft.response.template == other
        assert preview.text() != before

    run_app(path, walk)


def test_a_letter_the_draft_has_taken_is_never_missed_by_a_save_that_comes_before_its_message(
    tmp_path: Path,
) -> None:
    """ctrl+q in flow with typing once saved a draft without its last two letters: the text box
    had written them into the draft, but the draft was only marked unsaved when the screen's
    message about it came round, and the save came first and found nothing to do."""
    path = copy_example(EXAMPLE, tmp_path)

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 1), "cc_response")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-cc_response")
        area, item = app.focused, screen.draft.items[1]
        for typed, letter in enumerate("Agreed in full", start=1):
            assert await screen.saver.save()  # everything so far is in the file
            area.insert(letter)  # as a key does: the text box posts its change
            while item.cc_response != "Agreed in full"[:typed]:
                await asyncio.sleep(0)  # the editor writes it into the draft
            assert screen.session.dirty, f"{item.cc_response!r} taken but not marked unsaved"
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, walk)
    assert load_draft(path).draft.items[1].cc_response == "Agreed in full"


def test_coming_back_to_the_report_details_and_typing_adds_to_the_title_not_over_it(
    tmp_path: Path,
) -> None:
    """The title field selected its whole text as the cursor came back to it (Textual's default),
    so the first key typed replaced the title, and a one-line field has no undo."""
    path = copy_example(EXAMPLE, tmp_path)
    title = load_draft(path).draft.report.title

    async def walk(app, pilot) -> None:
        screen = app.screen
        await go_to(pilot, screen, Step("details"))
        await pilot.press("ctrl+n")
        await until(pilot, lambda: screen.step == Step("findings"))
        await pilot.press("ctrl+b")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-report-title")
        await type_text(pilot, " (2021)")
        assert screen.draft.report.title == title + " (2021)"
        app.focused.post_message(events.Paste("Safe to share?\nReport on\n  a super-complaint"))
        await pilot.pause()
        assert screen.draft.report.title == title + " (2021)Safe to share? Report on a super-complaint"

    run_app(path, walk)


def test_the_cursor_put_in_a_box_by_a_change_of_step_is_in_sight(tmp_path: Path) -> None:
    """Going to an item whose boxes are taller than the last one's left the cursor in a box
    scrolled below the form's bottom: the form was scrolled before the boxes took their height."""
    long = "\n".join(f"Line {n} of a long answer." for n in range(40))

    def tall(draft) -> None:
        draft.items[2].text = long
        draft.items[2].cc_response = long
        draft.items[2].pcc_response = ""

    path = _draft(tmp_path, tall)

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 2), "pcc_response")  # the form scrolled down to the last box
        await until(pilot, lambda: screen.step == Step("item", 2) and app.focused is not None)
        await pilot.pause(0.3)
        await pilot.press("ctrl+b")  # a short item: the form scrolls back up
        await until(pilot, lambda: screen.step == Step("item", 1))
        await pilot.pause(0.3)
        await pilot.press("ctrl+n")  # back, the cursor in the commissioner's box below two tall ones
        await until(pilot, lambda: screen.step == Step("item", 2))
        await pilot.pause(0.3)
        box, editor = app.focused, screen.editor
        assert box.id == "f-pcc_response"
        assert box.region.intersection(editor.region).area, f"{box.region} is outside {editor.region}"

    run_app(path, walk)


def test_typing_goes_on_while_a_slow_save_runs_and_what_is_typed_meanwhile_is_journaled(
    tmp_path: Path, monkeypatch
) -> None:
    """ctrl+s held every key until the save was done (seconds, on a 10,000-item draft); and what
    was typed during a slow save was only in memory until that save and the next were done."""
    import json
    import threading

    import s55tui.session as session_module
    from s55tui.draftfile.journal import journal_path

    path = copy_example(EXAMPLE, tmp_path)
    gate = threading.Event()
    save_draft_as_is = session_module.save_draft

    def slow_save(*args, **kwargs) -> None:
        gate.wait(30)  # a big draft's save, held until the test lets it go
        save_draft_as_is(*args, **kwargs)

    monkeypatch.setattr(session_module, "save_draft", slow_save)
    monkeypatch.setattr(session_module, "JOURNAL_AFTER_SECONDS", -1.0)  # every save counts as slow

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 1), "cc_response")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-cc_response")
        await type_text(pilot, "Agreed")
        await pilot.press("ctrl+s")  # the save starts, and is held
        await type_text(pilot, " in full")  # not held up by it
        assert app.focused.text == "Agreed in full"
        await pilot.press("ctrl+s")  # a second save waits for the first: the journal takes it now
        journal = journal_path(screen.session.path)

        def journaled() -> list:
            return json.loads(journal.read_text(encoding="utf-8"))["changes"] if journal.exists() else []

        await until(pilot, lambda: any(c["now"] == "Agreed in full" for c in journaled()))
        gate.set()
        await until(pilot, lambda: not screen.session.dirty and not journal.exists())

    run_app(path, walk)
    assert load_draft(path).draft.items[1].cc_response == "Agreed in full"


def test_tab_into_a_written_answer_and_type_adds_to_its_end_not_in_front_of_it(tmp_path: Path) -> None:
    """Tab from the commissioner's comments into the written reply, type " Noted.": it went in
    front of the reply's first word ("Noted.I have noted that...")."""
    path = copy_example(EXAMPLE, tmp_path)
    reply = load_draft(path).draft.response.pcc_reply
    assert reply.strip()

    async def walk(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("pcc"), "pcc_comments")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-pcc_comments")
        await pilot.press("tab")
        assert app.focused.id == "f-pcc_reply"
        await type_text(pilot, " Noted.")
        assert screen.draft.response.pcc_reply == reply + " Noted."

    run_app(path, walk)


def test_keys_that_come_while_a_step_opens_go_to_that_step_not_the_one_still_shown(
    tmp_path: Path,
) -> None:
    """A step's editor is built on its first visit, and for that moment the step left is still
    shown with the cursor in it: ctrl+g then ctrl+l, or typing at once after ctrl+g, acted on
    the report's details (ctrl+l refused there without a word; the words went into the title).
    Keys that come meanwhile now wait for the step ctrl+g opens."""
    path = copy_example(EXAMPLE, tmp_path)
    saved = load_draft(path).draft
    saved.report.title = ""  # owed: the draft opens on its details, the item form not built yet
    save_draft(path, saved)
    title, first = saved.report.title, saved.items[1]
    assert first.status == "open" and not first.cc_response

    async def burst(app, pilot) -> None:
        screen = app.screen
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-report-title")
        assert not screen.nav.has_editor("item")
        # one burst, as a terminal delivers keys typed fast: nothing waits between them
        for key, character in [("ctrl+g", None), *((c, c) for c in "Agreed"), ("ctrl+l", None)]:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: screen.draft.items[1].status == "no-local-action")
        assert screen.draft.items[1].cc_response == "Agreed"
        assert screen.draft.report.title == title
        assert app.focused.id == "f-pcc_response"  # where ctrl+l asks for the reason

    run_app(path, burst)


def test_the_cursor_stays_in_sight_when_a_box_above_it_grows(tmp_path: Path) -> None:
    """A box takes its height from its text wrapped at its width, known only a layout or more
    after a change of step; a box above the cursor that grew after the form had scrolled to it
    pushed the box with the cursor below the form's bottom (7 times in 7,737 steps of the
    random walk), where the next words typed went unseen."""

    def tall(draft) -> None:
        draft.items[2].text = "\n".join(f"Line {n} of the report's text." for n in range(20))
        draft.items[2].cc_response = "\n".join(f"Line {n} of the first answer." for n in range(4))
        draft.items[2].pcc_response = ""

    path = _draft(tmp_path, tall)
    long = "\n".join(f"Line {n} of the chief constable's answer." for n in range(60))

    async def grow(app, pilot) -> None:
        screen = app.screen
        screen.go(Step("item", 2), "pcc_response")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "f-pcc_response")
        await pilot.pause(0.3)
        box, editor = app.focused, screen.editor
        assert box.region.intersection(editor.region).area
        assert editor.scroll_y > 0  # scrolled down to the box at the form's foot
        height = editor.virtual_size.height
        editor.query_one("#f-cc_response", TextArea).load_text(long)  # the box above, taller now
        await until(pilot, lambda: editor.virtual_size.height > height + 8)
        await pilot.pause(0.3)
        assert app.focused is box
        assert box.region.intersection(editor.region).area, f"{box.region} is outside {editor.region}"

    run_app(path, grow)
