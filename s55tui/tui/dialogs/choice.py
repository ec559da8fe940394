"""A question with a few named answers, each on a key: the base of the app's decision dialogs.

Used where a yes/no is not enough (a save failed on quit; the draft changed on disk). The
answers are buttons with their key shown; escape answers None, which always means "do
nothing yet", so a stray key never throws work away.
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


class ChoiceDialog(ModalScreen[str | None]):
    """Ask ``question``; each answer is (key, label, value). Escape dismisses with None."""

    DEFAULT_CSS = """
    ChoiceDialog { align: center middle; }
    ChoiceDialog > #choice-box {
        width: 76; max-width: 100%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    ChoiceDialog #choice-question { width: 100%; margin-bottom: 1; }
    ChoiceDialog #choice-buttons { width: 100%; height: auto; align-horizontal: right; }
    ChoiceDialog Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Not now", id="choice.cancel"),
    ]

    def __init__(self, question: str, answers: list[tuple[str, str, str]], *, title: str = "") -> None:
        super().__init__()
        self.question = question
        self.answers = answers
        self.box_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box") as box:
            box.border_title = self.box_title
            yield Static(Content(self.question), id="choice-question")
            with Horizontal(id="choice-buttons"):
                for number, (key, label, _value) in enumerate(self.answers):
                    yield Button(
                        f"{label} ({key})",
                        id=f"answer-{number}",
                        variant="primary" if number == 0 else "default",
                    )

    def on_mount(self) -> None:
        for button in self.query("#answer-0"):  # none if a key in flow answered it already
            button.focus()

    def on_key(self, event) -> None:
        for key, _label, value in self.answers:
            if event.key == key:
                event.stop()
                self.dismiss(value)
                return

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        number = int((event.button.id or "answer-0").split("-")[1])
        self.dismiss(self.answers[number][2])

    def action_dismiss_none(self) -> None:
        """Escape: decide later."""
        self.dismiss(None)
