"""Changes to a draft's list of items: add, remove, move, and "no local action".

A report's items are quoted as printed, so a new item takes the kind and addressees of the
one it follows and the next number; moving swaps two neighbours and each keeps its responses,
comments and unknown keys (the file layer tracks where each came from). The app asks before
removing (``removal_question``); the functions here only change the model, so every rule is
tested without a screen.
"""

from __future__ import annotations

import re

from s55tui.model import Draft, Item


def next_number(number: str) -> str:
    """The number after ``number`` as printed: "4" -> "5", "4a" -> "4b", else ""."""
    if number.isdigit():
        return str(int(number) + 1)
    match = re.fullmatch(r"(\d+)([a-y])", number)
    if match:
        return f"{match.group(1)}{chr(ord(match.group(2)) + 1)}"
    return ""


def add_item(draft: Draft, after: int | None = None) -> int:
    """Add an item after the one at ``after`` (else at the end); return the new item's index."""
    items = draft.items
    at = len(items) if after is None else max(0, min(after + 1, len(items)))
    before = items[at - 1] if at > 0 else None
    items.insert(
        at,
        Item(
            kind=before.kind if before else "recommendation",
            number=next_number(before.number) if before else "1",
            to=list(before.to) if before else [],
        ),
    )
    return at


def removal_question(item: Item) -> str:
    """What to ask before removing ``item``: its written responses go with it, so say which."""
    written = [
        who
        for who, text in (("chief constable", item.cc_response), ("commissioner", item.pcc_response))
        if text.strip()
    ]
    also = ""
    if written:
        also = f" Its {' and '.join(written)} response{'s' if len(written) > 1 else ''} will go too."
    return f"Remove {item.label or 'this item'}?{also}"


def remove_item(draft: Draft, index: int) -> Item:
    """Take the item at ``index`` out of the draft and return it."""
    return draft.items.pop(index)


def move_item(draft: Draft, index: int, offset: int) -> int | None:
    """Swap the item at ``index`` with the one ``offset`` away; its new index, or None at an end."""
    items = draft.items
    target = index + offset
    if not (0 <= index < len(items) and 0 <= target < len(items)) or offset == 0:
        return None
    items[index], items[target] = items[target], items[index]
    return target


def toggle_no_local_action(item: Item) -> bool:
    """Mark the item "no local action", or open it again; True when it is now no local action."""
    item.status = "open" if item.no_local_action else "no-local-action"
    return item.no_local_action
