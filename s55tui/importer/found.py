"""What an import found in a report's text, before anything touches a draft.

The officer is shown this first: each item with its kind, number, addressees and first words,
and every piece of text the importer could not place or is unsure about, with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from s55tui.model import Item

# Where an item's addressees were read from, strongest first; "" means nowhere.
ADDRESSED_BY = ("heading", "intro", "text", "context", "")


@dataclass
class Found:
    """One item recognised in the text, and the line of the text where its heading was."""

    item: Item
    line: int
    addressed_by: str = ""


@dataclass
class Note:
    """Something the officer should look at: text not placed, or an item the importer doubts."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ImportResult:
    """Everything recognised in one source, in the order the report prints it."""

    source: str
    found: list[Found] = field(default_factory=list)
    unplaced: list[Note] = field(default_factory=list)
    doubts: list[Note] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        """The items alone, as they would go into a draft."""
        return [f.item for f in self.found]
