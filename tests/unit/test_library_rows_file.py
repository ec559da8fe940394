"""The drafts list's rows kept on disk: the next start of the app reads only the drafts that changed.

Each test has its own empty cache folder (``XDG_CACHE_HOME``, set by conftest.py for every
test), and ``forget_rows_in_memory`` stands for a fresh start of the app. The days are fixed,
never today's.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui import __version__, library
from s55tui.draftfile import LoadResult, load_draft, parse_draft, save_draft
from s55tui.errors import DraftError
from s55tui.library import ROWS_FORMAT, forget_rows_in_memory, rows_file, scan

TODAY = date(2021, 1, 4)


def _no_reading(path: Path) -> LoadResult:
    raise AssertionError(f"{path} was read; its row should have come from the rows file")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make ``scan`` note the name of every draft it opens."""
    read: list[str] = []

    def counting_load(path: Path) -> LoadResult:
        read.append(Path(path).name)
        return load_draft(path)

    monkeypatch.setattr(library, "load_draft", counting_load)
    return read


def _folder(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    for n in range(count):
        shutil.copy(EXAMPLE, folder / f"d{n}.toml")
    return folder


def _kept_rows() -> dict[str, dict[str, object]]:
    rows: dict[str, dict[str, object]] = json.loads(rows_file().read_text(encoding="utf-8"))["rows"]
    return rows


def test_a_second_run_reads_no_draft(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    (folder / "broken.toml").write_text("[report\n", encoding="utf-8")
    first = scan(folder, TODAY)
    assert rows_file().is_file() and len(_kept_rows()) == 4
    forget_rows_in_memory()
    monkeypatch.setattr(library, "load_draft", _no_reading)
    assert scan(folder, TODAY) == first
    assert first[0].title.startswith("Safe to share?")
    assert first[-1].error.startswith(f"{folder}/broken.toml:")


def test_the_rows_file_is_written_only_when_something_changed(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    scan(folder, TODAY)
    marked = 1_000_000_000_000_000_000  # a time no write would give the file
    os.utime(rows_file(), ns=(marked, marked))
    forget_rows_in_memory()
    scan(folder, TODAY)
    scan(folder, date(2021, 2, 1))
    assert rows_file().stat().st_mtime_ns == marked


def test_a_changed_draft_is_read_again_and_its_kept_row_renewed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    scan(folder, TODAY)
    forget_rows_in_memory()
    changed = folder / "d1.toml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace('title = "', 'title = "Amended: ', 1), encoding="utf-8"
    )
    read = _counting(monkeypatch)
    rows = scan(folder, TODAY)
    assert read == ["d1.toml"]
    assert next(row for row in rows if row.path == changed).title.startswith("Amended: ")
    forget_rows_in_memory()
    monkeypatch.setattr(library, "load_draft", _no_reading)
    assert scan(folder, TODAY) == rows


def test_a_draft_of_the_same_size_changed_since_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time alone tells: an edit that keeps the size (one date for another) is still seen."""
    folder = _folder(tmp_path, 1)
    path = folder / "d0.toml"
    assert scan(folder, TODAY)[0].published == date(2020, 12, 17)
    forget_rows_in_memory()
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "published = 2020-12-17" in text
    path.write_text(text.replace("published = 2020-12-17", "published = 2020-12-18", 1), encoding="utf-8")
    later = before.st_mtime_ns + 1_000_000_000  # a second on, whatever the file system's clock step
    os.utime(path, ns=(later, later))
    assert path.stat().st_size == before.st_size
    read = _counting(monkeypatch)
    assert scan(folder, TODAY)[0].published == date(2020, 12, 18)
    assert read == ["d0.toml"]


@pytest.mark.parametrize(
    "damage",
    [
        b"{ not json",
        b'{"format": 1, "s55tui": "\xff"}',  # not UTF-8
        b"[]",
        b'{"format": 1}',
        b'{"format": 1, "s55tui": "VERSION", "rows": []}',
        b'{"format": 1, "s55tui": "VERSION", "rows": {"KEY": "a row"}}',
        b'{"format": 1, "s55tui": "VERSION", "rows": {"KEY": {"size": "big", "mtime_ns": 1}}}',
    ],
    ids=["not-json", "not-utf8", "a-list", "no-rows", "rows-a-list", "row-a-string", "row-wrong-types"],
)
def test_a_damaged_rows_file_is_ignored_and_put_right(tmp_path: Path, damage: bytes) -> None:
    folder = _folder(tmp_path, 1)
    key = str((folder / "d0.toml").resolve())
    rows_file().parent.mkdir(parents=True, exist_ok=True)
    text = damage.replace(b"VERSION", __version__.encode()).replace(b"KEY", json.dumps(key)[1:-1].encode())
    rows_file().write_bytes(text)
    (row,) = scan(folder, TODAY)
    assert row.title.startswith("Safe to share?") and row.days_left == 37 and row.error == ""
    assert _kept_rows()[key]["title"] == row.title


def _tamper(changes: dict[str, object]) -> None:
    """Give every kept row the title "Tampered", and the rows file ``changes``."""
    stored = json.loads(rows_file().read_text(encoding="utf-8"))
    for entry in stored["rows"].values():
        entry["title"] = "Tampered"
    stored.update(changes)
    rows_file().write_text(json.dumps(stored), encoding="utf-8")
    forget_rows_in_memory()


def test_a_rows_file_of_another_version_or_format_is_not_used(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    scan(folder, TODAY)
    _tamper({})
    assert scan(folder, TODAY)[0].title == "Tampered"  # so the file is used when it is this version's
    _tamper({"s55tui": "0.0.1"})
    assert scan(folder, TODAY)[0].title.startswith("Safe to share?")
    _tamper({"format": ROWS_FORMAT + 1})
    assert scan(folder, TODAY)[0].title.startswith("Safe to share?")
    assert json.loads(rows_file().read_text(encoding="utf-8"))["format"] == ROWS_FORMAT


def test_a_rows_file_that_cannot_be_read_or_written_does_not_stop_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, 2)
    rows_file().mkdir(parents=True)  # a folder where the file should be: neither read nor replaced
    first = scan(folder, TODAY)
    assert [row.title[:13] for row in first] == ["Safe to share"] * 2
    assert [path.name for path in rows_file().parent.iterdir()] == ["draft-rows.json"]  # no temporary left
    not_a_folder = tmp_path / "cache-is-a-file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    forget_rows_in_memory()
    assert scan(folder, TODAY) == first


def test_the_rows_of_deleted_drafts_are_dropped_and_other_folders_kept(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(EXAMPLE, other / "elsewhere.toml")
    scan(folder, TODAY)
    scan(other, TODAY)
    (folder / "d1.toml").unlink()
    library.archive(folder / "d2.toml")
    assert [row.name for row in scan(folder, TODAY)] == ["d0.toml"]
    kept = _kept_rows()
    assert sorted(Path(key).name for key in kept) == ["d0.toml", "elsewhere.toml"]
    assert str((other / "elsewhere.toml").resolve()) in kept


def test_the_same_draft_reached_by_another_name_shares_its_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A broken draft's error names the file as this scan does, as ``s55tui check`` would."""
    folder = _folder(tmp_path, 1)
    broken = folder / "broken.toml"
    broken.write_text("[report\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    relative = scan(Path("drafts"), TODAY)
    assert relative[-1].error.startswith("drafts/broken.toml:")
    forget_rows_in_memory()
    monkeypatch.setattr(library, "load_draft", _no_reading)
    absolute = scan(folder, TODAY)
    with pytest.raises(DraftError) as raised:
        load_draft(broken)
    assert absolute[-1].error == str(raised.value)
    assert absolute[0].title == relative[0].title


def test_a_draft_that_could_not_be_opened_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission put right leaves the size and time as they were: the row must not stay an error."""
    folder = _folder(tmp_path, 1)

    def denied(path: Path) -> LoadResult:
        raise DraftError(f"{path}: cannot read the file (permission denied)")

    def no_open(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:  # not ``undo``: that would also undo conftest's cache folder
        patch.setattr(library, "load_draft", denied)
        patch.setattr(library, "open", no_open, raising=False)
        assert scan(folder, TODAY)[0].error.endswith("(permission denied)")
    assert scan(folder, TODAY)[0].title.startswith("Safe to share?")


# Published 2 June 2025: the last day is 27 July 2025; the comments are due by 30 June.
CONSULTED = """
format = 1
[report]
title = "Police response to stalking"
published = 2025-06-02
[consultation]
invited = 2025-06-05
reply_by = 2025-06-30
"""


def test_a_row_kept_one_day_is_right_on_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Days left and the comments' lateness are the day's; the kept row holds only the dates."""
    save_draft(tmp_path / "stalking.toml", parse_draft(CONSULTED).draft)
    (kept_on,) = scan(tmp_path, date(2025, 6, 20))
    assert (kept_on.days_left, kept_on.cc_due, kept_on.cc_days_left) == (37, date(2025, 6, 30), 10)
    forget_rows_in_memory()
    with monkeypatch.context() as patch:
        patch.setattr(library, "load_draft", _no_reading)
        (later,) = scan(tmp_path, date(2025, 7, 3))
    assert (later.days_left, later.cc_due, later.cc_days_left) == (24, date(2025, 6, 30), -3)
    forget_rows_in_memory()
    rows_file().unlink()
    assert scan(tmp_path, date(2025, 7, 3)) == [later]  # exactly what a fresh read shows that day
