"""A colleague changed the draft on disk: the officer keeps their own version as a copy beside it."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui.draftfile import changed_on_disk, load_draft, save_copy, save_draft
from s55tui.errors import DraftError

WHEN = datetime(2026, 11, 22, 14, 3)


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    path = tmp_path / "safe-to-share.toml"
    shutil.copy(EXAMPLE, path)
    return path


def colleague_edits(path: Path) -> str:
    """Someone else saves the draft while it is open here."""
    text = path.read_text(encoding="utf-8").replace('version = "', 'version = "colleague ', 1)
    path.write_text(text, encoding="utf-8")
    return text


def test_changed_on_disk_notices_a_colleagues_save(draft_path: Path) -> None:
    draft = load_draft(draft_path).draft
    assert not changed_on_disk(draft_path, draft)
    colleague_edits(draft_path)
    assert changed_on_disk(draft_path, draft)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_a_colleagues_save_in_a_windows_encoding_is_never_overwritten(
    draft_path: Path, encoding: str
) -> None:
    draft = load_draft(draft_path).draft
    draft.response.signed_by = "Giles Orpen-Smellie"
    theirs = draft_path.read_text(encoding="utf-8").replace('version = "', 'version = "colleague’s £ ', 1)
    draft_path.write_bytes(theirs.encode(encoding))  # Notepad of old, or Word "Unicode" text
    assert changed_on_disk(draft_path, draft)
    with pytest.raises(DraftError, match="changed on disk since it was opened; not overwritten"):
        save_draft(draft_path, draft, loaded_from=draft_path)
    assert draft_path.read_bytes() == theirs.encode(encoding)
    assert (
        load_draft(save_copy(draft_path, draft, now=WHEN)).draft.response.signed_by == "Giles Orpen-Smellie"
    )


def test_changed_on_disk_is_false_after_our_own_save(draft_path: Path) -> None:
    draft = load_draft(draft_path).draft
    draft.report.grade = "good"
    save_draft(draft_path, draft, loaded_from=draft_path)
    assert not changed_on_disk(draft_path, draft)


def test_keeping_my_version_writes_a_copy_and_leaves_theirs(draft_path: Path) -> None:
    draft = load_draft(draft_path).draft
    draft.response.signed_by = "Giles Orpen-Smellie"
    theirs = colleague_edits(draft_path)
    with pytest.raises(DraftError, match="changed on disk since it was opened; not overwritten"):
        save_draft(draft_path, draft, loaded_from=draft_path)

    copy = save_copy(draft_path, draft, now=WHEN)

    assert copy == draft_path.with_name("safe-to-share (my copy 2026-11-22 1403).toml")
    assert draft_path.read_text(encoding="utf-8") == theirs
    kept = load_draft(copy).draft
    assert kept.response.signed_by == "Giles Orpen-Smellie"
    assert kept.response.version == load_draft(EXAMPLE).draft.response.version  # mine, not theirs
    # from now on the draft belongs to the copy: saving there is not refused
    draft.report.grade = "outstanding"
    save_draft(copy, draft, loaded_from=copy)
    assert load_draft(copy).draft.report.grade == "outstanding"


def test_a_copy_never_overwrites_an_existing_file(draft_path: Path) -> None:
    draft = load_draft(draft_path).draft
    taken = draft_path.with_name("safe-to-share (my copy 2026-11-22 1403).toml")
    taken.write_text("someone's notes", encoding="utf-8")
    first = save_copy(draft_path, draft, now=WHEN)
    second = save_copy(draft_path, draft, now=WHEN)
    assert first.name == "safe-to-share (my copy 2026-11-22 1403, 2).toml"
    assert second.name == "safe-to-share (my copy 2026-11-22 1403, 3).toml"
    assert taken.read_text(encoding="utf-8") == "someone's notes"
    assert load_draft(second).draft.report.title == load_draft(EXAMPLE).draft.report.title


def test_a_copy_keeps_the_originals_permissions_and_leaves_no_backup(draft_path: Path) -> None:
    draft_path.chmod(0o664)
    copy = save_copy(draft_path, load_draft(draft_path).draft, now=WHEN)
    assert copy.stat().st_mode & 0o777 == 0o664 & ~_umask()
    assert not copy.with_name(copy.name + ".bak").exists()


def test_a_copy_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    draft = load_draft(EXAMPLE).draft
    with pytest.raises(DraftError) as caught:
        save_copy(tmp_path / "gone" / "x.toml", draft, now=WHEN)
    gone = tmp_path / "gone"
    assert str(caught.value) == f"{gone / 'x.toml'}: cannot save a copy: the folder {gone} does not exist"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
