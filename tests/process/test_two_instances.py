"""Two officers on one draft, in the app: read-only with a name, take-over, stale and foreign locks,
and a draft changed on disk while open (keep mine as a copy, or open theirs; nothing overwritten).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from apptools import copy_example, run_app, type_text, until
from testdata import EXAMPLE
from textual import events
from textual.widgets import Static, TextArea

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.lock import DraftLock, acquire, take_over, who_holds
from s55tui.draftfile.lockrecord import lock_path, record_path, this_host, this_user
from s55tui.tui.dialogs.choice import ChoiceDialog
from s55tui.tui.screens.draft_screen import DraftScreen
from s55tui.tui.steps import Step

pytestmark = pytest.mark.process

MINE = "Mine: we accept this in full."
THEIRS = "Theirs: accepted, with a plan by June."


def banner_text(app) -> str:  # type: ignore[no-untyped-def]
    banner = app.screen.query_one("#banner", Static)
    return str(banner.render()) if banner.display else ""


def dead_pid() -> int:
    """A pid that ran on this computer and no longer does."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def plant(draft: Path, pid: int, host: str, user: str = "jsmith") -> None:
    """Lock files as another s55tui would have left them (as in test_lock)."""
    lock_path(draft).write_text(f"{pid}\n{host}\n", encoding="utf-8")
    record = {"app": "s55tui", "user": user, "host": host, "pid": pid, "since": "2026-11-22T14:03:00+00:00"}
    record_path(draft).write_text(json.dumps({**record, "token": "x"}), encoding="utf-8")


# -- two instances -----------------------------------------------------------------------------


def test_second_instance_is_read_only_names_the_holder_and_can_take_over(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    first = acquire(path)  # the first instance (this process's pid counts as alive)
    assert isinstance(first, DraftLock)
    before = path.read_bytes()

    async def second(app, pilot) -> None:
        screen = app.screen
        text = banner_text(app)
        assert text.startswith(f"Read-only: open by {this_user()} on {this_host()} since ")
        assert "Press ctrl+t to take it over." in text
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        await type_text(pilot, "typed while read-only")
        await pilot.pause(1.6)
        assert path.read_bytes() == before
        assert not screen.session.dirty
        assert all("typed while read-only" not in i.cc_response for i in screen.draft.items)

        await pilot.press("ctrl+t")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.session.read_only
        assert banner_text(app) == "" or "Read-only" not in banner_text(app)
        assert not first.still_ours()  # the first instance would now go read-only
        # read again, the draft opens where opening it does: the first response still owed
        assert screen.step == Step("item", 1) and app.focused.id == "f-cc_response"
        await type_text(pilot, MINE)
        await pilot.pause(2.0)
        assert load_draft(path).draft.items[1].cc_response == MINE
        await pilot.press("ctrl+q")
        await pilot.pause()

    try:
        run_app(path, second)
    finally:
        first.release()
    assert not lock_path(path).exists()


def test_lock_left_by_a_killed_process_here_is_taken_over_automatically(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    plant(path, dead_pid(), this_host())

    async def reopen(app, pilot) -> None:
        screen = app.screen
        assert not screen.session.read_only
        assert isinstance(screen.session.lock, DraftLock)
        assert "Read-only" not in banner_text(app)
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        await type_text(pilot, MINE)
        await pilot.pause(2.0)
        assert load_draft(path).draft.items[1].cc_response == MINE
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, reopen)


def test_lock_from_another_computer_is_reported_never_broken(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    plant(path, dead_pid(), "OPCC-PC12")  # dead here proves nothing about OPCC-PC12
    lock_before, record_before, draft_before = (
        lock_path(path).read_bytes(),
        record_path(path).read_bytes(),
        path.read_bytes(),
    )

    async def second(app, pilot) -> None:
        assert app.screen.session.read_only
        assert banner_text(app).startswith("Read-only: open by jsmith on OPCC-PC12 since ")
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        await type_text(pilot, "not mine to save")
        await pilot.pause(1.6)
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, second)
    assert lock_path(path).read_bytes() == lock_before
    assert record_path(path).read_bytes() == record_before
    assert path.read_bytes() == draft_before


# -- changed on disk while open ----------------------------------------------------------------


def colleague_saves(path: Path) -> bytes:
    """A colleague's s55tui answers the same response and saves; the bytes they left."""
    theirs = load_draft(path).draft
    theirs.items[1].cc_response = THEIRS
    save_draft(path, theirs, loaded_from=path)
    return path.read_bytes()


def conflict(path: Path, answer: str) -> tuple[bytes, list[Path], str]:
    """Open, let a colleague save, type, answer the dialog; (their bytes, copies, what the app shows)."""
    shown: dict[str, object] = {}

    async def session(app, pilot) -> None:
        screen = app.screen
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        shown["theirs"] = colleague_saves(path)
        # pasted, not typed key by key: on a loaded machine a second could pass between two
        # keys, and the dialog (rightly) comes at the first pause in the typing
        app.post_message(events.Paste(MINE))
        for _ in range(40):  # the dialog waits for a pause in the typing, then for the save
            if isinstance(app.screen, ChoiceDialog):
                break
            await pilot.pause(0.1)
        assert isinstance(app.screen, ChoiceDialog), "no dialog after saving over a changed file"
        assert path.read_bytes() == shown["theirs"]  # not overwritten while asking
        await pilot.press(answer)
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen.go(Step("item", 1))
        await pilot.pause()
        shown["area"] = screen.query_one("#f-cc_response", TextArea).text
        shown["path"] = screen.session.path
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, session)
    copies = sorted(path.parent.glob(f"{path.stem} (my copy *){path.suffix}"))
    assert shown["path"] == (copies[0] if answer == "k" else path)
    return shown["theirs"], copies, str(shown["area"])  # type: ignore[return-value]


