"""Drafts that are odd but readable load, with exactly the warnings in tests/data/odd/expected.toml.

Unknown keys (even ones holding escape codes), a missing format line, a duplicated item,
Windows line endings, a byte-order mark, inline tables, emoji and right-to-left text,
Markdown and template syntax in a response: ``check`` reports each warning on one line and
never exits 2; ``export`` writes every format; an edit saves and reads back the same, with
the officer's unknown keys still there. A 10 MB response loads with a warning and exports.
"""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from folder_state import folder_state
from testdata import DATA, EXAMPLE

from s55tui.cli import main
from s55tui.draftfile import load_draft, save_draft
from s55tui.model import Item

ODD = DATA / "odd"
EXPECTED: dict[str, list[str]] = tomllib.loads((ODD / "expected.toml").read_text(encoding="utf-8"))


def test_the_corpus_is_complete() -> None:
    assert {p.name for p in ODD.glob("*.toml")} - {"expected.toml"} == set(EXPECTED)


@pytest.fixture(params=sorted(EXPECTED))
def odd(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A copy of one odd draft, alone in a folder."""
    path = tmp_path / request.param
    shutil.copyfile(ODD / request.param, path)
    return path


def test_check_gives_each_warning_on_one_line(odd: Path, capsys) -> None:
    before = folder_state(odd.parent)
    assert main(["check", str(odd)]) in (0, 1)
    err = capsys.readouterr().err
    assert err.splitlines() == [f"s55tui: warning: {odd}: {w}" for w in EXPECTED[odd.name]]
    assert folder_state(odd.parent) == before


@pytest.mark.usefixtures("without_programs")  # "every format" without a PDF, on every machine
def test_export_writes_every_format_and_leaves_the_draft(odd: Path, capsys) -> None:
    draft = odd.read_bytes(), odd.stat().st_mtime_ns
    assert main(["export", str(odd)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(odd.with_suffix(f".{f}")) for f in ("md", "docx", "html")
    ]
    assert (odd.read_bytes(), odd.stat().st_mtime_ns) == draft


def test_an_edit_saves_and_reads_back_the_same(odd: Path) -> None:
    loaded = load_draft(odd)
    loaded.draft.response.pcc_reply = "Added after loading."
    loaded.draft.items.append(Item("area-for-improvement", "9", ["pccs"], "Check the panel."))
    save_draft(odd, loaded.draft, loaded_from=odd)
    again = load_draft(odd)
    assert again.draft == loaded.draft
    still = [w for w in EXPECTED[odd.name] if not w.startswith("format: missing")]  # saving writes it
    assert again.warnings == still


@pytest.mark.slow
def test_a_10_mb_response_loads_with_a_warning_and_exports(tmp_path: Path, capsys) -> None:
    paragraph = "The force has reviewed its practice and will report progress to the panel. " * 12
    count = 10_500_000 // (len(paragraph) + 2)
    huge = "\n\n".join([paragraph] * count)
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index('pcc_reply = """') + len('pcc_reply = """')
    path = tmp_path / "huge.toml"
    path.write_text(text[:start] + huge + text[text.index('"""', start) :], encoding="utf-8")
    assert len(huge) > 10 * 1024 * 1024
    draft = path.read_bytes(), path.stat().st_mtime_ns

    assert main(["check", str(path)]) == 1  # Norfolk's real gaps, as for the example itself
    err = capsys.readouterr().err
    assert err == (
        f"s55tui: warning: {path}: response.pcc_reply: {len(huge):,} characters, far longer than any "
        "response; check it holds only what you meant to paste\n"
    )
    assert main(["export", str(path), "--format", "md"]) == 0
    assert path.with_suffix(".md").read_text(encoding="utf-8").count(paragraph.rstrip()) == count
    assert (path.read_bytes(), path.stat().st_mtime_ns) == draft
