"""Put the chief constable's answers into the draft: empty responses filled, the officer's never lost.

Each answer in the reply becomes one line of the plan: it fills an empty response, is the
same as the draft's already, or differs from what the draft has. A differing answer is only
put in when the officer says so (``--replace``, or per item in the app); otherwise the
draft's stays and both are shown. Nothing is written to an item the reply does not name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from s55tui.consult.reply import COMMENTS, Reply, key_of, same_words
from s55tui.model import Draft, Item

FILL, SAME, DIFFERS, EMPTY = "fill", "same", "differs", "empty"


@dataclass
class Answer:
    """One answer of the reply, where it goes, and what happens to it."""

    label: str  # "Recommendation 4", "Overall comments"
    item: Item | None  # None for the overall comments
    text: str
    current: str
    action: str
    replace: bool = False  # the officer chose to put a differing answer in

    @property
    def unasked(self) -> bool:
        """An answer to an item not addressed to the chief constable (worth a second look)."""
        return self.item is not None and not self.item.owes_cc

    @property
    def will_change(self) -> bool:
        return self.action == FILL or (self.action == DIFFERS and self.replace)


@dataclass
class Plan:
    """Every answer of a reply against the draft, in the draft's order, and what was not placed."""

    answers: list[Answer] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def of(self, action: str) -> list[Answer]:
        return [answer for answer in self.answers if answer.action == action]


def plan(draft: Draft, reply: Reply, *, replace: bool = False) -> Plan:
    """What reading ``reply`` into ``draft`` does to each response; ``replace`` puts in every
    differing answer (the officer's choice)."""
    out = Plan(unplaced=list(reply.unplaced))
    for item in draft.items:
        key = key_of(item)
        if key in reply.answers:
            out.answers.append(_answer(item.label, item, reply.answers[key], item.cc_response, replace))
    if COMMENTS in reply.answers:
        current = draft.response.cc_comments
        out.answers.append(_answer("Overall comments", None, reply.answers[COMMENTS], current, replace))
    return out


def _answer(label: str, item: Item | None, text: str, current: str, replace: bool) -> Answer:
    if not text.strip():
        action = EMPTY
    elif not current.strip():
        action = FILL
    elif same_words(text, current):
        action = SAME
    else:
        action = DIFFERS
    return Answer(label, item, text.strip(), current, action, replace and action == DIFFERS)


def apply(draft: Draft, chosen: Plan, received: date) -> list[Answer]:
    """Put in every answer the plan says will change; record the reply as received. Returns
    the answers put in."""
    done = []
    for answer in chosen.answers:
        if not answer.will_change:
            continue
        if answer.item is None:
            draft.response.cc_comments = answer.text
        else:
            answer.item.cc_response = answer.text
        done.append(answer)
    if draft.consultation.received is None:  # a second reply (a correction) keeps the first date
        draft.consultation.received = received
    return done
