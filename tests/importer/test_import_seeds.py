"""The importer on the three real responses kept in tests/data/seeds: the bar set by issue 5."""

from __future__ import annotations

from testdata import SEEDS

from s55tui.importer import ImportResult, recognise
from s55tui.importer.sources import read_source


def seed_lines(name: str) -> list[str]:
    return (SEEDS / name).read_text(encoding="utf-8").split("\n")


def between(name: str, after: str, before: str) -> str:
    """The seed's own text from the line after ``after`` up to the line ``before``.

    Trailing spaces and tabs go and runs of blank lines become one, which is all the
    importer may change in an item's text; every word and line break must survive.
    """
    lines = seed_lines(name)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == after) + 1
    end = next(i for i in range(start, len(lines)) if lines[i].rstrip() == before)
    out: list[str] = []
    for line in lines[start:end]:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def load(name: str) -> ImportResult:
    source = read_source(SEEDS / name)
    return recognise(source.text, source.label)


def by_number(result: ImportResult) -> dict[str, object]:
    return {found.item.number: found.item for found in result.found}


NORFOLK = "000_b8aae3716b7af463.txt"
FORCE = "003_5d3773e54a66fdb4.txt"
STAFFORDSHIRE = "001_7081fd9a0583bb8c.txt"


def test_norfolk_finds_exactly_recommendations_1_4_5_6_with_their_addressees() -> None:
    result = load(NORFOLK)
    assert [(f.item.kind, f.item.number) for f in result.found] == [
        ("recommendation", "1"),
        ("recommendation", "4"),
        ("recommendation", "5"),
        ("recommendation", "6"),
    ]
    assert {f.item.number: f.item.to for f in result.found} == {
        "1": ["chief-constables"],  # "the following recommendations are directed ... at Chief Constables"
        "4": ["chief-constables"],
        "5": ["chief-constables", "pccs"],  # "(Recommendation jointly for Chief Constables and PCC's)"
        "6": ["pccs"],  # "A specific recommendation is also included for PCC's:"
    }
    assert result.unplaced == []
    assert result.doubts == []


def test_norfolk_items_carry_their_whole_text() -> None:
    items = by_number(load(NORFOLK))
    assert items["1"].text == between(NORFOLK, "Recommendation 1", "Recommendation 4")
    assert items["4"].text == between(NORFOLK, "Recommendation 4", "Recommendation 5")
    assert "- promote police engagement in regular outreach community work" in items["4"].text
    assert " - draw on all relevant national guidance" in items["4"].text  # the nested bullet stays nested
    assert items["5"].text == between(
        NORFOLK,
        "(Recommendation jointly for Chief Constables and PCC's)",
        "A specific recommendation is also included for PCC's:",
    )
    assert items["6"].text == (
        "Conduct an assessment of local access to specialist victim support organisations or networks "
        "and take any necessary steps to build up such networks."
    )


def test_norfolk_keeps_the_office_line_before_recommendation_6_as_its_intro_not_as_text() -> None:
    items = by_number(load(NORFOLK))
    assert items["6"].intro == "A specific recommendation is also included for PCC's:"
    assert "specific recommendation" not in items["5"].text
    assert "CHIEF CONSTABLE" not in items["6"].text
    assert "Norfolk Constabulary welcomes" not in items["6"].text


def test_force_response_finds_exactly_recommendations_1_4_5_8_with_their_addressees() -> None:
    result = load(FORCE)
    assert [f.item.number for f in result.found] == ["1", "4", "5", "8"]
    assert all(f.item.kind == "recommendation" for f in result.found)
    assert {f.item.number: f.item.to for f in result.found} == {
        "1": ["chief-constables"],
        "4": ["chief-constables"],
        "5": ["chief-constables", "pccs"],
        "8": ["all"],
    }
    assert result.unplaced == [] and result.doubts == []


def test_force_response_items_have_whole_text_and_never_the_force_response() -> None:
    items = by_number(load(FORCE))
    assert items["1"].text == between(
        FORCE, "Recommendation 1. To chief constables", "Notes to recommendation 1"
    )
    assert items["4"].text == between(FORCE, "Recommendation 4. To chief constables", "Force response")
    assert items["5"].text == between(
        FORCE,
        "Recommendation 5. To chief constables and police and crime commissioners (or equivalents)",
        "Force Response",
    )
    assert items["8"].text == between(
        FORCE,
        "Recommendation 8. To all recipients of recommendations from this investigation",
        "Force response",
    )
    for item in items.values():
        assert "Required activity" not in item.text
        assert "Force response" not in item.text and "Force Response" not in item.text
        assert "In November 2018" not in item.text + item.notes


def test_force_response_notes_to_recommendation_1_become_its_notes() -> None:
    items = by_number(load(FORCE))
    assert items["1"].notes == between(FORCE, "Notes to recommendation 1", "Force response")
    assert items["1"].notes.count("\n- ") == 3  # four bullets
    assert "Notes to recommendation" not in items["1"].text
    assert all(not item.notes for number, item in items.items() if number != "1")


def test_staffordshire_record_form_with_web_form_tags() -> None:
    result = load(STAFFORDSHIRE)
    assert {f.item.number: f.item.to for f in result.found} == {
        "1": ["chief-constables"],
        "4": ["chief-constables"],
        "5": ["chief-constables", "pccs"],
        "6": ["pccs"],
        "8": ["all"],
    }
    items = by_number(result)
    assert items["1"].text.startswith("As an interim measure, pending the outcome of recommendation 2,")
    assert items["1"].text.endswith("(on the creation of safe reporting pathways).")
    assert "<p>" not in items["1"].text and "</p>" not in items["4"].text
    assert items["8"].text.endswith("within six months of the date of publication of this report.")
    assert "Staffordshire Commissioner" not in "".join(item.text for item in items.values())
