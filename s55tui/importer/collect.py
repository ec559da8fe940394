"""Turn what the reader gathered for one item into the draft's item, once per kind and number.

The collector owns what was found so far, looked up by kind and number for every new item
(so a report of thousands is read in linear time): an item printed without a number is given
the next of its kind, a second different one with a number already taken is left out and
said so, and addressees come from the strongest place that names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from s55tui.importer.addressees import addressees, from_should
from s55tui.importer.due import find_due
from s55tui.importer.found import Found, ImportResult, Note
from s55tui.importer.lines import as_int, tidy
from s55tui.model import Item
from s55tui.vocab import ITEM_KINDS


@dataclass
class ItemDraft:
    """An item being read: its heading facts and the lines seen so far."""

    kind: str
    number: str
    line: int
    to: list[str] = field(default_factory=list)
    intro: str = ""
    text: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numbered: bool = False
    bulleted: int | None = None  # the indent of the bullet it was printed as, under a section heading

    @property
    def label(self) -> str:
        return f"{ITEM_KINDS[self.kind]} {self.number}".strip()


class Collector:
    """The items found in one text, and the notes for the officer about them."""

    def __init__(self, result: ImportResult, published: date | None) -> None:
        self.result = result
        self.published = published
        self.default_to: list[str] = []  # from "the following recommendations are directed at ..."
        self.by_key: dict[tuple[str, str], Found] = {}
        self.highest: dict[str, int] = {}

    def add(self, draft: ItemDraft) -> None:
        """Add the item ``draft`` describes, unless its kind and number are taken."""
        result = self.result
        text, notes = tidy(draft.text), tidy(draft.notes)
        if not draft.number:
            draft.number = str(self.highest.get(draft.kind, 0) + 1)
            result.doubts.append(
                Note(draft.line, f"{draft.label}: printed without a number; numbered it {draft.number}")
            )
        existing = self.by_key.get((draft.kind, draft.number.lower()))
        if existing is not None:
            if existing.item.text != text:
                result.unplaced.append(
                    Note(
                        draft.line,
                        f"a second {draft.label}, unlike the one on line {existing.line}; left out",
                    )
                )
            return
        to, how = draft.to, "heading"
        for candidate, source in (
            (addressees(draft.intro), "intro"),
            (from_should(text), "text"),
            (self.default_to, "context"),
        ):
            if not to:
                to, how = list(candidate), source
        if not to:
            how = ""
            result.doubts.append(
                Note(draft.line, f"{draft.label}: no addressee found; fill in who it is for")
            )
        if not text:
            result.doubts.append(Note(draft.line, f"{draft.label}: no text found under the heading"))
        # a period ("within three months") gives a date only from a known publication date: a
        # draft always has one, so importing into it dates every item that can be dated
        due = find_due(text, self.published)
        item = Item(
            kind=draft.kind,
            number=draft.number,
            to=to,
            text=text,
            notes=notes,
            intro=draft.intro,
            due=due.on if due is not None else None,
        )
        found = Found(item, draft.line, how)
        result.found.append(found)
        self.by_key[(draft.kind, draft.number.lower())] = found
        self.highest[draft.kind] = max(self.highest.get(draft.kind, 0), as_int(draft.number))
