"""Recording the officer's edits on the draft screen: one place for every change.

An edit marks the draft unsaved, redraws the outline's mark of the step it changed and the
status line (deadline, progress, save state), and schedules a save. This runs on every
keystroke, so nothing here grows with the draft: an edit to an item changes that item's
mark, and the progress only when the item's count of responses written or owed moved
(summing a 1,000-item draft costs ~2 ms); an edit anywhere else changes no item, so only the
fixed steps' marks and the deadline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from s55tui.model import Item
from s55tui.progress import Progress, item_counts, progress
from s55tui.tui.steps import Step
from s55tui.tui.widgets.outline import Outline
from s55tui.tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from s55tui.tui.screens.draft_screen import DraftScreen


class ChangeRecorder:
    """What follows an edit on ``screen``: the outline's marks, the status line, the save."""

    def __init__(self, screen: DraftScreen) -> None:
        self.screen = screen
        # The progress last shown, and an item with its (written, owed) counts when it was
        # shown: while that item is edited and its counts stay put, the progress cannot move.
        self._done: Progress | None = None
        self._counted: tuple[Item, tuple[int, int]] | None = None

    def record(self, obj: object = None, name: str = "", *, counted: bool = False) -> None:
        """Record an edit to field ``name`` of ``obj``; ``counted`` when whoever made it has
        already marked the draft changed (an editor does, as it stores the value)."""
        screen = self.screen
        if not counted:
            screen.session.changed(obj)
        outline = screen.query_one(Outline)
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
                screen.title = screen.draft.report.title or screen.path.name
            self.refresh_status(recount=False)
        screen.saver.schedule.edited()

    def structure_changed(self, step: Step, field: str = "", *, stay_in_outline: bool = False) -> None:
        """Items were added, removed, moved or imported: rebuild the outline and open ``step``."""
        screen = self.screen
        screen.session.changed()
        outline = screen.query_one(Outline)
        outline.rebuild()
        screen.nav.force_reload()  # the editor reloads, even on the same index
        screen.go(step, field, focus=not stay_in_outline)
        if stay_in_outline:
            outline.focus()
        self._done = None
        self.refresh_status()
        screen.saver.schedule.edited()

    def _step_of(self, item: Item) -> Step | None:
        """The step showing ``item``: nearly always the current one, so no search of the draft."""
        items, step = self.screen.draft.items, self.screen.step
        if step.kind == "item" and 0 <= step.index < len(items) and items[step.index] is item:
            return step
        return next((Step("item", i) for i, each in enumerate(items) if each is item), None)

    def refresh_status(self, *, recount: bool = True) -> None:
        """Redraw the deadline, progress and save state; ``recount=False`` when no item's
        counts can have changed, so the progress is not summed over the draft again."""
        screen = self.screen
        if recount or self._done is None:
            self._done = progress(screen.draft)
            self._counted = None
        screen.query_one(StatusLine).show_draft(screen.draft, screen.today, self._done)
        self.show_save_state()

    def show_save_state(self) -> None:
        """Show the save state; a save that lands while the screen is being closed shows nothing
        (the status line is then already gone, and that must not end the app with a traceback)."""
        found = self.screen.query(StatusLine)
        if found:
            session = self.screen.session
            found.first().show_save_state(
                session.status_text(), failed=bool(session.error), dirty=session.dirty
            )
