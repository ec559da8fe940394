"""Closing the terminal window (SIGHUP), a logout (SIGTERM) or ctrl+q saves everything typed.

The real app runs on a pseudo-terminal; the officer types and, well inside the autosave's
second, the terminal goes away. Nothing typed may be lost and the lock must be released.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from apptools import copy_example
from ptyapp import PtyApp
from testdata import EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.draftfile.lockrecord import lock_path, record_path

pytestmark = [pytest.mark.process, pytest.mark.skipif(os.name != "posix", reason="pty and signals are POSIX")]

TYPED = "Closed mid-sentence"


def _type_then(tmp_path: Path, end) -> Path:  # type: ignore[no-untyped-def]
    path = copy_example(EXAMPLE, tmp_path)
    app = PtyApp(["open", "--today", "2021-01-20", path.name], tmp_path)
    try:
        app.wait_for("Steps")
        app.wait_for("Recommendation 4  ·  2 of 4")  # opened on the first response owed, cursor in it
        time.sleep(0.5)
        app.send(TYPED)
        app.wait_for(TYPED)  # on screen, so in the app; the autosave has not run yet
        end(app)
        app.process.wait(timeout=20)
    finally:
        app.close()
    return path


def test_closing_the_terminal_window_saves_what_was_typed_and_releases_the_lock(tmp_path: Path) -> None:
    def close_window(app: PtyApp) -> None:
        os.close(app.master)  # the terminal goes: the kernel hangs up on the app (SIGHUP)

    path = _type_then(tmp_path, close_window)
    assert load_draft(path).draft.items[1].cc_response == TYPED
    assert not lock_path(path.absolute()).exists() and not record_path(path.absolute()).exists()


def test_sigterm_saves_what_was_typed_and_releases_the_lock(tmp_path: Path) -> None:
    def terminate(app: PtyApp) -> None:
        os.kill(app.process.pid, signal.SIGTERM)

    path = _type_then(tmp_path, terminate)
    assert load_draft(path).draft.items[1].cc_response == TYPED
    assert not lock_path(path.absolute()).exists() and not record_path(path.absolute()).exists()


def test_keys_typed_in_flow_with_ctrl_q_are_saved(tmp_path: Path) -> None:
    """ctrl+q is answered ahead of keys still on their way to the text box; they still count."""

    def type_and_quit(app: PtyApp) -> None:
        time.sleep(1.6)  # the first words are saved by now
        app.send(" More\x11")  # and these go in one write with ctrl+q, as fast typing does

    path = _type_then(tmp_path, type_and_quit)
    assert load_draft(path).draft.items[1].cc_response == TYPED + " More"
    assert not lock_path(path.absolute()).exists()
