"""The app exports in a child process (so typing never waits for it): the files it writes are
the ones the command line writes, and a refusal reaches the officer as the same one line."""

from __future__ import annotations

import asyncio
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from testdata import DATA

from s55tui.draftfile import load_draft
from s55tui.errors import S55Error
from s55tui.render.export import ExportSettings, export
from s55tui.render.export_process import export_in_child

SETTINGS = ExportSettings(today=date(2026, 1, 15))


def _draft(tmp_path: Path, folder: str) -> Path:
    (tmp_path / folder).mkdir()
    path = tmp_path / folder / "custody.toml"
    shutil.copy(DATA / "render" / "letter-custody.toml", path)
    return path


def test_the_child_writes_what_the_command_line_writes(tmp_path: Path) -> None:
    here, there = _draft(tmp_path, "here"), _draft(tmp_path, "child")
    draft = load_draft(here).draft
    export(draft, here, ("md", "html", "docx"), settings=SETTINGS)
    written = asyncio.run(export_in_child(draft, there, ("md", "html", "docx"), SETTINGS))
    assert written == [there.with_suffix(".md"), there.with_suffix(".html"), there.with_suffix(".docx")]
    for fmt in ("md", "html"):
        assert there.with_suffix(f".{fmt}").read_bytes() == here.with_suffix(f".{fmt}").read_bytes()
    assert there.with_suffix(".docx").read_bytes()[:2] == b"PK"


def test_a_refusal_comes_back_as_the_same_one_line(tmp_path: Path) -> None:
    path = _draft(tmp_path, "here")
    draft = load_draft(path).draft
    settings = ExportSettings(templates=tmp_path / "no such folder", today=date(2026, 1, 15))
    with pytest.raises(S55Error) as in_process:
        export(draft, path, ("md",), settings=settings)
    with pytest.raises(S55Error) as in_child:
        asyncio.run(export_in_child(draft, path, ("md",), settings))
    assert str(in_child.value) == str(in_process.value)
    assert "no such folder: the office templates folder does not exist" in str(in_child.value)
    assert sorted(p.name for p in path.parent.iterdir()) == ["custody.toml"]


def test_a_child_that_cannot_start_or_dies_is_one_line_naming_the_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _draft(tmp_path, "here")
    draft = load_draft(path).draft
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    with pytest.raises(S55Error, match=r"custody\.toml: the export could not start: "):
        asyncio.run(export_in_child(draft, path, ("md",), SETTINGS))
    quits = tmp_path / "quits"
    quits.write_text("#!/bin/sh\necho 'out of memory' >&2\nexit 3\n", encoding="utf-8")
    quits.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(quits))
    with pytest.raises(S55Error) as stopped:
        asyncio.run(export_in_child(draft, path, ("md",), SETTINGS))
    assert str(stopped.value) == f"{path}: the export stopped before it finished (exit 3): out of memory"
    assert sorted(p.name for p in path.parent.iterdir()) == ["custody.toml"]
