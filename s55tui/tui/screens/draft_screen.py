"""The draft screen: the outline of steps beside the editor of the current one.

The officer is walked through the report's details, its key findings, every item, the
overall comments, the office-use checklist and the review. ``ctrl+n`` and ``ctrl+b`` walk
the steps, ``ctrl+g`` jumps to the next thing still owed, and the status line always shows
the last day, the progress and whether everything is saved.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, Static

from s55tui.errors import S55Error
from s55tui.model import Item
from s55tui.profile import Profile
from s55tui.progress import Progress, item_counts, owed_fields, progress
from s55tui.session import DraftSession
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.editors.details_editor import DetailsEditor
from s55tui.tui.screens.draft_items import ItemsMixin
from s55tui.tui.screens.draft_review import ReviewMixin
from s55tui.tui.screens.draft_saving import SavingMixin
from s55tui.tui.steps import DETAILS, REVIEW, Step, all_steps, next_unanswered, step_for_field
from s55tui.tui.widgets.outline import Outline
from s55tui.tui.widgets.status_line import StatusLine

# How often to make sure the lock is still ours (a colleague may have taken the draft over).
LOCK_CHECK_SECONDS = 5.0


class DraftScreen(SavingMixin, ItemsMixin, ReviewMixin, Screen):
    """One draft, step by step."""

    CSS_PATH = "draft_screen.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    AUTO_FOCUS = ""  # the step's own first field takes the focus, not the outline

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next_step", "Next", tooltip="Go to the next step", id="draft.next-step"),
        Binding(
            "ctrl+b",
            "previous_step",
            "Back",
            tooltip="Go back to the previous step",
            id="draft.previous-step",
        ),
        Binding(
            "ctrl+g",
            "next_unanswered",
            "Next owed",
            tooltip="Jump to the next response still owed, cursor in it",
            id="draft.next-unanswered",
        ),
        Binding(
            "ctrl+o",
            "focus_outline",
            "Outline",
            tooltip="Move to the outline of steps (then a, i, delete, alt+arrows)",
            id="draft.focus-outline",
        ),
        Binding(
            "ctrl+r",
            "review",
            "Review",
            tooltip="Review what is missing, preview and export",
            id="draft.review",
        ),
        Binding(
            "ctrl+s",
            "save_now",
            "Save",
            tooltip="Save now (autosave does it a second after you stop typing)",
            id="draft.save",
        ),
        Binding(
            "ctrl+l",
            "toggle_no_action",
            "No local action",
            tooltip="Mark the item no local action (or open again); give the reason",
            id="draft.no-local-action",
            show=False,
        ),
        Binding(
            "ctrl+t",
            "take_over",
            "Take over",
            tooltip="Take a read-only draft over from whoever has it open (asks first)",
            id="draft.take-over",
            show=False,
        ),
        Binding(
            "escape",
            "focus_editor",
            "Editor",
            tooltip="From the outline back to the step's fields",
            id="draft.focus-editor",
            show=False,
        ),
    ]

    def __init__(self, session: DraftSession, profile: Profile, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.profile = profile
        self.today = today
        self.step = Step(DETAILS)
        # A step asked for whose editor is still being built: (step, field, focus).
        self._pending_go: tuple[Step, str, bool] | None = None
        self._building: set[str] = set()  # kinds of editor being mounted now

    @property
    def draft(self):
        """The draft being edited (it changes object when the file is reloaded)."""
        return self.session.draft

    @property
    def path(self) -> Path:
        """Where the draft is saved."""
        return self.session.path

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        draft = self.draft
        yield Header()
        yield Static("", id="banner")
        with Horizontal(id="body"):
            yield Outline(draft, id="outline")
            # Only the first step's editor is built now; the others on their first visit
            # (see ``go``). Building all seven up front was most of the start-up time.
            with ContentSwitcher(initial="details", id="editors"):
                yield DetailsEditor(draft, id="details")
        yield StatusLine(id="status")
        yield Footer()

    def _prepare_for_saving(self) -> None:
        """After the first frame, parse the file for the first save on a thread (see the session)."""
        if not self.session.read_only:
            threading.Thread(
                target=self.session.prepare_for_saving, name="s55tui-prepare", daemon=True
            ).start()

    def on_mount(self) -> None:
        self.set_interval(LOCK_CHECK_SECONDS, self._check_lock)
        self.title = self.draft.report.title or self.path.name
        self.sub_title = str(self.path)
        self.query_one(Outline).rebuild(self.step)
        self.show_banner()
        self.go(self.step)
        self.call_after_refresh(self.editor.focus_first)
        self.call_after_refresh(self._prepare_for_saving)
        if not self.draft.items:
            self.notify(
                "No items yet. ctrl+o then i imports them from the report's text or file; "
                "a adds one by hand.",
                title="Items",
                timeout=12,
            )
        self.refresh_status()

    def show_banner(self) -> None:
        """Say at the top when the draft is read-only, or loaded with warnings."""
        banner = self.query_one("#banner", Static)
        lines = []
        if self.session.read_only:
            lines.append(f"Read-only: {self.session.held_by}. Press ctrl+t to take it over.")
        lines += [f"Warning: {w}" for w in self.session.warnings[:3]]
        banner.update("\n".join(lines))
        banner.display = bool(lines)
        banner.set_class(self.session.read_only, "-locked")
        for editor in self.query(StepEditor):
            editor.set_read_only(self.session.read_only)

    def commands(self) -> Iterable[SystemCommand]:
        """Every command of the draft screen, for the command palette (ctrl+p)."""
        step_item = self.step if self.step.kind == "item" else None
        yield SystemCommand("Next step", "Go to the next step (ctrl+n)", self.action_next_step)
        yield SystemCommand("Previous step", "Go back a step (ctrl+b)", self.action_previous_step)
        yield SystemCommand(
            "Next unanswered", "Jump to the next thing still owed (ctrl+g)", self.action_next_unanswered
        )
        yield SystemCommand("Check", "Review what the draft still needs (ctrl+r)", self.action_review)
        yield SystemCommand("Export", "Write the Word file, web page and Markdown", self._export_all)
        yield SystemCommand("Save", "Save now (ctrl+s); autosave does it anyway", self.action_save_now)
        yield SystemCommand(
            "Add item",
            "Add a recommendation or area for improvement",
            lambda: self.add_item(step_item.index if step_item else None),
        )
        yield SystemCommand(
            "Import items", "Bring items in from the report's text or file", self.import_items
        )
        if step_item is not None:
            yield SystemCommand(
                "Remove item",
                "Remove the current item (asks first)",
                lambda: self.remove_item(step_item.index),
            )
            yield SystemCommand(
                "Move item up", "Move the current item up", lambda: self.move_item(step_item.index, -1)
            )
            yield SystemCommand(
                "Move item down", "Move the current item down", lambda: self.move_item(step_item.index, 1)
            )
            yield SystemCommand(
                "No local action",
                "Mark the item no local action, with its reason (ctrl+l)",
                self.action_toggle_no_action,
            )
        if self.session.read_only:
            yield SystemCommand(
                "Take over", "Take the draft over from whoever has it open (ctrl+t)", self.action_take_over
            )
        yield SystemCommand("Open another draft", "Back to the drafts folder", self.action_close_draft)

    def _export_all(self) -> None:
        self.export_draft(("docx", "html", "md"))

    @work(exclusive=True, group="close")
    async def action_close_draft(self) -> None:
        """Save and go back to the drafts list (or quit, when the app was opened on this draft)."""
        if not await self.close_draft():
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    # -- navigation --------------------------------------------------------------------------
    @property
    def editor(self) -> StepEditor:
        """The editor of the current step."""
        return self.query_one(f"#{self.step.kind}", StepEditor)

    def flush_editor(self) -> None:
        """Write what the current editor shows into the model, marking the draft changed now:
        a save that follows at once must see it (the editor's Edited message comes later)."""
        if self.is_mounted and self.editor.flush():
            self.session.changed()

    def _new_editor(self, kind: str) -> StepEditor:
        """The editor of a step of ``kind``, built on the step's first visit."""
        from s55tui.tui.editors.checklist_editor import ChecklistEditor
        from s55tui.tui.editors.item_editor import ItemEditor
        from s55tui.tui.editors.review_editor import ReviewEditor
        from s55tui.tui.editors.text_steps import (
            ChiefCommentsEditor,
            CommissionerCommentsEditor,
            FindingsEditor,
        )

        draft = self.draft
        if kind == "checklist":
            return ChecklistEditor(draft, self.today, id=kind)
        if kind == REVIEW:
            return ReviewEditor(draft, self.template_names(), id=kind)
        factory = {
            DETAILS: DetailsEditor,
            "findings": FindingsEditor,
            "item": ItemEditor,
            "cc": ChiefCommentsEditor,
            "pcc": CommissionerCommentsEditor,
        }[kind]
        return factory(draft, id=kind)

    def _has_editor(self, kind: str) -> bool:
        switcher = self.query_one("#editors", ContentSwitcher)
        return any(child.id == kind for child in switcher.children) and kind not in self._building

    async def _build_editor(self, kind: str) -> None:
        """Mount the editor of ``kind``, then open the step asked for meanwhile (the latest)."""
        editor = self._new_editor(kind)
        try:
            await self.query_one("#editors", ContentSwitcher).add_content(editor)
            editor.set_read_only(self.session.read_only)
        finally:
            self._building.discard(kind)
        # open it once laid out: focusing a field before then scrolls the form to where the
        # field seemed to be while the text boxes had not yet grown to their text
        self.call_after_refresh(self._go_pending)

    def _go_pending(self) -> None:
        pending, self._pending_go = self._pending_go, None
        if pending is not None:
            step, field, focus = pending
            self.go(step, field, focus=focus)

    def go(self, step: Step, field: str = "", *, focus: bool = True) -> None:
        """Open ``step``, focusing ``field`` (or its first field); saves what was typed before.

        A step visited for the first time opens once its editor is mounted, a moment later;
        until then typing goes on in the current step. The latest step asked for wins.
        """
        steps = all_steps(self.draft)
        if step not in steps:
            step = steps[0]
        if not self._has_editor(step.kind):
            self._pending_go = (step, field, focus)
            if step.kind not in self._building:
                self._building.add(step.kind)
                self.run_worker(self._build_editor(step.kind), group=f"build-{step.kind}")
            return
        self._pending_go = None
        self.flush_editor()
        changed_step = step != self.step
        self.step = step
        switcher = self.query_one("#editors", ContentSwitcher)
        switcher.current = step.kind  # each editor's id is its step's kind
        editor = self.editor
        if step.kind == "item":
            editor.show(step.index)  # type: ignore[attr-defined]
        else:
            editor.load()
        outline = self.query_one(Outline)
        outline.select_step(step)
        if step.kind == REVIEW:
            self.refresh_review()
        if focus and not (field and editor.focus_field(field)):
            editor.focus_first()
        if changed_step and self.session.dirty:
            self.save_soon()

    @on(Outline.OptionSelected, "#outline")
    def _outline_chosen(self, event: Outline.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.go(Step.from_id(event.option.id))

    def _move(self, offset: int) -> None:
        steps = all_steps(self.draft)
        index = steps.index(self.step) if self.step in steps else 0
        self.go(steps[max(0, min(len(steps) - 1, index + offset))])

    def action_next_step(self) -> None:
        """Go to the next step."""
        self._move(1)

    def action_previous_step(self) -> None:
        """Go back to the previous step."""
        self._move(-1)

    def action_next_unanswered(self) -> None:
        """Go to the next step that still owes something."""
        self.flush_editor()
        step = next_unanswered(self.draft, self.step)
        if step is None:
            self.notify("Nothing is owed: every response is written. Review and export when ready.")
            self.go(Step(REVIEW))
            return
        owed = owed_fields(self.draft.items[step.index]) if step.kind == "item" else []
        self.go(step, owed[0] if owed else "")

    def action_focus_outline(self) -> None:
        """Move to the outline of steps."""
        self.query_one(Outline).focus()

    def action_focus_editor(self) -> None:
        """Back from the outline to the editor."""
        if self.query_one(Outline).has_focus:
            self.editor.focus_first()

    def action_review(self) -> None:
        """Go to Review and export."""
        self.go(Step(REVIEW))

    def jump_to_field(self, field: str) -> None:
        """Open the step holding a check finding's field and put the cursor in it."""
        step, name = step_for_field(field, self.draft)
        self.go(step, name)

    # -- edits -------------------------------------------------------------------------------
    @on(StepEditor.Edited)
    def _edited(self, event: StepEditor.Edited) -> None:
        """Mark the draft unsaved and redraw what the edit can have changed.

        This runs on every keystroke, so nothing here grows with the draft: an edit to an item
        changes that item's mark, and the progress only when the item's count of responses
        written or owed moved (summing a 1,000-item draft costs ~2 ms); an edit anywhere else
        changes no item, so only the fixed steps' marks and the deadline.
        """
        event.stop()
        if not event.counted:
            self.session.changed()
        outline = self.query_one(Outline)
        item = event.obj
        if isinstance(item, Item):
            step = self._step_of(item)
            if step is not None:
                outline.refresh_step(step)
            counts = item_counts(item)
            counted = self._counted
            self.refresh_status(recount=counted is None or counted[0] is not item or counted[1] != counts)
            self._counted = (item, counts)
        else:
            outline.refresh_fixed()
            if event.name in ("title",):
                self.title = self.draft.report.title or self.path.name
            self.refresh_status(recount=False)
        self.schedule_save()

    def _step_of(self, item: Item) -> Step | None:
        """The step showing ``item``: nearly always the current one, so no search of the draft."""
        items = self.draft.items
        if self.step.kind == "item" and 0 <= self.step.index < len(items) and items[self.step.index] is item:
            return self.step
        return next((Step("item", i) for i, each in enumerate(items) if each is item), None)

    # The progress last shown, and an item with its (written, owed) counts when it was shown:
    # while that item is edited and its counts stay put, the progress cannot have moved.
    _done: Progress | None = None
    _counted: tuple[Item, tuple[int, int]] | None = None

    def refresh_status(self, *, recount: bool = True) -> None:
        """Redraw the deadline, progress and save state; ``recount=False`` when no item's
        counts can have changed, so the progress is not summed over the draft again."""
        if recount or self._done is None:
            self._done = progress(self.draft)
            self._counted = None
        status = self.query_one(StatusLine)
        status.show_draft(self.draft, self.today, self._done)
        self.show_save_state()

    def show_save_state(self) -> None:
        """Show the save state; a save that lands while the screen is being closed shows nothing.

        (The save worker can finish after quitting has begun to take the screen apart; the
        status line is then gone, and that must not end the app with a traceback.)
        """
        found = self.query(StatusLine)
        if not found:
            return
        status = found.first()
        session = self.session
        status.show_save_state(session.status_text(), failed=bool(session.error), dirty=session.dirty)

    async def action_save_now(self) -> None:
        """Save now (autosave does this anyway)."""
        if await self.save():
            self.notify(f"Saved {self.path.name}.", timeout=2)

    # -- the lock ----------------------------------------------------------------------------
    def _check_lock(self) -> None:
        """Go read-only, and say so, if a colleague took the draft over."""
        from s55tui.tui.locking import lost_to

        if self.session.read_only:
            return
        who = lost_to(self.session)
        if who is None:
            return
        self.flush_editor()
        self.session.read_only = True
        self.session.held_by = f"taken over by {who}"
        self.session.lock = None
        self.show_banner()
        self.show_save_state()
        if self.session.dirty:
            self.changed_on_disk()
        self.notify(f"{who} took this draft over; it is read-only here now.", severity="warning", timeout=15)

    @work(exclusive=True, group="lock")
    async def action_take_over(self) -> None:
        """Take the draft over from whoever has it open, after confirming; then show their latest."""
        from s55tui.tui.dialogs.confirm import ConfirmDialog
        from s55tui.tui.locking import take_over_session

        if not self.session.read_only:
            self.notify("You already have this draft open for editing.")
            return
        question = (
            f"This draft is {self.session.held_by}.\n\nTake it over? If they are still working on it, "
            "their copy turns read-only and their next save is refused, so nothing of theirs is overwritten."
        )
        if not await self.app.push_screen_wait(ConfirmDialog(question, "Take over", "Leave it")):
            return
        try:
            take_over_session(self.session)
            self.session.reload()
        except S55Error as error:
            self.notify(str(error), title="Not taken over", severity="error")
            return
        self.reload_view()
        self.show_banner()
        self.notify("The draft is yours to edit now.", title="Taken over")

    # -- closing -----------------------------------------------------------------------------
    async def _settle_keys(self, timeout: float = 2.0) -> None:
        """Let keys typed just before ctrl+q reach their text box before the last save.

        ctrl+q is answered ahead of the keys still queued for the text box (it has priority),
        so "More" typed in flow with ctrl+q would otherwise miss the save.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any(
            node.message_queue_size for node in self.walk_children(with_self=True)
        ):
            await asyncio.sleep(0.01)

    async def close_draft(self) -> bool:
        """Save before leaving; False when the officer chose to stay because saving failed."""
        self.cancel_autosave()
        await self._settle_keys()
        if await self.save(quiet=True) or not self.session.dirty:
            self.release_lock()
            return True
        from s55tui.tui.dialogs.choice import ChoiceDialog
        from s55tui.tui.recovery import recovery_copy_path, write_recovery_copy

        target = recovery_copy_path(self.path)
        session = self.session
        why = session.error or (
            f"it is {session.held_by}" if session.read_only else "the save did not finish"
        )
        question = (
            f"{self.path.name} could not be saved: {why}\n\n"
            f"Save a copy of everything to {target} and quit, or stay and fix the problem?"
        )
        answers = [
            ("s", "Save copy and quit", "copy"),
            ("escape", "Stay", "stay"),
            ("d", "Quit, losing changes", "discard"),
        ]
        choice = await self.app.push_screen_wait(ChoiceDialog(question, answers, title="Not saved"))
        if choice == "copy":
            try:
                write_recovery_copy(self.session, target)
            except S55Error as error:
                self.notify(f"{error}", title="The copy could not be saved either", severity="error")
                return False
        elif choice != "discard":
            return False
        self.release_lock()
        return True

    def on_unmount(self) -> None:
        """However the screen goes, the lock goes with it (quitting already released it)."""
        self.release_lock()

    def release_lock(self) -> None:
        """Let others open the draft again."""
        lock = self.session.lock
        if lock is not None and hasattr(lock, "release"):
            lock.release()

    @work(exclusive=True, group="disk")
    async def changed_on_disk(self) -> None:
        """Someone else saved the draft: reload theirs, or keep ours as a copy; never overwrite."""
        from s55tui.draftfile.writer import save_copy
        from s55tui.tui.dialogs.choice import ChoiceDialog

        question = (
            f"{self.path.name} was changed on disk by someone else since you opened it. "
            "s55tui has not overwritten it.\n\nKeep your version as a copy beside it and go on "
            "editing the copy, or open their version (yours is still kept as a copy)?"
        )
        answers = [("k", "Keep mine as a copy", "copy"), ("r", "Open theirs", "reload")]
        choice = await self.app.push_screen_wait(ChoiceDialog(question, answers, title="Changed on disk"))
        if choice is None:
            return
        self.flush_editor()
        original = self.path
        try:
            copy = save_copy(original, self.session.snapshot().draft)
        except S55Error as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        if choice == "reload":
            try:
                self.session.reload()
            except S55Error as error:  # theirs cannot be read (another encoding, broken TOML)
                choice = "copy"
                self.notify(
                    f"Their version cannot be opened: {error}",
                    title="Changed on disk",
                    severity="error",
                    timeout=15,
                )
            else:
                self.reload_view()
                message = f"Opened their version. Yours is kept as {copy.name}."
        if choice == "copy":
            self.session.moved_to(copy)
            self.sub_title = str(copy)
            message = f"Your version is saved as {copy.name}; you are now editing it."
        self.notify(message, title="Changed on disk", timeout=12)
        self.show_save_state()

    def reload_view(self) -> None:
        """Show the session's (reloaded) draft in every editor."""
        for editor in self.query(StepEditor):
            editor.draft = self.draft  # type: ignore[attr-defined]
            editor.loaded = False
        outline = self.query_one(Outline)
        outline.draft = self.draft
        self.step = Step(DETAILS)
        outline.rebuild(self.step)
        self.go(self.step)
        self.refresh_status()
