"""The importer never fails on what an officer can paste: any text, any bytes, any PDF page text.

Whatever comes in, ``recognise`` returns what it found (possibly nothing); merging that into
a draft gives a draft that saves and reads back; a paste of arbitrary bytes is either read
(and what is found in it is clean text, with no carriage return or control character) or
refused with one ``S55Error`` line;
the PDF clean-up gives clean lines from any page text, and on a page with no page number it
keeps every letter and digit of the page, in order.
"""

from __future__ import annotations

import io
import re
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from text_strategies import report_texts, texts

from s55tui.draftfile import dumps_draft, parse_draft
from s55tui.errors import S55Error
from s55tui.importer import recognise
from s55tui.importer.merge import merge
from s55tui.importer.pdfclean import clean_pages
from s55tui.importer.sources import read_source
from s55tui.model import Draft, Item, Report
from s55tui.textclean import clean_text

# What a reader would never see in a text: every control character but the newline and the tab.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A printed page number as PDF text gives it ("12", "Page 3 of 40", "- 7 -"): dropped at a page's edge.
PAGE_NUMBER = re.compile(
    r"(?i)\s*(?:page\s+)?\d+(?:\s*(?:of|/)\s*\d+)?\s*|\s*[-\u2013\u2014]\s*\d+\s*[-\u2013\u2014]\s*"
)
# Characters a PDF's text carries that the clean-up turns into others (ligatures) or removes.
PDF_SPECIALS = "\ufb00\ufb01\ufb02\ufb03\ufb04\u00ad\u200b\ufeff"


def letters_and_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


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
def test_a_paste_of_any_bytes_is_read_and_gives_clean_items_or_is_refused_in_one_line(data: bytes) -> None:
    try:
        source = read_source("-", stdin=io.BytesIO(data))
    except S55Error as error:
        assert str(error).startswith("pasted text: ")
        assert "\n" not in str(error)
        return
    assert source.label == "pasted text"
    for found in recognise(source.text, source.label).found:
        assert "\r" not in found.item.text and not CONTROL.search(found.item.text)
        assert 1 <= found.line <= source.text.count("\n") + 1  # the line it names is in the paste


@settings(max_examples=100, deadline=None)
@given(st.lists(report_texts, max_size=5))
def test_any_pdf_page_text_is_cleaned_into_plain_lines_and_recognised(pages: list[str]) -> None:
    text = clean_pages(pages)
    assert text.endswith("\n") and "\r" not in text and not CONTROL.search(text)
    for found in recognise(text, "report.pdf").found:
        assert found.item.text == found.item.text.strip("\n")


@settings(max_examples=150, deadline=None)
@given(report_texts)
def test_one_page_without_a_page_number_keeps_every_letter_and_digit_in_order(page: str) -> None:
    """Joining broken lines, bullets and headings move only spaces and marks, never a word."""
    assume(not any(ch in page for ch in PDF_SPECIALS))
    assume(not any(PAGE_NUMBER.fullmatch(line) for line in clean_text(page).split("\n")))
    assert letters_and_digits(clean_pages([page])) == letters_and_digits(clean_text(page))
