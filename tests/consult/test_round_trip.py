"""The consultation round trip: the request written, filled as a force fills it, and read back.

The draft is one of our own: recommendations to chief constables, one jointly to chief
constables and commissioners, one to commissioners only (no box for it), a cause of concern
and an area for improvement, with one answer already written. The force fills the boxes with
python-docx the way Word does: bold runs, a bulleted list, a numbered list and a link.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from consultdocs import fill_box, write_fresh_reply
from docx import Document

from s55tui.consult.fill import DIFFERS, FILL, apply, plan
from s55tui.consult.reply import ReplyError, read_reply
from s55tui.consult.request import build_request, consulted_items, item_tag
from s55tui.draftfile import parse_draft

DRAFT = '''
format = 1
[report]
title = "An inspection of how well forces answer 999 calls"
published = 2025-03-04
[office]
force = "Northshire Police"
body = "Office of the Northshire Police and Crime Commissioner"
cc_title = "Chief Constable"
[response]
cc_comments = ""
[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables"]
text = """By 31 March 2026, chief constables should review their call handling."""
cc_response = ""
[[items]]
kind = "recommendation"
number = "2"
to = ["chief-constables", "pccs"]
text = """Chief constables and commissioners should publish answer times."""
cc_response = """We already publish them monthly."""
pcc_response = """I will hold the force to account for them."""
[[items]]
kind = "recommendation"
number = "3"
to = ["pccs"]
text = """Commissioners should fund a review."""
[[items]]
kind = "cause-of-concern"
number = "1"
to = ["chief-constables"]
text = """The force does not answer 101 calls quickly enough."""
[[items]]
kind = "area-for-improvement"
number = "4"
to = ["chief-constables"]
text = """The force should record why calls are abandoned."""
'''


def _draft():  # type: ignore[no-untyped-def]
    return parse_draft(DRAFT, "northshire.toml").draft


def _request(tmp_path: Path) -> Path:
    draft = _draft()
    path = tmp_path / "request.docx"
    path.write_bytes(build_request(draft, date(2025, 4, 7)))
    return path


def test_the_request_has_a_tagged_box_for_each_item_the_chief_constable_answers(tmp_path: Path) -> None:
    draft = _draft()
    path = _request(tmp_path)
    document = Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Monday 7 April 2025" in text and "4 March 2025" in text
    assert draft.report.title in text
    tags = [item_tag(item) for item in consulted_items(draft)]
    assert tags == [
        "s55tui:recommendation:1",
        "s55tui:recommendation:2",
        "s55tui:cause-of-concern:1",
        "s55tui:area-for-improvement:4",
    ]
    body = document.element.body.xml
    for tag in [*tags, "s55tui:cc_comments"]:
        assert f'w:val="{tag}"' in body
    assert "s55tui:recommendation:3" not in body  # to commissioners only: nothing to ask the force
    assert "We already publish them monthly." in body  # the answer the draft has is in its box


def test_answers_filled_in_the_boxes_land_in_their_items_and_nowhere_else(tmp_path: Path) -> None:
    request = _request(tmp_path)
    reply = tmp_path / "reply.docx"
    document = Document(str(request))
    fill_box(
        document,
        "s55tui:recommendation:1",
        [
            ("", [("We ", ""), ("accept", "b"), (" this recommendation.", "")]),
            ("List Bullet", [("A review by ", ""), ("June", "i")]),
            ("List Bullet", [("Training for call handlers", "")]),
        ],
    )
    fill_box(
        document,
        "s55tui:cause-of-concern:1",
        [
            ("List Number", [("Recruit ten more staff.", "")]),
            ("List Number", [("Publish 101 answer times.", "")]),
        ],
    )
    fill_box(
        document,
        "s55tui:area-for-improvement:4",
        [("", [("Done: see ", ""), ("the report", "https://example.org/r")])],
    )
    fill_box(document, "s55tui:recommendation:2", [("", [("We publish answer times weekly now.", "")])])
    fill_box(document, "s55tui:cc_comments", [("", [("The force welcomes the report.", "")])])
    document.save(str(reply))

    draft = _draft()
    chosen = plan(draft, read_reply(reply, draft))
    assert [(a.label, a.action) for a in chosen.answers] == [
        ("Recommendation 1", FILL),
        ("Recommendation 2", DIFFERS),
        ("Cause of concern 1", FILL),
        ("Area for improvement 4", FILL),
        ("Overall comments", FILL),
    ]
    apply(draft, chosen, date(2025, 4, 2))
    by_label = {item.label: item for item in draft.items}
    assert by_label["Recommendation 1"].cc_response == (
        "We **accept** this recommendation.\n\n- A review by *June*\n- Training for call handlers"
    )
    assert (
        by_label["Cause of concern 1"].cc_response
        == "1. Recruit ten more staff.\n2. Publish 101 answer times."
    )
    assert by_label["Area for improvement 4"].cc_response == "Done: see [the report](https://example.org/r)"
    # the draft's own answer is kept, the commissioner's untouched, the commissioners' item empty
    assert by_label["Recommendation 2"].cc_response == "We already publish them monthly."
    assert by_label["Recommendation 2"].pcc_response == "I will hold the force to account for them."
    assert by_label["Recommendation 3"].cc_response == ""
    assert draft.response.cc_comments == "The force welcomes the report."
    assert draft.consultation.received == date(2025, 4, 2)


def test_replace_takes_the_reply_s_answer_where_it_differs(tmp_path: Path) -> None:
    document = Document(str(_request(tmp_path)))
    fill_box(document, "s55tui:recommendation:2", [("", [("We publish answer times weekly now.", "")])])
    reply = tmp_path / "reply.docx"
    document.save(str(reply))
    draft = _draft()
    apply(draft, plan(draft, read_reply(reply, draft), replace=True), date(2025, 4, 2))
    assert draft.items[1].cc_response == "We publish answer times weekly now."


def test_a_reply_retyped_without_the_boxes_is_read_by_its_headings(tmp_path: Path) -> None:
    reply = tmp_path / "retyped.docx"
    write_fresh_reply(
        reply,
        [
            ("Heading 1", "Northshire Police: response to the 999 inspection"),
            ("", "Please find our answers below."),
            ("Heading 2", "Recommendation 1"),
            ("", "By 31 March 2026, chief constables should review their call handling."),
            ("", "Recommendation 1 is accepted in full."),
            ("List Bullet", "A review by June"),
            ("", "Cause of concern 1:"),
            ("", "We are recruiting."),
            ("Heading 2", "Chief Constable's comments"),
            ("", "The force welcomes the report."),
        ],
    )
    draft = _draft()
    found = read_reply(reply, draft)
    assert not found.by_boxes
    apply(draft, plan(draft, found), date(2025, 4, 2))
    by_label = {item.label: item for item in draft.items}
    # the item's own text, quoted back, is not taken for the answer; the answer's first line,
    # which names the recommendation, is not taken for a heading
    assert (
        by_label["Recommendation 1"].cc_response
        == "Recommendation 1 is accepted in full.\n\n- A review by June"
    )
    assert by_label["Cause of concern 1"].cc_response == "We are recruiting."
    assert by_label["Area for improvement 4"].cc_response == ""
    assert draft.response.cc_comments == "The force welcomes the report."
    assert found.unplaced == ["Please find our answers below."]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_reply_saved_by_libreoffice_reads_back_the_same(tmp_path: Path) -> None:
    document = Document(str(_request(tmp_path)))
    fill_box(document, "s55tui:recommendation:1", [("", [("We ", ""), ("accept", "b"), (" it.", "")])])
    fill_box(document, "s55tui:cc_comments", [("", [("The force welcomes the report.", "")])])
    filled = tmp_path / "filled.docx"
    document.save(str(filled))
    out = tmp_path / "lo"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(filled),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    draft = _draft()
    apply(draft, plan(draft, read_reply(out / "filled.docx", draft)), date(2025, 4, 2))
    # LibreOffice keeps each box's words and title but not its tag, and not the formatting
    # inside it (it saves a box as one plain run): the words land in their items all the same
    assert draft.items[0].cc_response.replace("**", "") == "We accept it."
    assert draft.response.cc_comments == "The force welcomes the report."
    assert draft.items[1].cc_response == "We already publish them monthly."  # kept, and SAME in the reply
    with pytest.raises(ReplyError, match="no answers in it"):  # read twice: nothing new the second time
        read_reply(out / "filled.docx", draft)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_request_saved_by_libreoffice_then_filled_keeps_the_paragraphs_typed_in_the_box(
    tmp_path: Path,
) -> None:
    request = _request(tmp_path)
    saved = _through_libreoffice(request, tmp_path)
    document = Document(str(saved))
    cell = _cell_holding(document, "s55tui:recommendation:1")
    first = cell.paragraphs[0]
    first.add_run("We accept this.")  # typed after the placeholder, left in front of it
    more = cell.add_paragraph()
    more.add_run("Training").bold = True
    more.add_run(" starts in May.")
    document.save(str(saved))
    draft = _draft()
    apply(draft, plan(draft, read_reply(saved, draft)), date(2025, 4, 2))
    assert draft.items[0].cc_response == "We accept this.\n\n**Training** starts in May."
    assert draft.items[3].cc_response == ""  # its box still holds only the placeholder


def _through_libreoffice(path: Path, tmp_path: Path) -> Path:
    """``path`` opened and saved again as .docx by LibreOffice."""
    out = tmp_path / "lo"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / path.name


def _cell_holding(document, tag: str):  # type: ignore[no-untyped-def]
    """The table cell whose box is titled or tagged ``tag``."""
    for table in document.tables:
        cell = table.cell(0, 0)
        if f'w:val="{tag}"' in cell._tc.xml:
            return cell
    raise AssertionError(f"no box {tag}")


def test_text_typed_outside_the_boxes_is_listed_not_dropped(tmp_path: Path) -> None:
    document = Document(str(_request(tmp_path)))
    fill_box(document, "s55tui:recommendation:1", [("", [("We accept this.", "")])])
    document.add_paragraph("PS: the second answer is in the covering email.")  # below the last box
    reply = tmp_path / "reply.docx"
    document.save(str(reply))
    draft = _draft()
    found = read_reply(reply, draft)
    # the request's own words (its note, each item's text, its headings) are not listed
    assert found.unplaced == ["PS: the second answer is in the covering email."]
    assert found.answers[("recommendation", "1")] == "We accept this."


def test_retyped_headings_in_bold_or_with_a_title_start_their_item(tmp_path: Path) -> None:
    reply = tmp_path / "retyped.docx"
    document = Document()
    for heading, answer in (
        ("Recommendation 1", "Answer to one."),
        ("Recommendation 2 – answer times", "Answer to two."),
        ("Cause of concern 1: 101 calls", "Answer to the concern."),
    ):
        document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph(answer)
    document.add_paragraph("Area for improvement 4 is already done, as the report says.")  # not a heading
    document.save(str(reply))
    draft = _draft()
    found = read_reply(reply, draft)
    assert found.answers[("recommendation", "1")] == "Answer to one."
    assert found.answers[("recommendation", "2")] == "Answer to two."
    assert found.answers[("cause-of-concern", "1")] == (
        "Answer to the concern.\n\nArea for improvement 4 is already done, as the report says."
    )


def test_numbers_with_a_point_are_items_of_their_own(tmp_path: Path) -> None:
    draft = parse_draft(
        DRAFT.replace('number = "3"', 'number = "1.1"').replace('to = ["pccs"]', 'to = ["all"]')
    ).draft
    reply = tmp_path / "retyped.docx"
    write_fresh_reply(
        reply,
        [
            ("Heading 2", "Recommendation 1"),
            ("", "One."),
            ("Heading 2", "Recommendation 1.1"),
            ("", "One point one."),
        ],
    )
    found = read_reply(reply, draft)
    assert found.answers[("recommendation", "1")] == "One."
    assert found.answers[("recommendation", "1.1")] == "One point one."


def test_a_paragraph_numbered_by_hand_comes_back_as_written(tmp_path: Path) -> None:
    reply = tmp_path / "retyped.docx"
    write_fresh_reply(
        reply, [("Heading 2", "Recommendation 1"), ("", "1. First, by hand."), ("", "- a dash")]
    )
    answer = read_reply(reply, _draft()).answers[("recommendation", "1")]
    assert answer == "1\\. First, by hand.\n\n\\- a dash"  # printed as typed, not as a list
