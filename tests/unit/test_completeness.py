"""Each rule of the completeness check, as an officer would meet it in `s55tui check`."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from s55tui.completeness import MISSING, REMINDER, WARNING, check, find_placeholder
from s55tui.model import ChecklistEntry, Draft, Item, Report, Response

TODAY = date(2021, 1, 4)


def _ready() -> Draft:
    """A draft with nothing missing, to break one rule at a time."""
    return Draft(
        Report(
            title="Safe to share?", type="super-complaint", published=date(2020, 12, 17), summary="Findings."
        ),
        response=Response(cc_comments="We welcome it.", pcc_comments="I welcome it.", pcc_reply="Noted."),
        items=[Item("recommendation", "1", ["chief-constables"], "Stop sharing.", cc_response="Stopped.")],
        checklist=[ChecklistEntry("Response forwarded to HMICFRS", True, date(2021, 2, 9))],
    )


def _lines(draft: Draft, severity: str) -> list[str]:
    return [str(f) for f in check(draft, TODAY).of(severity)]


def test_a_complete_draft_is_ready() -> None:
    result = check(_ready(), TODAY)
    assert result.ready
    assert result.findings == []


def test_chief_constables_owe_a_cc_response() -> None:
    draft = _ready()
    draft.items[0].cc_response = "  \n"
    assert _lines(draft, MISSING) == ["Recommendation 1: no chief constable response"]
    assert check(draft, TODAY).of(MISSING)[0].field == "items[1].cc_response"


def test_pccs_owe_a_pcc_response() -> None:
    draft = _ready()
    draft.items.append(Item("recommendation", "6", ["pccs"], "Assess access."))
    assert _lines(draft, MISSING) == ["Recommendation 6: no commissioner response"]


def test_joint_and_all_items_owe_both() -> None:
    draft = _ready()
    draft.items += [
        Item("recommendation", "5", ["chief-constables", "pccs"], "Promote confidence."),
        Item("recommendation", "8", ["all"], "Provide an update.", pcc_response="We will."),
    ]
    assert _lines(draft, MISSING) == [
        "Recommendation 5: no chief constable response",
        "Recommendation 5: no commissioner response",
        "Recommendation 8: no chief constable response",
    ]


def test_national_recommendations_need_a_position_and_no_local_action_is_one() -> None:
    draft = _ready()
    draft.items.append(Item("recommendation", "2", ["national"], "The Home Office should review."))
    assert _lines(draft, MISSING) == [
        'Recommendation 2: no commissioner position on a national recommendation ("no local action" is one)'
    ]
    draft.items[-1].status = "no-local-action"
    draft.items[-1].pcc_response = "A national recommendation for the Home Office; no local action."
    assert check(draft, TODAY).ready


def test_no_local_action_without_a_reason_is_a_warning() -> None:
    draft = _ready()
    draft.items.append(Item("recommendation", "3", ["national"], "Review.", status="no-local-action"))
    assert check(draft, TODAY).ready
    assert "Recommendation 3: marked no local action without saying why" in _lines(draft, WARNING)


def test_a_recommendation_without_addressee_needs_one_and_a_position() -> None:
    draft = _ready()
    draft.items.append(Item("recommendation", "7", [], "Something."))
    assert _lines(draft, MISSING) == [
        "Recommendation 7: no addressee: say who it is for",
        "Recommendation 7: no position: say what will be done, or why nothing (s.55(5B))",
    ]


def test_areas_for_improvement_owe_what_their_addressees_owe() -> None:
    draft = _ready()
    draft.items.append(Item("area-for-improvement", "3", ["chief-constables"], "Improve recording."))
    assert _lines(draft, MISSING) == ["Area for improvement 3: no chief constable response"]


def test_summary_and_both_sets_of_comments_are_required() -> None:
    draft = _ready()
    draft.report.summary = ""
    draft.response.cc_comments = ""
    draft.response.pcc_comments = ""
    assert _lines(draft, MISSING) == [
        "Key findings: no summary of the report",
        "Chief constable's comments: not written (s.55(5)(b))",
        "Commissioner's comments: not written (s.55(5)(a))",
    ]


def test_a_missing_reply_to_the_chief_is_a_warning() -> None:
    draft = _ready()
    draft.response.pcc_reply = ""
    assert check(draft, TODAY).ready
    assert _lines(draft, WARNING)[0].startswith(
        "Commissioner's reply: no response to the chief constable's comments (s.55(5)(c))"
    )


def test_placeholders_are_flagged_wherever_they_are() -> None:
    draft = _ready()
    draft.report.summary = "Findings TBC."
    draft.items[0].cc_response = "Policy updated on [insert date]."
    draft.response.pcc_reply = "todo: thank the chief"
    assert _lines(draft, WARNING) == [
        "Key findings: placeholder text left in: 'TBC'",
        "Commissioner's reply: placeholder text left in: 'todo'",
        "Recommendation 1: placeholder text left in: '[insert date]'",
    ]


def test_words_containing_placeholder_letters_are_not_flagged() -> None:
    draft = _ready()
    draft.report.summary = "Mr Toddington's XXL report on the stbc tax."
    assert _lines(draft, WARNING) == []


# What counts as a placeholder, written out whole: the check's quick look must find exactly this.
PLACEHOLDER = re.compile(r"\b(?:TODO|TBC|TBA|XXX+)\b|\[\s*insert[^\]]*\]", re.IGNORECASE)
# Pieces that make and break placeholders, with the letters case-blind matching treats as
# another's: dotted and dotless i, the Kelvin sign, the long s.
PIECES = [
    "[insert date]",
    "[ ınsert]",
    "TBC.",
    "TODO",
    "todo",
    "TbC",
    "tba",
    "xxx",
    "XXXX",
    "[",
    "]",
    " insert",
    "İnsert",
    "ınsert",
    "\u212a",
    "\u017f",
    "d",
    "o",
    "t",
    "b",
    "a",
    "c",
    "x",
    "T",
    "_",
    " ",
    "\n",
    "é",
    "ß",
]


@example("Dates are [ ınsert here].")
@example("[İNSERT date]")
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map("".join))
def test_the_quick_placeholder_look_finds_what_the_full_pattern_finds(text: str) -> None:
    match = PLACEHOLDER.search(text)
    assert find_placeholder(text) == (match.group(0) if match else "")


def test_unticked_checklist_boxes_are_reminders_not_faults() -> None:
    draft = _ready()
    draft.checklist.append(ChecklistEntry("Copy sent to the Home Secretary"))
    assert check(draft, TODAY).ready
    assert _lines(draft, REMINDER) == ["Checklist: not done yet: Copy sent to the Home Secretary"]


def test_the_deadline_state_is_reported() -> None:
    draft = _ready()
    late = check(draft, date(2021, 3, 1))
    assert late.deadline is not None and late.deadline.state == "passed"
    assert [str(f) for f in late.of(WARNING)] == ["Deadline: the last day, 10 February 2021, has passed"]
    draft.report.published = None
    assert _lines(draft, MISSING) == ["Report: no publication date, so no deadline"]


def test_a_placeholder_keeps_a_draft_from_being_ready_and_counts_are_worded_right() -> None:
    from s55tui.completeness import counted, verdict

    draft = _ready()
    assert check(draft, TODAY).ready
    assert verdict(check(draft, TODAY)) == "Ready to publish: nothing required is missing."
    draft.items[0].cc_response = "We will report by TBC."
    result = check(draft, TODAY)
    assert not result.ready
    assert verdict(result) == "Not ready: 1 placeholder (such as TBC) left in."
    assert [counted(n, "warning") for n in (0, 1, 2, 1200)] == [
        "no warnings",
        "1 warning",
        "2 warnings",
        "1,200 warnings",
    ]
