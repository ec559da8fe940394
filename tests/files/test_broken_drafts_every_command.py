"""Every broken draft in tests/data/broken, through every command that reads a draft.

``check``, ``export`` and ``import --into`` each print the draft's one-line message from
``expected.toml`` to stderr and exit 2; nothing in the folder changes (no backup, no export,
no temporary file, not even a modification time). Each broken file is copied into a fresh
folder first, so a command that wrongly succeeded could not write into the repository.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from folder_state import folder_state
from testdata import DATA

from s55tui.cli import main

BROKEN = DATA / "broken"
EXPECTED: dict[str, str] = tomllib.loads((BROKEN / "expected.toml").read_text(encoding="utf-8"))
REPORT_TEXT = "Recommendation 1. To chief constables\n\nStop sharing information.\n"

COMMANDS = {
    "check": ["check", "{draft}"],
    "export": ["export", "{draft}"],
    "import-into": ["import", "{source}", "--into", "{draft}", "--yes"],
}


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A folder holding a report to import from; each test adds its broken draft."""
    (tmp_path / "report.txt").write_text(REPORT_TEXT, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_command_gives_the_one_line_and_changes_nothing(
    name: str, command: str, place: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = place / name
    shutil.copyfile(BROKEN / name, draft)
    before = folder_state(place)
    args = [a.format(draft=draft, source=place / "report.txt") for a in COMMANDS[command]]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert err == f"s55tui: {draft}{EXPECTED[name]}\n"
    if command != "import-into":  # import shows what it found in the report before it opens the draft
        assert out == ""
    assert folder_state(place) == before
