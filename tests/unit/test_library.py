"""The drafts folder as rows: deadlines, progress, broken files, and copies that never overwrite."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from testdata import DATA, EXAMPLE

from s55tui import library
from s55tui.completeness import MISSING, check
from s55tui.draftfile import LoadResult, load_draft, save_draft
from s55tui.draftfile.lock import DraftLock, acquire
from s55tui.errors import DraftError
from s55tui.library import archive, create_draft, duplicate, file_name_problem, new_draft_path, scan, slug
from s55tui.model import Item, Report
from s55tui.profile import Profile

TODAY = date(2021, 1, 4)


def _draft(folder: Path, name: str, title: str, published: date, items: list[Item] | None = None) -> Path:
    draft = Profile().new_draft(Report(title=title, published=published))
    draft.office.force = "Norfolk Constabulary"
    draft.items = items or []
    path = folder / name
    save_draft(path, draft)
    return path


def test_rows_are_most_urgent_first_with_deadline_and_progress(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "safe-to-share.toml")
    _draft(tmp_path, "later.toml", "Later report", date(2021, 1, 1))
    rows = scan(tmp_path, TODAY)
    assert [row.name for row in rows] == ["safe-to-share.toml", "later.toml"]
    first = rows[0]
    assert first.title.startswith("Safe to share?")
    assert first.force == "Norfolk Constabulary"
    assert first.published == date(2020, 12, 17)
    assert first.last_day == date(2021, 2, 10)
    assert first.days_left == 37
    assert (first.written, first.owed) == (3, 5)  # the same numbers `s55tui check` prints
    assert first.error == ""
    assert rows[1].last_day == date(2021, 2, 25)


def test_days_left_is_negative_once_passed_and_zero_on_the_day(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.toml")
    assert scan(tmp_path, date(2021, 2, 13))[0].days_left == -3
    assert scan(tmp_path, date(2021, 2, 10))[0].days_left == 0
    assert scan(tmp_path, date(2020, 12, 17))[0].days_left == 55


def test_a_broken_draft_is_listed_last_with_its_one_line_error(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "good.toml")
    shutil.copy(DATA / "broken" / "misspelt-addressee.toml", tmp_path / "aaa-broken.toml")
    (tmp_path / "empty.toml").write_text("", encoding="utf-8")
    rows = scan(tmp_path, TODAY)
    assert [row.name for row in rows] == ["good.toml", "aaa-broken.toml", "empty.toml"]
    broken = rows[1]
    with pytest.raises(DraftError) as raised:
        load_draft(tmp_path / "aaa-broken.toml")
    assert broken.error == str(raised.value)
    assert "\n" not in broken.error and "unknown addressee" in broken.error
    assert broken.title == "" and broken.days_left is None
    assert rows[2].error.endswith("the file is empty; it is not a draft")


def test_backups_hidden_files_profile_and_archive_are_not_drafts(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.toml")
    shutil.copy(EXAMPLE, tmp_path / "a.toml.bak")
    shutil.copy(EXAMPLE, tmp_path / ".a.toml.x1y2.tmp")
    shutil.copy(EXAMPLE, tmp_path / ".hidden.toml")
    (tmp_path / "s55tui.toml").write_text("[office]\nforce = 'x'\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / "archive").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "archive" / "old.toml")
    assert [row.name for row in scan(tmp_path, TODAY)] == ["a.toml"]


def test_a_missing_folder_is_simply_empty(tmp_path: Path) -> None:
    assert scan(tmp_path / "nowhere", TODAY) == []


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = _draft(tmp_path, "a.toml", "First title", date(2021, 1, 1))
    assert scan(tmp_path, TODAY)[0].title == "First title"
    text = path.read_text(encoding="utf-8").replace("First title", "Second title, longer")
    path.write_text(text, encoding="utf-8")
    assert scan(tmp_path, TODAY)[0].title == "Second title, longer"


def test_progress_counts_no_local_action_as_one_position(tmp_path: Path) -> None:
    items = [
        Item("recommendation", "1", ["all"], "Do it.", cc_response="Done."),
        Item("recommendation", "2", ["chief-constables"], "Home Office.", status="no-local-action"),
        Item("recommendation", "3", ["national"], "Review.", status="no-local-action", pcc_response="N/A."),
    ]
    path = _draft(tmp_path, "a.toml", "Mixed", date(2021, 1, 1), items)
    row = scan(tmp_path, TODAY)[0]
    # item 1 owes both (one written); 2 and 3 each owe one reason (only 3 has it)
    assert (row.written, row.owed) == (2, 4)
    missing = [f for f in check(load_draft(path).draft, TODAY).of(MISSING) if f.field.startswith("items")]
    assert [f.where for f in missing] == ["Recommendation 1"]  # item 2's lack is a warning


def test_a_rescan_reads_only_the_drafts_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The drafts list is refreshed often: an unchanged file's row comes from the cache, unread."""
    for n in range(50):
        shutil.copy(EXAMPLE, tmp_path / f"d{n:02}.toml")
    read: list[str] = []

    def counting_load(path: Path) -> LoadResult:
        read.append(Path(path).name)
        return load_draft(path)

    monkeypatch.setattr(library, "load_draft", counting_load)
    first = scan(tmp_path, TODAY)
    assert len(first) == 50 and len(read) == 50
    read.clear()
    assert scan(tmp_path, TODAY) == first
    assert read == []
    changed = tmp_path / "d07.toml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace('title = "', 'title = "Amended: ', 1), encoding="utf-8")
    again = scan(tmp_path, TODAY)
    assert read == ["d07.toml"]
    assert next(row for row in again if row.path == changed).title.startswith("Amended: Safe to share?")


