"""A copied text holding the terminal's end-of-paste sequence: what follows it is not obeyed.

The terminal wraps a paste in ESC[200~ ... ESC[201~; copied text that itself holds ESC[201~
ends the paste early, and the rest arrives as keys (under tmux it once deleted an item). The
app drops the control keys that come hard on the heels of a paste and keeps the printable
ones as text. Driven through a real pseudo-terminal, so the bytes go through the real parser.
"""

from __future__ import annotations

import os
import time

import pytest
from apptools import copy_example
from ptyapp import PtyApp
from testdata import EXAMPLE

from s55tui.draftfile import load_draft

pytestmark = [pytest.mark.process, pytest.mark.skipif(os.name != "posix", reason="pty is POSIX")]

DELETE, LEFT, BACKSPACE = "\x1b[3~", "\x1b[D", "\x7f"


def test_keys_smuggled_in_a_paste_are_not_obeyed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = copy_example(EXAMPLE, tmp_path)
    app = PtyApp(["open", "--today", "2021-01-20", path.name], tmp_path)
    try:
        app.wait_for("Steps")
        app.wait_for("Recommendation 4  ·  2 of 4")  # opened on the first response owed, cursor in it
        app.send(f"\x1b[200~Agreed\x1b[201~{LEFT}{LEFT}{BACKSPACE}{DELETE} in full")  # one write, as a paste
        app.wait_for("Keys that came inside the paste were ignored")
        # The typed-on text is not waited for on screen: the app may draw it in pieces
        # ("Agreed in fu", then "ll"), so the saved file below is what says where it went.
        # ctrl+q is a key of its own, sent well after the paste's 20 ms tail.
        time.sleep(0.2)
        app.send("\x11")  # ctrl+q, which saves
        app.process.wait(timeout=20)
    finally:
        app.close()
    saved = load_draft(path).draft.items[1].cc_response
    assert saved == "Agreed in full", repr(saved)
