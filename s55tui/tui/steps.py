"""The steps of a draft, in the order the officer is guided through them.

The outline lists them, "next" and "back" walk them, and a finding of the check (whose
``field`` is a path like ``items[3].cc_response``) is turned into the step that edits it.
No textual here: the order of the work is a fact about the draft, tested on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from s55tui.model import Draft
from s55tui.progress import ANSWERED, item_state

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


def next_unanswered(draft: Draft, after: Step) -> Step | None:
    """The next step that still owes something, going round from ``after``; None when none does."""
    steps = [s for s in all_steps(draft) if s.kind != REVIEW]
    if not steps:
        return None
    try:
        start = steps.index(after) + 1
    except ValueError:
        start = 0
    for offset in range(len(steps)):
        step = steps[(start + offset) % len(steps)]
        if not step_done(step, draft):
            return step
    return None


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
