"""The office-use checklist: where the response was sent and published, each with its date.

Ticking a box dates it today, because that is almost always when it was done; the date stays
editable for the day it really happened. The boxes come from the office profile.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Static

from s55tui.datetext import read_date
from s55tui.model import Draft
from s55tui.tui.editors.base import StepEditor


class ChecklistEditor(StepEditor):
    """Ticks and dates for ``draft.checklist``."""

    DEFAULT_CSS = """
    ChecklistEditor .box-row { height: auto; }
    ChecklistEditor .box-row Checkbox { width: 1fr; }
    ChecklistEditor .box-row Input { width: 16; }
    ChecklistEditor .box-row .field-error { width: 30; }
    """

    def __init__(self, draft: Draft, today: date | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.today = today
        self._shown = -1

    def target(self) -> Draft:
        return self.draft

    def compose(self) -> ComposeResult:
        yield Static("Office-use checklist", classes="step-title")
        yield Label(
            "Tick each box when it is done; the date is today's unless you change it.", classes="hint"
        )

    def load(self) -> None:
        self.loaded = True
        if self._shown != len(self.draft.checklist):
            self.query(".box-row").remove()
            if not self.draft.checklist:
                self.mount(
                    Label(
                        "This draft has no checklist boxes (your office profile sets them).",
                        classes="hint box-row",
                    )
                )
            self.mount_all([self._row(index) for index in range(len(self.draft.checklist))])
            self._shown = len(self.draft.checklist)
            return  # new rows are built with the boxes' values
        for index, box in enumerate(self.draft.checklist):
            self.query_one(f"#box-{index}", Checkbox).value = box.done
            field = self.query_one(f"#on-{index}", Input)
            shown = box.on.isoformat() if box.on else ""
            if field.value != shown:
                field.value = shown

    def _row(self, index: int) -> Horizontal:
        box = self.draft.checklist[index]
        return Horizontal(
            Checkbox(box.label, box.done, id=f"box-{index}"),
            Input(box.on.isoformat() if box.on else "", placeholder="YYYY-MM-DD", id=f"on-{index}"),
            Label("", classes="field-error", id=f"e-on-{index}"),
            id=f"row-{index}",
            classes="box-row",
        )

    def flush(self) -> bool:
        """Nothing to do: ticks and dates are written as they change."""
        return False

    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        index = int((event.checkbox.id or "box-0")[4:])
        box = self.draft.checklist[index]
        if box.done == event.value:
            return
        box.done = event.value
        if box.done and box.on is None:
            box.on = self.today or date.today()
            self.query_one(f"#on-{index}", Input).value = box.on.isoformat()
        self.announce(f"box-{index}", box)

    @on(Input.Changed)
    def _dated(self, event: Input.Changed) -> None:
        event.stop()
        name = event.input.id or ""
        if not name.startswith("on-"):
            return
        index = int(name[3:])
        error = self.query_one(f"#e-on-{index}", Label)
        try:
            when = read_date(event.value)
        except ValueError as reason:
            error.update(str(reason))
            return
        error.update("")
        box = self.draft.checklist[index]
        if box.on != when:
            box.on = when
            self.announce(f"on-{index}", box)

    def focus_field(self, name: str) -> bool:
        found = self.query(f"#{name}")
        if not found:
            return False
        found.first().focus()
        return True
