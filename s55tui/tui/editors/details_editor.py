"""The first step: the report's facts, who answers it, and how the response is signed.

The publication date matters most (the 56 days count from it), so its field shows the last
day as it is typed. A field the cursor leaves shows its text from the start, so a long title
reads from its first word on a narrow terminal. The office fields come from the profile when
the draft is made; they are here so an acting chief constable's title can be changed for one
response.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static
from textual.worker import get_current_worker

from s55tui.datetext import read_date
from s55tui.deadline import Deadline, deadline
from s55tui.model import Draft
from s55tui.tui.editors.base import CHOICE, DATE, LINE, TEXT, StepEditor, error_label, field_label
from s55tui.tui.widgets.line_input import LineInput
from s55tui.tui.widgets.response_area import ResponseArea
from s55tui.vocab import HOME_SECRETARY, REPORT_TYPES

# field id -> (section of the draft, attribute, label)
_LAYOUT: dict[str, tuple[str, str, str]] = {
    "report-title": ("report", "title", "Report title, as printed"),
    "report-published": (
        "report",
        "published",
        "Published (2020-12-17 or 17/12/2020): the 56 days count from it",
    ),
    "report-type": ("report", "type", "Type of report"),
    "report-url": ("report", "url", "Web address of the report"),
    "report-inspectorate": ("report", "inspectorate", "Inspectorate"),
    "report-grade": ("report", "grade", "Grade (PEEL), if any"),
    "office-force": ("office", "force", "Force"),
    "office-body": ("office", "body", "Local policing body"),
    "office-short": ("office", "short", "Short name of the office (OPCCN)"),
    "office-pcc_title": ("office", "pcc_title", "Commissioner's title"),
    "office-pcc_short": ("office", "pcc_short", "Commissioner's short title (PCC, PFCC, Mayor)"),
    "office-pcc_name": ("office", "pcc_name", "Commissioner's name"),
    "office-cc_title": ("office", "cc_title", "Chief constable's title"),
    "office-cc_name": ("office", "cc_name", "Chief constable's name"),
    "office-letter_to": (
        "office",
        "letter_to",
        "A letter goes to (a line each; blank: the Home Secretary, Home Office)",
    ),
    "office-greeting": ("office", "greeting", "A letter opens with (blank: Dear Home Secretary,)"),
    "response-version": ("response", "version", "Version of this response (optional)"),
    "response-signed_by": ("response", "signed_by", "Signed by"),
    "response-signed_on": ("response", "signed_on", "Signed on (2021-02-09 or 9/2/2021)"),
    "response-published": (
        "response",
        "published",
        "Response published on (progress on each item is tracked from it; blank until then)",
    ),
}
_HEADINGS = {"report-title": "The report", "office-force": "Your office", "response-version": "Signature"}


class DetailsEditor(StepEditor):
    """Edits ``[report]``, ``[office]`` and the signature of ``[response]``."""

    FIELDS: ClassVar[dict[str, str]] = {
        key: (
            DATE
            if attr in ("published", "signed_on")
            else CHOICE
            if attr == "type"
            else TEXT
            if attr == "letter_to"
            else LINE
        )
        for key, (_, attr, _) in _LAYOUT.items()
    }
    REQUIRED_DATES: ClassVar[frozenset[str]] = frozenset({"report-published"})

    def __init__(self, draft: Draft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft

    def target(self) -> Draft:
        return self.draft

    def locate(self, name: str) -> tuple[Any, str]:
        section, attr, _ = _LAYOUT[name]
        return getattr(self.draft, section), attr

    def compose(self) -> ComposeResult:
        for key, (_, attr, words) in _LAYOUT.items():
            if key in _HEADINGS:
                yield Static(_HEADINGS[key], classes="step-title")
            yield field_label(words, required=key in ("report-title", "report-published"))
            if attr == "type":
                yield Select([(v, k) for k, v in REPORT_TYPES.items()], id=f"f-{key}", allow_blank=False)
            elif self.FIELDS[key] == TEXT:  # an address block: a line each
                yield ResponseArea(id=f"f-{key}", placeholder="\n".join(HOME_SECRETARY))
            else:
                # a date is typed over whole (the draft keeps the last good one); text is added to
                dated = self.FIELDS[key] == DATE
                placeholder = "2020-12-17" if dated else ""
                yield LineInput(id=f"f-{key}", placeholder=placeholder, select_on_focus=dated)
            if self.FIELDS[key] == DATE:  # only a date can be written wrongly
                yield error_label(key)
            if key == "report-published":
                yield Label("", id="last-day", classes="hint")

    def load(self) -> None:
        super().load()
        self._show_last_day()

    @on(Input.Changed, "#f-report-published")
    def _published_changed(self) -> None:
        self._show_last_day()

    @on(Input.Blurred)
    def _show_from_the_start(self, event: Input.Blurred) -> None:
        """A field the cursor has left shows its text from the start.

        A line scrolls to keep the cursor in sight, so a long title left with the cursor at
        its end shows only its last words ("...-complaint on policing and immigration status"
        at 80 columns) until the officer goes back to it.
        """
        event.input.cursor_position = 0

    def _published(self) -> date | None:
        try:
            return read_date(self.query_one("#f-report-published", Input).value)
        except ValueError:
            return None

    def _show_last_day(self) -> None:
        """The last day at once; whether it is a bank holiday once the calendar is built.

        The calendar takes about 0.2 s to build the first time, so it is built on a thread
        after the screen is drawn, not in the way of opening the draft or of typing.
        """
        published = self._published()
        if published is None:
            self.query_one("#last-day", Label).update("")
            return
        self._show_deadline(deadline(published, self._today(), bank_holidays=False))
        self.call_after_refresh(self._look_up_bank_holiday, published)

    @work(thread=True, exclusive=True, group="after-first-frame")
    def _look_up_bank_holiday(self, published: date) -> None:
        due = deadline(published, self._today())
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_deadline, due)

    def _today(self) -> date | None:
        return getattr(self.app, "today", None)

    def _show_deadline(self, due: Deadline) -> None:
        if due.published != self._published():  # the date was changed meanwhile
            return
        words = due.summary[0].upper() + due.summary[1:]
        notes = "".join(f"\nNote: {w}." for w in due.warnings if "passed" not in w)
        self.query_one("#last-day", Label).update(words + notes)
