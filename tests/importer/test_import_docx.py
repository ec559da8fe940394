"""Word documents built by the test: a report with headings and Word lists, and a record-form table."""

from __future__ import annotations

import sys
from pathlib import Path

from testdata import DATA as TEST_DATA

from s55tui.importer import recognise
from s55tui.importer.sources import read_source

DATA = TEST_DATA / "import"
sys.path.insert(0, str(DATA))
import build_fixtures as report  # noqa: E402

sys.path.remove(str(DATA))


def test_report_docx_gives_every_item_with_its_whole_text(tmp_path: Path) -> None:
    source = read_source(report.report_docx(tmp_path / "report.docx"))
    assert source.kind == "docx"
    result = recognise(source.text, source.label)
    items = {(f.item.kind, f.item.number): f.item for f in result.found}
    assert list(items) == [
        *(("recommendation", str(n)) for n in range(1, 9)),
        ("area-for-improvement", "1"),
        ("area-for-improvement", "2"),
    ]
    assert items["recommendation", "1"].text == "\n\n".join(report.REC1)
    assert items["recommendation", "1"].notes == "\n".join(f"- {note}" for note in report.REC1_NOTES)
    assert items["recommendation", "4"].text == (
        f"{report.REC4_INTRO}\n\nThey should:\n\n"
        + "\n".join(f"- {bullet}" for bullet in report.REC4_BULLETS)
    )
    assert items["recommendation", "5"].to == ["chief-constables", "pccs"]
    assert items["recommendation", "7"].to == ["national"]
    # Word numbers the areas for improvement itself; the numbers are read from its list definition.
    assert items["area-for-improvement", "2"].text == report.AFIS[1]
    assert result.unplaced == [] and result.doubts == []


def test_record_form_table_gives_the_item_and_not_the_response(tmp_path: Path) -> None:
    source = read_source(report.record_docx(tmp_path / "record.docx"))
    result = recognise(source.text, source.label)
    assert [(f.item.number, f.item.to, f.item.text) for f in result.found] == [("6", ["pccs"], report.REC6)]


def test_a_docx_with_a_wrong_extension_is_still_read_as_word(tmp_path: Path) -> None:
    path = report.record_docx(tmp_path / "record.docx").rename(tmp_path / "record.dat")
    assert read_source(path).kind == "docx"
