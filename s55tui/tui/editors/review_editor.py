"""The last step: what the check still finds, a preview of the document, and export.

Each finding is a link: choosing it jumps to the step and the field that fixes it. The
preview is rendered with the template chosen here (the draft's house style), off the app's
thread, so the officer can keep moving while a long document is laid out.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from s55tui.completeness import MISSING, REMINDER, WARNING, CheckResult
from s55tui.model import Draft
from s55tui.tui.editors.base import CHOICE, StepEditor
from s55tui.tui.widgets.preview import DocumentPreview

FORMAT_CHOICES = (
    ("Word, web page, Markdown", "all"),
    ("Word (.docx)", "docx"),
    ("Web page (.html)", "html"),
    ("Markdown (.md)", "md"),
)
_MARK = {MISSING: "[b $error]missing[/]", WARNING: "[$warning]warning[/]", REMINDER: "[dim]reminder[/]"}


class ReviewEditor(StepEditor):
    """Findings as links, the template and formats to export, and the preview."""

    DEFAULT_CSS = """
    ReviewEditor { overflow-y: hidden; }
    ReviewEditor #check-findings { height: auto; max-height: 10; border: round $primary-lighten-2; }
    ReviewEditor #check-findings:focus { border: round $accent; }
    ReviewEditor #export-row { height: auto; margin: 1 0 0 0; }
    ReviewEditor #export-row > Vertical { width: 1fr; height: auto; margin-right: 1; }
    ReviewEditor #export-row Button { margin-top: 1; }
    ReviewEditor #preview-title { margin-top: 1; }
    ReviewEditor #check-summary { width: 1fr; height: auto; }
    """

    FIELDS: ClassVar[dict[str, str]] = {"template": CHOICE}

    class JumpTo(Message):
        """The officer chose a finding: go to the field it names (``items[3].cc_response``)."""

        def __init__(self, field: str) -> None:
            self.field = field
            super().__init__()

    class ExportRequested(Message):
        """Export the draft in these formats with the draft's template."""

        def __init__(self, formats: tuple[str, ...]) -> None:
            self.formats = formats
            super().__init__()

    def __init__(self, draft: Draft, templates: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.draft = draft
        self.templates = templates
        self._fields: list[str] = []

    def target(self) -> Any:
        return self.draft.response

    def compose(self) -> ComposeResult:
        yield Static("Review and export", classes="step-title")
        yield Label("", id="check-summary")
        yield OptionList(id="check-findings")
        with Horizontal(id="export-row"):
            with Vertical():
                yield Label("House style (template)", classes="field-label")
                yield Select([(name, name) for name in self.templates], id="f-template", allow_blank=False)
            with Vertical():
                yield Label("Export as", classes="field-label")
                yield Select(list(FORMAT_CHOICES), id="formats", allow_blank=False, value="all")
            yield Button("Export", id="export", variant="primary")
        yield Label("Preview", id="preview-title", classes="field-label")
        yield DocumentPreview(id="preview")

    def load(self) -> None:
        if self.draft.response.template not in self.templates:
            self.templates.append(self.draft.response.template)
            self.query_one("#f-template", Select).set_options([(n, n) for n in self.templates])
        super().load()

    def show_check(self, result: CheckResult) -> None:
        """List the check's findings, missing first, each a link to its field."""
        order = {MISSING: 0, WARNING: 1, REMINDER: 2}
        findings = sorted(result.findings, key=lambda f: order.get(f.severity, 3))
        options = self.query_one("#check-findings", OptionList)
        options.clear_options()
        self._fields = [f.field for f in findings]
        options.add_options(
            [Option(f"{_MARK.get(f.severity, f.severity)}  {f.where}: {f.message}") for f in findings]
        )
        counts = [f"{len(result.of(s))} {s}" for s in (MISSING, WARNING, REMINDER) if result.of(s)]
        ready = "Ready to publish: nothing required is missing." if result.ready else "Not ready yet."
        due = (
            f"  ·  {result.deadline.summary[0].upper()}{result.deadline.summary[1:]}"
            if result.deadline
            else ""
        )
        summary = f"{ready}  {', '.join(counts) or 'No findings.'}{due}"
        summary += "  (Enter on a finding goes to it.)" if findings else ""
        self.query_one("#check-summary", Label).update(summary)

    @on(OptionList.OptionSelected, "#check-findings")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._fields):
            self.post_message(self.JumpTo(self._fields[event.option_index]))

    @on(Button.Pressed, "#export")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.request_export()

    def request_export(self) -> None:
        """Ask the screen to export in the chosen formats."""
        chosen = self.query_one("#formats", Select).value
        formats = ("docx", "html", "md") if chosen == "all" else (str(chosen),)
        self.post_message(self.ExportRequested(formats))
