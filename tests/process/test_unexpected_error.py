"""An error nobody expected ends the app with one line, after saving every draft.

A fault in s55tui or a library must never cost the officer their text or leave a screen of
traceback: the app saves, writes the details to a log and says where, in one line. The app
here is the real one with one extra key that raises, run on a real terminal.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from apptools import copy_example
from ptyapp import PtyApp
from testdata import EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.draftfile.lockrecord import lock_path

pytestmark = [pytest.mark.process, pytest.mark.skipif(os.name != "posix", reason="pty is POSIX")]

FAULTY_APP = """
import sys
from datetime import date
from pathlib import Path

from textual.binding import Binding

import s55tui.tui.app
from s55tui.tui.app import S55App


class Faulty(S55App):
    CSS_PATH = str(Path(s55tui.tui.app.__file__).with_name("app.tcss"))  # not beside this script
    BINDINGS = [*S55App.BINDINGS, Binding("f5", "fault", "Fault")]

    def action_fault(self) -> None:
        raise ValueError("a fault put there by the test")


app = Faulty(Path(sys.argv[1]), today=date(2021, 1, 20))
app.run()
sys.exit(app.return_code)
"""


def test_an_unexpected_error_saves_what_was_typed_and_ends_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log goes here, not a real home
    app = PtyApp([path.name], tmp_path, command=["-c", FAULTY_APP])
    try:
        app.wait_for("Steps")
        app.send("\x07")  # ctrl+g: Recommendation 4's chief constable response
        app.wait_for("Recommendation 4  ·  2 of 4")
        time.sleep(0.5)
        app.send("Typed just before the fault")
        app.wait_for("Typed just before the fault")
        app.send("\x1b[15~")  # F5, the fault
        app.process.wait(timeout=20)
        shown = app.text()
    finally:
        app.close()
    assert app.process.returncode == 1
    assert "s55tui stopped on an unexpected error (ValueError: a fault put there by the test)" in shown
    assert "Your drafts were saved" in shown
    assert "Traceback" not in shown
    assert load_draft(path).draft.items[1].cc_response == "Typed just before the fault"
    assert not lock_path(path.absolute()).exists()
    log = tmp_path / "state" / "s55tui" / "log" / "errors.log"
    assert "a fault put there by the test" in log.read_text(encoding="utf-8")
