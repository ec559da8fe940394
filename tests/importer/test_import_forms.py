"""The other forms real reports and responses print items in, and what the importer must not take."""

from __future__ import annotations

from s55tui.importer import recognise


def found(text: str) -> list[tuple[str, str, list[str], str]]:
    return [(f.item.kind, f.item.number, f.item.to, f.item.text) for f in recognise(text).found]


def test_recommendation_with_dash_and_singular_addressee() -> None:
    text = "Recommendation 1 - To chief constable:\nStop sharing information.\n"
    assert found(text) == [("recommendation", "1", ["chief-constables"], "Stop sharing information.")]


def test_addressee_on_its_own_line_under_the_heading() -> None:
    text = "Recommendation 3\nTo police and crime commissioners (or equivalents)\nConduct an assessment.\n"
    assert found(text) == [("recommendation", "3", ["pccs"], "Conduct an assessment.")]


def test_national_and_all_recipients() -> None:
    text = (
        "Recommendation 2. To the Home Office\n\nReview the framework.\n\n"
        "Recommendation 8. To all recipients of recommendations from this investigation\nProvide an update.\n"
    )
    assert found(text) == [
        ("recommendation", "2", ["national"], "Review the framework."),
        ("recommendation", "8", ["all"], "Provide an update."),
    ]


def test_areas_for_improvement_and_an_unnumbered_cause_of_concern() -> None:
    text = (
        "Cause of concern\n\nThe force does not understand demand.\n\n"
        "Area for improvement 3\n\nThe force should improve how it records crime.\n\n"
        "AFI 4: The force should review its vetting.\n"
    )
    result = recognise(text)
    assert [(f.item.kind, f.item.number, f.item.text) for f in result.found] == [
        ("cause-of-concern", "1", "The force does not understand demand."),
        ("area-for-improvement", "3", "The force should improve how it records crime."),
        ("area-for-improvement", "4", "The force should review its vetting."),
    ]
    assert result.found[1].item.to == ["chief-constables"]  # "The force should ..."
    assert [str(d) for d in result.doubts] == [
        "line 1: Cause of concern 1: printed without a number; numbered it 1",
        "line 1: Cause of concern 1: no addressee found; fill in who it is for",
    ]


def test_numbered_paragraphs_under_a_recommendations_heading() -> None:
    text = (
        "Recommendations\n\n"
        "1. By 31 March 2023, chief constables should review their vetting. They should:\n"
        "- check every file;\n"
        "- report to the board.\n"
        "2. By 30 June 2023, the College of Policing should update its guidance.\n\n"
        "Areas for improvement\n\n"
        "1. The force should record when information is shared.\n\n"
        "Chief Constable's response\n\n"
        "1. We have done it.\n"
    )
    assert found(text) == [
        (
            "recommendation",
            "1",
            ["chief-constables"],
            "By 31 March 2023, chief constables should review their vetting. They should:\n"
            "- check every file;\n- report to the board.",
        ),
        (
            "recommendation",
            "2",
            ["national"],
            "By 30 June 2023, the College of Policing should update its guidance.",
        ),
        (
            "area-for-improvement",
            "1",
            ["chief-constables"],
            "The force should record when information is shared.",
        ),
    ]


def test_a_numbered_list_inside_a_headed_recommendation_stays_its_text() -> None:
    text = (
        "Recommendations\n\nRecommendation 1\nChief constables should:\n1. review policy;\n2. train staff.\n"
    )
    assert found(text) == [
        (
            "recommendation",
            "1",
            ["chief-constables"],
            "Chief constables should:\n1. review policy;\n2. train staff.",
        )
    ]


def test_a_mention_of_a_recommendation_in_a_response_is_not_a_heading() -> None:
    text = (
        "Recommendation 5. To chief constables\nPromote confidence.\n\nForce response\n\n"
        "Recommendation 5 is being taken forward by the Victims Sub Group.\n"
        "In response to recommendation 6, my office will assess access.\n"
    )
    assert found(text) == [("recommendation", "5", ["chief-constables"], "Promote confidence.")]


def test_markdown_headings_and_bold_are_read_like_plain_headings() -> None:
    text = (
        "# Recommendations\n\n## Recommendation 1\n\n**To chief constables**\n\nStop sharing.\n\n"
        "## About the investigation\n\nWe looked at 12 forces.\n"
    )
    assert found(text) == [("recommendation", "1", ["chief-constables"], "Stop sharing.")]


def test_notes_for_an_item_not_found_are_listed_as_not_placed() -> None:
    result = recognise(
        "Recommendation 1. To chief constables\nStop.\n\nNotes to recommendation 7\n- a note\n"
    )
    assert [f.item.number for f in result.found] == ["1"]
    assert [str(n) for n in result.unplaced] == [
        "line 4: notes to Recommendation 7, which was not found; left out"
    ]


def test_a_second_different_item_with_the_same_number_is_not_placed() -> None:
    result = recognise("Recommendation 1. To chief constables\nStop.\n\nRecommendation 1: Start.\n")
    assert [(f.item.number, f.item.text) for f in result.found] == [("1", "Stop.")]
    assert [str(n) for n in result.unplaced] == [
        "line 4: a second Recommendation 1, unlike the one on line 1; left out"
    ]


def test_text_in_a_recommendations_section_outside_any_item_is_listed() -> None:
    result = recognise(
        "Recommendations\n\nSee the annex for the full list\n\n"
        "Recommendation 1\nChief constables should act.\n"
    )
    assert [f.item.number for f in result.found] == ["1"]
    assert [str(n) for n in result.unplaced] == [
        "line 3: not part of any item: See the annex for the full list"
    ]


def test_an_item_without_any_addressee_is_flagged() -> None:
    result = recognise("Recommendation 2\n\nWe recommend an urgent review.\n")
    assert result.found[0].item.to == []
    assert [str(d) for d in result.doubts] == [
        "line 1: Recommendation 2: no addressee found; fill in who it is for"
    ]


def test_word_bullets_control_characters_and_crlf_are_cleaned() -> None:
    text = (
        "Recommendation 4. To chief constables\r\n"
        "They should:\r\n\u2022\tensure a policy;\x0b\u2022 promote awareness.\x07\r\n"
    )
    assert found(text) == [
        (
            "recommendation",
            "4",
            ["chief-constables"],
            "They should:\n- ensure a policy;\n- promote awareness.",
        )
    ]
