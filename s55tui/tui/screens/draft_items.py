"""Adding, removing, moving and importing items on the draft screen.

A report's items are quoted as printed, so a new item takes the kind of the one it follows
and the next number; removing one asks first (its responses go with it); moving keeps each
item's responses, comments and unknown keys with it (the file layer tracks where each came
from). Every change is saved like any other edit.
"""

from __future__ import annotations

import re

from textual import work

from s55tui.model import Draft, Item
from s55tui.session import DraftSession
from s55tui.tui.steps import Step
from s55tui.tui.widgets.outline import Outline


def next_number(number: str) -> str:
    """The number after ``number`` as printed: "4" -> "5", "4a" -> "4b", else ""."""
    if number.isdigit():
        return str(int(number) + 1)
    match = re.fullmatch(r"(\d+)([a-y])", number)
    if match:
        return f"{match.group(1)}{chr(ord(match.group(2)) + 1)}"
    return ""


class ItemsMixin:
    """Item commands for the draft screen (which provides ``session``, ``step`` and ``go``).

    Handlers here are named ``on_...`` rather than decorated with ``@on``: textual collects
    ``@on`` handlers only from widget classes, but finds named handlers along the whole MRO.
    """

    session: DraftSession
    step: Step

    @property
    def _items(self) -> list[Item]:
        return self.session.draft.items

    def _after_structure_change(self, step: Step, field: str = "") -> None:
        self.session.changed()
        outline = self.query_one(Outline)  # type: ignore[attr-defined]
        outline.rebuild()
        self.step = Step("details")  # force the editor to reload, even on the same index
        # stay in the outline (moving items with alt+arrows) unless a field is to be typed in
        self.go(step, field, focus=bool(field) or not outline.has_focus)  # type: ignore[attr-defined]
        self.refresh_status()  # type: ignore[attr-defined]
        self.schedule_save()  # type: ignore[attr-defined]

    def _cursor_index(self, step: Step | None) -> int | None:
        step = step or self.step
        return step.index if step.kind == "item" else None

    def on_outline_item_command(self, event: Outline.ItemCommand) -> None:
        event.stop()
        if self.session.read_only:
            self.notify("The draft is read-only.", severity="warning")  # type: ignore[attr-defined]
            return
        index = self._cursor_index(event.step)
        if event.command == "add":
            self.add_item(index)
        elif event.command == "import":
            self.import_items()
        elif index is None:
            self.notify("Put the cursor on an item first.", severity="warning")  # type: ignore[attr-defined]
        elif event.command == "remove":
            self.remove_item(index)
        else:
            self.move_item(index, -1 if event.command == "up" else 1)

    def add_item(self, after: int | None = None) -> None:
        """Add an item after ``after`` (else at the end), numbered after it, and open it."""
        self.flush_editor()  # type: ignore[attr-defined]
        items = self._items
        at = len(items) if after is None else after + 1
        before = items[at - 1] if at > 0 else None
        item = Item(
            kind=before.kind if before else "recommendation",
            number=next_number(before.number) if before else "1",
            to=list(before.to) if before else [],
        )
        items.insert(at, item)
        self._after_structure_change(Step("item", at), "text")

    @work(exclusive=True, group="items")
    async def remove_item(self, index: int) -> None:
        """Remove an item after the officer confirms."""
        from s55tui.tui.dialogs.confirm import ConfirmDialog

        item = self._items[index]
        written = [
            w
            for w, t in (("chief constable", item.cc_response), ("commissioner", item.pcc_response))
            if t.strip()
        ]
        also = (
            f" Its {' and '.join(written)} response{'s' if len(written) > 1 else ''} will go too."
            if written
            else ""
        )
        question = f"Remove {item.label or 'this item'}?{also}"
        if not await self.app.push_screen_wait(ConfirmDialog(question, "Remove", "Keep")):  # type: ignore[attr-defined]
            return
        self.flush_editor()  # type: ignore[attr-defined]
        del self._items[index]
        if self._items:
            self._after_structure_change(Step("item", min(index, len(self._items) - 1)))
        else:
            self._after_structure_change(Step("findings"))
        self.notify(f"Removed {item.label or 'the item'}.")  # type: ignore[attr-defined]

    def move_item(self, index: int, offset: int) -> None:
        """Move an item up or down the report's order."""
        target = index + offset
        if not 0 <= target < len(self._items):
            return
        self.flush_editor()  # type: ignore[attr-defined]
        items = self._items
        items[index], items[target] = items[target], items[index]
        self._after_structure_change(Step("item", target))
        self.query_one(Outline).focus()  # type: ignore[attr-defined]

    def action_toggle_no_action(self) -> None:
        """Mark the current item "no local action" (or open again), and ask for the reason."""
        if self.step.kind != "item" or self.session.read_only:
            self.notify("Open an item first.", severity="warning")  # type: ignore[attr-defined]
            return
        self.flush_editor()  # type: ignore[attr-defined]
        item = self._items[self.step.index]
        item.status = "open" if item.no_local_action else "no-local-action"
        self.session.changed()
        self.go(self.step, "pcc_response" if item.no_local_action else "")  # type: ignore[attr-defined]
        self.query_one(Outline).refresh_step(self.step)  # type: ignore[attr-defined]
        self.refresh_status()  # type: ignore[attr-defined]
        self.schedule_save()  # type: ignore[attr-defined]
        if item.no_local_action:
            self.notify("Marked no local action: give the reason in the commissioner's response.")  # type: ignore[attr-defined]

    @work(exclusive=True, group="items")
    async def import_items(self) -> None:
        """Bring items in from the report's text (a paste or a file) and merge them."""
        from s55tui.importer.merge import merge, summary
        from s55tui.tui.dialogs.import_dialog import ImportDialog

        draft: Draft = self.session.draft
        choice = await self.app.push_screen_wait(ImportDialog(draft))  # type: ignore[attr-defined]
        if choice is None:
            return
        self.flush_editor()  # type: ignore[attr-defined]
        report = merge(draft, choice.items)
        first = Step("item", 0) if draft.items else Step("details")
        self._after_structure_change(self.step if self.step.kind != "item" else first)
        self.notify(summary(report), title=f"Imported from {choice.source}")  # type: ignore[attr-defined]
