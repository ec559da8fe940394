"""A save killed half-way leaves a hidden temporary file; the next save clears old ones away.

Only files old enough that no save can still be writing them go: a colleague's save in
progress in the same shared folder keeps its fresh temporary file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from apptools import copy_example
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import LEFTOVER_SECONDS


def _leftover(folder: Path, name: str, age: float) -> Path:
    tmp = folder / name
    tmp.write_text("half a draft", encoding="utf-8")
    then = time.time() - age
    os.utime(tmp, (then, then))
    return tmp


def test_a_save_clears_old_leftovers_of_its_own_draft_only(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path, "my [draft].toml")
    stale = _leftover(tmp_path, f".{path.name}.k3j2x9.tmp", LEFTOVER_SECONDS + 60)
    fresh = _leftover(tmp_path, f".{path.name}.a81bq0.tmp", 5)  # a save under way elsewhere
    other = _leftover(tmp_path, ".someone-else.toml.zz91aa.tmp", LEFTOVER_SECONDS + 60)

    draft = load_draft(path).draft
    draft.items[1].cc_response = "Saved after a crash."
    save_draft(path, draft, loaded_from=path)

    assert not stale.exists()
    assert fresh.exists() and other.exists()
    assert load_draft(path).draft.items[1].cc_response == "Saved after a crash."
