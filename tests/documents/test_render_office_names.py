"""The commissioner's short title comes from the office or the field's own forms, never initials.

Made from initials, "Police and Crime Commissioner for Surrey" printed as "PCCS" ("PCCS
response to report", "jointly for Chief Constables and PCCSs") and "Mayor's Office for
Policing and Crime" as "MOPC". Every case here is an office's real title.
"""

from __future__ import annotations

from datetime import date

import pytest

from s55tui.model import Draft, Item, Office, Report
from s55tui.render.environment import render_markdown


def _markdown(office: Office, template: str = "narrative") -> str:
    joint = Item(
        "recommendation", "2", ["chief-constables", "pccs"], "Both should act.", pcc_response="Done."
    )
    report = Report(title="An inspection", published=date(2024, 3, 5))
    return render_markdown(Draft(report=report, office=office, items=[joint]), template)


@pytest.mark.parametrize(
    ("title", "body", "short", "plural"),
    [
        (
            "Police and Crime Commissioner for Surrey",
            "Police and Crime Commissioner for Surrey",
            "PCC",
            "PCCs",
        ),
        (
            "Police, Fire and Crime Commissioner for Staffordshire",
            "Staffordshire Commissioner",
            "PFCC",
            "PFCCs",
        ),
        ("Mayor's Office for Policing and Crime", "Mayor's Office for Policing and Crime", "MOPAC", "MOPACs"),
        ("Police and Crime Commissioner", "Norfolk Police and Crime Commissioner", "PCC", "PCCs"),
    ],
)
def test_a_title_the_field_knows_prints_its_own_short_form(
    title: str, body: str, short: str, plural: str
) -> None:
    markdown = _markdown(Office(force="The force", body=body, pcc_title=title))
    assert f"## {short} response to report" in markdown
    assert f"jointly for Chief Constables and {plural})" in markdown
    assert "PCCS" not in markdown and "MOPC " not in markdown


def test_the_offices_own_short_title_wins() -> None:
    office = Office(
        body="Greater Manchester Combined Authority",
        pcc_title="Mayor of Greater Manchester",
        pcc_short="Mayor",
    )
    markdown = _markdown(office)
    assert "## Mayor response to report" in markdown
    assert "jointly for Chief Constables and Mayors)" in markdown


def test_a_title_it_does_not_know_is_printed_whole_with_the_inspectorates_plural() -> None:
    markdown = _markdown(
        Office(body="The Police Authority of Northshire", pcc_title="Police Authority Chair")
    )
    assert "## Police Authority Chair response to report" in markdown
    assert "jointly for Chief Constables and police and crime commissioners (or equivalents))" in markdown
    assert "PAC" not in markdown


def test_a_short_form_already_in_the_bodys_name_is_not_added_twice() -> None:
    title = "Police and Crime Commissioner"
    given = _markdown(Office(body="Norfolk Police and Crime Commissioner (PCC)", pcc_title=title))
    added = _markdown(Office(body="Norfolk Police and Crime Commissioner", pcc_title=title))
    for markdown in (given, added):
        assert markdown.splitlines()[0].startswith("# Norfolk Police and Crime Commissioner (PCC) response")


@pytest.mark.parametrize("template", ["narrative", "record", "per-recommendation", "letter"])
def test_no_template_doubles_brackets_around_who_an_item_is_for(template: str) -> None:
    """HMICFRS's "police and crime commissioners (or equivalents)" inside a bracket printed
    "(Area for improvement for police and crime commissioners (or equivalents))"."""
    for_pccs = Item(
        "area-for-improvement", "2", ["pccs"], "The commissioner should act.", pcc_response="Done."
    )
    report = Report(title="An inspection", published=date(2024, 3, 5))
    markdown = render_markdown(Draft(report=report, items=[for_pccs]), template)
    assert "police and crime commissioners" in markdown
    assert "))" not in markdown and "((" not in markdown
