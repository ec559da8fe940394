"""Adding, removing, moving items and "no local action", on the model alone."""

from __future__ import annotations

from datetime import date

import pytest

from s55tui.item_edits import (
    add_item,
    move_item,
    next_number,
    removal_question,
    remove_item,
    toggle_no_local_action,
)
from s55tui.model import Draft, Item, Report


def _draft(*items: Item) -> Draft:
    return Draft(Report(title="An inspection", published=date(2024, 3, 5)), items=list(items))


@pytest.mark.parametrize(
    ("number", "after"), [("4", "5"), ("9", "10"), ("4a", "4b"), ("4z", ""), ("iv", ""), ("", "")]
)
def test_the_number_after_follows_the_reports_numbering(number: str, after: str) -> None:
    assert next_number(number) == after


def test_a_new_item_follows_the_one_before_in_kind_addressees_and_number() -> None:
    draft = _draft(
        Item("area-for-improvement", "3", ["pccs"], "Improve."), Item("recommendation", "1", ["all"])
    )
    at = add_item(draft, 0)
    assert at == 1
    new = draft.items[1]
    assert (new.kind, new.number, new.to, new.text, new.cc_response) == (
        "area-for-improvement",
        "4",
        ["pccs"],
        "",
        "",
    )
    new.to.append("national")
    assert draft.items[0].to == ["pccs"]  # its own list, not the neighbour's


def test_an_item_added_to_an_empty_draft_is_recommendation_1_and_at_the_end_otherwise() -> None:
    draft = _draft()
    assert add_item(draft) == 0
    assert (draft.items[0].kind, draft.items[0].number, draft.items[0].to) == ("recommendation", "1", [])
    assert add_item(draft) == 1
    assert draft.items[1].number == "2"


def test_moving_swaps_neighbours_and_stops_at_the_ends() -> None:
    first, second = Item(number="1", cc_response="One."), Item(number="2", cc_response="Two.")
    draft = _draft(first, second)
    assert move_item(draft, 0, -1) is None
    assert move_item(draft, 1, 1) is None
    assert draft.items == [first, second]
    assert move_item(draft, 0, 1) == 1
    assert draft.items == [second, first]


def test_removing_returns_the_item_and_the_question_names_what_goes_with_it() -> None:
    item = Item("recommendation", "2", ["all"], cc_response="We will.", pcc_response="Agreed.")
    draft = _draft(Item(number="1"), item)
    assert removal_question(item) == (
        "Remove Recommendation 2? Its chief constable and commissioner responses will go too."
    )
    assert removal_question(Item("recommendation", "3", pcc_response=" ")) == "Remove Recommendation 3?"
    assert remove_item(draft, 1) is item
    assert [i.number for i in draft.items] == ["1"]


def test_no_local_action_toggles_and_says_which_it_is_now() -> None:
    item = Item("recommendation", "1", ["pccs"], status="in-progress")
    assert toggle_no_local_action(item) is True
    assert item.status == "no-local-action"
    assert toggle_no_local_action(item) is False
    assert item.status == "open"
