"""The example draft is Norfolk's real response, every word of it, each paragraph in its place."""

from __future__ import annotations

import re

from testdata import EXAMPLE, NORFOLK

from s55tui.draftfile import load_draft

# Words the templates print, not the officer: headings, labels and the statutory sentence.
MADE_BY_TEMPLATES = re.compile(
    r"^(KEY FINDINGS:|RECOMMENDATIONS:|Recommendation \d+|\(Recommendation jointly for Chief Constables and "
    r"PCC's\)|CHIEF CONSTABLE RESPONSE TO REPORT AND ANY RECOMMENDATIONS:|PCC RESPONSE TO REPORT AND ANY "
    r"RECOMMENDATIONS:|For Office Use Only:)$"
)
_MARKERS = re.compile(r"^\s*(?:[-•✓]\s+)*(?:\d+\.\s+)?", re.MULTILINE)


def _normal(text: str) -> str:
    return " ".join(_MARKERS.sub("", text).split())


def _paragraphs_of_the_response() -> list[str]:
    body = NORFOLK.read_text(encoding="utf-8")
    body = body[body.index("The above document relates") :]
    paragraphs = [_normal(line) for line in body.splitlines()]
    out = []
    for paragraph in paragraphs:
        if paragraph and not MADE_BY_TEMPLATES.match(paragraph):
            out.append(paragraph)
    return out


def _draft_in_reading_order() -> str:
    draft = load_draft(EXAMPLE).draft
    parts = [draft.report.summary]
    for item in draft.items:
        parts += [item.intro, item.text]
    parts += [draft.response.cc_comments] + [i.cc_response for i in draft.items]
    parts += (
        [draft.response.pcc_comments] + [i.pcc_response for i in draft.items] + [draft.response.pcc_reply]
    )
    parts += [entry.label for entry in draft.checklist]
    return " \n ".join(_normal(p) for p in parts if p)


def test_every_line_of_norfolks_response_is_in_the_draft_in_order() -> None:
    text = _draft_in_reading_order()
    position = 0
    paragraphs = _paragraphs_of_the_response()
    assert len(paragraphs) >= 40
    for paragraph in paragraphs:
        found = text.find(paragraph, position)
        assert found >= 0, f"not found in order: {paragraph[:80]}"
        position = found + len(paragraph)


def test_the_report_facts_are_norfolks() -> None:
    draft = load_draft(EXAMPLE).draft
    seed = " ".join(NORFOLK.read_text(encoding="utf-8").split())
    assert draft.report.title in seed
    assert draft.report.published.isoformat() == "2020-12-17"
    assert draft.report.type == "super-complaint"
    assert f"{draft.office.body} (PCC) response to inspections of {draft.office.force}" in seed


def test_each_answer_sits_with_the_item_it_answers() -> None:
    items = {item.number: item for item in load_draft(EXAMPLE).draft.items}
    assert list(items) == ["1", "4", "5", "6"]
    assert items["1"].cc_response.startswith('"On receipt of the Super-Complaint')
    assert items["5"].pcc_response.startswith("In response to recommendation 5")
    assert items["6"].pcc_response.startswith("In response to recommendation 6")
    assert items["5"].to == ["chief-constables", "pccs"]
    assert items["6"].to == ["pccs"]
    assert all(items[n].to == ["chief-constables"] for n in ("1", "4"))
