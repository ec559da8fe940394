"""Read the chief constable's reply into the draft: the file asked for, then what it will fill.

The officer types (or keeps) the path of the returned Word document and presses enter. The
dialog then lists every answer with what will happen to it, as the import preview does:
filled where the draft's response is empty, already there, or differing from the draft's.
A differing answer is only put in when its row is ticked (space); the draft's stays
otherwise. Text the reply holds under no item's heading is listed beneath, not dropped.
ctrl+s fills the draft; escape leaves it as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from s55tui.consult.fill import DIFFERS, EMPTY, FILL, SAME, Plan, plan
from s55tui.consult.reply import read_reply
from s55tui.errors import S55Error
from s55tui.model import Draft

_WORDS = {FILL: "will fill", SAME: "already in the draft", EMPTY: "left empty in the reply"}


def _first_words(text: str, width: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


class ReplyDialog(ModalScreen[Plan | None]):
    """Ask for the reply's file, show what it fills; dismiss with the plan to apply, or None."""

    DEFAULT_CSS = """
    ReplyDialog { align: center middle; }
    ReplyDialog > #reply-box {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        padding: 0 2; border: thick $primary; background: $surface;
    }
    ReplyDialog #reply-answers { height: auto; max-height: 12; margin-top: 1; }
    ReplyDialog #reply-status { margin-top: 1; width: 100%; }
    ReplyDialog #reply-status.-error { color: $error; }
    ReplyDialog #reply-unplaced { margin-top: 1; color: $warning; }
    ReplyDialog #reply-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    ReplyDialog Button { margin-left: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "fill", "Fill in", id="reply.fill", priority=True),
        Binding("escape", "cancel", "Cancel", id="reply.cancel"),
    ]

    def __init__(self, draft: Draft, suggested: Path) -> None:
        super().__init__()
        self.draft = draft
        self.suggested = suggested
        self.plan: Plan | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="reply-box") as box:
            box.border_title = "Read the chief constable's reply"
            yield Label("The Word file the force sent back (enter reads it):")
            yield Input(str(self.suggested), id="reply-path")
            yield Label("", id="reply-status")
            yield SelectionList[int](id="reply-answers")
            yield Static("", id="reply-unplaced")
            with Horizontal(id="reply-buttons"):
                yield Button("Fill in (ctrl+s)", id="reply-fill", variant="primary", disabled=True)
                yield Button("Cancel (esc)", id="reply-cancel")

    def on_mount(self) -> None:
        self.query_one(SelectionList).display = False
        self.query_one("#reply-unplaced", Static).display = False
        for field in self.query("#reply-path"):
            field.focus()

    @on(Input.Submitted, "#reply-path")
    def _read(self, event: Input.Submitted) -> None:
        status = self.query_one("#reply-status", Label)
        answers = self.query_one(SelectionList)
        typed = event.value.strip()
        try:
            if not typed:
                raise S55Error("Type the path of the Word file the force sent back, then press enter.")
            reply = read_reply(Path(typed).expanduser(), self.draft)
        except S55Error as error:
            self.plan = None
            status.update(Content(str(error)))
            status.add_class("-error")
            answers.display = False
            self.query_one("#reply-fill", Button).disabled = True
            return
        self.plan = plan(self.draft, reply)
        status.remove_class("-error")
        how = "its boxes" if reply.by_boxes else "the headings naming each item"
        status.update(
            Content(f"Read from {how}. Tick (space) a differing answer to put it in instead of the draft's.")
        )
        answers.clear_options()
        for index, answer in enumerate(self.plan.answers):
            if answer.action == DIFFERS:
                draft, theirs = _first_words(answer.current, 30), _first_words(answer.text, 30)
                words = f"differs: draft “{draft}”, reply “{theirs}”"
            else:
                words = (
                    f"{_WORDS[answer.action]}: {_first_words(answer.text)}"
                    if answer.text
                    else _WORDS[answer.action]
                )
            if answer.unasked:
                words = f"(not asked of the chief constable) {words}"
            answers.add_option(
                Selection(
                    Content(f"{answer.label}: {words}"), index, False, disabled=answer.action != DIFFERS
                )
            )
        answers.display = True
        unplaced = self.query_one("#reply-unplaced", Static)
        unplaced.display = bool(self.plan.unplaced)
        unplaced.update(
            Content(
                f"Not placed ({len(self.plan.unplaced)}), under no item's heading; "
                "copy it in by hand if it belongs:\n"
                + "\n".join(f"  {_first_words(text, 90)}" for text in self.plan.unplaced)
            )
        )
        self.query_one("#reply-fill", Button).disabled = False
        answers.focus()

    @on(Button.Pressed, "#reply-fill")
    def action_fill(self) -> None:
        """Dismiss with the plan, differing answers ticked to replace the draft's."""
        if self.plan is None:
            return
        ticked = set(self.query_one(SelectionList).selected)
        for index, answer in enumerate(self.plan.answers):
            answer.replace = answer.action == DIFFERS and index in ticked
        self.dismiss(self.plan)

    @on(Button.Pressed, "#reply-cancel")
    def action_cancel(self) -> None:
        """Leave the draft as it was."""
        self.dismiss(None)
