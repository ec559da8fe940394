"""A PEEL-shaped report read from Word and from PDF gives the same items (REPORTS.md sections 1 and 5).

The report (ours, built by ``tests/data/import/build_fixtures.py``; the PDF made from it once with
LibreOffice and committed) holds a cause of concern with its recommendation as a stem and
bullets, areas for improvement as bullets under their heading and one numbered, paragraph
numbers, footnote marks, a running header and page numbers, and a findings chapter after them.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from testdata import DATA

from s55tui.importer import recognise
from s55tui.importer.sources import read_source

sys.path.insert(0, str(DATA / "import"))
import build_fixtures as fixtures

PUBLISHED = date(2024, 5, 1)
EXPECTED = [
    ("cause-of-concern", "1", [], None, fixtures.PEEL_COC),
    (
        "recommendation",
        "1",
        ["chief-constables"],
        date(2024, 8, 1),
        "\n".join([fixtures.PEEL_REC_STEM, *(f"- {text}" for text in fixtures.PEEL_REC_BULLETS)]),
    ),
    ("area-for-improvement", "1", ["chief-constables"], None, fixtures.PEEL_AFI_BULLETS[0]),
    ("area-for-improvement", "2", ["chief-constables"], None, fixtures.PEEL_AFI_BULLETS[1]),
    ("area-for-improvement", "3", ["chief-constables"], date(2025, 3, 31), fixtures.PEEL_AFI_3),
]


def _items(path: Path) -> list[tuple]:
    found = recognise(read_source(path).text, published=PUBLISHED).items
    # Word keeps a blank line between a stem and its bullets, the PDF none: the same Markdown
    return [(i.kind, i.number, i.to, i.due, i.text.replace(":\n\n- ", ":\n- ")) for i in found]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_peel_report_gives_each_item_whole_from_word_and_from_pdf(tmp_path: Path, kind: str) -> None:
    path = fixtures.peel_docx(tmp_path / "peel.docx") if kind == "docx" else DATA / "import" / "peel.pdf"
    assert _items(path) == EXPECTED


def test_nothing_of_the_running_header_page_numbers_or_findings_reaches_an_item() -> None:
    for item in recognise(read_source(DATA / "import" / "peel.pdf").text).items:
        assert "PEEL 2024" not in item.text and "Page" not in item.text and "4." not in item.text