def test_duplicate_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "safe.toml"
    shutil.copy(EXAMPLE, path)
    (tmp_path / "safe copy 2.toml").write_text("mine", encoding="utf-8")
    first = duplicate(path)
    second = duplicate(path)
    third = duplicate(first)
    assert first.name == "safe copy.toml"
    assert second.name == "safe copy 3.toml"
    assert third.name == "safe copy 4.toml"
    assert first.read_bytes() == path.read_bytes()
    assert (tmp_path / "safe copy 2.toml").read_text(encoding="utf-8") == "mine"
    assert not list(tmp_path.glob("*.bak")) and not list(tmp_path.glob(".*"))


def test_duplicate_keeps_the_permissions_colleagues_need(tmp_path: Path) -> None:
    path = tmp_path / "safe.toml"
    shutil.copy(EXAMPLE, path)
    os.chmod(path, 0o664)
    old = os.umask(0o002)
    try:
        copy = duplicate(path)
    finally:
        os.umask(old)
    assert copy.stat().st_mode & 0o777 == 0o664


def test_archive_moves_the_draft_and_its_backup_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "safe.toml"
    shutil.copy(EXAMPLE, path)
    (tmp_path / "safe.toml.bak").write_text("previous", encoding="utf-8")
    moved = archive(path)
    assert moved == tmp_path / "archive" / "safe.toml"
    assert (tmp_path / "archive" / "safe.toml.bak").read_text(encoding="utf-8") == "previous"
    assert not path.exists() and not (tmp_path / "safe.toml.bak").exists()
    shutil.copy(EXAMPLE, path)
    again = archive(path)
    assert again == tmp_path / "archive" / "safe 2.toml"
    assert moved.read_bytes() == EXAMPLE.read_bytes()
    assert scan(tmp_path, TODAY) == []


def test_archive_takes_the_edits_a_killed_session_kept_in_its_journal_along(tmp_path: Path) -> None:
    from s55tui.session import DraftSession

    path = tmp_path / "safe.toml"
    shutil.copy(EXAMPLE, path)
    session = DraftSession.open(path)
    session.draft.report.title = "Typed before the kill"
    session.changed(session.draft.report)
    session.journal()
    session.release_lock()  # killed: the lock went stale, the journal stayed
    moved = archive(path)
    assert not (tmp_path / ".safe.toml.journal").exists()
    assert DraftSession.open(moved).draft.report.title == "Typed before the kill"


def test_a_draft_open_elsewhere_is_not_archived_and_the_holder_is_named(tmp_path: Path) -> None:
    path = tmp_path / "safe.toml"
    shutil.copy(EXAMPLE, path)
    held = acquire(path)  # a colleague has it open
    assert isinstance(held, DraftLock)
    with held, pytest.raises(DraftError, match=r"safe\.toml: cannot archive it: .* has it open"):
        archive(path)
    assert path.read_bytes() == EXAMPLE.read_bytes()
    assert not (tmp_path / "archive").exists()
    # closed: now it goes, and leaves no lock behind
    assert archive(path) == tmp_path / "archive" / "safe.toml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive"]


def test_archiving_a_missing_draft_says_so(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="no such draft"):
        archive(tmp_path / "gone.toml")


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Safe to share? Report on Liberty and Southall Black Sisters' super-complaint", "safe-to-share"),
        ("PEEL 2021/22: An inspection of Norfolk Constabulary", "peel-2021-22"),
        (
            "An inspection of vetting, misconduct, and misogyny in the police service",
            "an-inspection-of-vetting-misconduct-and-misogyny",
        ),
        ("Écoute – ça va", "ecoute"),
        ("???", "draft"),
        ("", "draft"),
    ],
)
def test_slug(title: str, stem: str) -> None:
    assert slug(title) == stem
    assert len(slug(title)) <= 50


def test_new_draft_path_is_free(tmp_path: Path) -> None:
    assert new_draft_path(tmp_path, "Safe to share?") == tmp_path / "safe-to-share.toml"
    (tmp_path / "safe-to-share.toml").write_text("x", encoding="utf-8")
    (tmp_path / "safe-to-share-2.toml").write_text("x", encoding="utf-8")
    assert new_draft_path(tmp_path, "Safe to share?") == tmp_path / "safe-to-share-3.toml"


def test_create_draft_makes_the_folder_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "new" / "safe.toml"
    draft = Profile().new_draft(Report(title="Safe to share?", published=date(2020, 12, 17)))
    create_draft(path, draft)
    assert load_draft(path).draft.report.title == "Safe to share?"
    with pytest.raises(DraftError, match="already exists"):
        create_draft(path, draft)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("fresh.toml", ""),
        ("", "give the draft a file name"),
        ("sub/x.toml", "a file name only"),
        (".x.toml", "would be hidden"),
        ("x.txt", "end the name with .toml"),
        ("s55tui.toml", "office profile"),
        ("taken.toml", "taken.toml already exists; choose another name"),
    ],
)
def test_file_name_problem(tmp_path: Path, name: str, problem: str) -> None:
    (tmp_path / "taken.toml").write_text("x", encoding="utf-8")
    found = file_name_problem(tmp_path, name)
    assert (problem in found) if problem else found == ""
