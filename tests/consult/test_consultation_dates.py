"""The consultation's dates: recorded in the file, the default reply-by date, and the warnings."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from datetime import date
from pathlib import Path

from s55tui.cli.main import main
from s55tui.completeness import check
from s55tui.consultation import consultation_state, reply_by
from s55tui.draftfile import dumps_draft, load_draft, parse_draft, save_draft
from s55tui.library import scan
from s55tui.tui.widgets.status_line import deadline_forms

# Published 2 June 2025: the last day of the 56 is 27 July 2025.
DRAFT = """
format = 1
[report]
title = "Police response to stalking"
published = 2025-06-02
[[items]]
kind = "recommendation"
number = "1"
to = ["chief-constables"]
text = "Chief constables should train every call handler."
"""


def _draft(extra: str = ""):  # type: ignore[no-untyped-def]
    return parse_draft(DRAFT + extra).draft


def test_the_default_reply_by_date_is_three_weeks_before_the_last_day_and_never_after_it() -> None:
    assert reply_by(_draft()) == date(2025, 7, 6)
    late = _draft("[consultation]\nreply_by = 2025-08-30\n")
    assert reply_by(late) == date(2025, 7, 27)
    warnings = [str(f) for f in check(late, date(2025, 6, 10)).findings if f.where == "Consultation"]
    assert warnings == [
        "Consultation: reply-by date 30 August 2025 is after the last day, 27 July 2025: "
        "the comments would come too late to publish"
    ]


def test_the_consultation_keeps_its_place_and_comments_in_the_file() -> None:
    text = (
        DRAFT
        + '[consultation]\n# sent by email\nsent_to = "Chief Constable Jane Doe"\ninvited = 2025-06-05\n'
    )
    draft = parse_draft(text).draft
    assert draft.consultation.sent_to == "Chief Constable Jane Doe"
    draft.consultation.received = date(2025, 6, 30)
    saved = dumps_draft(draft)
    assert "# sent by email" in saved and "received = 2025-06-30" in saved
    assert parse_draft(saved).draft.consultation == draft.consultation


def test_late_comments_are_warned_of_in_the_check_the_status_line_and_the_drafts_list(tmp_path: Path) -> None:
    draft = _draft("[consultation]\ninvited = 2025-06-05\nreply_by = 2025-06-30\n")
    on_time, late = date(2025, 6, 20), date(2025, 7, 3)
    assert consultation_state(draft, on_time).summary == (
        "chief constable's comments due by Monday 30 June 2025 (10 days left)"
    )
    assert not [f for f in check(draft, on_time).findings if f.where == "Consultation"]
    found = [str(f) for f in check(draft, late).findings if f.where == "Consultation"]
    assert found == [
        "Consultation: chief constable's comments due by Monday 30 June 2025: "
        "3 days late, no reply yet (s.55(4))"
    ]
    assert "chief constable's comments due by Mon 30 Jun" in deadline_forms(draft, on_time)[0]
    assert all("CC comments late" in form or "3 days late" in form for form in deadline_forms(draft, late))
    draft.consultation.received = date(2025, 7, 1)
    assert not [f for f in check(draft, late).findings if f.where == "Consultation"]
    assert "comments" not in deadline_forms(draft, late)[0]

    save_draft(
        tmp_path / "late.toml", _draft("[consultation]\ninvited = 2025-06-05\nreply_by = 2025-06-30\n")
    )
    (row,) = scan(tmp_path, late)
    assert row.cc_due == date(2025, 6, 30) and row.cc_days_left == -3


def test_writing_the_request_records_it_as_sent(tmp_path: Path) -> None:
    path = tmp_path / "stalking.toml"
    save_draft(path, _draft())
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["consult", str(path), "--today", "2025-06-04"]) == 0
    request = tmp_path / "stalking - request for comments.docx"
    assert request.exists()
    assert "Comments due back by Sunday 6 July 2025" in out.getvalue()
    consultation = load_draft(path).draft.consultation
    assert (consultation.invited, consultation.reply_by) == (date(2025, 6, 4), date(2025, 7, 6))
    assert consultation.sent_to == "Chief Constable"

    # sent again later, without being told to: the first date stands
    with redirect_stdout(io.StringIO()):
        assert main(["consult", str(path), "--today", "2025-06-09", "-o", str(tmp_path / "again.docx")]) == 0
    assert load_draft(path).draft.consultation.invited == date(2025, 6, 4)

    err = io.StringIO()
    with redirect_stderr(err):
        assert main(["consult", str(path), "--reply-by", "2025-08-01", "--today", "2025-06-09"]) == 2
    assert "after the last day" in err.getvalue() and "Traceback" not in err.getvalue()


def test_once_the_response_is_published_the_deadline_and_the_consultation_are_history(tmp_path: Path) -> None:
    text = "[consultation]\ninvited = 2025-06-05\nreply_by = 2025-06-30\n"
    draft = _draft(text)
    draft.response.published = date(2025, 7, 20)
    late = date(2025, 9, 1)
    assert not [f for f in check(draft, late).findings if f.where in ("Deadline", "Consultation")]
    assert deadline_forms(draft, late)[0] == "Response published Sunday 20 July 2025"
    save_draft(tmp_path / "out.toml", draft)
    (row,) = scan(tmp_path, late)
    assert row.cc_due is None and row.response_published == date(2025, 7, 20)
