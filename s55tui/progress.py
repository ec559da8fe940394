"""How far a draft has got: which answers each item owes and which are written.

The app's outline marks each item answered, partly answered or not answered, its progress bar
counts responses written against responses owed, and the drafts list shows the same "7/10".
They all come from here, and agree with ``s55tui check``: an item owes a chief constable
response when it is addressed to chief constables (or all), a commissioner response when it
is addressed to PCCs, all recipients or a national body. An item marked "no local action"
owes one thing instead, its reason, in either response; so does a recommendation with no
addressee yet (it still needs a position, s.55(5B)). So ``owed - written`` is what the check
reports missing, plus any no-local-action item without a reason (which it warns about).
"""

from __future__ import annotations

from dataclasses import dataclass

from s55tui.model import Draft, Item

ANSWERED = "answered"
PARTLY = "partly"
UNANSWERED = "unanswered"


def _owes_one_position(item: Item) -> bool:
    return item.no_local_action or (not item.to and item.kind == "recommendation")


def owed_fields(item: Item) -> list[str]:
    """The response fields this item must have written, in the order the editor shows them."""
    if _owes_one_position(item):
        return []
    owed = []
    if item.owes_cc:
        owed.append("cc_response")
    if item.owes_pcc:
        owed.append("pcc_response")
    return owed


def item_counts(item: Item) -> tuple[int, int]:
    """(written, owed) for one item."""
    if _owes_one_position(item):
        reason = item.pcc_response.strip() or item.cc_response.strip()
        return (1 if reason else 0), 1
    owed = owed_fields(item)
    written = sum(1 for name in owed if getattr(item, name).strip())
    return written, len(owed)


def item_state(item: Item) -> str:
    """``answered``, ``partly`` or ``unanswered``: the mark beside the item in the outline."""
    written, owed = item_counts(item)
    if written >= owed and (item.to or item.no_local_action):
        return ANSWERED  # an item with no addressee is never done: the check asks who it is for
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


def progress(draft: Draft) -> Progress:
    """Responses written against responses owed, over every item of the draft."""
    written = owed = 0
    for item in draft.items:
        w, o = item_counts(item)
        written += w
        owed += o
    return Progress(written, owed)
