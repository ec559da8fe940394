"""The form for starting a draft: the report's title, publication date, type, web address and file.

The dialog only collects and checks; the drafts screen makes the file, so a failure to save
(a read-only folder) can be reported there and the form reopened with what was typed. The
last day is worked out live as the date is typed, with the weekend and bank-holiday
warnings, because that date is the first thing an officer wants to know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from s55tui.datetext import DateTextError, read_date
from s55tui.deadline import deadline, long_date
from s55tui.library import file_name_problem, new_draft_path
from s55tui.textclean import clean_line
from s55tui.tui.widgets.line_input import LineInput
from s55tui.vocab import REPORT_TYPES

DATE_HINT = "write it as 2020-12-17 or 17/12/2020"
TITLE_NEEDED = "Title: give the report's title as printed"
FIELDS = ("title", "published", "type", "url", "file")


@dataclass(frozen=True)
class NewDraftChoice:
    """What the officer asked for: the report's facts and where to save the new draft."""

    title: str
    published: date
    type: str
    url: str
    path: Path


class NewDraftDialog(ModalScreen[NewDraftChoice | None]):
    """Ask for a new draft's report details; dismiss with a ``NewDraftChoice``, or None on escape."""

    CSS_PATH = "new_draft.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel_new_draft", "Cancel", id="new-draft.cancel"),
        # Priority, so focus moves before the next key is read: a fast typist's (or a paste's)
        # "title, enter, date" never lands the date in the title.
        Binding("enter", "next_field", "Next", id="new-draft.next", show=False, priority=True),
    ]

    def __init__(self, folder: Path, today: date, initial: NewDraftChoice | None = None) -> None:
        """``folder`` is where the draft will go; ``initial`` refills the form after a failed save."""
        super().__init__()
        self.folder = folder
        self.today = today
        self.initial = initial
        # The file name follows the title until the officer edits it by hand.
        self._name_is_automatic = initial is None
        self._automatic_name = ""

    def compose(self) -> ComposeResult:
        first = self.initial
        types = [(label, key) for key, label in REPORT_TYPES.items()]
        with Vertical(id="new-draft-box") as box:
            box.border_title = "New draft"
            yield from self._field("Title", LineInput(first.title if first else "", id="title", compact=True))
            yield from self._field(
                "Published",
                LineInput(
                    first.published.isoformat() if first else "",
                    placeholder="YYYY-MM-DD",
                    id="published",
                    compact=True,
                ),
            )
            yield from self._field(
                "Type",
                Select(
                    types, value=first.type if first else "other", allow_blank=False, id="type", compact=True
                ),
            )
            yield from self._field(
                "Web address",
                LineInput(first.url if first else "", placeholder="https://...", id="url", compact=True),
            )
            yield from self._field(
                "File name", LineInput(first.path.name if first else "", id="file", compact=True)
            )
            with Horizontal(id="new-draft-buttons"):
                yield Button("Create", id="create", variant="primary")
                yield Button("Cancel", id="cancel")

    def _field(self, label: str, control: Input | Select[str]) -> ComposeResult:
        with Horizontal(classes="field"):
            yield Label(label, classes="field-label")
            yield control
        yield Static("", id=f"{control.id}-note", classes="note")

    def on_mount(self) -> None:
        if not self.is_current:  # escape in flow closed it before it opened: its fields are gone
            return
        self.query_one("#title", Input).focus()
        self._show_last_day(self.query_one("#published", Input).value)

    def _note(self, field: str, text: str, tone: str = "problem") -> None:
        """Show (or clear) the line under a field; ``tone`` is problem, warning or info."""
        note = self.query_one(f"#{field}-note", Static)
        note.update(Content(text))
        note.set_class(bool(text), "-shown")
        note.set_class(tone == "problem", "-problem")
        note.set_class(tone == "warning", "-warning")

    @on(Input.Changed, "#title")
    def _title_changed(self, event: Input.Changed) -> None:
        if clean_line(event.value):
            self._note("title", "")
        if self._name_is_automatic:
            name = new_draft_path(self.folder, event.value).name if event.value.strip() else ""
            self._automatic_name = name
            self.query_one("#file", Input).value = name

    @on(Input.Changed, "#file")
    def _file_changed(self, event: Input.Changed) -> None:
        # The field's value now, not the event's: a late event from our own update is not an edit.
        if event.input.value != self._automatic_name:
            self._name_is_automatic = False
        self._note("file", "")

    @on(Input.Changed, "#published")
    def _published_changed(self, event: Input.Changed) -> None:
        self._show_last_day(event.value)

    def _show_last_day(self, text: str) -> None:
        """The last day for the date typed so far, or a hint once it cannot become a date."""
        text = text.strip()
        if not text:
            self._note("published", "")
            return
        published = _parse_date(text)
        if published is None:
            if len(text) >= 10:
                self._note("published", f"Published date: {DATE_HINT}")
            else:
                self._note("published", "")
            return
        due = deadline(published, self.today)
        line = f"Last day: {long_date(due.last_day, weekday=True)}"
        if due.warnings:
            line += f" (note: {'; '.join(due.warnings)})"
        self._note("published", line, "warning" if due.warnings else "info")

    def action_next_field(self) -> None:
        """Enter in a text field moves to the next field; in the last one it creates the draft.

        Elsewhere (the type list, a button) enter does what it always does.
        """
        focused = self.focused
        if not isinstance(focused, Input):
            raise SkipAction()
        if focused.id == "file":
            self.action_create_draft()
            return
        if focused.id == "title" and not clean_line(focused.value):
            self._note("title", TITLE_NEEDED)
            return
        if focused.id == "published" and _parse_date(focused.value.strip()) is None:
            self._note("published", f"Published date: {DATE_HINT}")
            return
        self.focus_next()

    @on(Button.Pressed, "#create")
    def action_create_draft(self) -> None:
        """Check every field; dismiss with the choice, or say beside each field what is wrong."""
        title = clean_line(self.query_one("#title", Input).value)
        published = _parse_date(self.query_one("#published", Input).value.strip())
        name = self.query_one("#file", Input).value.strip()
        problems = {
            "title": "" if title else TITLE_NEEDED,
            "published": "" if published else f"Published date: {DATE_HINT}",
            "file": (f"File name: {why}" if (why := file_name_problem(self.folder, name)) else ""),
        }
        for field, problem in problems.items():
            if problem or field != "published":
                self._note(field, problem)
        first_wrong = next((field for field, problem in problems.items() if problem), None)
        if first_wrong is not None:
            self.query_one(f"#{first_wrong}").focus()
            return
        assert published is not None  # a problem was reported above otherwise
        kind = self.query_one("#type", Select).value
        self.dismiss(
            NewDraftChoice(
                title=title,
                published=published,
                type=kind if isinstance(kind, str) else "other",
                url=self.query_one("#url", Input).value.strip(),
                path=self.folder / name,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel_new_draft(self) -> None:
        """Close without making anything."""
        self.dismiss(None)


def _parse_date(text: str) -> date | None:
    """The date typed (2020-12-17, 17/12/2020, 17 December 2020), or None (see ``s55tui.datetext``)."""
    try:
        return read_date(text)
    except DateTextError:
        return None
