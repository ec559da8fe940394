"""The importer never fails on what an officer can paste: any text, any bytes, any PDF page text.

Whatever comes in, ``recognise`` returns what it found (possibly nothing); merging that into
a draft gives a draft that saves and reads back; a paste of arbitrary bytes is either read
or refused with one ``S55Error`` line; the PDF clean-up accepts any page text.
"""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from text_strategies import report_texts, texts

from s55tui.draftfile import dumps_draft, parse_draft
from s55tui.errors import S55Error
from s55tui.importer import recognise
from s55tui.importer.merge import merge
from s55tui.importer.pdfclean import clean_pages
from s55tui.importer.sources import read_source
from s55tui.model import Draft, Item, Report


@settings(max_examples=150, deadline=None)
@given(report_texts)
def test_any_text_is_recognised_merged_and_saved_without_an_error(text: str) -> None:
    result = recognise(text, "pasted text")
    for found in result.found:
        assert found.item.number.strip() == found.item.number
        assert "\r" not in found.item.text
    draft = Draft(Report(title="Safe to share?", published=date(2020, 12, 17)), items=[Item(number="1")])
    merge(draft, [found.item for found in result.found])
    again = parse_draft(dumps_draft(draft)).draft
    assert [(i.kind, i.number) for i in again.items] == [(i.kind, i.number) for i in draft.items]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_a_paste_of_any_bytes_is_read_or_refused_in_one_line(data: bytes) -> None:
    try:
        source = read_source("-", stdin=io.BytesIO(data))
    except S55Error as error:
        assert str(error).startswith("pasted text: ")
        assert "\n" not in str(error)
    else:
        recognise(source.text, source.label)


@settings(max_examples=100, deadline=None)
@given(st.lists(report_texts, max_size=5))
def test_any_pdf_page_text_is_cleaned_and_recognised(pages: list[str]) -> None:
    recognise(clean_pages(pages), "report.pdf")
