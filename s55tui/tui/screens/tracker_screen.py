"""The tracker in the app: every item of every draft in the folder, most urgent first.

The same rows, in the same order, as ``s55tui tracker`` (``s55tui.tracker``), read in a worker
thread so a big folder never holds up the keyboard. Enter opens the item's draft at that item;
escape goes back to the drafts list. A draft that cannot be read is a row with its reason.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from s55tui.tracker import AMBER, CLOSED, GREEN, RED, TrackerRow, tracker_rows
from s55tui.tracker_formats import COLUMNS, texts
from s55tui.tui.widgets.key_footer import KeyFooter

_COLUMNS = ("RAG", "Report", "Item", "Due", "Status", "Updated", "Days open")
_WIDTHS = {"RAG": 6, "Item": 22, "Due": 11, "Status": 12, "Updated": 11, "Days open": 9}
_STYLES = {RED: "bold red", AMBER: "yellow", GREEN: "green", CLOSED: "dim"}


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class TrackerScreen(Screen[None]):
    """The tracker of ``folder`` on ``today``."""

    DEFAULT_CSS = """
    TrackerScreen #tracker-table { height: 1fr; }
    TrackerScreen #tracker-detail { height: auto; min-height: 2; padding: 0 1; background: $panel; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_item", "Open", tooltip="Open the draft at this item", id="tracker.open"),
        Binding("escape", "app.pop_screen", "Drafts", tooltip="Back to the drafts list", id="tracker.back"),
    ]

    def __init__(self, folder: Path, today: date) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self.rows: list[TrackerRow] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="tracker-table", cursor_type="row", zebra_stripes=True)
        yield Static("Reading the drafts…", id="tracker-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Tracker"
        self.sub_title = str(self.folder)
        self._read()

    @work(thread=True, exclusive=True)
    def _read(self) -> None:
        rows = tracker_rows(self.folder, self.today)
        self.app.call_from_thread(self._show, rows)

    def _show(self, rows: list[TrackerRow]) -> None:
        self.rows = rows
        self._fill()
        self.query_one(DataTable).focus()
        self._detail()

    def on_resize(self) -> None:
        if self.rows:
            self._fill()

    def _fill(self) -> None:
        """The table at the screen's width: on a narrow terminal only what says what is urgent;
        the report's title takes the room the other columns leave."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        width = self.size.width
        columns = _COLUMNS if width >= 100 else ("RAG", "Report", "Item", "Due", "Status")
        fixed = {name: size for name, size in _WIDTHS.items() if name in columns}
        report_width = max(16, width - sum(fixed.values()) - 2 * len(columns) - 2)
        table.clear(columns=True)
        for name in columns:
            table.add_column(name, key=name, width=report_width if name == "Report" else fixed[name])
        for number, row in enumerate(self.rows):
            cells = dict(zip(COLUMNS, texts(row), strict=True))
            if row.error:
                cells.update({"RAG": "Error", "Item": "cannot read", "Report": row.error, "Status": ""})
            style = "red" if row.error else _STYLES.get(row.rag, "")
            widths = {**fixed, "Report": report_width}
            table.add_row(
                *(
                    Text(_cut(cells[name], widths[name]), style=style if name == "RAG" else "")
                    for name in columns
                ),
                key=str(number),
            )
        if cursor is not None and 0 <= cursor < len(self.rows):
            table.move_cursor(row=cursor)

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        """Under the table, the highlighted item's last update in full (or the draft's error)."""
        detail = self.query_one("#tracker-detail", Static)
        row = self._current()
        if row is None:
            detail.update("No drafts with items in this folder." if not self.rows else "")
        elif row.error:
            detail.update(Text(f"Cannot read: {row.error}"))
        else:
            last = f"Last update {texts(row)[7]}: {row.last_update}" if row.last_update else "No update yet."
            where = f"{row.report} · {row.item} · {row.addressees} (Enter opens it)"
            detail.update(Text(f"{where}\n{last}"))

    def _current(self) -> TrackerRow | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or not 0 <= table.cursor_row < len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected)
    def action_open_item(self) -> None:
        """Open the highlighted item's draft at that item."""
        from s55tui.tui.screens.drafts_screen import DraftsScreen

        row = self._current()
        if row is None or row.error:
            return
        self.app.pop_screen()
        self.app.post_message(DraftsScreen.OpenDraft(row.path, row.index))
