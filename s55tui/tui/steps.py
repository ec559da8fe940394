"""The steps of a draft, in the order the officer is guided through them.

The outline lists them, "next" and "back" walk them, and a finding of the check (whose
``field`` is a path like ``items[3].cc_response``) is turned into the step that edits it.
No textual here: the order of the work is a fact about the draft, tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from s55tui.model import Draft
from s55tui.progress import ANSWERED, item_state, owed_fields

DETAILS = "details"
FINDINGS = "findings"
CC = "cc"
PCC = "pcc"
CHECKLIST = "checklist"
REVIEW = "review"

FIXED_BEFORE = ((DETAILS, "Report details"), (FINDINGS, "Key findings"))
FIXED_AFTER = (
    (CC, "Chief constable's comments"),
    (PCC, "Commissioner's comments and reply"),
    (CHECKLIST, "Office-use checklist"),
    (REVIEW, "Review and export"),
)


@dataclass(frozen=True)
class Step:
    """One step: a fixed part of the response, or the item at ``index`` (0-based)."""

    kind: str
    index: int = -1

    @property
    def id(self) -> str:
        """A stable id for the outline: ``details``, ``item-3``."""
        return f"item-{self.index}" if self.kind == "item" else self.kind

    @staticmethod
    def from_id(step_id: str) -> Step:
        """The step an outline id names."""
        if step_id.startswith("item-"):
            return Step("item", int(step_id[5:]))
        return Step(step_id)


def all_steps(draft: Draft) -> list[Step]:
    """Every step of this draft, in order."""
    steps = [Step(kind) for kind, _ in FIXED_BEFORE]
    steps += [Step("item", index) for index in range(len(draft.items))]
    steps += [Step(kind) for kind, _ in FIXED_AFTER]
    return steps


# "Next" and "back" work out where a step is, and which is beside it, without the list of
# every step: at 1,000 items building it (and finding a step in it) took 15 ms a step change.
_BEFORE = [kind for kind, _ in FIXED_BEFORE]
_AFTER = [kind for kind, _ in FIXED_AFTER]


def step_count(draft: Draft) -> int:
    """How many steps this draft has."""
    return len(_BEFORE) + len(draft.items) + len(_AFTER)


def step_at(draft: Draft, position: int) -> Step:
    """The step at ``position`` (0-based) of ``all_steps``; IndexError outside them."""
    items = len(draft.items)
    if not 0 <= position < step_count(draft):
        raise IndexError(position)
    if position < len(_BEFORE):
        return Step(_BEFORE[position])
    if position < len(_BEFORE) + items:
        return Step("item", position - len(_BEFORE))
    return Step(_AFTER[position - len(_BEFORE) - items])


def position_of(step: Step, draft: Draft) -> int | None:
    """Where ``step`` is in ``all_steps``; None when this draft has no such step (an item
    since removed)."""
    if step.kind == "item":
        return len(_BEFORE) + step.index if 0 <= step.index < len(draft.items) else None
    if step.index != -1:
        return None
    if step.kind in _BEFORE:
        return _BEFORE.index(step.kind)
    if step.kind in _AFTER:
        return len(_BEFORE) + len(draft.items) + _AFTER.index(step.kind)
    return None


def title_of(step: Step, draft: Draft) -> str:
    """The step's name as the outline shows it."""
    if step.kind == "item":
        item = draft.items[step.index]
        return item.label or f"Item {step.index + 1}"
    return dict(FIXED_BEFORE + FIXED_AFTER)[step.kind]


def step_done(step: Step, draft: Draft) -> bool:
    """Whether a step has everything it owes (the outline's tick)."""
    if step.kind == "item":
        return item_state(draft.items[step.index]) == ANSWERED
    if step.kind == DETAILS:
        return bool(draft.report.title.strip() and draft.report.published)
    if step.kind == FINDINGS:
        return bool(draft.report.summary.strip())
    if step.kind == CC:
        return bool(draft.response.cc_comments.strip())
    if step.kind == PCC:
        return bool(draft.response.pcc_comments.strip())
    if step.kind == CHECKLIST:
        return all(box.done for box in draft.checklist)
    return False


