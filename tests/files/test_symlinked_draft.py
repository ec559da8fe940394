"""A draft reached through a symbolic link: saves go to the real file, and so does the lock.

A save used to replace the link with a file of its own, so the real draft never got the
edits, and colleagues who opened the real file saw no lock.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import backup_path
from s55tui.draftfile.lock import DraftLock, LockHolder, acquire
from s55tui.draftfile.lockrecord import lock_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """The real draft in the shared folder, and a link to it from the officer's own folder."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "mine").mkdir()
    real = tmp_path / "shared" / "safe-to-share.toml"
    shutil.copy(EXAMPLE, real)
    link = tmp_path / "mine" / "safe-to-share.toml"
    link.symlink_to(real)
    return real, link


def test_a_save_through_a_link_changes_the_real_draft_and_keeps_the_link(linked: tuple[Path, Path]) -> None:
    real, link = linked
    draft = load_draft(link).draft
    draft.response.signed_by = "Giles Orpen-Smellie"
    save_draft(link, draft, loaded_from=link)
    assert link.is_symlink() and link.resolve() == real
    assert load_draft(real).draft.response.signed_by == "Giles Orpen-Smellie"
    assert backup_path(real).exists() and not backup_path(link).exists()
    assert sorted(p.name for p in link.parent.iterdir()) == [link.name]  # nothing left beside the link


def test_the_lock_taken_through_a_link_is_seen_by_a_colleague_opening_the_real_file(
    linked: tuple[Path, Path],
) -> None:
    real, link = linked
    mine = acquire(link)
    assert isinstance(mine, DraftLock)
    assert lock_path(real).exists() and not lock_path(link).exists()
    theirs = acquire(real)
    assert isinstance(theirs, LockHolder)  # they are told who has it, not handed a second lock
    mine.release()
    assert not lock_path(real).exists()
