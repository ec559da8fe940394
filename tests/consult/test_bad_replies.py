"""A reply that cannot be used is refused in one line naming the file, and the draft is unchanged."""

from __future__ import annotations

import io
from contextlib import redirect_stderr
from datetime import date
from pathlib import Path

import pytest
from consultdocs import fill_box, write_fresh_reply
from docx import Document

from s55tui.cli.main import main
from s55tui.consult.request import build_request
from s55tui.draftfile import load_draft, parse_draft, save_draft

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
[[items]]
kind = "recommendation"
number = "2"
to = ["chief-constables"]
text = "Chief constables should review every open case."
"""


@pytest.fixture
def draft_path(tmp_path: Path) -> Path:
    path = tmp_path / "stalking.toml"
    save_draft(path, parse_draft(DRAFT).draft)
    return path


def _refused(draft_path: Path, reply: Path) -> str:
    before = draft_path.read_bytes()
    err = io.StringIO()
    with redirect_stderr(err):
        status = main(["consult", str(draft_path), "--reply", str(reply), "--today", "2025-06-20"])
    assert status == 2
    assert draft_path.read_bytes() == before  # nothing changed
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1 and str(reply) in lines[0] and "Traceback" not in lines[0]
    return lines[0]


def test_a_file_that_is_not_a_word_document(draft_path: Path, tmp_path: Path) -> None:
    reply = tmp_path / "reply.pdf"
    reply.write_bytes(b"%PDF-1.7")
    assert "not a Word .docx file" in _refused(draft_path, reply)


def test_a_damaged_word_document(draft_path: Path, tmp_path: Path) -> None:
    reply = tmp_path / "reply.docx"
    reply.write_bytes(b"PK\x03\x04 this zip was cut short")
    assert "cannot be read as a Word document" in _refused(draft_path, reply)


def test_the_request_sent_back_unanswered(draft_path: Path, tmp_path: Path) -> None:
    reply = tmp_path / "request.docx"
    reply.write_bytes(build_request(load_draft(draft_path).draft, date(2025, 7, 7)))
    assert "no answers in it" in _refused(draft_path, reply)


def test_a_reply_to_another_report_by_its_title(draft_path: Path, tmp_path: Path) -> None:
    other = parse_draft(DRAFT.replace("Police response to stalking", "Custody inspection")).draft
    reply = tmp_path / "custody reply.docx"
    document = Document(io.BytesIO(build_request(other, None)))
    fill_box(document, "s55tui:recommendation:1", [("", [("Agreed.", "")])])
    document.save(str(reply))
    assert "Custody inspection" in _refused(draft_path, reply)


def test_a_reply_naming_items_this_draft_does_not_have(draft_path: Path, tmp_path: Path) -> None:
    reply = tmp_path / "retyped.docx"
    write_fresh_reply(reply, [("Heading 2", "Recommendation 7"), ("", "Agreed in full.")])
    assert "Recommendation 7, which this draft does not have" in _refused(draft_path, reply)
