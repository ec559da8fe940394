"""The tracker over a folder of drafts: every RAG case, a broken draft, and each format read back."""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from s55tui.cli.main import main
from s55tui.tracker import AMBER, CLOSED, GREEN, RED, tracker_rows

TODAY = date(2025, 9, 1)

CUSTODY = """format = 1
[report]
title = "Custody inspection"
published = 2025-01-06
[response]
published = 2025-03-02

[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables"]
due = 2025-06-30                 # past, not closed: red

[[items]]
kind = "recommendation"
number = "2"
to = ["chief-constables"]
due = 2025-09-20                 # within 30 days: amber

[[items]]
kind = "recommendation"
number = "3"
to = ["chief-constables"]
due = 2025-06-30                 # past, but complete: closed
[[items.updates]]
on = 2025-06-10
status = "complete"
text = "New cells opened."

[[items]]
kind = "area-for-improvement"
number = "1"
to = ["chief-constables"]        # no due date; last update in April, over 90 days ago: amber
[[items.updates]]
on = 2025-04-01
status = "in-progress"
text = "Plan agreed."
"""

STALKING = """format = 1
[report]
title = "Police response to stalking"
published = 2025-07-01

[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables", "pccs"]
due = 2026-03-31                 # far off, response not yet published: green
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "custody.toml").write_text(CUSTODY, encoding="utf-8")
    (tmp_path / "stalking.toml").write_text(STALKING, encoding="utf-8")
    (tmp_path / "broken.toml").write_text('[report]\ntitle = "Vetting\n', encoding="utf-8")
    (tmp_path / "s55tui.toml").write_text("[office]\n", encoding="utf-8")  # a profile, not a draft
    return tmp_path


def test_every_item_is_rated_and_the_most_urgent_come_first(folder: Path) -> None:
    rows = tracker_rows(folder, TODAY)
    assert [(r.report, r.item, r.rag) for r in rows] == [
        ("broken.toml", "", ""),
        ("Custody inspection", "Recommendation 1", RED),
        ("Custody inspection", "Recommendation 2", AMBER),
        ("Custody inspection", "Area for improvement 1", AMBER),
        ("Police response to stalking", "Recommendation 1", GREEN),
        ("Custody inspection", "Recommendation 3", CLOSED),
    ]
    broken = rows[0]
    assert broken.error.startswith("broken.toml:2:")
    done = rows[-1]
    assert (done.status, done.last_update, done.last_update_on, done.days_open) == (
        "complete",
        "New cells opened.",
        date(2025, 6, 10),
        155,  # 6 January to 10 June: the day it was closed, not today
    )
    assert [r.item for r in tracker_rows(folder, TODAY, open_only=True)][-1] == "Recommendation 1"


def test_the_spreadsheet_has_a_header_filters_a_frozen_row_and_real_dates(
    folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "tracker.xlsx"
    target.parent.mkdir()
    with redirect_stdout(io.StringIO()):
        assert (
            main(["tracker", str(folder), "--format", "xlsx", "-o", str(target), "--today", "2025-09-01"])
            == 0
        )
    sheet = load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["Report", "Published", "Item"] and header[-1] == "RAG"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:J7"
    second = [cell.value for cell in sheet[3]]
    assert second[0] == "Custody inspection" and second[2] == "Recommendation 1"
    assert second[1].date() == date(2025, 1, 6) and second[4].date() == date(2025, 6, 30)
    assert second[-1] == "Red"
    assert sheet[2][6].value.startswith("broken.toml:2:")  # the reason, in the last update's column
    assert sheet.column_dimensions["A"].width >= 40


def test_csv_and_markdown_say_the_same(folder: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["tracker", str(folder), "--format", "csv", "--today", "2025-09-01"]) == 0
    table = list(csv.reader(io.StringIO(out.getvalue())))
    assert table[0][0] == "Report" and len(table) == 7
    assert table[2][:5] == [
        "Custody inspection",
        "2025-01-06",
        "Recommendation 1",
        "chief constables",
        "2025-06-30",
    ]
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["tracker", str(folder), "--format", "md", "--today", "2025-09-01"]) == 0
    assert (
        "| Custody inspection | 6 Jan 2025 | Recommendation 1 | chief constables | 30 Jun 2025 | Open |"
        in (out.getvalue())
    )


def test_a_folder_that_is_not_there_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tracker", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err == f"s55tui: {tmp_path / 'nowhere'}: no such folder\n"


def test_an_update_dated_after_the_day_asked_for_is_not_counted_yet(folder: Path) -> None:
    as_at = {(r.report, r.item): r for r in tracker_rows(folder, date(2025, 5, 1)) if not r.error}
    closed_later = as_at[("Custody inspection", "Recommendation 3")]
    assert (closed_later.status, closed_later.last_update, closed_later.rag) == ("open", "", GREEN)
    assert as_at[("Custody inspection", "Area for improvement 1")].status == "in-progress"  # 1 April: counted
