"""Nothing typed is lost to a crash: SIGKILL the real app mid-typing, and a save mid-write.

Two kinds of crash, both with SIGKILL (no handler runs, nothing is flushed):

- the app itself, on a pseudo-terminal, while an officer types into a response (or holds a
  key down): on reopening, the draft loads and holds everything typed up to 2 seconds before
  the kill;
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
from itertools import pairwise
from pathlib import Path

import pytest
from apptools import copy_example
from ptyapp import PtyApp
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import backup_path

pytestmark = [
    pytest.mark.process,
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="pty, fork and SIGKILL are POSIX"),
]


# -- the app killed while an officer types ---------------------------------------------------

GRACE_SECONDS = 2.0  # typing older than this before a crash must be in the file
KILL_AFTER = (2.6, 3.1, 3.7, 4.3)  # seconds of typing before each kill
TYPING = (0.04, 0.08)  # seconds between keys: 12-25 keys a second
KEY_REPEAT = (0.028, 0.036)  # a held-down key repeating, about 30 a second
# A gap this long between two keys sent means the test itself was not run for a while (the
# machine stalled): the run did not type as specified, so it says nothing about the app.
STALLED = 0.3


def _typing(rng: random.Random) -> str:
    """Words to type, long enough for any kill moment."""
    words = ["vetting", "files", "reviewed", "by", "March", "the", "force", "will", "report", "quarterly"]
    return " ".join(f"{rng.choice(words)}{n}" for n in range(400)) + " "


def _type_until_killed(
    app: PtyApp, text: str, seconds: float, rng: random.Random, gaps: tuple[float, float] = TYPING
) -> list[tuple[float, int]]:
    """Type ``text`` without a pause, ``gaps`` apart, then SIGKILL; (time, chars sent) per key,
    and last the moment of the kill (taken before the signal: nothing after it can be saved)."""
    sent: list[tuple[float, int]] = []
    start = time.monotonic()
    for count, char in enumerate(text, start=1):
        app.send(char)
        sent.append((time.monotonic(), count))
        if time.monotonic() - start >= seconds:
            break
        time.sleep(rng.uniform(*gaps))
    sent.append((time.monotonic(), sent[-1][1]))
    app.kill()
    return sent


def _one_kill(
    folder: Path, seed: int, seconds: float, gaps: tuple[float, float] = TYPING
) -> tuple[bool, str, bool]:
    """Type into the real app, SIGKILL it: whether the file kept all but the last 2 s, a report,
    and whether the typing itself stalled (the run is then void)."""
    folder.mkdir()
    path = copy_example(EXAMPLE, folder)
    before = load_draft(path).draft
    assert before.items[1].number == "4" and not before.items[1].cc_response
    rng = random.Random(seed)
    text = _typing(rng)
    app = PtyApp(["open", "--today", "2021-01-20", path.name], folder)
    try:
        app.wait_for("Steps")
        app.wait_for("Recommendation 4  ·  2 of 4")  # opened on the first response owed
        time.sleep(0.5)
        sent = _type_until_killed(app, text, seconds, rng, gaps)
    finally:
        app.close()

    killed_at = sent[-1][0]
    typed = sent[-1][1]
    must_have = max((count for when, count in sent if when <= killed_at - GRACE_SECONDS), default=0)
    after = load_draft(path).draft  # loads: the file is valid
    saved = after.items[1].cc_response
    assert text.startswith(saved), f"the file holds text never typed: {saved[-80:]!r}"
    assert [i.cc_response for i in after.items if i is not after.items[1]] == [
        i.cc_response for i in before.items if i is not before.items[1]
    ]
    longest_gap = max(later - earlier for (earlier, _), (later, _) in pairwise(sent))
    report = (
        f"typed {typed} chars in {seconds} s, saved {len(saved)}, lost {typed - len(saved)} "
        f"(allowed {typed - must_have}, the last {GRACE_SECONDS:.0f} s); "
        f"longest gap between keys sent {longest_gap:.2f} s"
    )
    return len(saved) >= must_have, report, longest_gap >= STALLED


def _kill_mid_typing(tmp_path: Path, seed: int, seconds: float, gaps: tuple[float, float]) -> None:
    """One run must keep all but the last 2 s. A run whose typing stalled is void and run again
    (at most twice): it typed with a pause the specification does not have, so it is no test."""
    for attempt in range(3):
        kept, report, stalled = _one_kill(tmp_path / f"attempt-{attempt}", seed + attempt, seconds, gaps)
        print(f"\nkill after {seconds} s: {report}{' (stalled: void)' if stalled else ''}", file=sys.stderr)
        if not stalled:
            assert kept, f"more than the last {GRACE_SECONDS:.0f} s of typing was lost: {report}"
            return
    pytest.fail(f"the machine stalled the typing itself three times; last run: {report}")


@pytest.mark.parametrize("trial", range(len(KILL_AFTER)))
def test_killing_the_app_mid_typing_loses_at_most_the_last_two_seconds(tmp_path: Path, trial: int) -> None:
    # The file must always be valid and never hold text not typed (asserted on every run).
    _kill_mid_typing(tmp_path, trial * 10, KILL_AFTER[trial], TYPING)


def test_a_key_held_down_does_not_put_saving_off(tmp_path: Path) -> None:
    # Keys under 50 ms apart once re-armed the autosave timer on every key, so nothing at all
    # was saved for as long as they came (and whenever the app fell behind the keys).
    _kill_mid_typing(tmp_path, 55, 3.7, KEY_REPEAT)


# -- a kill in the middle of a save -----------------------------------------------------------

SAVE_TRIALS = 60


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
    took = []
    for text in (old, new, old, new):
        _set_all(draft, text)
        started = time.monotonic()
        save_draft(path, draft, loaded_from=path)
        took.append(time.monotonic() - started)
        data = path.read_bytes()
        assert forms.setdefault(text, data) == data
    # kills spread over the first three saves, however long a save takes on this machine now
    # (several times longer on a loaded CI machine than on a quiet one)
    spread = 3 * min(took)
    allowed = {forms[old]: "old", forms[new]: "new"}
    assert len(forms[old]) > 150_000

    rng = random.Random(55)
    seen = {"old": 0, "new": 0}
    mid_write = 0  # kills that left a temporary file behind: the save was under way
    trials = 0
    # at least SAVE_TRIALS kills, and more (up to four times as many) until a few land mid-write,
    # so a slow or fast machine cannot leave the test proving nothing
    while trials < SAVE_TRIALS or (mid_write < 3 and trials < 4 * SAVE_TRIALS):
        trials += 1
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
        time.sleep(rng.uniform(0.0, spread))
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
        f"\n{trials} kills during saves: {seen['old']} old, {seen['new']} new, "
        f"{mid_write} with a save half written, 0 torn",
        file=sys.stderr,
    )
    assert mid_write > 0, "no kill landed during a write: the test proves nothing"
    assert seen["old"] and seen["new"]
