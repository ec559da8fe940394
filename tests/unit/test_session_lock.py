"""A session's save looks at the lock first: a draft taken over is never written again from here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from testdata import EXAMPLE

from s55tui.draftfile.lock import DraftLock, acquire, take_over
from s55tui.errors import LockLostError
from s55tui.session import DraftSession


def test_a_save_after_a_take_over_is_refused_before_it_touches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    shutil.copy(EXAMPLE, path)
    session = DraftSession.open(path)
    lock = acquire(path)
    assert isinstance(lock, DraftLock)
    session.lock = lock
    session.draft.response.signed_by = "Mine"
    session.changed()
    colleague = take_over(path)
    before = path.read_bytes()
    with pytest.raises(LockLostError, match="someone else took this draft over; not saved here"):
        session.save_now()
    assert path.read_bytes() == before and session.dirty
    colleague.release()
