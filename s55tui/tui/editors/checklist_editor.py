"""The office-use checklist: where the response was sent and published, each with its date.

Ticking a box asks for the day it was done: today's date goes into the box's date field and
the cursor moves there with the date selected, so the officer types the real day over it or
presses Enter (or Tab) to keep today. Unticking a box clears its date, since a date on a box
not done would say something that did not happen; ticking it again in the same visit puts the
cleared date back rather than today's. The boxes come from the office profile.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from s55tui.datetext import read_date
from s55tui.deadline import long_date
from s55tui.model import Draft
from s55tui.tui.editors.base import StepEditor
from s55tui.tui.widgets.laid_out import content_width
from s55tui.tui.widgets.line_input import LineInput

HINT = (
    "Space ticks a box and puts today's date beside it, selected: type the day it was really "
    "done over it (2021-02-09, 9/2/2021 or 9 February 2021), or press Enter to keep it. "
    "Unticking a box clears its date."
)


class BoxCheckbox(Checkbox):
    """A checkbox whose label wraps onto as many lines as it needs, under itself.

    Textual's checkbox is one line high and cuts its label at the width it is given; an
    office's box labels ("Response forwarded to HMICFRS Section 55 Responses") must be read
    whole, at 80 columns too.
    """

    DEFAULT_CSS = """
    BoxCheckbox { height: auto; }
    """

    # the button (3 cells) and the space either side of the label
    _BESIDE = 3 + 2

    def _label_lines(self, width: int) -> list[Content]:
        lines = self.label.wrap(max(width - self._BESIDE, 8))
        return [line.rstrip() for line in lines] or [Content("")]

    def render(self) -> Content:
        """The button, then the label wrapped to the width the layout set (its height is found
        in ``get_content_height``), each further line under the first."""
        lines = self._label_lines(content_width(self))
        if len(lines) == 1:
            return super().render()
        label_style = self.get_visual_style("toggle--label")
        room = max(line.cell_length for line in lines)
        indent = Content(" " * 3)
        rows = [
            Content.assemble(
                self._button if number == 0 else indent,
                line.pad(1, 1 + room - line.cell_length).stylize_before(label_style),
            )
            for number, line in enumerate(lines)
        ]
        return Content("\n").join(rows)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._label_lines(width))


class ChecklistEditor(StepEditor):
    """Ticks and dates for ``draft.checklist``."""

    def __init__(self, draft: Draft, today: date | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.today = today
        self._shown = -1
        # dates cleared by unticking, by box: ticking the box again puts its date back
        self._cleared: dict[int, date] = {}
        self._cleared_from = draft

    def target(self) -> Draft:
        return self.draft

    def compose(self) -> ComposeResult:
        yield Static("Office-use checklist", classes="step-title")
        yield Label(HINT, classes="hint", id="checklist-hint")
        # The rows are built with the editor, so the step's first field is there to take the
        # cursor when the step opens (rows mounted later would leave it on the last step).
        yield from self._rows()
        self._shown = len(self.draft.checklist)

    def _rows(self) -> list[Widget]:
        if not self.draft.checklist:
            return [
                Label(
                    "This draft has no checklist boxes (your office profile sets them).",
                    classes="hint box-row",
                )
            ]
        return [self._row(index) for index in range(len(self.draft.checklist))]

    def load(self) -> None:
        self.loaded = True
        if self._cleared_from is not self.draft:  # the file was read again: nothing to put back
            self._cleared.clear()
            self._cleared_from = self.draft
        if self._shown != len(self.draft.checklist):  # the draft was reloaded with other boxes
            self._shown = len(self.draft.checklist)
            self._rebuilding = True
            self.run_worker(self._rebuild(), exclusive=True, group="checklist-rows")
            return  # new rows are built with the boxes' values
        for index, box in enumerate(self.draft.checklist):
            self.query_one(f"#box-{index}", Checkbox).value = box.done
            field = self.query_one(f"#on-{index}", Input)
            shown = box.on.isoformat() if box.on else ""
            if field.value != shown:
                field.value = shown

    def _row(self, index: int) -> Vertical:
        """A box and its date side by side, and a line under them for what the officer should know."""
        box = self.draft.checklist[index]
        shown = box.on.isoformat() if box.on else ""
        field = LineInput(shown, placeholder="date done", id=f"on-{index}", select_on_focus=True)
        field.border_title = "done on"
        note = Label("", classes="box-note", id=f"e-on-{index}")
        note.display = False
        return Vertical(
            Horizontal(BoxCheckbox(box.label, box.done, id=f"box-{index}"), field, classes="box-line"),
            note,
            id=f"row-{index}",
            classes="box-row",
        )

    def flush(self) -> bool:
        """Nothing to do: ticks and dates are written as they change."""
        return False

    # -- what the officer is told under a box ------------------------------------------------
    def _note(self, index: int, words: str = "", *, error: bool = False) -> None:
        found = self.query(f"#e-on-{index}")
        if not found:
            return
        note = found.first(Label)
        note.update(words)
        note.set_class(error, "-error")
        note.display = bool(words)

    # -- ticking -----------------------------------------------------------------------------
    @on(Checkbox.Changed)
    def _ticked(self, event: Checkbox.Changed) -> None:
        event.stop()
        index = int((event.checkbox.id or "box-0")[4:])
        box = self.draft.checklist[index]
        if box.done == event.value:
            return  # loading the box's own value, not the officer's tick
        box.done = event.value
        field = self.query_one(f"#on-{index}", Input)
        if box.done:
            today = self.today or date.today()
            if box.on is None:
                box.on = self._cleared.pop(index, None) or today
            field.value = box.on.isoformat()
            when = "today" if box.on == today else "the date it had"
            self._note(
                index,
                f"Done on {long_date(box.on)} ({when})? Type the day it was done over it, "
                "or press Enter to keep it.",
            )
            self._ask_date(field)
        else:
            cleared, box.on = box.on, None
            field.value = ""
            if cleared is not None:
                self._cleared[index] = cleared
                self._note(
                    index,
                    f"Not done: its date, {long_date(cleared)}, is cleared (tick it again to put it back).",
                )
            else:
                self._note(index)
        self.announce(f"box-{index}", box)

    def _ask_date(self, field: Input) -> None:
        """Put the cursor in a date field with its date selected, ready to be typed over."""
        field.focus()
        field.select_all()
        self.call_after_refresh(field.select_all)  # after the focus, which moves the cursor

    # -- dates -------------------------------------------------------------------------------
    @on(Input.Changed)
    def _dated(self, event: Input.Changed) -> None:
        event.stop()
        index = _date_index(event.input)
        if index is None:
            return
        try:
            when = read_date(event.value)
        except ValueError as reason:
            self._note(index, str(reason), error=True)
            return
        box = self.draft.checklist[index]
        if box.on != when:
            box.on = when
            self.announce(f"on-{index}", box)
            if when is not None and not box.done:
                self._note(index, "Not ticked yet: the date shows in the response once the box is ticked.")
            else:
                self._note(index)
        elif self.query_one(f"#e-on-{index}", Label).has_class("-error"):
            self._note(index)

    @on(Input.Submitted)
    def _date_accepted(self, event: Input.Submitted) -> None:
        """Enter keeps the date and goes on to the next box (Tab does the same)."""
        event.stop()
        index = _date_index(event.input)
        if index is None:
            return
        if self._tidy_date(index):
            following = self.query(f"#box-{index + 1}")
            if following:
                following.first().focus()

    @on(Input.Blurred)
    def _date_left(self, event: Input.Blurred) -> None:
        index = _date_index(event.input)
        if index is not None:
            self._tidy_date(index)

    def _tidy_date(self, index: int) -> bool:
        """Show a date the draft took as 2021-02-09, however it was typed; False when the field
        holds no date the draft could take (its note says why)."""
        field = self.query_one(f"#on-{index}", Input)
        try:
            when = read_date(field.value)
        except ValueError:
            return False
        if when is not None and field.value != when.isoformat():
            field.value = when.isoformat()
        note = self.query_one(f"#e-on-{index}", Label)
        if not note.has_class("-error") and self.draft.checklist[index].done:
            self._note(index)
        return True

    _rebuilding = False
    _focus_when_built = False

    async def _rebuild(self) -> None:
        await self.query(".box-row").remove()
        await self.mount_all(self._rows())
        self._rebuilding = False
        if self._focus_when_built:
            self._focus_when_built = False
            super().focus_first()

    def focus_first(self) -> bool:
        """The first box; while the rows are being rebuilt, as soon as they are there (and
        False meanwhile: nothing here can take the cursor yet)."""
        if self._rebuilding:
            self._focus_when_built = True
            return False
        return super().focus_first() is not False

    def focus_field(self, name: str) -> bool:
        widget = self.find(name)
        if widget is None:
            return False
        widget.focus(scroll_visible=False)  # scrolled next, at once
        self.scroll_to_widget(widget, animate=False)
        return True


def _date_index(field: Input) -> int | None:
    """The box a date field belongs to (``on-3`` is box 3's), or None for any other field."""
    name = field.id or ""
    return int(name[3:]) if name.startswith("on-") and name[3:].isdigit() else None
