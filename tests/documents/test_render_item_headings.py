"""Every answer is printed under a heading naming its item, in every house style.

The narrative style once left out "Recommendation N:" when an answer mentioned any
"recommendation N" in its text, so the chief constable's answer to recommendation 4 ("with
reference to recommendation 1 ...") ran on under recommendation 1's label: a reader took it for
part of his answer to recommendation 1. The tests read the Markdown and the Word file back: each
answer must follow a heading with its own item's label, and no other item's label between.
"""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.docx_document import build_docx
from s55tui.render.environment import render_markdown

TEMPLATES = ["narrative", "record", "per-recommendation", "letter"]


def _draft() -> Draft:
    """Answers that name other items, a cause of concern and an area for improvement."""
    items = [
        Item("cause-of-concern", "1", ["chief-constables"], "The force does not record crime well."),
        Item(
            "recommendation",
            "1",
            ["chief-constables"],
            "Chief constables should audit crime recording.",
            cc_response="CC-ANSWER-R1: an audit began in May.",
            pcc_response="PCC-ANSWER-R1: I will hold the force to account.",
        ),
        Item(
            "recommendation",
            "4",
            ["chief-constables"],
            "Chief constables should train call handlers.",
            cc_response="CC-ANSWER-R4: as with recommendation 1, and for recommendation 4, training began.",
            pcc_response="PCC-ANSWER-R4: recommendation 4 is in hand; see also recommendation 1.",
        ),
        Item(
            "area-for-improvement",
            "2",
            ["chief-constables"],
            "The force should improve its supervision of investigations.",
            cc_response="CC-ANSWER-AFI2: supervisors review each case in 7 days (recommendation 1 too).",
        ),
    ]
    return Draft(
        report=Report(title="An inspection of crime recording", published=date(2024, 3, 5)),
        office=Office(force="Northshire Police", body="Police and Crime Commissioner for Northshire"),
        response=Response(
            cc_comments="The force welcomes the report.",
            pcc_comments="I welcome the report.",
            pcc_reply="PCC-REPLY: I accept the chief constable's comments.",
        ),
        items=items,
    )


LABELS = ("Cause of concern 1", "Recommendation 1", "Recommendation 4", "Area for improvement 2")


def _owner(lines: list[str], marker: str) -> str:
    """The last item label printed as a heading or label line before the line holding ``marker``."""
    at = next(n for n, line in enumerate(lines) if marker in line)
    for line in reversed(lines[:at]):
        label = next((label for label in LABELS if label in line and len(line) < len(label) + 60), None)
        if label is not None:
            return label
    return ""


EXPECTED = {
    "CC-ANSWER-R1": "Recommendation 1",
    "PCC-ANSWER-R1": "Recommendation 1",
    "CC-ANSWER-R4": "Recommendation 4",
    "PCC-ANSWER-R4": "Recommendation 4",
    "CC-ANSWER-AFI2": "Area for improvement 2",
}


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_answer_follows_a_heading_naming_its_own_item(template: str) -> None:
    markdown = render_markdown(_draft(), template)
    for marker, label in EXPECTED.items():
        lines = [line for line in markdown.splitlines() if line.startswith("#") or marker in line]
        assert _owner(lines, marker) == label, f"{marker} is printed under {_owner(lines, marker)!r}"


@pytest.mark.parametrize("template", TEMPLATES)
def test_in_word_each_answers_item_is_a_real_heading(template: str) -> None:
    document = docx.Document(
        io.BytesIO(build_docx(render_markdown(_draft(), template), REFERENCE_DOCX, "T", "Northshire OPCC"))
    )
    lines = [
        p.text
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or any(marker in p.text for marker in EXPECTED)
    ]
    for marker, label in EXPECTED.items():
        assert _owner(lines, marker) == label, f"{marker} is under {_owner(lines, marker)!r} in Word"


def test_the_narrative_lists_each_kind_under_its_own_heading_and_heads_the_reply() -> None:
    markdown = render_markdown(_draft(), "narrative")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    cause, recommendations, area = (
        headings.index("## Causes of concern"),
        headings.index("## Recommendations"),
        headings.index("## Areas for improvement"),
    )
    assert cause < headings.index("### Cause of concern 1") < recommendations
    assert recommendations < headings.index("### Recommendation 4") < area
    assert area < headings.index("### Area for improvement 2")
    reply = markdown.index("PCC-REPLY")
    assert markdown.rfind("### Response to the Chief Constable's comments", 0, reply) > markdown.rfind(
        "PCC-ANSWER-R4"
    )
