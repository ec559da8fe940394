"""The letter house style: a letter to the Home Secretary in the order letter-style offices use.

Surrey, West Mercia and Warwickshire publish a letter: the commissioner's overall comments
first, then the chief constable's comments quoted, each item with its answers, the
commissioner's reply to the chief constable, and a signature with name, title and date. The
draft here is our own (``letter-custody.toml``), in the shape of a custody inspection.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from testdata import DATA

from s55tui.draftfile import load_draft
from s55tui.errors import S55Error
from s55tui.model import Draft, Office, Report, Response
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.docx_document import build_docx
from s55tui.render.environment import prints_checklist, render_markdown, template_sections

LETTER = DATA / "render" / "letter-custody.toml"


def _letter() -> Draft:
    return load_draft(LETTER).draft


def test_the_letter_runs_in_the_order_letter_style_offices_print() -> None:
    markdown = render_markdown(_letter(), "letter")
    order = [
        "The Home Secretary",  # the addressee block, by default the Home Secretary's
        "Dear Home Secretary,",
        "I welcome this inspection.",  # the commissioner's overall comments come first
        "I asked the Chief Constable for comments on the report.",
        "## Comments of the Chief Constable",
        "> The force accepts the findings.",  # quoted
        "### Cause of concern 1",
        "#### Chief Constable's response to cause of concern 1",
        "#### PFCC's response to cause of concern 1",
        "### Recommendation 1.1",
        "### Area for improvement 2",
        "## Response to the Chief Constable's comments",
        "Yours sincerely,",
        "Alex Morgan",
        "Police, Fire and Crime Commissioner for Westshire",
        "2 May 2025",
    ]
    at = 0
    for text in order:  # each after the one before
        found = markdown.find(text, at)
        assert found >= 0, f"{text!r} is not after {markdown[max(0, at - 60) : at]!r}"
        at = found + len(text)
    assert "For office use only" not in markdown  # a letter prints no office-use checklist


def test_the_letter_goes_to_whoever_the_office_names_with_a_greeting_that_fits() -> None:
    draft = Draft(
        report=Report(title="An inspection", published=date(2025, 3, 11)),
        office=Office(letter_to="HM Chief Inspector of Constabulary\nHMICFRS\n\n  Globe House  "),
        response=Response(template="letter"),
    )
    markdown = render_markdown(draft, "letter")
    assert (
        "HM Chief Inspector of Constabulary\nHMICFRS\nGlobe House\n" in markdown
    )  # a line each, blanks dropped
    assert "Home Office" not in markdown
    assert "Dear Sir or Madam," in markdown
    draft.office.greeting = "Dear Sir Andy,"
    assert "Dear Sir Andy," in render_markdown(draft, "letter")


def test_in_word_the_letter_has_real_headings_and_quotes_the_chief_constable() -> None:
    document = docx.Document(
        io.BytesIO(build_docx(render_markdown(_letter(), "letter"), REFERENCE_DOCX, "T", "A"))
    )
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert ("Heading 2", "Comments of the Chief Constable") in headings
    assert ("Heading 3", "Area for improvement 2") in headings
    assert ("Heading 4", "PFCC's response to area for improvement 2") in headings
    quoted = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert "The force accepts the findings. Since the inspection we have:" in quoted
    assert "We will publish the waiting times each month." in quoted
    # the list in the quotation stays in it: indented past the quotation's margin
    item = next(p for p in document.paragraphs if p.text == "appointed a custody inspector for each suite;")
    margin = document.styles["Quote"].paragraph_format.left_indent
    assert item.paragraph_format.left_indent > margin
    assert not document.styles["Quote"].font.italic  # upright: a long italic passage is hard to read
    signature = next(p.text for p in document.paragraphs if p.text.startswith("Alex Morgan"))
    assert signature.split("\n") == [
        "Alex Morgan",
        "Police, Fire and Crime Commissioner for Westshire",
        "2 May 2025",
    ]


def test_a_template_says_which_sections_it_prints_and_the_checklist_is_optional(tmp_path: Path) -> None:
    assert template_sections("letter") == [
        "letter-head",
        "opening",
        "cc-comments",
        "items",
        "closing",
        "signature",
    ]
    assert not prints_checklist("letter")
    assert template_sections("narrative") is None and prints_checklist("narrative")
    ours = tmp_path / "templates"
    ours.mkdir()
    (ours / "short-letter.md.j2").write_text(
        '{% set sections = ["letter-head", "items", "signature", "checklist"] %}\n'
        '{% for section in sections %}{% include "sections/" ~ section ~ ".md.j2" %}{% endfor %}\n',
        encoding="utf-8",
    )
    assert prints_checklist("short-letter", ours)
    markdown = render_markdown(_letter(), "short-letter", ours)
    assert (
        markdown.index("### Cause of concern 1")
        < markdown.index("Yours sincerely,")
        < markdown.index("## For office use only")
    )
    assert "- \u2610 Copy sent to the Home Secretary (not done yet)" in markdown
    assert "Comments of the Chief Constable" not in markdown  # the section it left out


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            '{% set sections = "items" %}\n',
            r"ours\.md\.j2:1: sections must be a list of section names in quotes",
        ),
        (
            "\n{% set sections = [items] %}\n",
            r"ours\.md\.j2:2: sections must be a list of section names in quotes",
        ),
        (
            '{% set sections = ["items", "epilogue"] %}\n'
            '{% for s in sections %}{% include "sections/" ~ s ~ ".md.j2" %}{% endfor %}\n',
            r"ours\.md\.j2:2: template error: no section called 'epilogue'",
        ),
    ],
)
def test_a_wrong_sections_list_is_one_line_naming_the_file_and_line(
    tmp_path: Path, source: str, message: str
) -> None:
    (tmp_path / "ours.md.j2").write_text(source, encoding="utf-8")
    with pytest.raises(S55Error, match=message):
        template_sections("ours", tmp_path)
        render_markdown(_letter(), "ours", tmp_path)
