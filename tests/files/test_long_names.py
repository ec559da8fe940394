"""A draft named with a report's whole title: over 237 characters, every save used to fail.

File systems refuse a name over 255 bytes; the files kept beside a draft (its backup, its
lock and lock record, a save's temporary file, the recovery copy) add to the draft's name,
so they are shortened to fit, with a fingerprint of the whole name so that two long names
that begin alike never share one.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import backup_path
from s55tui.draftfile.lock import DraftLock, acquire, who_holds
from s55tui.draftfile.lockrecord import lock_path, record_path
from s55tui.draftfile.names import NAME_MAX, fitted
from s55tui.session import DraftSession
from s55tui.tui.recovery import recovery_copy_path, write_recovery_copy

TITLE = (
    "Safe to share? Report on Liberty and Southall Black Sisters’ super-complaint on policing "
    "and immigration status"
)


def long_name(length: int, start: str = TITLE) -> str:
    stem = (start * 3)[: length - len(".toml")]
    return f"{stem}.toml"


@pytest.mark.parametrize("length", [200, 237, 238, 250, 255])
def test_a_draft_with_a_long_name_saves_locks_and_keeps_a_backup(tmp_path: Path, length: int) -> None:
    name = long_name(length)
    assert len(name.encode()) >= length  # the curly apostrophe is three bytes
    path = tmp_path / name.encode()[:NAME_MAX].decode("utf-8", "ignore")
    shutil.copy(EXAMPLE, path)
    lock = acquire(path)
    assert isinstance(lock, DraftLock), lock
    assert who_holds(path) == lock.holder
    draft = load_draft(path).draft
    draft.response.signed_by = "Giles Orpen-Smellie"
    save_draft(path, draft, loaded_from=path)
    save_draft(path, draft, loaded_from=path)
    assert load_draft(path).draft.response.signed_by == "Giles Orpen-Smellie"
    assert backup_path(path).exists()
    for companion in (backup_path(path), lock_path(path), record_path(path)):
        assert len(companion.name.encode()) <= NAME_MAX
        assert companion.parent == path.parent
    lock.release()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, backup_path(path).name])


def test_two_long_names_that_begin_alike_never_share_a_lock(tmp_path: Path) -> None:
    first = tmp_path / long_name(250, "A" * 300)
    second = tmp_path / long_name(250, "A" * 300).replace("AAAA.toml", "AAAB.toml")
    assert first != second
    assert lock_path(first) != lock_path(second) and backup_path(first) != backup_path(second)
    assert fitted(first.name, ".", ".lock").startswith("." + "A" * 100)


def test_the_recovery_copy_of_a_long_named_draft_is_written(tmp_path: Path) -> None:
    path = tmp_path / long_name(250)
    shutil.copy(EXAMPLE, path)
    session = DraftSession.open(path)
    target = recovery_copy_path(path, datetime(2026, 11, 30, 9, 5, 7))
    assert target.name.endswith(" 2026-11-30 090507.toml") and len(target.name.encode()) <= NAME_MAX
    write_recovery_copy(session, target)
    assert load_draft(target).draft.report.title == session.draft.report.title
