"""Text copied from a PDF viewer and pasted (or saved as .txt): REPORTS.md section 5.

Every printed line ends in a break, words are split across lines, the running header and the
page number land in the middle of a paragraph, bullets come as glyphs and Word's "o", and the
report's numbered paragraphs run on. The paste is recognised as such and joined back.
"""

from __future__ import annotations

import io
from datetime import date

from s55tui.importer import recognise
from s55tui.importer.pdfclean import looks_like_pdf_text
from s55tui.importer.sources import read_source

HEADER = "Joint thematic inspection of the police response to hate crime          "
PASTED = (
    f"{HEADER}14\n"
    "3. Responding to victims\n"
    "3.1 Victims of hate crime told us that the first call mattered most. Many said\n"
    "that call handlers were kind, but too few were asked whether they had been\n"
    "targeted before.\n"
    "3.2 We examined 240 incident records and found the risk of repeat victimisa-\n"
    "tion recorded in fewer than half of them.\n"
    "Recommendation 4\n"
    "By 30 September 2025, chief constables should make sure that call handlers\n"
    "ask every caller reporting hate crime whether they have been targeted before,\n"
    "and that:\n"
    "\u2022 the answer is recorded on the incident log;\n"
    "\uf0b7 repeat victims are referred to a neighbourhood officer within\n"
    f"{HEADER}\n"
    "15\n"
    "two days; and\n"
    "\u2022 supervisors check the referrals weekly, including:\n"
    "o referrals of children; and\n"
    "o referrals of disabled victims.\n"
    "3.3 Some forces had already begun this work. We saw effective practice in two of\n"
    "the forces we visited, where neighbourhood teams met repeat victims in person.\n"
    "4. Next steps\n"
    "4.1 We will ask forces to report their progress in our next annual assessment.\n"
)


def test_a_paste_from_a_pdf_is_known_and_joined_back_into_paragraphs() -> None:
    assert looks_like_pdf_text(PASTED)
    source = read_source("-", stdin=io.BytesIO(PASTED.encode("utf-8")))
    assert "repeat victimisation recorded" in source.text  # the split word joined, hyphen gone
    assert "Joint thematic inspection" not in source.text  # the running header, wherever it fell
    assert "\n15\n" not in source.text  # and the page number


def test_the_item_in_a_pdf_paste_is_whole_and_ends_where_the_report_speaks_again() -> None:
    source = read_source("-", stdin=io.BytesIO(PASTED.encode("utf-8")))
    (item,) = recognise(source.text, published=date(2025, 6, 1)).items
    assert (item.number, item.to, item.due) == ("4", ["chief-constables"], date(2025, 9, 30))
    assert item.text.startswith(
        "By 30 September 2025, chief constables should make sure that call handlers ask"
    )
    assert "- repeat victims are referred to a neighbourhood officer within two days; and" in item.text
    assert item.text.endswith("  - referrals of children; and\n  - referrals of disabled victims.")  # nested
    assert "3.3" not in item.text and "Next steps" not in item.text


def test_text_from_word_or_a_web_page_is_left_as_it_is() -> None:
    typed = "\n\n".join(
        f"Recommendation {n}\n\nBy 30 September 2025, chief constables should act on point {n}."
        for n in range(1, 6)
    )
    assert not looks_like_pdf_text(typed)
    assert read_source("-", stdin=io.BytesIO(typed.encode("utf-8"))).text.strip() == typed.strip()


def test_page_numbers_and_numbered_paragraphs_in_plain_text_end_no_item_badly() -> None:
    text = (
        "Area for improvement 2\n\nThe force should improve how it identifies repeat callers.\n\n"
        "Page 5 of 31\n\nInvestigating crime\n\n"
        "Recommendation 5: The NPCC should review how vetting appeals are heard.\n\n"
        "9.3 We also looked at how forces deal with misconduct.\n"
    )
    assert [i.text for i in recognise(text).items] == [
        "The force should improve how it identifies repeat callers.",
        "The NPCC should review how vetting appeals are heard.",
    ]
