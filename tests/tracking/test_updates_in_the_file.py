"""Progress updates in the draft file: appended, never overwritten, comments kept, errors named."""

from __future__ import annotations

from datetime import date

import pytest

from s55tui.draftfile import dumps_draft, parse_draft
from s55tui.errors import DraftError
from s55tui.model import Update

DRAFT = """format = 1
[report]
title = "Custody inspection"
published = 2025-01-06

[response]
published = 2025-03-02

[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables"]
text = "Fix the cells."
status = "open"

# reported to the panel in March
[[items.updates]]
on = 2025-03-20   # panel meeting
status = "in-progress"
text = "Work has begun."
evidence = "panel-minutes-march.pdf"

[[items]]
kind = "recommendation"
number = "2"
to = ["chief-constables"]
text = "Train the staff."
"""


def test_updates_are_read_and_the_latest_gives_the_status() -> None:
    draft = parse_draft(DRAFT).draft
    first = draft.items[0]
    assert first.updates == [
        Update(date(2025, 3, 20), "in-progress", "Work has begun.", ["panel-minutes-march.pdf"])
    ]
    assert first.current_status == "in-progress"
    assert draft.items[1].updates == [] and draft.items[1].current_status == "open"
    assert draft.response.published == date(2025, 3, 2)


def test_an_update_added_is_appended_and_every_comment_stays() -> None:
    draft = parse_draft(DRAFT).draft
    draft.items[0].updates.append(
        Update(date(2025, 6, 1), "complete", "All cells fixed.", ["https://example.org/r"])
    )
    saved = dumps_draft(draft)
    assert "# reported to the panel in March" in saved and "# panel meeting" in saved
    assert saved.index("Work has begun.") < saved.index("All cells fixed.") < saved.index('number = "2"')
    again = parse_draft(saved).draft
    assert again.items[0].current_status == "complete"
    assert [u.text for u in again.items[0].updates] == ["Work has begun.", "All cells fixed."]
    assert again.items[1].updates == []
    # a second save of the same draft changes nothing
    assert dumps_draft(again) == saved


def test_the_latest_is_the_latest_date_not_the_last_written() -> None:
    draft = parse_draft(DRAFT).draft
    draft.items[0].updates.append(Update(date(2025, 2, 1), "open", "An older note, added late."))
    assert draft.items[0].current_status == "in-progress"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('status = "in-progress"', 'items[1].updates[1].status: unknown update status "finished"'),
        ("on = 2025-03-20", "items[1].updates[1].on: expected a date like 2020-12-17"),
    ],
)
def test_a_bad_update_is_named_in_one_line(bad: str, message: str) -> None:
    broken = DRAFT.replace(bad, 'status = "finished"' if "status" in bad else 'on = "20 March"')
    with pytest.raises(DraftError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_draft(broken, "custody.toml")
