"""Where each step is and which is beside it, for "next" and "back", at any number of items."""

from __future__ import annotations

import pytest

from s55tui.model import Draft, Item, Report
from s55tui.tui.steps import REVIEW, Step, all_steps, position_of, step_at, step_count


def _draft(items: int) -> Draft:
    return Draft(
        Report(title="Steps"), items=[Item("recommendation", str(n + 1), ["all"]) for n in range(items)]
    )


@pytest.mark.parametrize("items", [0, 1, 7])
def test_every_step_is_found_where_the_outline_lists_it(items: int) -> None:
    draft = _draft(items)
    steps = all_steps(draft)
    assert step_count(draft) == len(steps)
    assert [step_at(draft, n) for n in range(step_count(draft))] == steps
    assert [position_of(step, draft) for step in steps] == list(range(len(steps)))
    with pytest.raises(IndexError):
        step_at(draft, len(steps))
    with pytest.raises(IndexError):
        step_at(draft, -1)


def test_a_step_the_draft_does_not_have_has_no_place() -> None:
    draft = _draft(3)
    assert position_of(Step("item", 3), draft) is None  # removed since
    assert position_of(Step("item", -1), draft) is None
    assert position_of(Step("nowhere"), draft) is None
    assert position_of(Step(REVIEW, 2), draft) is None
    assert position_of(Step(REVIEW), draft) == step_count(draft) - 1
