"""Add imported items to a draft without ever undoing the officer's work.

Items are matched by kind and number ("Recommendation 4" is the same item however it was
printed). A new item is added in number order among its kind. For an item already in the
draft, only empty fields are filled in, and only when the import's text is the draft's (or
the draft has none): a response, a text or a due date the officer already has is never
changed, one that differs is reported, not replaced, and the status is the office's alone.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace

from s55tui.model import Draft, Item

# The fields an import may fill where the draft's are empty; the status is the office's alone.
# A response comes from a text that quotes the items and answers them (REPORTS.md section 4).
IMPORTED_FIELDS = ("to", "text", "notes", "intro", "due", "cc_response", "pcc_response")
# Each of them as the officer names it.
FIELD_WORDS = {
    "to": "addressees",
    "text": "text",
    "notes": "notes",
    "intro": "lead-in words",
    "due": "due date",
    "cc_response": "chief constable's response",
    "pcc_response": "commissioner's response",
}


def named(fields: list[str]) -> str:
    """ "text, chief constable's response": fields in the officer's words."""
    return ", ".join(FIELD_WORDS.get(name, name) for name in fields)


@dataclass
class MergeReport:
    """What a merge did (or, in a dry run, would do) to each imported item."""

    added: list[Item] = field(default_factory=list)
    filled: list[tuple[Item, list[str]]] = field(default_factory=list)
    unchanged: list[Item] = field(default_factory=list)
    differs: list[tuple[Item, list[str]]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the draft needs saving."""
        return bool(self.added or self.filled)


def item_key(item: Item) -> tuple[str, str]:
    """The identity of an item across a report and a draft: kind and number as printed."""
    number = re.sub(r"\s+", "", item.number.lower())
    number = re.sub(r"^(?:no\.?|number|afi|rec(?:ommendation)?)", "", number)
    return item.kind, number


def _same(field_name: str, ours: object, theirs: object) -> bool:
    if field_name == "to":
        return set(ours) == set(theirs)  # type: ignore[call-overload]
    return " ".join(str(ours).split()) == " ".join(str(theirs).split())


def merge(draft: Draft, items: list[Item]) -> MergeReport:
    """Merge ``items`` into ``draft`` in place and say what happened to each of them."""
    merger = _Merger(draft)
    report = MergeReport()
    for imported in items:
        one = merger.add(imported)
        report.added += one.added
        report.filled += one.filled
        report.unchanged += one.unchanged
        report.differs += one.differs
    return report


def preview(draft: Draft, items: list[Item]) -> list[MergeReport]:
    """What merging ``items`` would do to each of them, one report per item, in their order.

    The officer sees this before confirming, so it runs on a copy and ``draft`` is untouched.
    It is the same merge, item by item, so the preview cannot disagree with what happens.
    """
    scratch = copy.deepcopy(replace(draft, file_state=None))  # the file's own state is not merged
    merger = _Merger(scratch)
    return [merger.add(item) for item in items]


class _Merger:
    """One merge into one draft, with each item's key worked out once.

    Matching and placing by key is otherwise quadratic in regular expressions: 1,000 items
    took seven seconds, long enough to freeze the app.
    """

    def __init__(self, draft: Draft) -> None:
        self.items = draft.items
        self.rank: dict[int, tuple[int, str]] = {}  # id(item) -> its number's place in order
        self.by_key: dict[tuple[str, str], Item] = {}
        for item in self.items:
            key = item_key(item)
            self.rank[id(item)] = _order(key[1])
            self.by_key.setdefault(key, item)  # the first in the draft is the one matched

    def add(self, imported: Item) -> MergeReport:
        """Merge one item and say what happened to it."""
        report = MergeReport()
        key = item_key(imported)
        existing = self.by_key.get(key)
        if existing is None:
            new = replace(imported, to=list(imported.to), origin=None)
            self.rank[id(new)] = _order(key[1])
            self.items.insert(self._position(new), new)
            self.by_key[key] = new
            report.added.append(new)
            return report
        filled, differs = [], []
        # An item whose text is not the draft's may be another report's item of the same number:
        # its answer, date or notes are not put into the officer's item (they would be published
        # under the wrong item); the difference is reported instead.
        if existing.text and imported.text and not _same("text", existing.text, imported.text):
            report.differs.append((existing, ["text"]))
            return report
        for name in IMPORTED_FIELDS:
            ours, theirs = getattr(existing, name), getattr(imported, name)
            if not theirs or _same(name, ours, theirs):
                continue
            if ours:
                differs.append(name)
            else:
                setattr(existing, name, list(theirs) if name == "to" else theirs)
                filled.append(name)
        if filled:
            report.filled.append((existing, filled))
        if differs:
            report.differs.append((existing, differs))
        if not filled and not differs:
            report.unchanged.append(existing)
        return report

    def _position(self, new: Item) -> int:
        """Before the first item of the same kind numbered after it, else after the last of its kind."""
        rank = self.rank[id(new)]
        last = None
        for index, item in enumerate(self.items):
            if item.kind != new.kind:
                continue
            if self.rank[id(item)] > rank:
                return index
            last = index
        return last + 1 if last is not None else len(self.items)


def outcome(report: MergeReport) -> str:
    """A one-item merge report in a few words, for the list shown before importing."""
    if report.added:
        return "new"
    parts = [f"fills empty {named(fields)}" for _, fields in report.filled]
    parts += [f"kept yours ({named(fields)} differs)" for _, fields in report.differs]
    return "; ".join(parts) or "already the same"


def summary(report: MergeReport) -> str:
    """What a merge did in one line, for a notification: "Added 4 items, filled in 1, kept 2 of yours"."""
    if not report.changed and not report.differs:
        return "Nothing to add: the draft already has all of these."
    parts = [f"Added {_count(len(report.added), 'item')}" if report.added else "Added no new items"]
    if report.filled:
        parts.append(f"filled in {len(report.filled):,}")
    if report.differs:
        parts.append(f"kept {len(report.differs):,} of yours")
    if report.unchanged:
        parts.append(f"{len(report.unchanged):,} already the same")
    return ", ".join(parts) + "."


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _order(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number)
    return (int(digits.group()) if digits else 10**9, number)
