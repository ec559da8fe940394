"""ctrl+g's rule: the first response still owed after the cursor, in reading order, going round."""

from __future__ import annotations

from datetime import date

from s55tui.model import ChecklistEntry, Draft, Item, Report, Response
from s55tui.tui.steps import CC, CHECKLIST, DETAILS, PCC, REVIEW, Step, next_owed


def _draft() -> Draft:
    """Everything written except what each test leaves empty."""
    return Draft(
        Report(title="An inspection", published=date(2024, 3, 5), summary="Found things."),
        response=Response(cc_comments="Chief's.", pcc_comments="Commissioner's."),
        items=[
            Item(
                "recommendation",
                "1",
                ["chief-constables", "pccs"],
                cc_response="We will.",
                pcc_response="Yes.",
            ),
            Item(
                "recommendation",
                "2",
                ["chief-constables", "pccs"],
                cc_response="We will.",
                pcc_response="Yes.",
            ),
            Item(
                "recommendation",
                "3",
                ["chief-constables", "pccs"],
                cc_response="We will.",
                pcc_response="Yes.",
            ),
        ],
        checklist=[ChecklistEntry("Sent to the Home Secretary", True, date(2024, 4, 1))],
    )


def test_nothing_owed_is_none() -> None:
    assert next_owed(_draft(), Step(DETAILS)) is None


def test_with_the_chiefs_answer_written_it_goes_to_the_commissioners_box() -> None:
    draft = _draft()
    draft.items[1].pcc_response = ""
    assert next_owed(draft, Step(DETAILS)) == (Step("item", 1), "pcc_response")


def test_the_step_the_cursor_is_on_counts_when_it_still_owes_something_later() -> None:
    draft = _draft()
    draft.items[0].cc_response = draft.items[0].pcc_response = ""
    # cursor in the item's text: both boxes come after it, the chief's first
    assert next_owed(draft, Step("item", 0), "text") == (Step("item", 0), "cc_response")
    # cursor in the chief's empty box: on to the commissioner's, not round the draft
    assert next_owed(draft, Step("item", 0), "cc_response") == (Step("item", 0), "pcc_response")


def test_pressed_again_and_again_it_visits_every_owed_box_in_reading_order_and_goes_round() -> None:
    draft = _draft()
    draft.items[0].pcc_response = draft.items[2].cc_response = draft.items[2].pcc_response = ""
    draft.response.pcc_comments = ""
    draft.checklist[0].done = False
    here, field = Step("item", 1), "cc_response"
    visited = []
    for _ in range(6):
        found = next_owed(draft, here, field)
        assert found is not None
        here, field = found
        visited.append(found)
    assert visited == [
        (Step("item", 2), "cc_response"),
        (Step("item", 2), "pcc_response"),
        (Step(PCC), "pcc_comments"),
        (Step(CHECKLIST), "box-0"),
        (Step("item", 0), "pcc_response"),
        (Step("item", 2), "cc_response"),
    ]


def test_the_only_owed_box_is_found_again_from_inside_it() -> None:
    draft = _draft()
    draft.response.cc_comments = ""
    assert next_owed(draft, Step(CC), "cc_comments") == (Step(CC), "cc_comments")
    assert next_owed(draft, Step(REVIEW)) == (Step(CC), "cc_comments")


def test_a_no_local_action_item_owes_its_reason_in_the_commissioners_box() -> None:
    draft = _draft()
    item = draft.items[2]
    item.status, item.cc_response, item.pcc_response = "no-local-action", "", ""
    assert next_owed(draft, Step(DETAILS)) == (Step("item", 2), "pcc_response")
    item.cc_response = "Not for us: the force has no custody suites."
    assert next_owed(draft, Step(DETAILS)) is None
