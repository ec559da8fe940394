"""``s55tui update``: an update appended to the item named, or the day the response was published."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from s55tui.cli.main import main
from s55tui.draftfile import load_draft, save_draft
from s55tui.model import Draft, Item, Report


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "custody.toml"
    draft = Draft(
        report=Report(title="Custody inspection", published=date(2025, 1, 6)),
        items=[
            Item(number="1", to=["chief-constables"]),
            Item(kind="area-for-improvement", number="2", to=["chief-constables"]),
        ],
    )
    save_draft(target, draft)
    return target


def test_an_update_is_appended_to_the_item_named(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["update", str(path), "AFI 2", "--status", "in-progress", "--text", "Begun.", "--on", "2025-04-01"]
    assert main(args) == 0
    args = ["update", str(path), "area for improvement 2", "--status", "complete", "--text", "Done."]
    assert main([*args, "--on", "2025-06-01", "--evidence", "report.pdf"]) == 0
    assert main(["update", str(path), "--published", "2025-03-02"]) == 0
    draft = load_draft(path).draft
    assert [(u.on, u.status, u.text, u.evidence) for u in draft.items[1].updates] == [
        (date(2025, 4, 1), "in-progress", "Begun.", []),
        (date(2025, 6, 1), "complete", "Done.", ["report.pdf"]),
    ]
    assert draft.items[1].status == "complete" and draft.items[0].updates == []
    assert draft.response.published == date(2025, 3, 2)
    assert "Saved" in capsys.readouterr().out


def test_an_item_not_in_the_draft_is_named_and_nothing_changes(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = path.read_bytes()
    assert main(["update", str(path), "Recommendation 9", "--status", "complete", "--text", "x"]) == 2
    err = capsys.readouterr().err
    assert "no item “Recommendation 9”" in err and "Recommendation 1, Area for improvement 2" in err
    assert path.read_bytes() == before
