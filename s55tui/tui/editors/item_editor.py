"""The step for one recommendation, cause of concern or area for improvement.

One editor serves every item: it is pointed at the item the officer is on, so a 1,000-item
report costs one form, not a thousand. The item's own text comes first (it is what the
answers answer), then the chief constable's and the commissioner's responses, marked
required when the item's addressees owe them, then notes and the office's own lead-in words.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Checkbox, Label, Select, Static

from s55tui.model import Draft, Item
from s55tui.progress import owed_fields
from s55tui.tui.editors.base import CHOICE, DATE, LINE, TEXT, StepEditor, error_label, field_label
from s55tui.tui.widgets.line_input import LineInput
from s55tui.tui.widgets.response_area import ResponseArea
from s55tui.vocab import ADDRESSEES, ITEM_KINDS, STATUSES, UPDATE_STATUSES

TO_LABELS = {
    "chief-constables": "Chief constables",
    "pccs": "PCCs",
    "all": "All recipients",
    "national": "National bodies",
}


class ItemEditor(StepEditor):
    """Edits ``draft.items[index]``; ``show(index)`` moves it to another item."""

    DEFAULT_CSS = """
    ItemEditor #item-title { dock: top; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    ItemEditor #item-head { height: auto; }
    ItemEditor #item-head > Vertical { height: auto; width: 1fr; margin-right: 1; }
    ItemEditor #item-head > #number-box { width: 14; }
    ItemEditor #due-row { height: auto; }
    ItemEditor #due-row > #due-box { width: 18; height: auto; margin-right: 1; }
    ItemEditor #due-row > #due-hint { width: 1fr; margin-top: 2; }
    ItemEditor #to-row { height: auto; }
    ItemEditor #to-row Checkbox { border: none; padding: 0; height: 1; margin-right: 2; }
    ItemEditor #f-text { max-height: 12; }
    """

    FIELDS: ClassVar[dict[str, str]] = {
        "kind": CHOICE,
        "number": LINE,
        "status": CHOICE,
        "due": DATE,
        "text": TEXT,
        "cc_response": TEXT,
        "pcc_response": TEXT,
        "notes": TEXT,
        "intro": TEXT,
    }

    def __init__(self, draft: Draft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.index = 0
        self.item: Item | None = None

    def target(self) -> Item | None:
        """The item object on show: edits go to it even if the list was reordered meanwhile."""
        return self.item

    def compose(self) -> ComposeResult:
        yield Static("", id="item-title", classes="step-title")
        with Horizontal(id="item-head"):
            with Vertical(id="kind-box"):
                yield field_label("Kind")
                yield Select([(v, k) for k, v in ITEM_KINDS.items()], id="f-kind", allow_blank=False)
            with Vertical(id="number-box"):
                yield field_label("Number")
                yield LineInput(id="f-number", placeholder="4")
            with Vertical(id="status-box"):
                yield field_label("Status")
                yield Select([(v, k) for k, v in STATUSES.items()], id="f-status", allow_blank=False)
        with Horizontal(id="due-row"):
            with Vertical(id="due-box"):
                yield field_label("Due")
                yield LineInput(id="f-due", placeholder="YYYY-MM-DD", select_on_focus=True)
                yield error_label("due")
            yield Label(
                'The deadline the report sets for it ("By 31 March 2024"), if any: import fills it in.',
                id="due-hint",
                classes="hint",
            )
        yield field_label("Addressed to")
        with Horizontal(id="to-row"):
            for key, words in TO_LABELS.items():
                yield Checkbox(words, id=f"to-{key}", tooltip=f"Addressed to {ADDRESSEES[key]}")
        yield Label("", id="no-action-hint", classes="hint")
        yield field_label("Text, as printed in the report")
        yield ResponseArea(id="f-text", read_from_start=True)
        yield field_label("Chief constable's response", required=True, id="l-cc_response")
        yield ResponseArea(id="f-cc_response", placeholder="Paste or type the chief constable's response")
        yield field_label("Commissioner's response", required=True, id="l-pcc_response")
        yield ResponseArea(id="f-pcc_response", placeholder="The commissioner's response or position")
        yield field_label("Progress since publication, newest first (f2 adds an update)", id="l-updates")
        yield Static("", id="item-updates", classes="hint")
        yield field_label("Notes printed with the item (optional)")
        yield ResponseArea(id="f-notes")
        yield field_label("Your own words printed just before the item (optional)")
        yield ResponseArea(id="f-intro")

    def open(self, index: int = -1) -> None:
        """Show the item at ``index``."""
        self.show(index)

    def show(self, index: int) -> None:
        """Point the editor at another item, its fields loaded from the draft.

        What was typed in the item before is already in the draft: the navigator writes the
        step being left before it opens another (as does every command that changes the
        items). The fields are not written back here: this editor may have been out of sight
        while the draft changed under it (a chief constable's reply read in), and writing its
        older text back would undo that change."""
        self.index = index
        self.item = self.draft.items[index] if 0 <= index < len(self.draft.items) else None
        self.load()
        self.from_top = True  # the reveal of the field with the cursor scrolls from the top

    def load(self) -> None:
        item = self.target()
        if item is None:
            self.loaded = False
            return
        super().load()
        for key in TO_LABELS:
            box = self.query_one(f"#to-{key}", Checkbox)
            box.value = key in item.to
        self._show_updates(item)
        self.refresh_marks()

    def _show_updates(self, item: Item) -> None:
        """The item's progress updates, newest first; shown once there are any or the response
        is published (before that there is no progress to report)."""
        shown = bool(item.updates) or self.draft.response.published is not None
        for widget in self.query("#l-updates, #item-updates"):
            widget.display = shown
        lines = []
        for update in reversed(sorted(item.updates, key=lambda u: u.on or date.min)):
            when = f"{update.on.day} {update.on:%b %Y}" if update.on else "no date"
            line = (
                f"{when} · {UPDATE_STATUSES.get(update.status, update.status).split(' (')[0]}: {update.text}"
            )
            if update.evidence:
                line += f" (evidence: {'; '.join(update.evidence)})"
            lines.append(line)
        self.query_one("#item-updates", Static).update(
            Content("\n".join(lines) or "No updates yet: press f2 to add the first.")
        )

    def focus_first(self) -> bool:
        """Land on the first response still owed, else the chief constable's response."""
        item = self.target()
        if item is None:
            return False
        for name in owed_fields(item):
            if not getattr(item, name).strip():
                return self.focus_field(name)
        return self.focus_field("cc_response" if item.owes_cc else "pcc_response")

    def refresh_marks(self) -> None:
        """Update the title, the required marks and the no-local-action hint from the item."""
        item = self.target()
        if item is None:
            return
        self.query_one("#item-title", Static).update(
            f"{item.label or 'New item'}  ·  {self.index + 1} of {len(self.draft.items)}"
        )
        owed = owed_fields(item)
        for name, words in (
            ("cc_response", "Chief constable's response"),
            ("pcc_response", "Commissioner's response"),
        ):
            label = self.query_one(f"#l-{name}", Label)
            required = name in owed
            label.update(f"{words}{'  (required)' if required else ''}")
            label.set_class(required, "-required")
        hint = self.query_one("#no-action-hint", Label)
        words = ""
        if item.no_local_action:
            words = "No local action: give the reason in a response below (s.55(5B))."
        elif not item.to:
            words = "Tick who the item is addressed to, so s55tui knows which answers it owes."
        hint.update(words)
        hint.display = bool(words)

    def _store(self, name: str, value: Any) -> bool:
        """Store the field; the title and marks are redrawn only when one they show really
        changed (flushing before each save stores them all again, and a redraw costs a layout)."""
        changed = super()._store(name, value)
        if changed and name in ("kind", "number", "status", "to"):
            self.refresh_marks()
        return changed

    @on(Checkbox.Changed)
    def _to_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        item = self.target()
        if item is None:
            return
        chosen = [key for key in TO_LABELS if self.query_one(f"#to-{key}", Checkbox).value]
        if chosen != item.to:
            self._store("to", chosen)
