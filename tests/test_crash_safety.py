"""Nothing typed is lost to a crash: SIGKILL the real app mid-typing, and a save mid-write.

Two kinds of crash, both with SIGKILL (no handler runs, nothing is flushed):

- the app itself, on a pseudo-terminal, while an officer types into a response: on reopening,
  the draft loads and holds everything typed up to 2 seconds before the kill;
- a process saving a big draft over and over, killed at random moments: the file is always the
  old text or the new, byte for byte, never torn, and it loads.

POSIX only (pty, fork, SIGKILL); CI runs on Linux.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from apptools import copy_example
from conftest import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import backup_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pty, fork and SIGKILL are POSIX")


# -- a kill in the middle of a save -----------------------------------------------------------

SAVE_TRIALS = 120


def _big_texts() -> tuple[str, str]:
    """Two versions of a long response (about 40 KB each), differing all through."""
    old = "\n\n".join(f"Old paragraph {n}: we will review vetting files by March. " * 12 for n in range(60))
    new = "\n\n".join(f"New paragraph {n}: the force has reviewed every file. " * 12 for n in range(60))
    return old, new


def _set_all(draft, text: str) -> None:  # type: ignore[no-untyped-def]
    for item in draft.items:
        item.cc_response = text
        item.pcc_response = text


def test_a_kill_during_a_save_leaves_the_old_file_or_the_new_never_a_torn_one(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    draft = load_draft(path).draft
    old, new = _big_texts()
    # Settle the round trip: after a few saves each version has exactly one byte form.
    forms: dict[str, bytes] = {}
    for text in (old, new, old, new):
        _set_all(draft, text)
        save_draft(path, draft, loaded_from=path)
        data = path.read_bytes()
        assert forms.setdefault(text, data) == data
    allowed = {forms[old]: "old", forms[new]: "new"}
    assert len(forms[old]) > 150_000

    rng = random.Random(55)
    seen = {"old": 0, "new": 0}
    mid_write = 0  # kills that left a temporary file behind: the save was under way
    for _ in range(SAVE_TRIALS):
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save old, new, old, new... until killed
            try:
                os.close(ready_read)
                os.write(ready_write, b"go")
                while True:
                    for text in (old, new):
                        _set_all(draft, text)
                        save_draft(path, draft)
            finally:
                os._exit(1)
        os.close(ready_write)
        assert os.read(ready_read, 2) == b"go"
        os.close(ready_read)
        time.sleep(rng.uniform(0.0, 0.08))  # one save takes about 0.05 s
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the saver stopped by itself"

        data = path.read_bytes()
        assert data in allowed, f"torn file after a kill: {len(data)} bytes"
        seen[allowed[data]] += 1
        load_draft(path)  # loads without error
        bak = backup_path(path)
        if bak.exists():
            assert bak.read_bytes() in allowed, "torn backup after a kill"
        leftovers = list(tmp_path.glob(f".{path.name}.*.tmp"))
        mid_write += bool(leftovers)
        for tmp in leftovers:
            tmp.unlink()

    print(
        f"\n{SAVE_TRIALS} kills during saves: {seen['old']} old, {seen['new']} new, "
        f"{mid_write} with a save half written, 0 torn",
        file=sys.stderr,
    )
    assert mid_write > 0, "no kill landed during a write: the test proves nothing"
    assert seen["old"] and seen["new"]
