"""What the Import dialog shows before anything is added: the items found and their fate.

Kept apart from the dialog so the dialog stays about the flow (paste or file, find, add or
cancel) and this stays about the list: each item's kind and number, addressees, what merging
would do to it, and its first words, fitted to the width the terminal has.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from s55tui.deadline import long_date
from s55tui.importer import ImportResult
from s55tui.importer.addressees import describe
from s55tui.importer.merge import MergeReport, outcome
from s55tui.model import Item


@dataclass
class Finding:
    """What one run of the importer found, with what merging would do to each item."""

    result: ImportResult
    reports: list[MergeReport]

    @property
    def outcomes(self) -> list[str]:
        """What merging would do to each item, in a few words."""
        return [outcome(report) for report in self.reports]

    def preview_words(self, left_out: frozenset[int] = frozenset()) -> str:
        """What adding them would do to the draft, counted: "2 new, 1 fills empty fields".

        Items the officer left out (by their place in the finding) are not counted.
        """
        reports = [r for index, r in enumerate(self.reports) if index not in left_out]
        if not reports:
            return "none ticked to add"

        def count(n: int, one: str, more: str) -> tuple[int, str]:
            return n, one if n == 1 else more

        counts = (
            count(sum(bool(r.added) for r in reports), "new", "new"),
            count(sum(bool(r.filled) for r in reports), "fills empty fields", "fill empty fields"),
            count(
                sum(bool(r.differs) for r in reports),
                "differs from yours (yours is kept)",
                "differ from yours (yours are kept)",
            ),
            count(sum(bool(r.unchanged) for r in reports), "already the same", "already the same"),
        )
        words = ", ".join(f"{n:,} {what}" for n, what in counts if n)
        if not any(r.changed for r in reports):
            words += "; adding them changes nothing"
        return words


def first_words(text: str, width: int) -> str:
    """The start of an item's text on one line, cut at a word, so items can be told apart."""
    flat = " ".join(text.split())
    if not flat:
        return "(no text)"
    if len(flat) <= width:
        return flat
    cut = flat[: max(width - 1, 1)]
    if flat[len(cut)] != " " and " " in cut:  # the cut fell inside a word: leave the word out
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def detail(item: Item) -> str:
    """The highlighted item whole, as it would be added: its text, notes, due date, and any
    answer found after it in the text, each under its own plain heading."""
    parts = [f"{item.label}, to {describe(item.to)}" + (f", due {long_date(item.due)}" if item.due else "")]
    parts.append(item.text or "(no text)")
    for heading, words in (
        ("Notes", item.notes),
        ("Found after it, as the chief constable's response", item.cc_response),
        ("Found after it, as the commissioner's response", item.pcc_response),
    ):
        if words:
            parts += [f"{heading}:", words]
    return "\n\n".join(parts)


TICKED, LEFT_OUT = "yes", "no"  # plain words: DataTable reads "[x]" as markup


class FoundTable(DataTable[str]):
    """One row per item found, ticked to be added; the row key is the item's place in the finding.

    Space (or a click on the tick) leaves an item out, or puts it back: a report's text often
    holds items that are not this force's to answer, or that were already typed in by hand.
    """

    HEADINGS = ("Add", "Item", "To", "Will", "First words")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_item", "Add / leave out", tooltip="Tick or untick the highlighted item"),
        Binding(
            "enter", "select_cursor", "Put right", tooltip="Change the item's kind, number or addressees"
        ),
    ]

    class Toggled(Message):
        """The officer ticked or unticked items; ``left_out`` holds their places in the finding."""

        def __init__(self, left_out: frozenset[int]) -> None:
            self.left_out = left_out
            super().__init__()

    left_out: frozenset[int] = frozenset()

    def action_toggle_item(self) -> None:
        """Leave the highlighted item out, or put it back."""
        if not self.row_count:
            return
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        index = int(str(key.value))
        self.left_out = self.left_out ^ {index}
        self.update_cell(key, self._tick_column, LEFT_OUT if index in self.left_out else TICKED)
        self.post_message(self.Toggled(self.left_out))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        if event.coordinate.column == 0:  # a click on the tick
            self.action_toggle_item()

    def show(self, finding: Finding, width: int, left_out: frozenset[int] = frozenset()) -> None:
        """Item, addressees and what the merge would do in full; the first words take the room left.

        ``width`` is the room the table has; it is passed in because the table is still hidden
        (and so has no size of its own) when it is filled.
        """
        row = self.cursor_row
        self.clear(columns=True)
        self.left_out = left_out
        rows = [
            (TICKED, found.item.label, describe(found.item.to), words, found.item.text)
            for found, words in zip(finding.result.found, finding.outcomes, strict=True)
        ]
        headings = self.HEADINGS
        widths = [max([len(headings[i]), *(len(row[i]) for row in rows)]) for i in range(4)]
        padding = 2 * len(headings) + 2  # a cell's padding each side, and the scroll bar
        room = width - sum(widths) - padding
        if room < 12:  # too narrow for the first words to help: the line below the list shows them
            headings = headings[:4]  # type: ignore[assignment]  # the first words' column goes
        keys = [self.add_column(h, width=w) for h, w in zip(headings, [*widths, room], strict=False)]
        self._tick_column = keys[0]
        for index, (tick, label, to, words, text) in enumerate(rows):
            tick = LEFT_OUT if index in left_out else tick
            cells = (tick, label, to, words, first_words(text, room))[: len(headings)]
            self.add_row(*cells, key=str(index))
        if rows:
            self.move_cursor(row=min(row, len(rows) - 1))
