"""The consultation from the app: the request written beside the draft, the reply read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apptools import copy_example, go_to, run_app, until
from consultdocs import fill_box
from docx import Document
from testdata import EXAMPLE
from textual.widgets import Input, SelectionList, TextArea

from s55tui.draftfile import load_draft
from s55tui.tui.steps import Step


def test_the_request_is_written_and_the_reply_fills_only_what_the_officer_agrees_to(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    request = tmp_path / "draft - request for comments.docx"
    reply = tmp_path / "reply.docx"

    async def consult(app, pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        screen.action_consult()
        await until(pilot, request.exists)
        await until(pilot, lambda: screen.draft.consultation.invited == date(2021, 1, 2))
        document = Document(str(request))
        fill_box(document, "s55tui:recommendation:4", [("", [("We ", ""), ("accept", "b"), (" it.", "")])])
        fill_box(document, "s55tui:cc_comments", [("", [("The force welcomes the report.", "")])])
        document.save(str(reply))

        screen.action_read_reply()
        await until(pilot, lambda: app.screen is not screen)
        dialog = app.screen
        field = dialog.query_one("#reply-path", Input)
        field.value = str(reply)
        await pilot.press("enter")
        await until(
            pilot, lambda: dialog.query_one(SelectionList).option_count == 4
        )  # recommendations 1, 4 and 5, and the overall comments
        # the overall comments differ from the draft's: left unticked, the draft's are kept
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        await until(pilot, lambda: screen.draft.consultation.received == date(2021, 1, 2))
        await pilot.press("ctrl+q")

    before = load_draft(path).draft
    run_app(path, consult, today=date(2021, 1, 2))
    after = load_draft(path).draft
    assert after.items[1].cc_response == "We **accept** it."
    assert after.response.cc_comments == before.response.cc_comments
    assert [i.cc_response for i in after.items if i.number != "4"] == [
        i.cc_response for i in before.items if i.number != "4"
    ]
    assert after.consultation.invited == after.consultation.received == date(2021, 1, 2)


def test_a_reply_read_in_is_kept_when_its_item_was_open_before(tmp_path: Path) -> None:
    """The item form is one editor for every item, kept out of sight on other steps. A reply
    read in while the officer is elsewhere fills Recommendation 4; going back to it shows the
    reply's words, and they are what is saved (the form's older, empty box used to be written
    back over them)."""
    path = copy_example(EXAMPLE, tmp_path)
    request = tmp_path / "draft - request for comments.docx"
    reply = tmp_path / "reply.docx"

    async def consult(app, pilot) -> None:  # type: ignore[no-untyped-def]
        screen = app.screen
        assert screen.step == Step("item", 1)  # Recommendation 4, its form loaded
        await go_to(pilot, screen, Step("cc"))
        screen.action_consult()
        await until(pilot, request.exists)
        document = Document(str(request))
        fill_box(document, "s55tui:recommendation:4", [("", [("Accepted in full.", "")])])
        document.save(str(reply))
        screen.action_read_reply()
        await until(pilot, lambda: app.screen is not screen)
        dialog = app.screen
        dialog.query_one("#reply-path", Input).value = str(reply)
        await pilot.press("enter")
        await until(pilot, lambda: dialog.query_one(SelectionList).option_count > 0)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        await go_to(pilot, screen, Step("item", 1))
        assert screen.query_one("#f-cc_response", TextArea).text == "Accepted in full."
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()

    run_app(path, consult, today=date(2021, 1, 2))
    assert load_draft(path).draft.items[1].cc_response == "Accepted in full."
