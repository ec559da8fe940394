"""The outline of a draft's steps, each with a mark saying how far it has got.

Marks: ``✓`` done, ``◐`` partly answered, ``○`` still owed, ``■`` closed after publication
(complete, no further action, superseded), ``·`` for the review step. The
outline is a list the officer can move through with the arrow keys; Enter opens a step.
Items can be added, removed and moved from here (keys in the footer when it has focus).
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from s55tui.model import Draft
from s55tui.progress import ANSWERED, PARTLY, item_state
from s55tui.tui.steps import FIXED_AFTER, FIXED_BEFORE, REVIEW, Step, all_steps, step_done, title_of
from s55tui.vocab import CLOSED_STATUSES

_MARKS = {
    ANSWERED: ("✓", "green"),
    PARTLY: ("◐", "yellow"),
    "owed": ("○", "red"),
    "none": ("·", "dim"),
    "closed": ("■", "blue"),
}


def _mark(step: Step, draft: Draft) -> str:
    if step.kind == REVIEW:
        return "none"
    if step.kind == "item":
        if draft.items[step.index].current_status in CLOSED_STATUSES:
            return "closed"
        state = item_state(draft.items[step.index])
        return state if state != "unanswered" else "owed"
    return ANSWERED if step_done(step, draft) else "owed"


def step_prompt(step: Step, draft: Draft) -> Text:
    """One line of the outline: the mark, then the step's name (items indented)."""
    symbol, colour = _MARKS[_mark(step, draft)]
    text = Text()
    text.append(f"{symbol} ", style=colour)
    text.append(("  " if step.kind == "item" else "") + title_of(step, draft))
    return text


class Outline(OptionList):
    """The list of steps; posts ``ItemCommand`` for add, remove and move keys."""

    DEFAULT_CSS = """
    Outline { width: 36; height: 1fr; border: round $primary-lighten-2; }
    Outline:focus { border: round $accent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "a",
            "item('add')",
            "Add item",
            tooltip="Add an item after this one, numbered after it",
            id="outline.add-item",
        ),
        Binding(
            "i",
            "item('import')",
            "Import items",
            tooltip="Bring items in from the report's text or file",
            id="outline.import-items",
        ),
        Binding(
            "delete,x",
            "item('remove')",
            "Remove item",
            tooltip="Remove this item (asks first)",
            id="outline.remove-item",
        ),
        Binding(
            "alt+up,minus",
            "item('up')",
            "Move up",
            tooltip="Move this item up the report's order",
            id="outline.move-up",
        ),
        Binding(
            "alt+down,plus",
            "item('down')",
            "Move down",
            tooltip="Move this item down the report's order",
            id="outline.move-down",
        ),
    ]

    class ItemCommand(Message):
        """Add, remove or move the item at the outline's cursor."""

        def __init__(self, command: str, step: Step | None) -> None:
            self.command = command
            self.step = step
            super().__init__()

    def __init__(self, draft: Draft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.border_title = "Steps"
        self._shown: dict[str, str] = {}

    def rebuild(self, current: Step | None = None) -> None:
        """List every step again (after items were added, removed or moved)."""
        steps = all_steps(self.draft)
        prompts = {step.id: step_prompt(step, self.draft) for step in steps}
        self._shown = {key: prompt.plain for key, prompt in prompts.items()}
        self.set_options([Option(prompt, id=key) for key, prompt in prompts.items()])
        if current is not None:
            self.select_step(current)

    def refresh_step(self, step: Step) -> None:
        """Redraw one step's mark and name after an edit."""
        prompt = step_prompt(step, self.draft)
        if self._shown.get(step.id) == prompt.plain:
            return  # unchanged: redrawing the list on every keystroke would slow typing
        self._shown[step.id] = prompt.plain
        with contextlib.suppress(OptionDoesNotExist):  # removed meanwhile; the next rebuild shows it
            self.replace_option_prompt(step.id, prompt)

    def refresh_fixed(self) -> None:
        """Redraw the steps that are not items (their marks depend on several fields).

        Named from the fixed list rather than picked out of ``all_steps``, which would build
        a step per item on every keystroke.
        """
        for kind, _ in FIXED_BEFORE + FIXED_AFTER:
            self.refresh_step(Step(kind))

    def select_step(self, step: Step) -> None:
        """Move the cursor to ``step`` without opening it."""
        with contextlib.suppress(OptionDoesNotExist):
            self.highlighted = self.get_option_index(step.id)

    @property
    def cursor_step(self) -> Step | None:
        """The step under the cursor."""
        option = self.highlighted_option
        return Step.from_id(option.id) if option is not None and option.id else None

    def action_item(self, command: str) -> None:
        """Ask the screen to change the items at the cursor."""
        self.post_message(self.ItemCommand(command, self.cursor_step))
