"""How the draft screen keeps the draft on disk: autosave, the lock, a colleague's changes, quitting.

Saving runs on a worker thread from a snapshot (see ``s55tui.session``), so a 1,000-item
draft never stalls a keystroke. One save runs at a time; edits made during a save are picked
up by the next. A failed save leaves every word in the app and says why, once, in a
notification, and the status line keeps saying NOT SAVED until a save succeeds. Everything
that can stop a save (a colleague took the draft over, or saved it meanwhile) is answered
here, and so is leaving: nothing typed is dropped on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.widgets import Static

from s55tui.autosave import AutosaveSchedule
from s55tui.errors import ChangedOnDiskError, DraftError, LockLostError, S55Error
from s55tui.session import DraftSession
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.steps import DETAILS, Step
from s55tui.tui.widgets.outline import Outline

if TYPE_CHECKING:
    from s55tui.tui.screens.draft_screen import DraftScreen

# How often to make sure the lock is still ours (a colleague may have taken the draft over).
LOCK_CHECK_SECONDS = 5.0


class DraftSaver:
    """The saving, locking and closing of the draft shown on ``screen``."""

    def __init__(self, screen: DraftScreen) -> None:
        self.screen = screen
        self.schedule = AutosaveSchedule(screen.set_timer, self.save_soon)
        self._save_lock = asyncio.Lock()
        self._last_error_shown: str | None = None

    @property
    def session(self) -> DraftSession:
        """The draft's session (the screen's, always)."""
        return self.screen.session

    def start(self, then: Callable[[], None] | None = None) -> None:
        """After the first frame: watch the lock, and parse the file for the first save on a
        thread; then ``then``, on that thread (more work ahead of need, one thing at a time)."""
        self.screen.set_interval(LOCK_CHECK_SECONDS, self.check_lock)
        session = self.session

        def ahead() -> None:
            if not session.read_only:
                session.prepare_for_saving()
            if then is not None:
                then()

        threading.Thread(target=ahead, name="s55tui-prepare", daemon=True).start()

    # -- saving ------------------------------------------------------------------------------
    def save_soon(self) -> None:
        """Start a save in the background now."""
        self.screen.run_worker(self.save(), group="save")

    async def save(self, *, quiet: bool = False) -> bool:
        """Save the draft if it has unsaved edits; True when the file holds everything typed."""
        screen, session = self.screen, self.session
        if self._save_lock.locked() and session.slow_to_save() and not session.read_only:
            # a big draft's full save is under way: what was typed since goes to the journal
            # now (milliseconds), not after that save and the next
            screen.flush_editor()
            if session.dirty:
                await asyncio.to_thread(session.journal)  # only the fields edited since
        async with self._save_lock:
            screen.flush_editor()
            if session.read_only:
                return not session.dirty
            if not session.dirty:
                return True
            snap = session.snapshot()
            try:
                await asyncio.to_thread(session.write, snap)
            except LockLostError as error:
                session.failed(error)
                self.check_lock()  # read-only now, and says who has it
                return False
            except ChangedOnDiskError as error:
                session.failed(error)
                screen.changes.show_save_state()
                if not quiet:
                    self._ask_about_their_changes()
                return False
            except DraftError as error:
                session.failed(error)
                screen.changes.show_save_state()
                if not quiet and str(error) != self._last_error_shown:
                    self._last_error_shown = str(error)
                    screen.notify(
                        f"{error}\nEverything you typed is still here; s55tui will try again.",
                        title="Not saved",
                        severity="error",
                        timeout=10,
                    )
                return False
            session.landed(snap)
            self._last_error_shown = None
            screen.changes.show_save_state()
            return True

    def _ask_about_their_changes(self) -> None:
        """Ask what to do about a colleague's save, once typing has paused: a dialog now would
        swallow the keystrokes (and a "k" or "r" typed in flow would answer it)."""
        if self.schedule.typing():
            self.schedule.retry_later()
        elif not self.schedule.pending:
            self.screen.run_worker(self.changed_on_disk(), group="disk", exclusive=True)

    async def changed_on_disk(self) -> None:
        """Someone else saved the draft: reload theirs, or keep ours as a copy; never overwrite."""
        from s55tui.draftfile.writer import save_copy
        from s55tui.tui.dialogs.choice import ChoiceDialog

        screen, session = self.screen, self.session
        question = (
            f"{session.path.name} was changed on disk by someone else since you opened it. "
            "s55tui has not overwritten it.\n\nKeep your version as a copy beside it and go on "
            "editing the copy, or open their version (yours is still kept as a copy)?"
        )
        answers = [("k", "Keep mine as a copy", "copy"), ("r", "Open theirs", "reload")]
        choice = await screen.app.push_screen_wait(ChoiceDialog(question, answers, title="Changed on disk"))
        if choice is None:
            return
        screen.flush_editor()
        try:
            copy = save_copy(session.path, session.snapshot().draft)
        except S55Error as error:
            screen.notify(str(error), title="Not saved", severity="error")
            return
        message = ""
        if choice == "reload":
            try:
                session.reload()
            except S55Error as error:  # theirs cannot be read (another encoding, broken TOML)
                choice = "copy"
                screen.notify(
                    f"Their version cannot be opened: {error}",
                    title="Changed on disk",
                    severity="error",
                    timeout=15,
                )
            else:
                self.reload_view()
                message = f"Opened their version. Yours is kept as {copy.name}."
        if choice == "copy":
            session.moved_to(copy)
            screen.sub_title = str(copy)
            message = f"Your version is saved as {copy.name}; you are now editing it."
        screen.notify(message, title="Changed on disk", timeout=12)
        screen.changes.show_save_state()

    # -- what the screen shows of it ---------------------------------------------------------
    def show_banner(self) -> None:
        """Say at the top when the draft is read-only, or loaded with warnings; a read-only
        draft's fields take no typing."""
        screen, session = self.screen, self.session
        banner = screen.query_one("#banner", Static)
        lines = []
        if session.read_only:
            lines.append(f"Read-only: {session.held_by}. Press ctrl+t to take it over.")
        lines += [f"Warning: {w}" for w in session.warnings[:3]]
        banner.update("\n".join(lines))
        banner.display = bool(lines)
        banner.set_class(session.read_only, "-locked")
        for editor in screen.query(StepEditor):
            editor.set_read_only(session.read_only)

    def reload_view(self) -> None:
        """Show the session's draft, read again from the file, in every editor."""
        screen = self.screen
        for editor in screen.query(StepEditor):
            editor.show_draft(screen.draft)
        outline = screen.query_one(Outline)
        outline.draft = screen.draft
        outline.rebuild(Step(DETAILS))
        screen.nav.reopen()
        screen.changes.refresh_status()

    # -- the lock ----------------------------------------------------------------------------
    def check_lock(self) -> None:
        """Go read-only, and say so, if a colleague took the draft over."""
        screen, session = self.screen, self.session
        if session.read_only:
            return
        who = session.lost_to()
        if who is None:
            return
        screen.flush_editor()
        session.lose_lock(who)
        self.show_banner()
        screen.changes.show_save_state()
        if session.dirty:
            screen.run_worker(self.changed_on_disk(), group="disk", exclusive=True)
        screen.notify(
            f"{who} took this draft over; it is read-only here now.", severity="warning", timeout=15
        )

    async def take_over(self) -> None:
        """Take the draft over from whoever has it open, after confirming; then show their latest."""
        from s55tui.tui.dialogs.confirm import ConfirmDialog

        screen, session = self.screen, self.session
        if not session.read_only:
            screen.notify("You already have this draft open for editing.")
            return
        question = (
            f"This draft is {session.held_by}.\n\nTake it over? If they are still working on it, "
            "their copy turns read-only and their next save is refused, so nothing of theirs is overwritten."
        )
        if not await screen.app.push_screen_wait(ConfirmDialog(question, "Take over", "Leave it")):
            return
        try:
            session.take_over()
        except S55Error as error:
            screen.notify(str(error), title="Not taken over", severity="error")
            return
        self.reload_view()
        self.show_banner()
        screen.notify("The draft is yours to edit now.", title="Taken over")

    # -- closing -----------------------------------------------------------------------------
    async def _settle_keys(self, timeout: float = 10.0) -> None:
        """Let keys typed just before ctrl+q reach their text box before the last save.

        ctrl+q is answered ahead of the keys still queued for the text box (it has priority),
        so "More" typed in flow with ctrl+q would otherwise miss the save. A queue that is
        empty is not enough: the last key may have left it and still be on its way into the
        box (a save under load once lost the "l" of "in full" so). So a callback is queued
        behind the keys of the box with the cursor, and the save waits until it has run.
        """
        deadline = time.monotonic() + timeout
        focused = self.screen.app.focused
        if focused is not None and focused.is_attached:
            reached = asyncio.Event()
            focused.call_later(reached.set)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(reached.wait(), timeout)
        while time.monotonic() < deadline and any(
            node.message_queue_size for node in self.screen.walk_children(with_self=True)
        ):
            await asyncio.sleep(0.01)

    async def close(self) -> bool:
        """Save before leaving; False when the officer chose to stay because saving failed."""
        from s55tui.tui.dialogs.choice import ChoiceDialog
        from s55tui.tui.recovery import recovery_copy_path, write_recovery_copy

        self.schedule.cancel()
        await self._settle_keys()
        session = self.session
        if await self.save(quiet=True) or not session.dirty:
            session.release_lock()
            return True
        target = recovery_copy_path(session.path)
        why = session.error or (
            f"it is {session.held_by}" if session.read_only else "the save did not finish"
        )
        question = (
            f"{session.path.name} could not be saved: {why}\n\n"
            f"Save a copy of everything to {target} and quit, or stay and fix the problem?"
        )
        answers = [
            ("s", "Save copy and quit", "copy"),
            ("escape", "Stay", "stay"),
            ("d", "Quit, losing changes", "discard"),
        ]
        choice = await self.screen.app.push_screen_wait(ChoiceDialog(question, answers, title="Not saved"))
        if choice == "copy":
            try:
                write_recovery_copy(session, target)
            except S55Error as error:
                self.screen.notify(f"{error}", title="The copy could not be saved either", severity="error")
                return False
        elif choice != "discard":
            return False
        session.release_lock()
        return True
