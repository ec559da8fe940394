"""Add a progress update to an item: the date (today unless changed), the status, what was done.

Updates are appended to the item's history and never overwritten, so this dialog only ever
adds one. The status is offered with the inspectorate's words beside ours. ctrl+s adds it;
escape leaves the item as it was. A date that cannot be read is said under its box and the
update is not added until it is put right.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, TextArea

from s55tui.datetext import read_date
from s55tui.model import Item, Update
from s55tui.vocab import UPDATE_STATUSES


class UpdateDialog(ModalScreen[Update | None]):
    """Ask for one progress update on ``item``; dismiss with it, or None."""

    DEFAULT_CSS = """
    UpdateDialog { align: center middle; }
    UpdateDialog > #update-box {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 2; border: thick $primary; background: $surface;
    }
    UpdateDialog #update-head { height: auto; }
    UpdateDialog #update-head > Vertical { height: auto; }
    UpdateDialog #update-date-box { width: 20; margin-right: 2; }
    UpdateDialog #update-status-box { width: 1fr; }
    UpdateDialog #update-text { height: 6; }
    UpdateDialog #update-error { color: $error; display: none; }
    UpdateDialog #update-error.-shown { display: block; }
    UpdateDialog #update-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    UpdateDialog Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "add", "Add update", id="update.add", priority=True),
        Binding("escape", "cancel", "Cancel", id="update.cancel"),
    ]

    def __init__(self, item: Item, today: date) -> None:
        super().__init__()
        self.item = item
        self.today = today

    def compose(self) -> ComposeResult:
        latest = self.item.latest_update
        status = latest.status if latest is not None else "in-progress"
        with Vertical(id="update-box") as box:
            box.border_title = f"Progress update: {self.item.label}"
            with Horizontal(id="update-head"):
                with Vertical(id="update-date-box"):
                    yield Label("On")
                    yield Input(self.today.isoformat(), id="update-on", select_on_focus=True)
                with Vertical(id="update-status-box"):
                    yield Label("Status")
                    choices = [(words, key) for key, words in UPDATE_STATUSES.items()]
                    yield Select(choices, value=status, allow_blank=False, id="update-status")
            yield Label("What has been done (Markdown)")
            yield TextArea(id="update-text")
            yield Label("Evidence: links or file names, separated by ; (optional)")
            yield Input(id="update-evidence")
            yield Label("", id="update-error")
            with Horizontal(id="update-buttons"):
                yield Button("Add update (ctrl+s)", id="update-add", variant="primary")
                yield Button("Cancel (esc)", id="update-cancel")

    def on_mount(self) -> None:
        for area in self.query("#update-text"):
            area.focus()

    @on(Button.Pressed, "#update-add")
    def action_add(self) -> None:
        """Dismiss with the update, once its date reads."""
        error = self.query_one("#update-error", Label)
        try:
            on = read_date(self.query_one("#update-on", Input).value, required=True)
        except ValueError as problem:
            error.update(f"The date: {problem}")
            error.add_class("-shown")
            self.query_one("#update-on", Input).focus()
            return
        text = self.query_one("#update-text", TextArea).text.strip()
        if not text:
            error.update("Say what has been done, in a sentence or two.")
            error.add_class("-shown")
            self.query_one("#update-text", TextArea).focus()
            return
        status = str(self.query_one("#update-status", Select).value)
        evidence = [part.strip() for part in self.query_one("#update-evidence", Input).value.split(";")]
        self.dismiss(Update(on, status, text, [part for part in evidence if part]))

    @on(Button.Pressed, "#update-cancel")
    def action_cancel(self) -> None:
        """Leave the item as it was."""
        self.dismiss(None)
