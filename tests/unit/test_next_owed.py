"""ctrl+g's rule: the first response still owed after the cursor, in reading order, going round."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from s55tui.model import ChecklistEntry, Draft, Item, Report, Response
from s55tui.tui.steps import (
    CC,
    CHECKLIST,
    DETAILS,
    PCC,
    REVIEW,
    Step,
    _rank,
    all_steps,
    next_owed,
    owed_in_step,
    position_of,
)


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


def _listed(draft: Draft, here: Step, field: str = "") -> tuple[Step, str] | None:
    """The rule stated plainly: every owed place in reading order, the first after the
    cursor, else the first of all."""
    steps = [s for s in all_steps(draft) if s.kind != REVIEW]
    owed = [(n, _rank(s, name), s, name) for n, s in enumerate(steps) for name in owed_in_step(s, draft)]
    if not owed:
        return None
    number = position_of(here, draft)
    at = (number, _rank(here, field) if field else -1) if number is not None else (-1, -1)
    later = [place for place in owed if (place[0], place[1]) > at]
    _, _, step, name = (later or owed)[0]
    return step, name


_FIELDS = ["", "cc_response", "pcc_response", "text", "notes"]
_FIELDS += ["report-title", "summary", "cc_comments", "box-0"]


@settings(max_examples=300, deadline=None)
@given(
    owed=st.lists(st.sampled_from(["none", "cc", "pcc", "both", "nla"]), min_size=0, max_size=6),
    title=st.booleans(),
    summary=st.booleans(),
    comments=st.booleans(),
    box=st.booleans(),
    here=st.integers(min_value=-1, max_value=12),
    field=st.sampled_from(_FIELDS),
)
def test_it_finds_what_the_plain_rule_finds(owed, title, summary, comments, box, here, field) -> None:
    """Searching out from the cursor lands where listing every owed place would."""
    draft = _draft()
    draft.items = [
        Item(
            "recommendation",
            str(n + 1),
            ["chief-constables", "pccs"],
            cc_response="" if kind in ("cc", "both") else "We will.",
            pcc_response="" if kind in ("pcc", "both", "nla") else "Yes.",
            status="no-local-action" if kind == "nla" else "open",
        )
        for n, kind in enumerate(owed)
    ]
    draft.report.title = "" if title else draft.report.title
    draft.report.summary = "" if summary else draft.report.summary
    draft.response.cc_comments = "" if comments else draft.response.cc_comments
    draft.checklist[0].done = not box
    steps = all_steps(draft)
    start = steps[here] if 0 <= here < len(steps) else Step("item", len(draft.items) + here + 2)
    assert next_owed(draft, start, field) == _listed(draft, start, field)
