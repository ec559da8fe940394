"""Every shape in which real reports print their items (REPORTS.md sections 1 to 4), one text each.

The texts are ours, written in each shape with invented wording. For each: the exact items
found, with kind, number, addressees, due date, first and last words, and any answer offered.
The decoys must give nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from s55tui.importer import recognise

PUBLISHED = date(2024, 1, 31)


def items(text: str) -> list[tuple[str, str, list[str], str, str]]:
    """(kind, number, addressees, first words, last words) of each item found."""
    found = recognise(text, published=PUBLISHED).items
    return [
        (i.kind, i.number, i.to, " ".join(i.text.split()[:4]), " ".join(i.text.split()[-3:])) for i in found
    ]


def test_heading_with_the_text_below_and_a_deadline() -> None:
    text = (
        "Recommendation 3\n\nBy 31 March 2024, chief constables should make sure every victim is assessed.\n"
    )
    assert items(text) == [
        ("recommendation", "3", ["chief-constables"], "By 31 March 2024,", "victim is assessed.")
    ]
    assert recognise(text).items[0].due == date(2024, 3, 31)


@pytest.mark.parametrize(
    "line",
    [
        "Recommendation 3: By July 2024, forces should publish their stalking data.",
        "Recommendation 3 - To chief constables: By July 2024, forces should publish their stalking data.",
    ],
)
def test_label_and_text_on_one_line(line: str) -> None:
    found = recognise(line + "\n", published=PUBLISHED).items
    assert [(i.number, i.to, i.text, i.due) for i in found] == [
        (
            "3",
            ["chief-constables"],
            "By July 2024, forces should publish their stalking data.",
            date(2024, 7, 31),
        )
    ]


def test_a_label_printed_twice_is_one_item() -> None:
    text = "Recommendation 2\n\nRecommendation 2: Forces should review how they record stalking offences.\n"
    result = recognise(text)
    assert items(text) == [
        ("recommendation", "2", ["chief-constables"], "Forces should review how", "record stalking offences.")
    ]
    assert not result.unplaced and not result.doubts


def test_a_plain_numbered_list_under_the_sentence_that_introduces_it() -> None:
    text = (
        "Our findings\n\nThe service is stretched.\n\n"
        "The inspector made three recommendations:\n\n"
        "1. There should be a clear policy on body-worn video.\n"
        "2. Forces should audit their use of stop and search every quarter.\n"
        "3. The Home Office should publish guidance on retention.\n\n"
        "Next steps\n\nWe will return in a year.\n"
    )
    assert items(text) == [
        ("recommendation", "1", [], "There should be a", "on body-worn video."),
        ("recommendation", "2", ["chief-constables"], "Forces should audit their", "search every quarter."),
        ("recommendation", "3", ["national"], "The Home Office should", "guidance on retention."),
    ]
    assert any("Recommendation 1: no addressee found" in str(note) for note in recognise(text).doubts)


def test_an_unnumbered_label_gets_the_next_number_and_a_note() -> None:
    text = (
        "Recommendation 1\n\nForces should act.\n\n"
        "Recommendation:\n"
        "West Loamshire Police should, within three months:\n"
        "- publish its call-handling standards; and\n"
        "- report progress to the police and crime commissioner.\n"
    )
    result = recognise(text, published=PUBLISHED)
    assert items(text)[1] == (
        "recommendation",
        "2",
        ["chief-constables"],
        "West Loamshire Police should,",
        "and crime commissioner.",
    )
    assert result.items[1].due == date(2024, 4, 30)
    assert any("printed without a number; numbered it 2" in str(note) for note in result.doubts)


def test_unnumbered_bullets_under_a_section_heading_are_one_item_each() -> None:
    text = (
        "Areas for improvement\n\n"
        "\u2022 The constabulary should improve how it records crime.\n"
        "\u2022 The force should improve supervision of investigations.\n\n"
        "Summary\n\nThe force is good at keeping people safe.\n"
    )
    assert items(text) == [
        (
            "area-for-improvement",
            "1",
            ["chief-constables"],
            "The constabulary should improve",
            "it records crime.",
        ),
        (
            "area-for-improvement",
            "2",
            ["chief-constables"],
            "The force should improve",
            "supervision of investigations.",
        ),
    ]


def test_a_numbered_area_for_improvement() -> None:
    text = "Area for improvement 1\n\nThe force should improve how it manages registered sex offenders.\n"
    assert items(text) == [
        (
            "area-for-improvement",
            "1",
            ["chief-constables"],
            "The force should improve",
            "registered sex offenders.",
        )
    ]


def test_a_cause_of_concern_with_its_recommendations_below() -> None:
    text = (
        "Cause of concern\n\nThe force is not answering 101 calls quickly enough.\n\n"
        "Recommendations\n\n"
        "Within three months, the force should:\n"
        "\u2022 reduce the time it takes to answer 101 calls; and\n"
        "\u2022 monitor how many callers give up.\n"
    )
    result = recognise(text, published=PUBLISHED)
    assert items(text) == [
        ("cause-of-concern", "1", [], "The force is not", "calls quickly enough."),
        ("recommendation", "1", ["chief-constables"], "Within three months, the", "callers give up."),
    ]
    assert result.items[1].text.count("\n- ") == 2  # its bullets are its own, as Markdown bullets
    assert result.items[1].due == date(2024, 4, 30)


def test_a_cause_of_concern_with_label_and_text_on_one_line() -> None:
    text = "Cause of concern The backlog of vetting checks is a cause of concern.\n"
    assert items(text) == [("cause-of-concern", "1", [], "The backlog of vetting", "cause of concern.")]


def test_causes_of_concern_as_bullets_after_a_stem_are_one_item() -> None:
    text = (
        "Cause of concern\n\nWe found that the force:\n"
        "- was not assessing vulnerability at first contact; and\n"
        "- was not supervising investigations well enough.\n"
    )
    assert items(text) == [("cause-of-concern", "1", [], "We found that the", "investigations well enough.")]


def test_numbers_that_are_not_item_numbers() -> None:
    text = (
        "Recommendations\n\n"
        "4.12 We looked at 60 cases (5310) and found victims12 were not updated.\n\n"
        "1. By March 2025, chief constables should update victims every 28 days.\n"
    )
    assert [(i.number, i.due) for i in recognise(text).items] == [("1", date(2025, 3, 31))]


@pytest.mark.parametrize(
    ("sentence", "to"),
    [
        ("All forces should publish the data.", ["chief-constables"]),
        ("Borsetshire Constabulary should publish the data.", ["chief-constables"]),
        ("Police and crime commissioners should publish the data.", ["pccs"]),
        ("PCCs (or equivalents) should publish the data.", ["pccs"]),
        (
            "Chief constables and police and crime commissioners should jointly publish it.",
            ["chief-constables", "pccs"],
        ),
        ("The Home Office and the NPCC should publish the data.", ["national"]),
        ("The College of Policing should publish the data.", ["national"]),
        ("Those forces that use drones should publish the data.", ["chief-constables"]),
        ("Forces should share the results with the College of Policing.", ["chief-constables"]),
        ("Structures should be put in place to publish the data.", []),
    ],
)
def test_who_an_item_is_for_comes_from_its_own_should(sentence: str, to: list[str]) -> None:
    assert recognise(f"Recommendation 1\n\n{sentence}\n").items[0].to == to


def test_an_item_ends_at_the_next_section_heading() -> None:
    text = (
        "Recommendation 1\n\nForces should act.\n\n"
        "Our findings\n\nForces need effective systems to manage demand.\n"
    )
    assert [i.text for i in recognise(text).items] == ["Forces should act."]


def test_answers_after_quoted_items_are_offered_by_who_speaks_never_glued_on() -> None:
    text = (
        "Recommendation 1\n\nBy July 2024, chief constables should review their vetting.\n\n"
        "Borsetshire Police has reviewed its vetting and found no gaps.\n\n"
        "I welcome the force's review and will scrutinise it at my next board.\n\n"
        "Recommendation 2\n\nPolice and crime commissioners should fund advocates.\n\n"
        "In response to recommendation 2, my office has funded two advocates.\n"
    )
    found = recognise(text).items
    assert [i.text for i in found] == [
        "By July 2024, chief constables should review their vetting.",
        "Police and crime commissioners should fund advocates.",
    ]
    assert found[0].cc_response == "Borsetshire Police has reviewed its vetting and found no gaps."
    assert found[0].pcc_response == "I welcome the force's review and will scrutinise it at my next board."
    assert (found[1].cc_response, found[1].pcc_response) == (
        "",
        "In response to recommendation 2, my office has funded two advocates.",
    )


def test_an_answer_under_a_response_heading_goes_to_the_item_above() -> None:
    text = (
        "Recommendation 4. To chief constables\n\nIntroduce a single point of contact.\n\n"
        "Force response\n\nWe have appointed one in each district.\n\n"
        "PCC's comment\n\nI will check this at my board.\n"
    )
    item = recognise(text).items[0]
    assert (item.text, item.cc_response, item.pcc_response) == (
        "Introduce a single point of contact.",
        "We have appointed one in each district.",
        "I will check this at my board.",
    )


def test_a_response_to_the_whole_report_is_given_to_no_item() -> None:
    text = (
        "Recommendation 6\n\nPolice and crime commissioners should assess local support.\n\n"
        "Chief Constable response to report and any recommendations\n\nThe force welcomes the report.\n"
    )
    item = recognise(text).items[0]
    assert (item.cc_response, item.pcc_response) == ("", "")


@pytest.mark.parametrize(
    "text",
    [
        "These recommendations are designed to help forces by:\n\u2022 improving outcomes for victims;\n"
        "\u2022 making better use of resources.\n",
        "Summary\n\nForces need effective systems to manage demand. We considered the 40 recommendations "
        "from our 2019 report.\n",
        "Progress against recommendations\n\nRecommendation 3 \u2013 complete\n"
        "Recommendation 4 \u2013 in progress\nRecommendation 5: Amber\n",
        "Grades\n\nEffectiveness | Good\nEfficiency | Requires improvement\n",
        "Recommendations\n\nThese recommendations are designed to help forces by:\n\n"
        "\u2022 improving outcomes for victims;\n\u2022 making better use of resources.\n",
    ],
)
def test_decoys_give_nothing(text: str) -> None:
    assert recognise(text).items == []
