"""Put right one item the importer found, before it is added: its kind, number and addressees.

A report printed an item the importer read as the wrong kind, gave an unnumbered one the
wrong number, or named nobody it could read as the addressee: the officer fixes it here
rather than in the draft afterwards, where a wrong number would already have merged the item
into another one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from s55tui.model import Item
from s55tui.tui.editors.item_editor import TO_LABELS
from s55tui.vocab import ITEM_KINDS


class ImportItemDialog(ModalScreen[Item | None]):
    """Edit a found item's kind, number and addressees; dismiss with the changed copy, or None.

    ``taken`` holds the (kind, number) of the other items found, so two never share one.
    """

    DEFAULT_CSS = """
    ImportItemDialog { align: center middle; }
    ImportItemDialog > #fix-box {
        width: 86; max-width: 100%; height: auto; padding: 0 2;
        border: thick $primary; background: $surface;
    }
    ImportItemDialog #fix-head { height: auto; }
    ImportItemDialog #fix-head > Vertical { height: auto; width: 1fr; }
    ImportItemDialog #fix-head > #fix-number-box { width: 16; margin-left: 1; }
    ImportItemDialog #fix-to { height: auto; }
    ImportItemDialog #fix-to Checkbox { border: none; padding: 0; height: 1; margin-right: 2; }
    ImportItemDialog #fix-error { color: $text-error; height: auto; }
    ImportItemDialog #fix-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ImportItemDialog #fix-buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_fix", "Cancel", id="import-item.cancel"),
        Binding("ctrl+s", "save_fix", "Keep these", id="import-item.save"),
    ]

    def __init__(self, item: Item, taken: set[tuple[str, str]]) -> None:
        super().__init__()
        self.item = item
        self.taken = taken

    def compose(self) -> ComposeResult:
        with Vertical(id="fix-box") as box:
            box.border_title = f"Put right: {self.item.label}"
            with Horizontal(id="fix-head"):
                with Vertical():
                    yield Label("Kind")
                    yield Select(
                        [(v, k) for k, v in ITEM_KINDS.items()],
                        value=self.item.kind,
                        allow_blank=False,
                        id="fix-kind",
                    )
                with Vertical(id="fix-number-box"):
                    yield Label("Number")
                    yield Input(self.item.number, id="fix-number")
            yield Label("Addressed to")
            with Horizontal(id="fix-to"):
                for key, words in TO_LABELS.items():
                    yield Checkbox(words, key in self.item.to, id=f"fix-to-{key}")
            yield Static("", id="fix-error")
            with Horizontal(id="fix-buttons"):
                yield Button("Keep these (ctrl+s)", id="fix-save", variant="primary")
                yield Button("Cancel", id="fix-cancel")

    def on_mount(self) -> None:
        for number in self.query("#fix-number").results(Input):  # none if closed before it opened
            number.focus()

    @on(Input.Submitted, "#fix-number")
    @on(Button.Pressed, "#fix-save")
    def action_save_fix(self) -> None:
        """Check the number is free for its kind, then return the item as changed."""
        kind = self.query_one("#fix-kind", Select).value
        number = " ".join(self.query_one("#fix-number", Input).value.split())
        if not isinstance(kind, str) or kind not in ITEM_KINDS:
            return
        error = self.query_one("#fix-error", Static)
        if not number:
            error.update("Give it a number: an item is matched to the draft's by kind and number.")
            return
        if (kind, number.lower()) in self.taken:
            error.update(
                f"Another item found is {ITEM_KINDS[kind].lower()} {number}: give this one another number."
            )
            return
        to = [key for key in TO_LABELS if self.query_one(f"#fix-to-{key}", Checkbox).value]
        self.dismiss(replace(self.item, kind=kind, number=number, to=to))

    @on(Button.Pressed, "#fix-cancel")
    def action_cancel_fix(self) -> None:
        """Leave the item as it was found."""
        self.dismiss(None)
