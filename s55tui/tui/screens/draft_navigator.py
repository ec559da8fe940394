"""Moving between the draft screen's steps, and where the cursor goes when it does.

Text goes only where the officer can see it: every route to a step (keys, palette, outline,
a finding, ctrl+g) ends here, with the cursor in that step and scrolled into sight, never
left in a step no longer shown; and a paste with no text box of the step to go into is
refused. Each step's editor is built on its first visit (building all seven up front was
most of the start-up time), so a step asked for before its editor is mounted opens a moment
later; the latest asked for wins. Keys and pastes that come meanwhile wait and go to that
step once its cursor is placed: ctrl+g then ctrl+l marks the item ctrl+g opened, and words
typed at once after ctrl+g go into the box it chose, not the step still on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, TextArea

from s55tui.tui.editors.base import StepEditor
from s55tui.tui.steps import (
    DETAILS,
    REVIEW,
    Step,
    opening_place,
    position_of,
    step_at,
    step_count,
    step_for_field,
)
from s55tui.tui.widgets.outline import Outline

if TYPE_CHECKING:
    from s55tui.tui.screens.draft_screen import DraftScreen

# What to open once its editor is mounted: (step, field, focus, then).
_Pending = tuple[Step, str, bool, Callable[[StepEditor], None] | None]


class StepNavigator:
    """The steps of ``screen``: which one is open, its editor, and the cursor in it."""

    def __init__(self, screen: DraftScreen) -> None:
        self.screen = screen
        self.step = Step(DETAILS)
        self._pending: _Pending | None = None
        self._building: set[str] = set()  # kinds of editor being mounted now
        self._focusing = False  # the step is open, its fields not yet ready for the cursor
        self._held: list[events.Key | events.Paste] = []  # what came meanwhile, in order
        self._replay_asked = False
        self._replaying = False
        self._reload = False  # the next ``go`` loads without writing back (``force_reload``)

    @property
    def settling(self) -> bool:
        """Whether a step asked for has yet to get the cursor (its editor or fields mounting)."""
        return self._pending is not None or self._focusing

    def hold(self, event: events.Key | events.Paste) -> bool:
        """Keep ``event`` while a step is being opened, or while earlier kept keys wait their
        turn (so nothing overtakes them); True when kept."""
        if self._replaying or not (self.settling or self._held):
            return False
        self._held.append(event)
        return True

    def _release(self) -> None:
        """Once the step has the cursor, hand the kept keys back to the app, behind the focus
        change just asked for (queued before this), so they reach the step's box."""
        if self._held and not self.settling and not self._replay_asked:
            self._replay_asked = True
            self.screen.app.call_later(self._replay)

    async def _replay(self) -> None:
        """The kept keys, in order, as if they came now; one that opens another step (a kept
        ctrl+g) keeps the rest back again until that step has the cursor."""
        self._replay_asked = False
        app = self.screen.app
        while self._held and not self.settling:
            event = self._held.pop(0)
            self._replaying = True
            try:
                await app.on_event(event)
            finally:
                self._replaying = False

    @property
    def editor(self) -> StepEditor:
        """The editor of the current step."""
        return self.screen.query_one(f"#{self.step.kind}", StepEditor)

    def move(self, offset: int) -> None:
        """Go ``offset`` steps on (or back), stopping at the first and the last."""
        draft = self.screen.draft
        index = position_of(self.step, draft) or 0
        self.go(step_at(draft, max(0, min(step_count(draft) - 1, index + offset))))

    def jump_to_field(self, field: str) -> None:
        """Open the step holding a check finding's field and put the cursor in it."""
        step, name = step_for_field(field, self.screen.draft)
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

        A step visited for the first time opens once its editor is mounted; until then typing
        goes on in the current step, which is still the one shown. ``focus=False`` leaves the
        cursor in the outline.
        """
        screen = self.screen
        if position_of(step, screen.draft) is None:  # an item since removed
            step = step_at(screen.draft, 0)
        if not self.has_editor(step.kind):
            self._pending = (step, field, focus, then)
            self.prebuild(step.kind)
            return
        self._pending = None
        if self._reload:  # the fields are older than the draft: load, never write them back
            self._reload = False
            changed_step = True
        else:
            self.flush()
            changed_step = step != self.step
        self.step = step
        screen.query_one("#editors", ContentSwitcher).current = step.kind  # each editor's id is its kind
        editor = self.editor
        editor.open(step.index)
        outline = screen.query_one(Outline)
        outline.select_step(step)
        if step.kind == REVIEW:
            from s55tui.tui.editors.review_editor import ReviewEditor

            if isinstance(editor, ReviewEditor):
                editor.refresh_review()
        if focus or not outline.has_focus:
            self.focus_step(field)
        elif editor.from_top:  # browsing the outline: the item is shown from its top
            editor.from_top = False
            editor.scroll_home(animate=False, immediate=True)
        if then is not None:
            then(editor)
        if changed_step and screen.session.dirty:
            screen.saver.save_soon()
        self._release()

    def reopen(self) -> None:
        """Open the draft again where opening it puts the officer (the first response still
        owed, cursor in it; else the report's details), every editor reloading and no field
        written back: the draft was read again (taken over, or their version opened), and what
        the fields showed is older than it."""
        self.force_reload()
        self.go(*opening_place(self.screen.draft))

    def force_reload(self) -> None:
        """Make the next ``go`` load its editor from the draft, even to the step open now, and
        write no field back first: the caller wrote them, then changed the draft under them
        (items moved, a reply read in), so what they show is older than the draft."""
        self._reload = True

    # -- the cursor --------------------------------------------------------------------------
    def focus_step(self, field: str, tries: int = 3) -> None:
        """Put the cursor in ``field`` of the current step, or its first field.

        Never leaves it in a step no longer shown: a step whose fields are still being mounted
        (the checklist's boxes, on its first visit) takes it a moment later, and meanwhile no
        widget has it, so nothing typed or pasted can land out of sight.
        """
        screen, editor = self.screen, self.editor
        self._focusing = False
        if (field and editor.focus_field(field)) or editor.focus_first():
            self.hold_until_focused()
            screen.call_after_refresh(self._reveal_focus)
            return
        if not self.on_current_step(screen.focused):
            screen.set_focus(None)
        if tries:
            self._focusing = True
            screen.call_after_refresh(self.focus_step, field, tries - 1)
        self._release()

    def hold_until_focused(self) -> None:
        """Keep the keys that come from now until the focus just asked for has moved (textual
        moves it a moment later, and keys already queued would reach the old box first)."""
        self._focusing = True
        self.screen.app.call_later(self._focus_placed)  # queued behind textual's own move

    def _focus_placed(self) -> None:
        self._focusing = False
        self._release()

    def _reveal_focus(self, widget: Widget | None = None, passes: int = 4) -> None:
        """Keep the field with the cursor in sight while the step settles into its layout.

        The text boxes take the new item's heights over the next layouts (a box's height
        follows its text wrapped at its width, known only once laid out), so a field that was
        in sight could end below the form's bottom and typing would go where nobody looks.
        Each of the next few refreshes scrolls it back into sight, while the cursor stays put.
        """
        focused = self.screen.focused
        if focused is None or not self.on_current_step(focused) or widget not in (None, focused):
            return
        self.editor.reveal(focused)
        if passes:
            self.screen.call_after_refresh(self._reveal_focus, focused, passes - 1)

    def on_current_step(self, widget: Widget | None) -> bool:
        """Whether ``widget`` is shown in the current step's editor."""
        if widget is None or not self.has_editor(self.step.kind):
            return False
        editor = self.editor
        return widget is editor or editor in widget.ancestors

    def focused_field(self) -> str:
        """The field the cursor is in (``cc_response``, ``box-2``), or "" outside the step."""
        widget = self.screen.focused
        if widget is None or not self.on_current_step(widget):
            return ""
        name = widget.id or ""
        if name.startswith("f-"):
            return name[2:]
        if name.startswith("to-"):
            return "to"
        return name

    def refuse_paste(self) -> bool:
        """True (having said why) when a paste has no text box of the current step to go into."""
        widget = self.screen.focused
        if isinstance(widget, TextArea | Input) and self.on_current_step(widget) and widget.display:
            return False
        self.screen.notify(
            "Nothing was pasted: put the cursor in a text box first (Tab moves between them).",
            severity="warning",
            timeout=6,
        )
        return True

    def flush(self) -> None:
        """Write what the current editor shows into the model (the editor marks the draft
        changed as it stores): a save that follows at once must see the last keys typed."""
        if self._reload:  # older than the draft until the step is opened again (``force_reload``)
            return
        if self.screen.is_mounted and self.has_editor(self.step.kind):
            self.editor.flush()

    # -- building the editors ----------------------------------------------------------------
    def has_editor(self, kind: str) -> bool:
        """Whether the editor of ``kind`` is mounted and ready."""
        switcher = self.screen.query_one("#editors", ContentSwitcher)
        return any(child.id == kind for child in switcher.children) and kind not in self._building

    def new_editor(self, kind: str) -> StepEditor:
        """The editor of a step of ``kind``, marking the draft unsaved the moment it changes a
        field (of whichever session is open then)."""
        editor = self._make_editor(kind)
        editor.mark_changed = self._mark_changed
        return editor

    def prebuild(self, kind: str) -> None:
        """Start building the editor of ``kind``, unless it is built or being built: on a
        step's first visit (``go``), or ahead of it (the review, once the draft is open)."""
        screen = self.screen
        if not screen.is_mounted or kind in self._building or self.has_editor(kind):
            return
        self._building.add(kind)
        screen.run_worker(self._build_editor(kind), group=f"build-{kind}")

    def _mark_changed(self, obj: object = None) -> None:
        self.screen.session.changed(obj)

    def _make_editor(self, kind: str) -> StepEditor:
        from s55tui.tui.editors.checklist_editor import ChecklistEditor
        from s55tui.tui.editors.details_editor import DetailsEditor
        from s55tui.tui.editors.item_editor import ItemEditor
        from s55tui.tui.editors.text_steps import (
            ChiefCommentsEditor,
            CommissionerCommentsEditor,
            FindingsEditor,
        )

        screen = self.screen
        if kind == "checklist":
            return ChecklistEditor(screen.draft, screen.today, id=kind)
        if kind == REVIEW:
            from s55tui.render.catalogue import template_names
            from s55tui.render.export import ExportSettings
            from s55tui.tui.editors.review_editor import ReviewEditor

            names, problem = template_names(screen.profile.templates)
            if problem:
                screen.notify(problem, title="Templates", severity="warning")
            settings = ExportSettings(screen.profile.templates, screen.profile.letterhead, today=screen.today)
            save = lambda: screen.saver.save(quiet=True)  # noqa: E731 - a one-line callback
            return ReviewEditor(screen.session, names, settings, save, screen.today, id=kind)
        factory: dict[str, Any] = {
            DETAILS: DetailsEditor,
            "findings": FindingsEditor,
            "item": ItemEditor,
            "cc": ChiefCommentsEditor,
            "pcc": CommissionerCommentsEditor,
        }
        return factory[kind](screen.draft, id=kind)

    async def _build_editor(self, kind: str) -> None:
        """Mount the editor of ``kind``, then open the step asked for meanwhile (the latest)."""
        screen = self.screen
        editor = self.new_editor(kind)
        try:
            await screen.query_one("#editors", ContentSwitcher).add_content(editor)
            editor.set_read_only(screen.session.read_only)
        finally:
            self._building.discard(kind)
        # open it once laid out: focusing a field before then scrolls the form to where the
        # field seemed to be while the text boxes had not yet grown to their text
        screen.call_after_refresh(self._go_pending)

    def _go_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            step, field, focus, then = pending
            self.go(step, field, focus=focus, then=then)
