"""Adding, removing, moving and importing items on the draft screen.

The rules live on the model (``s55tui.item_edits``); this is the officer's side of them:
removing asks first, the outline and the editor follow the change, and the cursor lands
where the officer will type next. Every change is recorded and saved like any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from s55tui.item_edits import add_item, move_item, removal_question, remove_item, toggle_no_local_action
from s55tui.session import DraftSession
from s55tui.tui.steps import FINDINGS, Step

if TYPE_CHECKING:
    from s55tui.tui.screens.draft_screen import DraftScreen


class ItemActions:
    """The item commands of ``screen`` (the outline's keys and the palette's)."""

    def __init__(self, screen: DraftScreen) -> None:
        self.screen = screen

    @property
    def session(self) -> DraftSession:
        """The draft's session (the screen's, always)."""
        return self.screen.session

    def current(self) -> int | None:
        """The index of the item open now, if an item step is open."""
        step = self.screen.step
        return step.index if step.kind == "item" else None

    def _writable(self) -> bool:
        if self.session.read_only:
            self.screen.notify("The draft is read-only.", severity="warning")
            return False
        return True

    def add(self, after: int | None = None) -> None:
        """Add an item after ``after`` (else at the end), numbered after it, and open it."""
        if not self._writable():
            return
        self.screen.flush_editor()
        at = add_item(self.session.draft, after)
        self.screen.changes.structure_changed(Step("item", at), "text")

    async def remove(self, index: int) -> None:
        """Remove an item after the officer confirms."""
        from s55tui.tui.dialogs.confirm import ConfirmDialog

        if not self._writable() or not 0 <= index < len(self.session.draft.items):
            return
        item = self.session.draft.items[index]
        if not await self.screen.app.push_screen_wait(
            ConfirmDialog(removal_question(item), "Remove", "Keep")
        ):
            return
        self.screen.flush_editor()
        if item not in self.session.draft.items:  # gone meanwhile (a reload)
            return
        remove_item(self.session.draft, self.session.draft.items.index(item))
        left = len(self.session.draft.items)
        self.screen.changes.structure_changed(Step("item", min(index, left - 1)) if left else Step(FINDINGS))
        self.screen.notify(f"Removed {item.label or 'the item'}.")

    def move(self, index: int, offset: int) -> None:
        """Move an item up or down the report's order; the outline keeps the focus."""
        if not self._writable():
            return
        self.screen.flush_editor()
        target = move_item(self.session.draft, index, offset)
        if target is not None:
            self.screen.changes.structure_changed(Step("item", target), stay_in_outline=True)

    def move_current(self, offset: int) -> None:
        """Move the item open now (if one is) ``offset`` places."""
        index = self.current()
        if index is not None:
            self.move(index, offset)

    def outline_command(self, command: str, step: Step | None) -> None:
        """The outline's item keys, on the item under its cursor: add, remove, up or down."""
        index = step.index if step and step.kind == "item" else None
        if command == "add":
            self.add(index)
        elif index is None:
            self.screen.notify("Put the cursor on an item first.", severity="warning")
        elif command == "remove":
            self.screen.run_worker(self.remove(index), group="items", exclusive=True)
        else:
            self.move(index, -1 if command == "up" else 1)

    def toggle_no_action(self) -> None:
        """Mark the current item "no local action" (or open again), and ask for the reason."""
        index = self.current()
        if index is None or self.session.read_only:
            self.screen.notify("Open an item first.", severity="warning")
            return
        self.screen.flush_editor()
        item = self.session.draft.items[index]
        now_no_action = toggle_no_local_action(item)
        self.screen.changes.record(item)
        self.screen.go(self.screen.step, "pcc_response" if now_no_action else "")
        if now_no_action:
            self.screen.notify("Marked no local action: give the reason in the commissioner's response.")

    async def add_update(self) -> None:
        """Ask for a progress update on the current item and append it to its history."""
        from datetime import date

        from s55tui.tui.dialogs.update_dialog import UpdateDialog

        index = self.current()
        if index is None:  # f2 is offered on every step (see ``DraftScreen.check_action``)
            self.screen.notify(
                "A progress update belongs to one item: open it first (ctrl+g, or pick it in "
                "the outline with ctrl+o), then press f2.",
                timeout=8,
            )
            return
        if not self._writable():
            return
        self.screen.flush_editor()
        item = self.session.draft.items[index]
        update = await self.screen.app.push_screen_wait(UpdateDialog(item, self.screen.today or date.today()))
        if update is None:
            return
        item.updates.append(update)
        item.status = item.current_status  # the latest update's, which the file's status then says too
        # the outline's mark and the status line's count change with the status: rebuild, and
        # open the item again (found by identity: nothing moved, but never guess by place)
        at = next(i for i, candidate in enumerate(self.session.draft.items) if candidate is item)
        self.screen.changes.structure_changed(Step("item", at))
        self.screen.notify(f"Update added to {item.label}.", timeout=4)

    async def import_items(self) -> None:
        """Bring items in from the report's text (a paste or a file) and merge them."""
        from s55tui.importer.merge import merge, summary
        from s55tui.tui.dialogs.import_dialog import ImportDialog

        if not self._writable():
            return
        draft = self.session.draft
        choice = await self.screen.app.push_screen_wait(ImportDialog(draft))
        if choice is None:
            return
        self.screen.flush_editor()
        report = merge(draft, choice.items)
        # the first item the import added or filled in is opened, so the officer sees it
        touched = [*report.added, *(item for item, _ in report.filled)]
        firsts = [index for index, item in enumerate(draft.items) if any(item is t for t in touched)]
        step = self.screen.step
        if firsts:
            step = Step("item", firsts[0])
        elif step.kind == "item":
            step = Step("item", 0) if draft.items else Step(FINDINGS)
        self.screen.changes.structure_changed(step)
        self.screen.notify(summary(report), title=f"Imported from {choice.source}")
