"""The table of drafts on the start screen: one row per draft, columns that fit the terminal.

Titles are long ("Safe to share? Report on Liberty and Southall Black Sisters'
super-complaint on ..."), so the report column takes what the others leave and is cut with
an ellipsis; on a narrow terminal the published date and then the force give way (the force
is usually the same for every draft in an office's folder). Cells are always ``Text``, never
markup, because a title may hold square brackets.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from s55tui.library import DraftRow

SOON = 14  # days left at or under which the deadline shows as near (yellow)
URGENT = 3  # ... and as urgent (red), as is a passed one
MIN_TITLE = 28  # narrower than this, optional columns give way to the report's title

LABELS = {
    "report": "Report",
    "force": "Force",
    "published": "Published",
    "last": "Last day",
    "days": "Days left",
    "progress": "Progress",
}
OPTIONAL = ("published", "force")  # dropped in this order when the terminal is narrow


class DraftsTable(DataTable[Text]):
    """The drafts as rows; enter opens the highlighted one (shown in the footer as "Open")."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.open_draft", "Open", tooltip="Open the highlighted draft", id="drafts.open")
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id,
            cursor_type="row",
            zebra_stripes=True,
            cursor_foreground_priority="renderable",  # the days-left colour shows on the cursor too
        )
        self.drafts: list[DraftRow] = []
        self._laid_out_for = -1  # the width the columns were last fitted to

    @property
    def current_row(self) -> DraftRow | None:
        """The draft under the cursor, if any."""
        if not self.drafts:
            return None
        return self.drafts[min(self.cursor_row, len(self.drafts) - 1)]

    def show(self, rows: list[DraftRow], select: Path | None = None) -> None:
        """Show ``rows``, with the cursor on ``select`` (or where it was) when it is still there."""
        select = select or (self.current_row.path if self.current_row else None)
        self.drafts = rows
        self._fill()
        paths = [row.path for row in rows]
        if select in paths:
            self.move_cursor(row=paths.index(select))

    def on_resize(self, event: events.Resize) -> None:
        if self.drafts and self.size.width != self._laid_out_for:
            self._fill()

    def _columns(self) -> tuple[str, ...]:
        columns = tuple(LABELS)
        for optional in OPTIONAL:
            if self._title_width(columns) >= MIN_TITLE:
                break
            columns = tuple(c for c in columns if c != optional)
        return columns

    def _widths(self) -> dict[str, int]:
        """Columns as wide as their longest cell (the force capped), never narrower than the label."""

        def longest(texts: list[str], label: str) -> int:
            return max([len(label), *(len(text) for text in texts)])

        return {
            "force": min(longest([row.force for row in self.drafts], "Force"), 24),
            "published": 11,
            "last": 15,
            "days": longest([row_days_text(row) for row in self.drafts], "Days left"),
            "progress": longest([_progress_cell(row, {}).plain for row in self.drafts], "Progress"),
        }

    def _title_width(self, columns: tuple[str, ...]) -> int:
        others = sum(width + 2 for key, width in self._widths().items() if key in columns)
        return max(self.size.width - others - 4, 16)  # 2 for the title's padding, 2 for a scrollbar

    def _fill(self) -> None:
        columns = self._columns()
        self._laid_out_for = self.size.width
        widths = {**self._widths(), "report": self._title_width(columns)}
        cursor = self.cursor_row
        self.clear(columns=True)
        for key in columns:
            self.add_column(LABELS[key], width=widths[key], key=key)
        titles = [row.title for row in self.drafts if row.title]
        shared = {title for title in titles if titles.count(title) > 1}
        colours = self._colours()
        for row in self.drafts:
            cells = _cells(row, widths["report"], colours, named=row.title in shared)
            self.add_row(*(cells[key] for key in columns), key=str(row.path))
        if self.drafts:
            self.move_cursor(row=min(cursor, len(self.drafts) - 1))

    def _colours(self) -> dict[str, str]:
        theme = self.app.theme_variables
        return {
            "ok": theme.get("text-success", "green"),
            "soon": theme.get("text-warning", "yellow"),
            "urgent": theme.get("text-error", "red"),
        }


def days_text(days_left: int | None) -> str:
    """Days left in words: "37 days left", "today", "passed 3 days ago"."""
    if days_left is None:
        return ""
    if days_left < 0:
        ago = -days_left
        return f"passed {ago:,} day{'s' if ago != 1 else ''} ago"
    if days_left == 0:
        return "today"
    return f"{days_left:,} day{'s' if days_left != 1 else ''} left"


def row_days_text(row: DraftRow) -> str:
    """The days left, or "published 20 Apr 2023" once the response is out."""
    out = row.response_published
    return f"published {out.day} {out:%b %Y}" if out is not None else days_text(row.days_left)


def progress_text(row: DraftRow) -> str:
    """Responses written of those owed ("3/5"), or a dash while nothing is owed yet."""
    return f"{row.written}/{row.owed}" if row.owed else "–"


def _cells(row: DraftRow, width: int, colours: dict[str, str], *, named: bool) -> dict[str, Text]:
    """One row's cells; ``named`` adds the file name to a title another draft shares (a copy)."""
    if row.error:
        reason = row.error.removeprefix(f"{row.path}:").strip()
        empty = {key: Text("") for key in LABELS}
        return {
            **empty,
            "report": Text(_cut(f"{row.name}: {reason}", width), style=colours["urgent"]),
            "days": Text("cannot read", style=colours["urgent"]),
        }
    days = row.days_left
    tone = "ok" if days is None or days > SOON else "soon" if days > URGENT else "urgent"
    published, last = row.published, row.last_day
    return {
        "report": _report_cell(row, width, named),
        "force": Text(row.force),
        "published": Text(f"{published.day} {published:%b %Y}" if published else ""),
        "last": Text(f"{last:%a} {last.day} {last:%b %Y}" if last else ""),
        "days": Text(row_days_text(row), style=colours["ok" if row.response_published else tone]),
        "progress": _progress_cell(row, colours),
    }


def _progress_cell(row: DraftRow, colours: dict[str, str]) -> Text:
    """Responses written of those owed, and "CC late" once the chief constable's comments are."""
    cell = Text(progress_text(row), justify="right")
    if row.cc_days_left is not None and row.cc_days_left < 0:
        cell.append(" · CC late", style=colours.get("urgent", ""))
    return cell


def _report_cell(row: DraftRow, width: int, named: bool) -> Text:
    if not row.title:
        return Text(_cut(row.name, width))
    if not named or width < 30:
        return Text(_cut(row.title, width))
    name = f"  {row.path.stem}"
    title = _cut(row.title, max(width - len(name), 12))
    return Text.assemble(title, (_cut(name, width - len(title)), "dim"))


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"
