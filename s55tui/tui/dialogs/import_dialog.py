"""The Import dialog: bring a report's recommendations into the draft from a paste or a file.

Officers otherwise retype dozens of items that must be quoted exactly. The dialog does no
reading, recognising or merging of its own: it hands the text to ``s55tui.importer`` (the
same code as ``s55tui import``), shows what was found and what merging would do to each item
(worked out on a copy, so nothing changes before the officer says so), and returns the items.
The screen that opened it merges them into the live draft with ``s55tui.importer.merge.merge``
and shows ``s55tui.importer.merge.summary(report)`` in a notification.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Static, TextArea
from textual.worker import Worker, WorkerState

from s55tui.errors import S55Error
from s55tui.importer import recognise
from s55tui.importer.merge import preview
from s55tui.importer.sources import STDIN, read_source
from s55tui.model import Draft, Item
from s55tui.tui.dialogs.import_found import Finding, FoundTable, detail
from s55tui.tui.widgets.key_footer import KeyFooter

_START = "Then Find items (ctrl+f). Nothing is added until you choose Add to draft."


@dataclass
class ImportChoice:
    """The items the officer chose to add, and where they came from (a file, or "pasted text")."""

    items: list[Item]
    source: str


def source_name(typed: str) -> str:
    """The file an officer typed or dropped in: quotes from drag-and-drop and ``~`` undone."""
    name = typed.strip()
    if len(name) >= 2 and name[0] == name[-1] and name[0] in "'\"":
        name = name[1:-1]
    if name.lower().startswith(("http://", "https://")):
        return name  # the report's web address, as typed
    return str(Path(name).expanduser()) if name else ""


class ImportDialog(ModalScreen[ImportChoice | None]):
    """Find the items in a report's text or file, show them, and return them to be merged."""

    DEFAULT_CSS = """
    ImportDialog {
        align: center middle;
    }
    ImportDialog #import-dialog {
        width: 100%;
        max-width: 130;
        height: 100%;
        max-height: 46;
        padding: 0 1;
        border: thick $primary;
        border-title-align: left;
        background: $surface;
    }
    ImportDialog .prompt { color: $text-muted; }
    ImportDialog #paste { height: 1fr; min-height: 3; }
    ImportDialog #path { margin-bottom: 0; }
    ImportDialog #status { height: auto; margin-top: 1; }
    ImportDialog.-short #status { margin-top: 0; }
    ImportDialog.-short.-found #paste { height: 3; }
    ImportDialog.-short.-found #notes-scroll { max-height: 3; }
    ImportDialog #status.-error { color: $text-error; }
    ImportDialog #found, ImportDialog #detail-scroll, ImportDialog #notes-scroll { display: none; }
    ImportDialog #detail-scroll { height: 9; border-top: solid $primary-muted; }
    ImportDialog.-short #detail-scroll { height: 4; }
    ImportDialog.-found #detail-scroll { display: block; }
    ImportDialog.-found #paste { height: 4; }
    ImportDialog.-found #found { display: block; height: 1fr; min-height: 4; }
    ImportDialog.-found #notes-scroll { display: block; height: auto; max-height: 6; }
    ImportDialog #notes { color: $text-warning; }
    ImportDialog #buttons { height: auto; align-horizontal: right; }
    ImportDialog #buttons Button { margin-left: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "find_items", "Find items", id="import.find_items"),
        Binding("ctrl+s", "add_items", "Add to draft", id="import.add_items"),
        Binding("escape", "cancel_import", "Cancel", id="import.cancel_import"),
    ]

    def __init__(self, draft: Draft) -> None:
        """``draft`` is only read, to preview the merge; the caller merges into it on success."""
        super().__init__()
        self._draft = draft
        self._finding: Finding | None = None
        self._last_edited = "paste"  # which way in the officer used last, when both hold text

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog") as dialog:
            dialog.border_title = "Import from the report"
            yield Label("Paste the report's text (from Word, a PDF or its web page):", classes="prompt")
            yield TextArea(
                id="paste",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="Paste here: the recommendations, causes of concern or areas for improvement",
            )
            yield Label("or the report's file (.pdf, .docx, .html, .txt) or web address:", classes="prompt")
            yield Input(id="path", placeholder="for example ~/Downloads/report.pdf or https://…")
            yield Static(_START, id="status")
            yield FoundTable(id="found", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="detail-scroll"):  # the highlighted item whole; Tab in to scroll
                yield Static(id="detail")
            with VerticalScroll(id="notes-scroll"):
                yield Static(id="notes")
            with Horizontal(id="buttons"):
                yield Button("Find items", id="find", variant="primary")
                yield Button("Add to draft", id="add", variant="success", disabled=True)
                yield Button("Cancel", id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        if self.is_current:  # not when escape in flow closed it before it opened (its box is gone)
            self.query_one("#paste", TextArea).focus()

    def on_resize(self) -> None:
        """On a short terminal (80x24) buttons and the path lose their borders to leave room for the list."""
        short = self.size.height < 32
        self.set_class(short, "-short")
        for button in self.query(Button):
            button.compact = short
        for path in self.query("#path").results(Input):  # none once closed before it opened
            path.compact = short

    # The two ways in: whichever the officer touched last is the one read.

    @on(TextArea.Changed, "#paste")
    def _paste_changed(self) -> None:
        self._last_edited = "paste"
        self._forget_finding()

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        self._last_edited = "path"
        self._forget_finding()

    @on(Input.Submitted, "#path")
    def _path_submitted(self) -> None:
        self.action_find_items()

    @on(DataTable.RowHighlighted, "#found")
    def _item_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted item's own words, longer than the list has room for."""
        if self._finding is None or event.row_key.value is None:
            return
        item = self._finding.result.found[int(event.row_key.value)].item
        self.query_one("#detail", Static).update(Text(detail(item)))
        self.query_one("#detail-scroll", VerticalScroll).scroll_home(animate=False)

    @on(DataTable.RowSelected, "#found")
    def _put_right(self, event: DataTable.RowSelected) -> None:
        """Enter on an item: change its kind, number or addressees before it is added."""
        from s55tui.tui.dialogs.import_item import ImportItemDialog

        finding = self._finding
        if finding is None or event.row_key.value is None:
            return
        index = int(event.row_key.value)
        found = finding.result.found
        taken = {(f.item.kind, f.item.number.lower()) for n, f in enumerate(found) if n != index}

        def changed(item: Item | None) -> None:
            if item is None or self._finding is not finding:
                return
            found[index].item = item
            finding.reports = preview(self._draft, finding.result.items)
            table = self.query_one("#found", FoundTable)
            table.show(finding, self.query_one("#import-dialog").content_size.width, table.left_out)
            self.query_one("#detail", Static).update(Text(detail(item)))
            self._show_found_words(finding, table.left_out)
            table.focus()

        self.app.push_screen(ImportItemDialog(found[index].item, taken), changed)

    @on(Button.Pressed, "#find")
    def _find_pressed(self) -> None:
        self.action_find_items()

    @on(Button.Pressed, "#add")
    def _add_pressed(self) -> None:
        self.action_add_items()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel_import()

    # Actions.

    def action_find_items(self) -> None:
        """Read the chosen source off the UI thread: a 300-page PDF takes a while."""
        pasted = self.query_one("#paste", TextArea).text
        path = source_name(self.query_one("#path", Input).value)
        use_path = bool(path) and (self._last_edited == "path" or not pasted.strip())
        name = path if use_path else STDIN
        self._forget_finding()
        self._set_status(f"Reading {path if use_path else 'the pasted text'} …")
        self.query_one("#find", Button).disabled = True
        self._read_in_thread(name, "" if use_path else pasted)

    def action_add_items(self) -> None:
        """Return what was found; nothing was found, or nothing yet, keeps the dialog open."""
        if self._finding is None:
            self.action_find_items()
            return
        if not self._finding.result.found:
            return
        left_out = self.query_one("#found", FoundTable).left_out
        items = [item for index, item in enumerate(self._finding.result.items) if index not in left_out]
        if not items:
            self.notify("Every item is left out: tick one with space, or Cancel.", severity="warning")
            return
        self.dismiss(ImportChoice(items=items, source=self._finding.result.source))

    def action_cancel_import(self) -> None:
        """Leave without touching the draft."""
        self.workers.cancel_group(self, "import")
        self.dismiss(None)

    # Reading, in a thread, and showing what came back.

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _read_in_thread(self, name: str, pasted: str) -> Finding:
        """The importer's own reading and recognising, then the merge preview on a copy of the draft."""
        stdin = io.BytesIO(pasted.encode("utf-8", "surrogatepass")) if name == STDIN else None
        source = read_source(name, stdin=stdin)
        result = recognise(source.text, source.label, self._draft.report.published)
        return Finding(result, preview(self._draft, result.items))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "import" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one("#find", Button).disabled = False
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, S55Error) else f"could not read it ({error!r})"
            self._set_status(message, error=True)
            return
        finding = event.worker.result
        assert isinstance(finding, Finding)
        self._show(finding)

    def _show(self, finding: Finding) -> None:
        result = finding.result
        self._finding = finding
        if not result.found:
            self._set_status(
                f"No recommendations, causes of concern or areas for improvement found in {result.source}. "
                'Check that the text holds their headings ("Recommendation 1", "Area for improvement 3").',
                error=True,
            )
        else:
            self._show_found_words(finding)
        self.query_one("#found", FoundTable).show(
            finding, self.query_one("#import-dialog").content_size.width
        )
        notes = [f"Could not place: {note}" for note in result.unplaced]
        notes += [f"Check: {note}" for note in result.doubts]
        self.query_one("#notes", Static).update(Text("\n".join(notes)))
        self.query_one("#notes-scroll").display = bool(notes)
        self.set_class(True, "-found")
        self.query_one("#add", Button).disabled = not result.found
        if result.found:  # in the list: arrows to read each item, space to leave one out
            self.query_one("#found", FoundTable).focus()

    def _show_found_words(self, finding: Finding, left_out: frozenset[int] = frozenset()) -> None:
        result = finding.result
        out = f" ({_count(len(left_out), 'item')} left out)" if left_out else ""
        self._set_status(
            f"Found {_count(len(result.found), 'item')} in {result.source}{out}: "
            f"{finding.preview_words(left_out)}. Responses already written are never changed. "
            "Space leaves the highlighted item out, Enter puts one right; ctrl+s adds the rest."
        )

    @on(FoundTable.Toggled)
    def _items_toggled(self, event: FoundTable.Toggled) -> None:
        if self._finding is not None:
            self._show_found_words(self._finding, event.left_out)

    def _forget_finding(self) -> None:
        """What was found belongs to the text it was found in; a change means finding again."""
        reading = bool(self.workers.cancel_group(self, "import"))
        if reading:
            self.query_one("#find", Button).disabled = False
        if self._finding is None and not reading:
            return
        self._finding = None
        self.set_class(False, "-found")
        self.query_one("#add", Button).disabled = True
        self._set_status("Changed: Find items (ctrl+f) again to see what it holds.")

    def _set_status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(message))
        status.set_class(error, "-error")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
