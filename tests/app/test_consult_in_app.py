"""The consultation from the app: the request written beside the draft, the reply read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from apptools import copy_example, run_app, until
from consultdocs import fill_box
from docx import Document
from testdata import EXAMPLE
from textual.widgets import Input, SelectionList

from s55tui.draftfile import load_draft


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