# The fields of each step that can be owed, in the order its editor shows them: ctrl+g walks
# them in this order. A field not listed (an office's name on the details step) counts as
# after them all.
_ORDER = {
    DETAILS: ("report-title", "report-type", "report-published"),
    FINDINGS: ("summary",),
    "item": ("kind", "number", "status", "to", "text", "cc_response", "pcc_response", "notes", "intro"),
    CC: ("cc_comments",),
    PCC: ("pcc_comments", "pcc_reply"),
}


def owed_in_step(step: Step, draft: Draft) -> list[str]:
    """The fields of ``step`` still owed and empty, in the editor's order (``box-3`` for a box)."""
    if step.kind == "item":
        item = draft.items[step.index]
        if item.no_local_action or (not item.to and item.kind == "recommendation"):
            # one position is owed, in either response: the commissioner's box asks for it
            written = item.pcc_response.strip() or item.cc_response.strip()
            return [] if written else ["pcc_response"]
        return [name for name in owed_fields(item) if not getattr(item, name).strip()]
    if step.kind == DETAILS:
        report = draft.report
        wanted = (("report-title", report.title.strip()), ("report-published", report.published))
        return [name for name, done in wanted if not done]
    if step.kind == FINDINGS:
        return [] if draft.report.summary.strip() else ["summary"]
    if step.kind == CC:
        return [] if draft.response.cc_comments.strip() else ["cc_comments"]
    if step.kind == PCC:
        return [] if draft.response.pcc_comments.strip() else ["pcc_comments"]
    if step.kind == CHECKLIST:
        return [f"box-{index}" for index, box in enumerate(draft.checklist) if not box.done]
    return []


def _rank(step: Step, name: str) -> int:
    """Where field ``name`` comes in its step; unknown fields (and none) after the owed ones."""
    if step.kind == CHECKLIST and name.startswith(("box-", "on-")) and name[name.index("-") + 1 :].isdigit():
        return int(name[name.index("-") + 1 :])
    order = _ORDER.get(step.kind, ())
    return order.index(name) if name in order else len(order) + 1_000_000


def next_owed(draft: Draft, here: Step, field: str = "") -> tuple[Step, str] | None:
    """The first response still owed after the cursor (in ``field`` of step ``here``; no
    field: at the start of the step), in reading order across the steps and going round;
    None when nothing is owed. The field the cursor is in is where the search starts, not
    where it lands, unless it is the only thing still owed.

    The steps are looked at from the cursor on, then from the first step round to it, and the
    search stops at the first owed: the draft opens with this (at 10,000 items, listing every
    owed place first took 30 ms).
    """
    number = position_of(here, draft)
    start, after = (number, _rank(here, field) if field else -1) if number is not None else (0, -1)
    for position in range(start, step_count(draft)):  # from the cursor on (the review owes nothing)
        step = step_at(draft, position)
        for name in owed_in_step(step, draft):
            if position > start or _rank(step, name) > after:
                return step, name
    for position in range(start + 1):  # round from the first step
        step = step_at(draft, position)
        owed = owed_in_step(step, draft)
        if owed:
            return step, owed[0]
    return None


def opening_place(draft: Draft) -> tuple[Step, str]:
    """Where a draft opens (and opens again, once read anew): the first response still owed,
    with the field the cursor goes to; else the report's details, at their first field."""
    return next_owed(draft, Step(DETAILS)) or (Step(DETAILS), "")


_FIELD = re.compile(r"^(items|checklist)\[(\d+)\](?:\.(\w+))?$")
_SECTION_STEP = {
    "report.summary": FINDINGS,
    "response.cc_comments": CC,
    "response.pcc_comments": PCC,
    "response.pcc_reply": PCC,
}


def step_for_field(field: str, draft: Draft) -> tuple[Step, str]:
    """The step that edits a check finding's field, and the field's name within it."""
    match = _FIELD.match(field)
    if match:
        array, number, name = match.group(1), int(match.group(2)), match.group(3) or ""
        if array == "checklist":
            return Step(CHECKLIST), f"box-{number - 1}"
        if 1 <= number <= len(draft.items):
            return Step("item", number - 1), name
        return Step(REVIEW), ""
    if field in _SECTION_STEP:
        return Step(_SECTION_STEP[field]), field.split(".")[1]
    if field == "items":
        return Step(REVIEW), ""
    return Step(DETAILS), field.split(".")[-1]
