"""Text extracted from PDFs: broken lines, page furniture, bullets; and a real PDF made by LibreOffice."""

from __future__ import annotations

from testdata import DATA as TEST_DATA

from s55tui.importer import recognise
from s55tui.importer.pdfclean import clean_pages
from s55tui.importer.sources import read_source

DATA = TEST_DATA / "import"
WIDE = "x" * 70  # a full-width line, so the page width is known

PAGE_1 = """Safe to share? A super-complaint report
Recommendation 1
To chief constables
As an interim measure, where officers only have concerns or doubts about a
victim\u2019s immigration status, we recommend that they immediately stop sharing
information \u2013 as required.
This applies where police officers have doubts.
www.justiceinspectorates.gov.uk/hmicfrs
12"""
PAGE_2 = """Safe to share? A super-complaint report
Recommendation 4
To chief constables
They should:
\u2022 ensure there is a proper policy and practice framework in place for
officers to work within;
\u2022 promote \u201cawareness\u201d within their forces of any existing pathways to
specialist organisations.
www.justiceinspectorates.gov.uk/hmicfrs
13"""
PAGE_3 = """Safe to share? A super-complaint report
About the investigation
We looked at the practice of forty-three forces in England and Wales in the
course of the year.
www.justiceinspectorates.gov.uk/hmicfrs
Page 14 of 20"""


def test_page_furniture_goes_and_broken_sentences_are_joined() -> None:
    text = clean_pages([PAGE_1, PAGE_2, PAGE_3])
    assert "Safe to share? A super-complaint" not in text
    assert "justiceinspectorates" not in text
    assert "\n12\n" not in text and "Page 14" not in text and not text.rstrip().endswith("13")
    assert (
        "As an interim measure, where officers only have concerns or doubts about a victim\u2019s "
        "immigration status, we recommend that they immediately stop sharing information \u2013 as "
        "required.\n\nThis applies where police officers have doubts."
    ) in text


def test_bullets_become_markdown_and_quotes_and_dashes_are_kept() -> None:
    text = clean_pages([PAGE_1, PAGE_2, PAGE_3])
    assert (
        "They should:\n"
        "- ensure there is a proper policy and practice framework in place for officers to work within;\n"
        "- promote \u201cawareness\u201d within their forces of any existing pathways to specialist "
        "organisations."
    ) in text


def test_items_from_pdf_text_end_at_the_next_chapter() -> None:
    result = recognise(clean_pages([PAGE_1, PAGE_2, PAGE_3]))
    items = {f.item.number: f.item for f in result.found}
    assert list(items) == ["1", "4"]
    assert items["1"].to == items["4"].to == ["chief-constables"]
    assert items["4"].text.endswith("specialist organisations.")
    assert "forty-three forces" not in items["4"].text


def test_a_lone_bullet_glyph_joins_its_line_and_ligatures_are_spelt_out() -> None:
    text = clean_pages([f"{WIDE}\nThey should:\n\u2022\n\ufb01nd the o\ufb03cers.\nEnd of list."])
    assert "They should:\n- find the officers.\n\nEnd of list." in text


def test_a_single_page_keeps_its_first_line() -> None:
    assert clean_pages(["Recommendation 1\nChief constables should act."]).startswith("## Recommendation 1")


def test_the_committed_pdf_fixture_gives_every_item_with_addressees() -> None:
    source = read_source(DATA / "report.pdf")
    assert source.kind == "pdf"
    result = recognise(source.text, source.label)
    assert [(f.item.kind, f.item.number) for f in result.found] == [
        *(("recommendation", str(n)) for n in range(1, 9)),
        ("area-for-improvement", "1"),
        ("area-for-improvement", "2"),
    ]
    assert {f.item.number: f.item.to for f in result.found if f.item.kind == "recommendation"} == {
        "1": ["chief-constables"],
        "2": ["national"],
        "3": ["national"],
        "4": ["chief-constables"],
        "5": ["chief-constables", "pccs"],
        "6": ["pccs"],
        "7": ["national"],
        "8": ["all"],
    }
    assert result.unplaced == [] and result.doubts == []


def test_the_pdf_fixture_text_matches_the_report_word_for_word() -> None:
    import sys

    sys.path.insert(0, str(DATA))
    try:
        import build_fixtures as report
    finally:
        sys.path.remove(str(DATA))
    result = recognise(read_source(DATA / "report.pdf").text)
    items = {(f.item.kind, f.item.number): f.item for f in result.found}

    def words(text: str) -> list[str]:
        return text.split()

    # Paragraph breaks inside a PDF cannot always be told from line ends; the words cannot be lost.
    assert words(items["recommendation", "1"].text) == words(" ".join(report.REC1))
    assert words(items["recommendation", "5"].text) == words(report.REC5)
    assert items["recommendation", "6"].text == report.REC6
    assert items["recommendation", "8"].text == report.REC8
    assert items["recommendation", "4"].text.endswith(
        "They should:\n" + "\n".join(f"- {bullet}" for bullet in report.REC4_BULLETS)
    )
    assert items["recommendation", "1"].notes == "\n".join(f"- {note}" for note in report.REC1_NOTES)
    assert items["area-for-improvement", "2"].text == report.AFIS[1]  # the next chapter is not part of it
    everything = "\n".join(item.text + item.notes for item in items.values())
    for furniture in (report.RUNNING_HEADER, report.FOOTER_URL, "Page "):
        assert furniture not in everything
