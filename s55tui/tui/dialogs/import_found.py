"""What the Import dialog shows before anything is added: the items found and their fate.

Kept apart from the dialog so the dialog stays about the flow (paste or file, find, add or
cancel) and this stays about the list: each item's kind and number, addressees, what merging
would do to it, and its first words, fitted to the width the terminal has.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widgets import DataTable

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

    def preview_words(self) -> str:
        """What adding them all would do to the draft, counted: "2 new, 1 fills empty fields"."""

        def count(n: int, one: str, more: str) -> tuple[int, str]:
            return n, one if n == 1 else more

        counts = (
            count(sum(bool(r.added) for r in self.reports), "new", "new"),
            count(sum(bool(r.filled) for r in self.reports), "fills empty fields", "fill empty fields"),
            count(
                sum(bool(r.differs) for r in self.reports),
                "differs from yours (yours is kept)",
                "differ from yours (yours are kept)",
            ),
            count(sum(bool(r.unchanged) for r in self.reports), "already the same", "already the same"),
        )
        words = ", ".join(f"{n:,} {what}" for n, what in counts if n)
        if not any(r.changed for r in self.reports):
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


def detail(item: Item, width: int) -> str:
    """The highlighted item's own words, two lines of ``width`` at most, notes included."""
    words = f"{item.label}: {' '.join(item.text.split()) or '(no text)'}"
    if item.notes:
        words += f" With notes: {' '.join(item.notes.split())}"
    return first_words(words, 2 * width - 16)  # less what wrapping at words wastes


class FoundTable(DataTable[str]):
    """One row per item found; the row key is the item's place in the finding."""

    HEADINGS = ("Item", "To", "Will", "First words")

    def show(self, finding: Finding, width: int) -> None:
        """Item, addressees and what the merge would do in full; the first words take the room left.

        ``width`` is the room the table has; it is passed in because the table is still hidden
        (and so has no size of its own) when it is filled.
        """
        self.clear(columns=True)
        rows = [
            (found.item.label, describe(found.item.to), words, found.item.text)
            for found, words in zip(finding.result.found, finding.outcomes, strict=True)
        ]
        headings = self.HEADINGS
        widths = [max([len(headings[i]), *(len(row[i]) for row in rows)]) for i in range(3)]
        padding = 2 * len(headings) + 2  # a cell's padding each side, and the scroll bar
        room = width - sum(widths) - padding
        if room < 12:  # too narrow for the first words to help: the line below the list shows them
            headings = headings[:3]
        for heading, column_width in zip(headings, [*widths, room], strict=False):
            self.add_column(heading, width=column_width)
        for index, (label, to, words, text) in enumerate(rows):
            cells = (label, to, words, first_words(text, room))[: len(headings)]
            self.add_row(*cells, key=str(index))
