"""Broken drafts: each gives one clear line naming the file and the place, and is never changed."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import DATA, EXAMPLE
from text_strategies import texts

from s55tui.cli import main
from s55tui.draftfile import load_draft, parse_draft, save_draft
from s55tui.errors import DraftError

BROKEN = DATA / "broken"
EXPECTED: dict[str, str] = tomllib.loads((BROKEN / "expected.toml").read_text(encoding="utf-8"))


def test_the_corpus_is_complete() -> None:
    files = {p.name for p in BROKEN.glob("*.toml")} - {"expected.toml"}
    assert files == set(EXPECTED)
    assert len(files) >= 55


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_gives_its_exact_message(name: str) -> None:
    path = BROKEN / name
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert str(caught.value) == f"{path}{EXPECTED[name]}"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_prints_one_line_exits_2_and_leaves_the_file_alone(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = BROKEN / name
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"s55tui: {path}{EXPECTED[name]}\n"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not path.with_name(name + ".bak").exists()


def test_a_broken_file_from_the_real_command_has_no_traceback() -> None:
    path = BROKEN / "misspelt-addressee.toml"
    run = subprocess.run([sys.executable, "-m", "s55tui", "check", str(path)], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == (
        f's55tui: {path}: items[3].to: unknown addressee "cheif-constables"; '
        "expected one of chief-constables, pccs, all, national\n"
    )


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match=r"missing\.toml: no such file$"):
        load_draft(tmp_path / "missing.toml")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(DraftError, match=r"folder\.toml: is a folder, not a draft file$"):
        load_draft(folder)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # as chmod 000 would, even for root
    with pytest.raises(DraftError) as caught:
        load_draft(path)
    assert str(caught.value) == f"{path}: cannot read the file (permission denied)"


def test_saving_into_a_read_only_folder_says_so_and_keeps_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.toml"
    original = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    loaded = load_draft(path)
    loaded.draft.items[1].cc_response = "Typed before the folder went read-only."

    def refuse(*args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(DraftError) as caught:
        save_draft(path, loaded.draft, loaded_from=path)
    assert str(caught.value) == f"{path}: cannot save: the folder {tmp_path} is read-only (permission denied)"
    assert path.read_text(encoding="utf-8") == original
    assert loaded.draft.items[1].cc_response == "Typed before the folder went read-only."
    monkeypatch.undo()
    save_draft(path, loaded.draft, loaded_from=path)  # once the folder is writable again, it saves
    assert load_draft(path).draft.items[1].cc_response == "Typed before the folder went read-only."


def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "draft.toml"
    original = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    loaded = load_draft(path)
    loaded.draft.response.pcc_reply = "More text than the disk can hold."

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DraftError) as caught:
        save_draft(path, loaded.draft, loaded_from=path)
    assert str(caught.value) == f"{path}: cannot save: the disk is full; the file on disk is unchanged"
    assert path.read_text(encoding="utf-8") == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.toml"]


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.toml"
    original = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    loaded = load_draft(path)
    loaded.draft.response.pcc_reply = "Changed."
    path.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as for a user who is not root
    with pytest.raises(DraftError) as caught:
        save_draft(path, loaded.draft, loaded_from=path)
    assert str(caught.value) == f"{path}: cannot save: the file is read-only"
    assert path.read_text(encoding="utf-8") == original


def test_a_draft_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    mine = load_draft(path)
    theirs = load_draft(path)
    theirs.draft.response.pcc_reply = "A colleague's words."
    save_draft(path, theirs.draft, loaded_from=path)
    mine.draft.response.pcc_reply = "My words."
    with pytest.raises(DraftError, match=r"changed on disk since it was opened; not overwritten$"):
        save_draft(path, mine.draft, loaded_from=path)
    assert load_draft(path).draft.response.pcc_reply == "A colleague's words."


def test_a_new_draft_with_an_impossible_year_is_refused_and_not_written(tmp_path: Path, capsys) -> None:
    path = tmp_path / "far.toml"
    assert main(["new", str(path), "--title", "Safe to share?", "--published", "9999-12-31"]) == 2
    assert capsys.readouterr().err == (
        f"s55tui: {path}: cannot save: report.published: expected a date between 1900 and 2199, "
        "found 9999-12-31; check the year\n"
    )
    assert list(tmp_path.iterdir()) == []


TOML_PIECES = [
    "format = 1\n",
    "format = 2\n",
    "[report]\n",
    "[[items]]\n",
    "[[checklist]]\n",
    "[office]\n",
    'title = "',
    "title = '",
    '"""',
    "'''",
    '"',
    "published = 2020-12-17\n",
    "published = 9999-12-31\n",
    "on = 09:30:00\n",
    'kind = "recommendation"\n',
    'number = "1"\n',
    "to = [",
    "]",
    "{",
    "}",
    " = ",
    "\n",
    "\r",
    "# ",
    "\\u",
    "\\",
    "\u201c",
    "True",
    "[" * 400,
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOML_PIECES) | texts, max_size=25).map("".join))
def test_any_text_loads_or_gives_one_line(text: str) -> None:
    try:
        parse_draft(text, "draft.toml")
    except DraftError as error:
        assert str(error).startswith("draft.toml")
        assert "\n" not in str(error)
