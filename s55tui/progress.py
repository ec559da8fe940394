"""How far a draft has got: which answers each item owes and which are written.

The app's outline marks each item answered, partly answered or not answered, its progress bar
counts responses written against responses owed, and the drafts list shows the same "7/10".
They all come from here, and agree with ``s55tui check``: an item owes a chief constable
response when it is addressed to chief constables (or all), a commissioner response when it
is addressed to PCCs, all recipients or a national body, and one position when it has no
addressee yet. An item marked "no local action" owes one reason, in either response.
"""

from __future__ import annotations

from dataclasses import dataclass

from s55tui.model import Draft, Item

ANSWERED = "answered"
PARTLY = "partly"
UNANSWERED = "unanswered"


def owed_fields(item: Item) -> list[str]:
    """The response fields this item must have written, in the order the editor shows them."""
    if item.no_local_action:
        return []
    owed = []
    if item.owes_cc:
        owed.append("cc_response")
    if item.owes_pcc or not item.to:
        owed.append("pcc_response")
    return owed


def item_counts(item: Item) -> tuple[int, int]:
    """(written, owed) for one item."""
    if item.no_local_action:
        reason = item.pcc_response.strip() or item.cc_response.strip()
        return (1 if reason else 0), 1
    owed = owed_fields(item)
    written = sum(1 for name in owed if getattr(item, name).strip())
    return written, len(owed)


def item_state(item: Item) -> str:
    """``answered``, ``partly`` or ``unanswered``: the mark beside the item in the outline."""
    written, owed = item_counts(item)
    if written >= owed:
        return ANSWERED
    return PARTLY if written or item.cc_response.strip() or item.pcc_response.strip() else UNANSWERED


@dataclass(frozen=True)
class Progress:
    """Responses written against responses owed, across the whole draft."""

    written: int
    owed: int

    @property
    def text(self) -> str:
        """ "7/10", as the drafts list and the status line show it."""
        return f"{self.written}/{self.owed}"


# The overall parts every response needs, beside the items: key findings and both comments.
OVERALL_FIELDS = (("report", "summary"), ("response", "cc_comments"), ("response", "pcc_comments"))


def progress(draft: Draft) -> Progress:
    """What is written of everything the draft owes: each item's responses and the overall parts."""
    written = sum(1 for section, name in OVERALL_FIELDS if getattr(getattr(draft, section), name).strip())
    owed = len(OVERALL_FIELDS)
    for item in draft.items:
        w, o = item_counts(item)
        written += w
        owed += o
    return Progress(written, owed)