def test_changed_on_disk_keep_mine_as_a_copy(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    theirs, copies, area = conflict(path, "k")
    assert path.read_bytes() == theirs  # exactly the colleague's file
    assert len(copies) == 1
    assert load_draft(copies[0]).draft.items[1].cc_response == MINE
    assert area == MINE  # still editing mine, in the copy


def test_changed_on_disk_open_theirs_keeps_mine_as_a_copy(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    theirs, copies, area = conflict(path, "r")
    assert path.read_bytes() == theirs
    assert area == THEIRS  # the app shows their version
    assert len(copies) == 1
    assert load_draft(copies[0]).draft.items[1].cc_response == MINE


def test_a_save_after_a_take_over_is_refused_at_once_not_at_the_next_poll(tmp_path: Path) -> None:
    """The lock is looked at before every save: nothing of ours lands after a colleague took over."""
    path = copy_example(EXAMPLE, tmp_path)
    seen: dict[str, object] = {}

    async def taken_over(app, pilot) -> None:
        screen = app.screen
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        colleague = take_over(path, who_holds(path))  # they confirmed, on their computer
        theirs = path.read_bytes()
        await type_text(pilot, MINE)
        await pilot.press("ctrl+s")  # well inside the five seconds between polls of the lock
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))  # the save runs in a worker
        seen["file unchanged"] = path.read_bytes() == theirs
        seen["read-only"] = screen.session.read_only
        seen["banner"] = str(screen.query_one("#banner", Static).render())
        seen["asked"] = isinstance(app.screen, ChoiceDialog)  # keep mine as a copy?
        # what was typed before the box went read-only (autosave may have found out first)
        seen["kept"] = screen.draft.items[1].cc_response
        seen["shown"] = screen.query_one("#f-cc_response", TextArea).text
        colleague.release()

    run_app(path, taken_over)
    assert seen["file unchanged"] is True
    assert seen["read-only"] is True
    assert "taken over by" in str(seen["banner"])
    assert seen["asked"] is True
    assert seen["kept"] and MINE.startswith(str(seen["kept"]))  # stays in the app, to keep as a copy
    assert seen["shown"] == seen["kept"]  # the box shows exactly what the app keeps


def test_open_theirs_when_theirs_cannot_be_read_goes_on_in_my_copy(tmp_path: Path) -> None:
    """Their editor saved the draft in cp1252: opening it fails, so the officer goes on in the copy."""
    path = copy_example(EXAMPLE, tmp_path)
    seen: dict[str, object] = {}

    async def session(app, pilot) -> None:
        screen = app.screen
        await pilot.pause()  # the draft opened on Recommendation 4's chief constable response
        text = path.read_text(encoding="utf-8").replace('version = "', 'version = "colleague’s £ ', 1)
        path.write_bytes(text.encode("cp1252"))
        seen["theirs"] = path.read_bytes()
        await type_text(pilot, MINE)
        for _ in range(40):
            if isinstance(app.screen, ChoiceDialog):
                break
            await pilot.pause(0.1)
        seen["asked"] = isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen["screen"] = app.screen
        seen["path"] = screen.session.path
        seen["area"] = screen.query_one("#f-cc_response", TextArea).text
        await pilot.press("ctrl+q")
        await pilot.pause()

    run_app(path, session)
    copies = sorted(path.parent.glob(f"{path.stem} (my copy *){path.suffix}"))
    assert seen["asked"] is True
    assert isinstance(seen["screen"], DraftScreen)  # still working, no traceback
    assert len(copies) == 1 and seen["path"] == copies[0]
    assert seen["area"] == MINE and load_draft(copies[0]).draft.items[1].cc_response == MINE
    assert path.read_bytes() == seen["theirs"]  # theirs untouched
