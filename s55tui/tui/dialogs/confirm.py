"""A yes-or-no question that blocks until answered: archive this draft? take over the lock?

Reusable anywhere in the app: ``await self.app.push_screen_wait(ConfirmDialog(...))`` inside a
``@work`` coroutine returns True for yes and False for no (or escape). The "no" button has
the focus, so an absent-minded enter never does the destructive thing.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask ``question``; y or the yes button answers True, n, escape or the no button False."""

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog > #confirm-box {
        width: 64;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ConfirmDialog #confirm-question {
        width: 100%;
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-buttons {
        width: 100%;
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer_yes", "Yes", id="confirm.yes"),
        Binding("n", "answer_no", "No", id="confirm.no"),
        Binding("escape", "answer_no", "Cancel", id="confirm.cancel"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No", *, title: str = "") -> None:
        """``question`` is plain text (never markup); ``yes`` and ``no`` label the buttons."""
        super().__init__()
        self.question = question
        self.yes_label = yes
        self.no_label = no
        self.box_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = self.box_title
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes_label} (y)", id="confirm-yes", variant="primary")
                yield Button(f"{self.no_label} (n)", id="confirm-no")

    def on_mount(self) -> None:
        # The safe answer has the cursor. A "y" typed in flow can answer the dialog before this
        # runs, and its buttons are gone then: nothing to focus (query_one raised and ended the app).
        for button in self.query("#confirm-no"):
            button.focus()

    @on(Button.Pressed, "#confirm-yes")
    def action_answer_yes(self) -> None:
        """Yes: dismiss with True."""
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_answer_no(self) -> None:
        """No or cancel: dismiss with False."""
        self.dismiss(False)
