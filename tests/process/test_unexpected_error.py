"""An error nobody expected never costs the officer their text or shows a traceback.

The app saves every draft, writes the details to a log and says where. A command that fails
is reported in a notification and the officer goes on; a fault inside a widget's own handling
(where textual stops that widget) ends the app with one line. The app here is the real one
with two extra keys that raise, run on a real terminal.
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

    def on_key(self, event) -> None:
        if event.key == "f6":
            raise ValueError("a fault in a handler, put there by the test")


app = Faulty(Path(sys.argv[1]), today=date(2021, 1, 20))
app.run()
sys.exit(app.return_code)
"""


def _typed_then(tmp_path: Path, fault: str) -> tuple[PtyApp, Path]:
    """The app on the example draft with words typed into a response, then ``fault`` sent."""
    path = copy_example(EXAMPLE, tmp_path)
    app = PtyApp([path.name], tmp_path, command=["-c", FAULTY_APP])
    app.wait_for("Steps")
    app.wait_for("Recommendation 4  ·  2 of 4")  # opened on the first response owed, cursor in it
    time.sleep(0.5)
    app.send("Typed just before the fault")
    app.wait_for("Typed just before the fault")
    app.send(fault)
    return app, path


def test_a_command_that_fails_is_reported_and_the_officer_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # the log goes here, not a real home
    app, path = _typed_then(tmp_path, "\x1b[15~")  # F5, a command that raises
    try:
        app.wait_for("Unexpected error")  # the notification's title (its words wrap in the toast)
        app.wait_for("ValueError")
        shown = app.text()
        # saved before anything else: the file has the words while the app still runs
        assert load_draft(path).draft.items[1].cc_response == "Typed just before the fault"
        app.send(" and after it")
        # the officer goes on typing into the same box (the notice may cover where the words
        # are drawn, so the saved file is what shows they went in): autosave writes them
        deadline = time.monotonic() + 20
        while not load_draft(path).draft.items[1].cc_response.endswith("and after it"):
            assert time.monotonic() < deadline, "the words typed after the error were not saved"
            time.sleep(0.2)
        app.send("\x11")  # ctrl+q saves and ends as usual
        app.process.wait(timeout=20)
    finally:
        app.close()
    assert "That command stopped on an unexpected error" in shown
    assert "Traceback" not in app.text()
    assert app.process.returncode == 0
    assert load_draft(path).draft.items[1].cc_response == "Typed just before the fault and after it"
    log = tmp_path / "state" / "s55tui" / "log" / "errors.log"
    assert "a fault put there by the test" in log.read_text(encoding="utf-8")


def test_a_fault_inside_the_apps_handling_saves_what_was_typed_and_ends_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app, path = _typed_then(tmp_path, "\x1b[17~")  # F6, a key handler that raises
    try:
        app.process.wait(timeout=20)
        shown = app.text()
    finally:
        app.close()
    assert app.process.returncode == 1
    assert "s55tui stopped on an unexpected error (ValueError: a fault in a handler" in shown
    assert "Your drafts were saved" in shown
    assert "Traceback" not in shown
    assert load_draft(path).draft.items[1].cc_response == "Typed just before the fault"
    assert not lock_path(path.absolute()).exists()
    log = tmp_path / "state" / "s55tui" / "log" / "errors.log"
    assert "a fault in a handler" in log.read_text(encoding="utf-8")
