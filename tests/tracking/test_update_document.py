"""The ``update`` house style: the progress report on one report, from the draft's updates."""

from __future__ import annotations

from datetime import date

from s55tui.draftfile import parse_draft
from s55tui.model import Update
from s55tui.render.environment import prints_checklist, render_markdown

DRAFT = """format = 1
[report]
title = "Custody inspection"
published = 2025-01-06
[office]
body = "Office of the Northshire PCC"
[response]
published = 2025-03-02

[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables"]
text = "Fix the cells."
cc_response = "We will fix them by June."

[[items.updates]]
on = 2025-06-10
status = "complete"
text = "All cells *fixed*."
evidence = ["estates-report.pdf", "https://example.org/cells"]

[[items.updates]]
on = 2025-04-01
status = "in-progress"
text = "Work has begun."

[[items]]
kind = "area-for-improvement"
number = "2"
to = ["chief-constables"]
text = "Record why calls are abandoned."
"""


def test_the_update_says_where_each_item_stands_and_what_was_done_in_date_order() -> None:
    draft = parse_draft(DRAFT).draft
    markdown = render_markdown(draft, "update")
    assert "since the response published on 2 March 2025" in markdown
    assert "| Recommendation 1 | Complete | 10 June 2025 |" in markdown
    assert "| Area for improvement 2 | Open | none yet |" in markdown
    assert markdown.index("#### 1 April 2025: In progress") < markdown.index("#### 10 June 2025: Complete")
    assert "All cells *fixed*." in markdown  # rich text stays Markdown
    assert "Evidence: estates-report.pdf; https://example.org/cells" in markdown
    assert "We will fix them by June." in markdown
    assert markdown.count("No progress update yet.") == 1
    assert not prints_checklist("update")


def test_an_update_added_shows_at_once() -> None:
    draft = parse_draft(DRAFT).draft
    draft.items[1].updates.append(Update(date(2025, 7, 1), "no-further-action", "Recorded since May."))
    markdown = render_markdown(draft, "update")
    assert "| Area for improvement 2 | No further action | 1 July 2025 |" in markdown
