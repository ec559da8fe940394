"""The .md file reads in any CommonMark reader (pandoc, GitHub) as s55tui prints it.

s55tui reads a single newline as a line break, as Word does: the report's facts, the lines of
a signature, an address typed in an answer. Plain CommonMark joins such lines into one, so the
exported .md said "Inspection title: ... Date published: ..." on one line. The file now writes
each such break as a hard break.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from markdown_it import MarkdownIt
from text_strategies import texts

from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.export import ExportSettings, render_all
from s55tui.render.mdtext import parser, portable_breaks, prepare_rich

# CommonMark without "breaks", as pandoc and GitHub read it (raw HTML off, as s55tui prints it)
COMMONMARK = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def _draft() -> Draft:
    answer = "We have written to:\nThe Chief Constable\nNorthshire Police HQ\n\nA new paragraph."
    return Draft(
        report=Report(title="An inspection", published=date(2024, 3, 5), grade="Good"),
        office=Office(
            force="Northshire Police", body="Northshire PCC", pcc_title="Police and Crime Commissioner"
        ),
        response=Response(signed_by="A. Commissioner", signed_on=date(2024, 4, 1)),
        items=[Item("recommendation", "1", ["chief-constables"], "Act.", cc_response=answer)],
    )


def test_the_facts_the_signature_and_an_answers_lines_stay_apart_in_plain_commonmark() -> None:
    exported = render_all(_draft(), ["md"], "narrative", ExportSettings())["md"].decode("utf-8")
    page = COMMONMARK.render(exported)
    assert "</strong> An inspection<br />\n<strong>Date published:" in page
    assert "We have written to:<br />\nThe Chief Constable<br />\nNorthshire Police HQ</p>" in page
    assert "A. Commissioner<br />" in page


@settings(max_examples=200, deadline=None)
@given(texts)
def test_any_answer_reads_the_same_in_commonmark_as_in_s55tui(text: str) -> None:
    markdown = str(prepare_rich(text))
    assert COMMONMARK.render(portable_breaks(markdown)) == parser().render(markdown)
