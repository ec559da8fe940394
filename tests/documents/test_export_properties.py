"""Export never fails on what an officer can type: any text in any field, every template, every format.

Each example is a draft whose every text field holds its own awkward text (control
characters, lone surrogates, Markdown and HTML that surprise, template syntax, report
headings, arbitrary Unicode); each built-in template renders it to Markdown, Word and HTML
without an exception, the Word file opens again, and the report's title is printed, as typed,
in all three.
"""

from __future__ import annotations

import html
import io
import re
from datetime import date

import docx
import docx.document
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from text_strategies import texts

from s55tui.model import ChecklistEntry, Draft, Item, Office, Report, Response
from s55tui.render.catalogue import DESCRIPTIONS
from s55tui.render.export import ExportSettings, render_all
from s55tui.render.formats import EVERY
from s55tui.render.mdtext import escape_plain, plain_text
from s55tui.textclean import clean_line
from s55tui.vocab import ADDRESSEES, ITEM_KINDS, REPORT_TYPES, STATUSES

TEMPLATES = sorted(DESCRIPTIONS)


@st.composite
def items(draw: st.DrawFn) -> Item:
    return Item(
        kind=draw(st.sampled_from(sorted(ITEM_KINDS))),
        number=draw(texts) or "1",
        to=draw(st.lists(st.sampled_from(sorted(ADDRESSEES)), min_size=1, max_size=3, unique=True)),
        text=draw(texts),
        notes=draw(texts),
        intro=draw(texts),
        cc_response=draw(texts),
        pcc_response=draw(texts),
        status=draw(st.sampled_from(sorted(STATUSES))),
    )


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    return Draft(
        Report(
            title=draw(texts),
            type=draw(st.sampled_from(sorted(REPORT_TYPES))),
            published=draw(st.dates(date(1900, 1, 1), date(2199, 12, 31))),
            inspectorate=draw(texts),
            url=draw(texts),
            summary=draw(texts),
            grade=draw(texts),
        ),
        Office(*(draw(texts) for _ in range(7))),
        Response(
            template="narrative",
            version=draw(texts),
            cc_comments=draw(texts),
            pcc_comments=draw(texts),
            pcc_reply=draw(texts),
            signed_by=draw(texts),
            signed_on=draw(st.none() | st.dates(date(1900, 1, 1), date(2199, 12, 31))),
        ),
        items=draw(st.lists(items(), max_size=3)),
        checklist=[ChecklistEntry(draw(texts), draw(st.booleans()), draw(st.none() | st.dates()))],
    )


def words(text: str) -> str:
    return " ".join(text.split())


def html_words(page: bytes) -> str:
    """The words of a web page's body as a browser shows them."""
    body = page.decode("utf-8").split("<body", 1)[1]
    return words(html.unescape(re.sub(r"<[^>]*>", " ", body)))


def docx_words(document: docx.document.Document) -> str:
    """The words of a Word file's paragraphs and of its tables' cells (the record's rows)."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return words("\n".join([paragraph.text for paragraph in document.paragraphs] + cells))


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_every_template_exports_any_text_to_every_format(draft: Draft) -> None:
    title = words(clean_line(draft.report.title))
    for template in TEMPLATES:
        out = render_all(draft, EVERY, template, ExportSettings())  # the PDF is the .docx, converted
        assert title in words(plain_text(out["md"].decode("utf-8")))
        assert out["html"].startswith(b'<!DOCTYPE html>\n<html lang="en-GB">')
        assert title in html_words(out["html"])
        document = docx.Document(io.BytesIO(out["docx"]))  # Word can open what was written
        assert title in docx_words(document)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_a_plain_field_prints_exactly_as_typed(title: str) -> None:
    """Titles and names are escaped: whatever Markdown they contain is shown, never obeyed."""
    typed = " ".join(clean_line(title).split())
    assert " ".join(plain_text(escape_plain(title)).split()) == typed
