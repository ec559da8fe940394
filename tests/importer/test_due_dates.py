"""Due dates read from the deadline an item's own text sets (REPORTS.md section 3).

The words stay in the text; where a date can be worked out (a day, a month, or a period from
the report's publication) it is stored on the item, for the officer to track after publishing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from s55tui.cli.main import main
from s55tui.draftfile import load_draft, save_draft
from s55tui.importer import recognise
from s55tui.importer.due import find_due
from s55tui.model import Draft, Report

PUBLISHED = date(2024, 1, 31)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("By 31 March 2024, chief constables should review ...", date(2024, 3, 31)),
        ("By July 2022, forces should ...", date(2022, 7, 31)),  # a month alone: its last day
        ("Not later than 31 March 2015 the force should ...", date(2015, 3, 31)),
        ("No later than 1st of June 2025, ...", date(2025, 6, 1)),
        ("By the end of September 2023, all forces should ...", date(2023, 9, 30)),
        ("Within three months, the force should ...", date(2024, 4, 30)),  # 31 January + 3 months
        ("Within six months of the date of this report, PCCs should ...", date(2024, 7, 31)),
        ("Within 12 months forces should ...", date(2025, 1, 31)),
        ("Within 28 days, the force should ...", date(2024, 2, 28)),
        ("Immediately, forces should stop ...", None),
        ("With immediate effect, chief constables should ...", None),
        ("By 31 April 2024, forces should ...", None),  # no such day: no date, rather than a wrong one
        ("The force should improve its vetting; it has 40 recommendations from 2019.", None),
    ],
)
def test_the_deadline_in_an_items_text_gives_its_due_date(text: str, due: date | None) -> None:
    found = find_due(text, PUBLISHED)
    assert (found.on if found is not None else None) == due


def test_a_period_counts_from_the_publication_date_and_without_one_gives_no_date() -> None:
    text = "Recommendation 1\n\nWithin three months, the force should publish its waiting times.\n"
    assert recognise(text).items[0].due is None
    within = recognise(text, published=date(2024, 1, 31))
    assert within.items[0].due == date(2024, 4, 30) and not within.doubts
    assert within.items[0].text.startswith("Within three months,")  # the words stay in the text


def test_import_into_a_draft_counts_from_its_publication_date_and_saves_the_due_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.toml"
    save_draft(draft, Draft(report=Report(title="Custody", published=date(2025, 3, 11))))
    source = tmp_path / "report.txt"
    source.write_text(
        "Recommendation 1\n\nWithin three months, the force should record waiting times.\n\n"
        "Recommendation 2\n\nBy 31 March 2026, the force should train all detention officers.\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--into", str(draft), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Recommendation 1: to chief constables (from its text); due 11 June 2025" in out
    assert "due 31 March 2026" in out
    assert [item.due for item in load_draft(draft).draft.items] == [date(2025, 6, 11), date(2026, 3, 31)]
    assert "due = 2025-06-11" in draft.read_text(encoding="utf-8")
