"""The last step: what the check still finds, a preview of the document, and export.

Each finding is a link: choosing it jumps to the step and the field that fixes it. The
preview is rendered with the template chosen here (the draft's house style), and follows a
new choice at once. Only the document's top (a screenful) is written on the app's thread,
so the step shows with it; the check, the rest of the preview and the export run on threads
(or a child process) from a copy of the draft, so a 1,000-item document never stalls the
screen, and quitting never waits for them; an export that fails (a template error, a
read-only folder) says why in one line, and the draft is untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import date
from itertools import islice
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from s55tui.completeness import MISSING, REMINDER, WARNING, CheckResult, counted, verdict
from s55tui.errors import S55Error
from s55tui.render.export import ExportSettings
from s55tui.session import DraftSession
from s55tui.tui.background import droppable
from s55tui.tui.editors.base import CHOICE, StepEditor
from s55tui.tui.widgets.preview import DocumentPreview

FORMAT_CHOICES = (
    ("Word, PDF, web and .md", "all"),  # the PDF where LibreOffice is installed
    ("Word (.docx)", "docx"),
    ("PDF (.pdf)", "pdf"),
    ("Web page (.html)", "html"),
    ("Markdown (.md)", "md"),
)
_TEXT_FORMATS = ("docx", "html", "md")
_FIRST_BATCH = 3_000  # characters of Markdown: a screenful at 120x40, written in a millisecond or two
_BATCH = 250_000  # the rest in trips of about fifty items


def every_format() -> tuple[str, ...]:
    """What "export everything" writes: the PDF too, where LibreOffice is installed."""
    from s55tui.render.pdf import libreoffice

    return (*_TEXT_FORMATS, "pdf") if libreoffice() else _TEXT_FORMATS


def _cannot_show(error: S55Error) -> str:
    return f"**The preview cannot be shown.** {error}"


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

    def __init__(
        self,
        session: DraftSession,
        templates: list[str],
        settings: ExportSettings,
        save: Callable[[], Awaitable[bool]],
        today: date | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.session = session
        self.draft = session.draft
        self.templates = templates
        self.settings = settings
        self.save = save  # saves the draft first, so the export is what the file holds
        self.today = today
        self._fields: list[str] = []
        self._shown: tuple[object, int, str] | None = None  # what the preview and check were made from

    def target(self) -> Any:
        return self.draft.response

    def compose(self) -> ComposeResult:
        yield Static("Review and export", classes="step-title")
        yield Label("", id="check-summary")
        yield OptionList(id="check-findings")
        with Horizontal(id="export-row"):
            with Vertical(id="template-box"):
                yield Label("House style (template)", classes="field-label")
                yield Select([(name, name) for name in self.templates], id="f-template", allow_blank=False)
            with Vertical():
                yield Label("Export as", classes="field-label")
                yield Select(list(FORMAT_CHOICES), id="formats", allow_blank=False, value="all")
            yield Button("Export", id="export", variant="primary")
        yield Label("Preview", id="preview-title", classes="field-label")
        yield DocumentPreview(id="preview")

    def on_mount(self) -> None:
        self.call_after_refresh(self._lay_out_top_ahead)

    def _lay_out_top_ahead(self) -> None:
        """Built out of sight (see ``StepNavigator.prebuild``): lay the document's top out now,
        at the width the preview will have, so the step's first frame only paints it. Laid out
        again as usual if the draft's top or the width has changed by then."""
        switcher = self.parent
        if self._shown is not None or not isinstance(switcher, Widget) or self.display:
            return
        preview = self.query_one(DocumentPreview)
        width = switcher.content_region.width - self.styles.gutter.width - preview.styles.gutter.width
        with contextlib.suppress(S55Error):  # the review says why, when opened
            preview.lay_out_ahead(self._top_of(self.session.draft), width)

    def _top_of(self, draft: Any) -> list[str]:
        """The document's first sections, a screenful (``_FIRST_BATCH``), in the house style
        chosen; raises ``S55Error`` as the template does. Quick enough for the app's thread."""
        from s55tui.render.sections import markdown_sections, take_sections

        return take_sections(markdown_sections(draft, None, self.settings.templates), _FIRST_BATCH)

    def load(self) -> None:
        if self.draft.response.template not in self.templates:
            self.templates.append(self.draft.response.template)
            self.query_one("#f-template", Select).set_options([(n, n) for n in self.templates])
        super().load()

    def _store(self, name: str, value: Any) -> bool:
        """A new house style shows in the preview at once."""
        changed = super()._store(name, value)
        if changed and name == "template":
            self.refresh_review()
        return changed

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
        if findings:
            options.highlighted = 0  # Enter goes to the first at once, without an arrow key first
        # the verdict already counts what is missing
        counts = [counted(len(result.of(s)), s) for s in (WARNING, REMINDER) if result.of(s)]
        parts = [verdict(result), ", ".join(counts)]  # the status line below shows the deadline
        if findings:
            parts.append("(Enter on a finding goes to it.)")
        summary = "  ".join(part for part in parts if part)
        self.query_one("#check-summary", Label).update(summary)

    @on(OptionList.OptionSelected, "#check-findings")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._fields):
            self.post_message(self.JumpTo(self._fields[event.option_index]))

    @on(Button.Pressed, "#export")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.export(self.chosen_formats())

    def chosen_formats(self) -> tuple[str, ...]:
        """The formats chosen under "Export as"."""
        chosen = self.query_one("#formats", Select).value
        return every_format() if chosen == "all" else (str(chosen),)

    # -- work off the app's thread -----------------------------------------------------------
    def refresh_review(self) -> None:
        """Show the document in the preview: its top now, the rest as it is written; then the
        check's findings.

        The top (a screenful of Markdown, a millisecond or two at any size) is written here,
        before the step's first frame, so the step shows with its first lines rather than an
        empty box filled a frame or two later. The rest is written on a thread, a batch of
        sections per trip, and the preview lays out only the sections scrolled to (see
        ``DocumentPreview``).
        """
        # Back at the review with nothing changed since (the officer looked at a finding and
        # came back): what is shown is still right, and remaking it took seconds at 1,000 items.
        draft = self.session.draft  # the object itself: a draft read again is a new one
        made_from = (draft, self.session.generation, draft.response.template)
        kept = self._shown
        if kept is not None and kept[0] is draft and kept[1:] == made_from[1:]:
            return
        preview = self.query_one(DocumentPreview)
        shown: int | None = None  # sections shown, None when the document cannot be
        try:  # from the draft itself, not a copy: nothing can change it while this runs
            top = self._top_of(draft)
        except S55Error as error:
            preview.show_sections([_cannot_show(error)], replace=True)
        else:
            preview.show_sections(top, replace=True)
            shown = len(top)
        # Not a @work method: textual describes a worker by the repr of its arguments.
        rest = self._finish_review(made_from, shown)
        self.run_worker(rest, group="review", exclusive=True, description="the review's preview and check")

    async def _finish_review(self, made_from: tuple[object, int, str], shown: int | None) -> None:
        """The rest of the document after the ``shown`` sections at its top (None: it cannot
        be shown), then the check: on threads, from a copy of the draft, dropped if the app
        closes."""
        from s55tui.completeness import check
        from s55tui.render.sections import markdown_sections, take_sections

        preview = self.query_one(DocumentPreview)
        # Not until the top is on screen: a thread writing the rest holds the interpreter half
        # the time, and the step's first frame took twice as long while it ran.
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()
        snap = self.session.snapshot()
        if (self.session.draft, snap.generation) != made_from[:2]:  # changed since the top was written
            made_from, shown = (self.session.draft, snap.generation, snap.draft.response.template), 0
        if shown is not None:
            sections = islice(markdown_sections(snap.draft, None, self.settings.templates), shown, None)
            first = shown == 0
            try:
                while batch := await droppable(take_sections, sections, _BATCH, name="s55tui-preview"):
                    preview.show_sections(batch, replace=first)
                    first = False
            except S55Error as error:
                preview.show_sections([_cannot_show(error)], replace=True)
        result = await droppable(check, snap.draft, self.today, name="s55tui-check")
        if self.query("#check-findings"):  # not taken down meanwhile (the app closing)
            self.show_check(result)
            self._shown = made_from

    @work(exclusive=True, group="export")
    async def export(self, formats: tuple[str, ...]) -> None:
        """Save, then write the exports beside the draft and say where they went."""
        from s55tui.render.export_process import export_in_child

        await self.save()
        snap = self.session.snapshot().draft
        path = self.session.path
        self.notify("Exporting…", timeout=2)
        try:  # in a child process: rendering a big document must not hold the keyboard up
            written = await export_in_child(snap, path, formats, self.settings)
        except S55Error as error:
            self.notify(str(error), title="Export failed", severity="error", timeout=12)
            return
        from s55tui.completeness import check, verdict
        from s55tui.render.pdf import how_to_get_a_pdf

        lines = ["Wrote:", *(str(p) for p in written)]
        if self.settings.letterhead and {"docx", "pdf"} & set(formats):
            from s55tui.render.docx_document import base_warnings

            lines += await droppable(base_warnings, self.settings.letterhead, name="s55tui-letterhead")
        if set(formats) == set(_TEXT_FORMATS):  # every format was asked for, and no PDF can be made
            no_pdf = how_to_get_a_pdf(path.with_suffix(".docx").name)
            lines.append(f"{no_pdf[0].upper()}{no_pdf[1:]}.")
        result = await droppable(check, snap, self.today, name="s55tui-check")
        if result.ready:
            self.notify("\n".join(lines), title="Exported", timeout=12)
        else:  # written as asked, but it says so: these files are not for publishing yet
            lines.append(verdict(result))
            self.notify("\n".join(lines), title="Exported", severity="warning", timeout=15)
