"""The draft screen: the outline of steps beside the editor of the current one.

The officer is walked through the report's details, its key findings, every item, the
overall comments, the office-use checklist and the review. ``ctrl+n`` and ``ctrl+b`` walk
the steps, ``ctrl+g`` jumps to the next response still owed, and the status line always
shows the last day, the progress and whether everything is saved.

Each concern has one owner, built here: moving between steps and where the cursor goes is
the ``StepNavigator``'s (text goes only where the officer can see it); what follows an edit
(outline marks, status line, the save it schedules) is the ``ChangeRecorder``'s; saving,
the lock and closing are the ``DraftSaver``'s; the item commands are ``ItemActions``'; the
check, preview and export are the review editor's. The commands themselves are declared
once, in ``draft_commands``, and feed the bindings, the footer, F1 and the palette.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.types import NoActiveAppError
from textual.widgets import ContentSwitcher, Header, Static

from s55tui.model import Draft
from s55tui.profile import Profile
from s55tui.session import DraftSession
from s55tui.tui.background import release_the_heap, settle_the_heap, warm_up_review
from s55tui.tui.commands import bindings, palette
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.screens.draft_changes import ChangeRecorder
from s55tui.tui.screens.draft_commands import DRAFT_COMMANDS
from s55tui.tui.screens.draft_consult import Consulting
from s55tui.tui.screens.draft_items import ItemActions
from s55tui.tui.screens.draft_navigator import StepNavigator
from s55tui.tui.screens.draft_saver import DraftSaver
from s55tui.tui.steps import REVIEW, Step, next_owed, opening_place
from s55tui.tui.widgets.key_footer import KeyFooter
from s55tui.tui.widgets.outline import Outline
from s55tui.tui.widgets.status_line import StatusLine

# Commands that need an item open, and those that change the draft.
_ITEM_ACTIONS = {"toggle_no_action", "remove_item", "move_item_up", "move_item_down", "add_update"}
# Item commands shown in the footer are offered on every step (and say what to do when no item
# is open), so the footer's keys stay the same and it is never rebuilt on a change of step:
# that rebuild (a dozen widgets, then a layout of the screen) was two frames of the key.
_FOOTER_ITEM_ACTIONS = {command.action for command in DRAFT_COMMANDS if command.footer} & _ITEM_ACTIONS
_WRITING_ACTIONS = _ITEM_ACTIONS | {"add_item", "import_items", "consult", "read_reply"}


class DraftScreen(Screen[None]):
    """One draft, step by step."""

    CSS_PATH = "draft_screen.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - as Screen declares it
    AUTO_FOCUS = ""  # the step's own first field takes the focus, not the outline
    BINDINGS: ClassVar[list[BindingType]] = bindings(DRAFT_COMMANDS)
    COMMANDS_LIST = DRAFT_COMMANDS

    def __init__(
        self, session: DraftSession, profile: Profile, today: date | None = None, *, item: int | None = None
    ) -> None:
        """``item`` opens the draft at that item (from the tracker); else it opens on the first
        response still owed, cursor in it, or on the report's details when nothing is owed."""
        super().__init__()
        self._take_width_class()
        self.session = session
        self.profile = profile
        self.today = today
        self.nav = StepNavigator(self)
        self.saver = DraftSaver(self)
        self.items = ItemActions(self)
        self.changes = ChangeRecorder(self)
        self.consulting = Consulting(self)
        self._shown = False  # shown once: each later showing restyles (``on_screen_resume``)
        self._first_field = ""  # where the cursor goes when the screen opens ("": the step's first)
        if item is not None and 0 <= item < len(session.draft.items):
            self.nav.step = Step("item", item)
        else:  # where the work is
            self.nav.step, self._first_field = opening_place(session.draft)

    def _take_width_class(self) -> None:
        """Take the breakpoint class (``-wide``, ``-narrow``) the terminal's width gives now.
        Textual adds it at the screen's first resize, and adding it then styles the whole
        screen a second time (about 30 ms of start-up); taken here, that resize finds it."""
        try:
            width = self.app.size.width
        except NoActiveAppError:  # built outside a running app: the resize adds it
            return
        for least, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= least:
                self.add_class(name, update=False)
                return

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
            # Only the editor of the step it opens on is built now; the others on their first
            # visit (see ``go``). Building all seven up front was most of the start-up time.
            kind = self.nav.step.kind
            with ContentSwitcher(initial=kind, id="editors"):
                yield self.nav.new_editor(kind)
        yield StatusLine(id="status")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.draft.report.title or self.path.name
        self.sub_title = str(self.path)
        self.query_one(Outline).rebuild(self.step)
        self.saver.show_banner()
        self.go(self.step, self._first_field)
        self.call_after_refresh(self.saver.start, self._ready_the_review)
        if not self.draft.items:
            self.notify(
                "No items yet. ctrl+o then i imports them from the report's text or file; "
                "a adds one by hand.",
                title="Items",
                timeout=12,
            )
        self.changes.refresh_status()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Styled once, not twice, when it opens: textual restyles every widget of a screen it
        shows (it may have missed a change of theme while out of sight), but a screen shown
        for the first time was styled a moment ago, as it was mounted, and that second pass
        over some hundred widgets was about 30 ms of opening a draft (process CPU, A/B). Runs
        before textual's own handler; every later return (a dialog closed, the palette)
        restyles as usual."""
        if not self._shown:
            self._shown = True
            event.refresh_styles = False

    def _ready_the_review(self) -> None:
        """On the thread that prepares the first save, once it has: ready the review's first
        visit (modules, template), build its step out of sight on the app's thread, and take
        what opening made out of the garbage collector's way."""
        warm_up_review(self.draft.response.template, self.profile.templates)
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._opened)

    def _opened(self) -> None:
        """On the app's thread: build the review out of sight and freeze what opening made,
        unless the draft was closed meanwhile."""
        if self.is_mounted:  # not closed meanwhile (closing releases what this would freeze)
            self.nav.prebuild(REVIEW)
            settle_the_heap()

    # -- commands ----------------------------------------------------------------------------
    def commands(self) -> Iterable[SystemCommand]:
        """The commands that can run now, for the command palette (ctrl+p); an item's only
        with an item open."""
        on_item = self.step.kind == "item"
        return palette(self, [c for c in DRAFT_COMMANDS if on_item or c.action not in _ITEM_ACTIONS])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Item commands need an item open (those in the footer say so instead, see
        ``_FOOTER_ITEM_ACTIONS``); changes need a draft that is not read-only."""
        if action in _ITEM_ACTIONS - _FOOTER_ITEM_ACTIONS and self.step.kind != "item":
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
        self.nav.move(1)

    def action_previous_step(self) -> None:
        """Go back to the previous step."""
        self.nav.move(-1)

    def action_next_owed(self) -> None:
        """Go to the first response still owed after the cursor, cursor in it (going round)."""
        self.flush_editor()
        found = next_owed(self.draft, self.step, self.nav.focused_field())
        if found is None:
            self.notify("Nothing is owed: every response is written. Review and export when ready.")
            return
        self.go(*found)

    def action_focus_outline(self) -> None:
        """Move to the outline of steps (keys typed meanwhile, such as ``a`` to add an item,
        wait for it)."""
        self.query_one(Outline).focus()
        self.nav.hold_until_focused()

    def action_focus_editor(self) -> None:
        """Back from the outline to the editor."""
        self.nav.focus_step("")

    def action_review(self) -> None:
        """Go to Review and export."""
        self.go(Step(REVIEW))

    @work(group="save")
    async def action_save_now(self) -> None:
        """Save now (autosave does this anyway), in a worker: a big draft's save takes seconds,
        and the keys typed meanwhile must not wait for it."""
        if await self.saver.save():
            self.notify(f"Saved {self.path.name}.", timeout=2)

    def action_export(self) -> None:
        """Export in every format, from the review step (where the result is shown)."""
        from s55tui.tui.editors.review_editor import every_format

        self.export_draft(every_format())

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
        self.items.move_current(-1)

    def action_move_item_down(self) -> None:
        """Move the current item down."""
        self.items.move_current(1)

    def action_toggle_no_action(self) -> None:
        """Mark the current item no local action, or open it again."""
        self.items.toggle_no_action()

    @work(exclusive=True, group="items")
    async def action_import_items(self) -> None:
        """Bring items in from the report."""
        await self.items.import_items()

    @work(exclusive=True, group="items")
    async def action_add_update(self) -> None:
        """Add a progress update to the current item."""
        await self.items.add_update()

    @work(exclusive=True, group="items")
    async def action_consult(self) -> None:
        """Write the request for the chief constable's comments beside the draft."""
        await self.consulting.write_request()

    @work(exclusive=True, group="items")
    async def action_read_reply(self) -> None:
        """Read the chief constable's reply into the draft, after showing what it fills."""
        await self.consulting.read_reply()

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
        """However the screen goes, the lock goes with it (quitting already released it), and
        the draft's objects go back to the garbage collector."""
        self.session.release_lock()
        release_the_heap()

    @on(Outline.ItemCommand)
    def _outline_command(self, event: Outline.ItemCommand) -> None:
        """The outline's keys: a adds, i imports, delete removes, alt+arrows move."""
        event.stop()
        if event.command == "import":
            self.action_import_items()
        else:
            self.items.outline_command(event.command, event.step)

    @on(Outline.OptionSelected, "#outline")
    def _outline_chosen(self, event: Outline.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.go(Step.from_id(event.option.id))

    # -- steps (the navigator's; these are what the rest of the screen calls) ------------------
    @property
    def step(self) -> Step:
        """The step open now."""
        return self.nav.step

    @property
    def editor(self) -> StepEditor:
        """The editor of the current step."""
        return self.nav.editor

    def go(
        self,
        step: Step,
        field: str = "",
        *,
        focus: bool = True,
        then: Callable[[StepEditor], None] | None = None,
    ) -> None:
        """Open ``step`` with the cursor in ``field`` (see ``StepNavigator.go``)."""
        self.nav.go(step, field, focus=focus, then=then)

    def refuse_paste(self) -> bool:
        """True (having said why) when a paste has no text box of the current step to go into."""
        return self.nav.refuse_paste()

    def flush_editor(self) -> None:
        """Write what the current editor shows into the model, before a save or a move."""
        self.nav.flush()

    # -- edits -------------------------------------------------------------------------------
    @on(StepEditor.Edited)
    def _edited(self, event: StepEditor.Edited) -> None:
        event.stop()
        self.changes.record(event.obj, event.name, counted=True)  # the editor marked it

    def on_review_editor_jump_to(self, event: Any) -> None:
        """A finding of the review was chosen: go to its field."""
        event.stop()
        self.nav.jump_to_field(event.field)
