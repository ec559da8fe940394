"""The draft screen: the outline of steps beside the editor of the current one.

The officer is walked through the report's details, its key findings, every item, the
overall comments, the office-use checklist and the review. ``ctrl+n`` and ``ctrl+b`` walk
the steps, ``ctrl+g`` jumps to the next response still owed, and the status line always
shows the last day, the progress and whether everything is saved.

Text goes only where the officer can see it: every route to a step (keys, palette, outline,
a finding, ctrl+g) ends with the cursor in that step, never left in a step no longer shown,
and a paste with no text box to go into is refused. Saving, the lock and closing are the
``DraftSaver``'s; the item commands are ``ItemActions``'; the check, preview and export are
the review editor's. Every edit is recorded in one place, ``record_change``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, Input, Static, TextArea

from s55tui.model import Draft, Item
from s55tui.profile import Profile
from s55tui.progress import Progress, item_counts, progress
from s55tui.session import DraftSession
from s55tui.tui.commands import bindings, palette
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.editors.details_editor import DetailsEditor
from s55tui.tui.screens.draft_commands import DRAFT_COMMANDS
from s55tui.tui.screens.draft_items import ItemActions
from s55tui.tui.screens.draft_saver import DraftSaver
from s55tui.tui.steps import DETAILS, REVIEW, Step, all_steps, next_owed, step_for_field
from s55tui.tui.widgets.outline import Outline
from s55tui.tui.widgets.status_line import StatusLine

# Commands that need an item open, and those that change the draft.
_ITEM_ACTIONS = {"toggle_no_action", "remove_item", "move_item_up", "move_item_down"}
_WRITING_ACTIONS = _ITEM_ACTIONS | {"add_item", "import_items"}


class DraftScreen(Screen[None]):
    """One draft, step by step."""

    CSS_PATH = "draft_screen.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - as Screen declares it
    AUTO_FOCUS = ""  # the step's own first field takes the focus, not the outline
    BINDINGS: ClassVar[list[BindingType]] = bindings(DRAFT_COMMANDS)
    COMMANDS_LIST = DRAFT_COMMANDS

    def __init__(self, session: DraftSession, profile: Profile, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self.profile = profile
        self.today = today
        self.step = Step(DETAILS)
        self.saver = DraftSaver(self)
        self.items = ItemActions(self)
        # A step asked for whose editor is still being built: (step, field, focus, then).
        self._pending_go: tuple[Step, str, bool, Callable[[StepEditor], None] | None] | None = None
        self._building: set[str] = set()  # kinds of editor being mounted now
        # The progress last shown, and an item with its (written, owed) counts when it was
        # shown: while that item is edited and its counts stay put, the progress cannot move.
        self._done: Progress | None = None
        self._counted: tuple[Item, tuple[int, int]] | None = None

    @property
    def draft(self) -> Draft:
        """The draft being edited (it changes object when the file is reloaded)."""
        return self.session.draft

    @property
    def path(self) -> Path:
        """Where the draft is saved."""
        return self.session.path

    # -- layout ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="banner")
        with Horizontal(id="body"):
            yield Outline(self.draft, id="outline")
            # Only the first step's editor is built now; the others on their first visit
            # (see ``go``). Building all seven up front was most of the start-up time.
            with ContentSwitcher(initial=DETAILS, id="editors"):
                yield self._new_editor(DETAILS)
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.draft.report.title or self.path.name
        self.sub_title = str(self.path)
        self.query_one(Outline).rebuild(self.step)
        self.show_banner()
        self.go(self.step)
        self.call_after_refresh(self.saver.start)
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

    # -- commands ----------------------------------------------------------------------------
    def commands(self) -> Iterable[SystemCommand]:
        """The commands that can run now, for the command palette (ctrl+p)."""
        return palette(self, DRAFT_COMMANDS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Item commands need an item open; changes need a draft that is not read-only."""
        if action in _ITEM_ACTIONS and self.step.kind != "item":
            return False
        if action in _WRITING_ACTIONS and self.session.read_only:
            return False
        if action == "take_over":
            return self.session.read_only
        if action == "focus_editor":
            return self.query_one(Outline).has_focus
        return True

    def action_next_step(self) -> None:
        """Go to the next step."""
        self._move(1)

    def action_previous_step(self) -> None:
        """Go back to the previous step."""
        self._move(-1)

    def action_next_owed(self) -> None:
        """Go to the first response still owed after the cursor, cursor in it (going round)."""
        self.flush_editor()
        found = next_owed(self.draft, self.step, self._focused_field())
        if found is None:
            self.notify("Nothing is owed: every response is written. Review and export when ready.")
            return
        self.go(*found)

    def action_focus_outline(self) -> None:
        """Move to the outline of steps."""
        self.query_one(Outline).focus()

    def action_focus_editor(self) -> None:
        """Back from the outline to the editor."""
        self._focus_step("")

    def action_review(self) -> None:
        """Go to Review and export."""
        self.go(Step(REVIEW))

    async def action_save_now(self) -> None:
        """Save now (autosave does this anyway)."""
        if await self.saver.save():
            self.notify(f"Saved {self.path.name}.", timeout=2)

    def action_export(self) -> None:
        """Export in every format, from the review step (where the result is shown)."""
        self.export_draft(("docx", "html", "md"))

    def export_draft(self, formats: tuple[str, ...]) -> None:
        """Go to the review step and export there in ``formats``."""
        from s55tui.tui.editors.review_editor import ReviewEditor

        def start(editor: StepEditor) -> None:
            if isinstance(editor, ReviewEditor):
                editor.export(formats)

        self.go(Step(REVIEW), then=start)

    def action_add_item(self) -> None:
        """Add an item after the current one (else at the end)."""
        self.items.add(self.items.current())

    @work(exclusive=True, group="items")
    async def action_remove_item(self) -> None:
        """Remove the current item, after asking."""
        index = self.items.current()
        if index is not None:
            await self.items.remove(index)

    def action_move_item_up(self) -> None:
        """Move the current item up."""
        index = self.items.current()
        if index is not None:
            self.items.move(index, -1)

    def action_move_item_down(self) -> None:
        """Move the current item down."""
        index = self.items.current()
        if index is not None:
            self.items.move(index, 1)

    def action_toggle_no_action(self) -> None:
        """Mark the current item no local action, or open it again."""
        self.items.toggle_no_action()

    @work(exclusive=True, group="items")
    async def action_import_items(self) -> None:
        """Bring items in from the report."""
        await self.items.import_items()

    @work(exclusive=True, group="lock")
    async def action_take_over(self) -> None:
        """Take the draft over from whoever has it open (asks first)."""
        await self.saver.take_over()

    @work(exclusive=True, group="close")
    async def action_close_draft(self) -> None:
        """Save and go back to the drafts list (or quit, when the app was opened on this draft)."""
        if not await self.close_draft():
            return
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    async def close_draft(self) -> bool:
        """Save before leaving; False when the officer chose to stay because saving failed."""
        return await self.saver.close()

    def on_unmount(self) -> None:
        """However the screen goes, the lock goes with it (quitting already released it)."""
        self.session.release_lock()

    @on(Outline.ItemCommand)
    def _outline_command(self, event: Outline.ItemCommand) -> None:
        """The outline's keys: a adds, i imports, delete removes, alt+arrows move."""
        event.stop()
        index = event.step.index if event.step and event.step.kind == "item" else None
        if event.command == "add":
            self.items.add(index)
        elif event.command == "import":
            self.action_import_items()
        elif index is None:
            self.notify("Put the cursor on an item first.", severity="warning")
        elif event.command == "remove":
            self.run_worker(self.items.remove(index), group="items", exclusive=True)
        else:
            self.items.move(index, -1 if event.command == "up" else 1)

    @on(Outline.OptionSelected, "#outline")
    def _outline_chosen(self, event: Outline.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.go(Step.from_id(event.option.id))

    # -- navigation --------------------------------------------------------------------------
    @property
    def editor(self) -> StepEditor:
        """The editor of the current step."""
        return self.query_one(f"#{self.step.kind}", StepEditor)

    def _move(self, offset: int) -> None:
        steps = all_steps(self.draft)
        index = steps.index(self.step) if self.step in steps else 0
        self.go(steps[max(0, min(len(steps) - 1, index + offset))])

    def jump_to_field(self, field: str) -> None:
        """Open the step holding a check finding's field and put the cursor in it."""
        step, name = step_for_field(field, self.draft)
        self.go(step, name)

    def go(
        self,
        step: Step,
        field: str = "",
        *,
        focus: bool = True,
        then: Callable[[StepEditor], None] | None = None,
    ) -> None:
        """Open ``step`` with the cursor in ``field`` (or its first field), after saving what
        was typed before; ``then`` is called with the step's editor once it is open.

        A step visited for the first time opens once its editor is mounted, a moment later;
        until then typing goes on in the current step, which is still the one shown. The
        latest step asked for wins. ``focus=False`` leaves the cursor in the outline.
        """
        steps = all_steps(self.draft)
        if step not in steps:
            step = steps[0]
        if not self._has_editor(step.kind):
            self._pending_go = (step, field, focus, then)
            if step.kind not in self._building:
                self._building.add(step.kind)
                self.run_worker(self._build_editor(step.kind), group=f"build-{step.kind}")
            return
        self._pending_go = None
        self.flush_editor()
        changed_step = step != self.step
        self.step = step
        self.query_one("#editors", ContentSwitcher).current = step.kind  # each editor's id is its kind
        editor = self.editor
        editor.open(step.index)
        self.query_one(Outline).select_step(step)
        if step.kind == REVIEW:
            from s55tui.tui.editors.review_editor import ReviewEditor

            if isinstance(editor, ReviewEditor):
                editor.refresh_review()
        if focus or not self.query_one(Outline).has_focus:
            self._focus_step(field)
        if then is not None:
            then(editor)
        if changed_step and self.session.dirty:
            self.saver.save_soon()

    def _focus_step(self, field: str, tries: int = 3) -> None:
        """Put the cursor in ``field`` of the current step, or its first field.

        Never leaves it in a step no longer shown: a step whose fields are still being mounted
        (the checklist's boxes, on its first visit) takes it a moment later, and meanwhile no
        widget has it, so nothing typed or pasted can land out of sight.
        """
        editor = self.editor
        if (field and editor.focus_field(field)) or editor.focus_first():
            self.call_after_refresh(self._reveal_focus)
            return
        if not self._on_current_step(self.focused):
            self.set_focus(None)
        if tries:
            self.call_after_refresh(self._focus_step, field, tries - 1)

    def _reveal_focus(self) -> None:
        """Scroll the field with the cursor into sight once the step is laid out again.

        The editor scrolls to the field as it focuses it, but the text boxes above it take the
        new item's heights only at the next layout: a field that was in sight could then sit
        below the bottom of the form, and typing would go where nobody looks.
        """
        widget = self.focused
        if widget is not None and self._on_current_step(widget):
            self.editor.scroll_to_widget(widget, top=True, animate=False)

    def _on_current_step(self, widget: Widget | None) -> bool:
        """Whether ``widget`` is shown in the current step's editor."""
        if widget is None or not self._has_editor(self.step.kind):
            return False
        editor = self.editor
        return widget is editor or editor in widget.ancestors

    def _focused_field(self) -> str:
        """The field the cursor is in (``cc_response``, ``box-2``), or "" outside the step."""
        widget = self.focused
        if not self._on_current_step(widget) or widget is None:
            return ""
        name = widget.id or ""
        if name.startswith("f-"):
            return name[2:]
        if name.startswith("to-"):
            return "to"
        return name

    def refuse_paste(self) -> bool:
        """True (having said why) when a paste has no text box of the current step to go into."""
        widget = self.focused
        if isinstance(widget, TextArea | Input) and self._on_current_step(widget) and widget.display:
            return False
        self.notify(
            "Nothing was pasted: put the cursor in a text box first (Tab moves between them).",
            severity="warning",
            timeout=6,
        )
        return True

    def _has_editor(self, kind: str) -> bool:
        switcher = self.query_one("#editors", ContentSwitcher)
        return any(child.id == kind for child in switcher.children) and kind not in self._building

    def _new_editor(self, kind: str) -> StepEditor:
        """The editor of a step of ``kind``, built on the step's first visit, marking the draft
        unsaved the moment it changes a field (of whichever session is open then)."""
        editor = self._make_editor(kind)
        editor.mark_changed = lambda: self.session.changed()
        return editor

    def _make_editor(self, kind: str) -> StepEditor:
        from s55tui.tui.editors.checklist_editor import ChecklistEditor
        from s55tui.tui.editors.item_editor import ItemEditor
        from s55tui.tui.editors.text_steps import (
            ChiefCommentsEditor,
            CommissionerCommentsEditor,
            FindingsEditor,
        )

        if kind == "checklist":
            return ChecklistEditor(self.draft, self.today, id=kind)
        if kind == REVIEW:
            from s55tui.render.catalogue import template_names
            from s55tui.render.export import ExportSettings
            from s55tui.tui.editors.review_editor import ReviewEditor

            names, problem = template_names(self.profile.templates)
            if problem:
                self.notify(problem, title="Templates", severity="warning")
            settings = ExportSettings(self.profile.templates, self.profile.letterhead)
            save = lambda: self.saver.save(quiet=True)  # noqa: E731 - a one-line callback
            return ReviewEditor(self.session, names, settings, save, self.today, id=kind)
        factory: dict[str, Any] = {
            DETAILS: DetailsEditor,
            "findings": FindingsEditor,
            "item": ItemEditor,
            "cc": ChiefCommentsEditor,
            "pcc": CommissionerCommentsEditor,
        }
        return factory[kind](self.draft, id=kind)

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
            step, field, focus, then = pending
            self.go(step, field, focus=focus, then=then)

    # -- edits -------------------------------------------------------------------------------
    def flush_editor(self) -> None:
        """Write what the current editor shows into the model (the editor marks the draft
        changed as it stores): a save that follows at once must see the last keys typed."""
        if self.is_mounted and self._has_editor(self.step.kind):
            self.editor.flush()

    @on(StepEditor.Edited)
    def _edited(self, event: StepEditor.Edited) -> None:
        event.stop()
        self.record_change(event.obj, event.name, counted=True)  # the editor marked it

    def record_change(self, obj: object = None, name: str = "", *, counted: bool = False) -> None:
        """The one place an edit is recorded: the draft is marked changed (unless the caller
        already did), the outline's mark, the progress and the status line are redrawn, and a
        save is scheduled.

        This runs on every keystroke, so nothing here grows with the draft: an edit to an item
        changes that item's mark, and the progress only when the item's count of responses
        written or owed moved (summing a 1,000-item draft costs ~2 ms); an edit anywhere else
        changes no item, so only the fixed steps' marks and the deadline.
        """
        if not counted:
            self.session.changed()
        outline = self.query_one(Outline)
        if isinstance(obj, Item):
            step = self._step_of(obj)
            if step is not None:
                outline.refresh_step(step)
            counts = item_counts(obj)
            last = self._counted
            self.refresh_status(recount=last is None or last[0] is not obj or last[1] != counts)
            self._counted = (obj, counts)
        else:
            outline.refresh_fixed()
            if name == "title":
                self.title = self.draft.report.title or self.path.name
            self.refresh_status(recount=False)
        self.saver.schedule.edited()

    def structure_changed(self, step: Step, field: str = "", *, stay_in_outline: bool = False) -> None:
        """Items were added, removed, moved or imported: rebuild the outline and open ``step``."""
        self.session.changed()
        outline = self.query_one(Outline)
        outline.rebuild()
        self.step = Step(DETAILS)  # force the editor to reload, even on the same index
        self.go(step, field, focus=not stay_in_outline)
        if stay_in_outline:
            outline.focus()
        self._done = None
        self.refresh_status()
        self.saver.schedule.edited()

    def _step_of(self, item: Item) -> Step | None:
        """The step showing ``item``: nearly always the current one, so no search of the draft."""
        items = self.draft.items
        if self.step.kind == "item" and 0 <= self.step.index < len(items) and items[self.step.index] is item:
            return self.step
        return next((Step("item", i) for i, each in enumerate(items) if each is item), None)

    def refresh_status(self, *, recount: bool = True) -> None:
        """Redraw the deadline, progress and save state; ``recount=False`` when no item's
        counts can have changed, so the progress is not summed over the draft again."""
        if recount or self._done is None:
            self._done = progress(self.draft)
            self._counted = None
        self.query_one(StatusLine).show_draft(self.draft, self.today, self._done)
        self.show_save_state()

    def show_save_state(self) -> None:
        """Show the save state; a save that lands while the screen is being closed shows nothing
        (the status line is then already gone, and that must not end the app with a traceback)."""
        found = self.query(StatusLine)
        if found:
            session = self.session
            found.first().show_save_state(
                session.status_text(), failed=bool(session.error), dirty=session.dirty
            )

    def reload_view(self) -> None:
        """Show the session's (reloaded) draft in every editor."""
        for editor in self.query(StepEditor):
            editor.show_draft(self.draft)
        outline = self.query_one(Outline)
        outline.draft = self.draft
        self.step = Step(DETAILS)
        outline.rebuild(self.step)
        self.go(self.step)
        self.refresh_status()

    def on_review_editor_jump_to(self, event: Any) -> None:
        """A finding of the review was chosen: go to its field."""
        event.stop()
        self.jump_to_field(event.field)
