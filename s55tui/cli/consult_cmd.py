"""Consult the chief constable (s.55(4)): write the request as Word, then read the reply back.

Without --reply, writes the request: a covering note with the reply-by date, every item the
chief constable must answer with a box for the answer (already holding any answer the draft
has), and a box for the overall comments. The draft records the day it was sent (invited)
and the reply-by date: the one given with --reply-by, else three weeks before the last day.

With --reply FILE.docx, reads the returned document and shows, item by item, what it will
fill. Only empty responses are filled; where the draft already has a different answer both
are shown and the draft's is kept, unless --replace. The day it was read is recorded
(received).

Exit status: 0 when done, 2 when the draft or the reply cannot be used (nothing is changed).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from s55tui.deadline import long_date
from s55tui.errors import S55Error

if TYPE_CHECKING:  # the rest is imported when the command runs: every command's parser is built
    from s55tui.consult.fill import Plan
    from s55tui.model import Draft


class ConsultError(S55Error):
    """A consultation that cannot be done as asked."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``consult`` command and its options."""
    from s55tui.cli.main import iso_date

    parser = commands.add_parser(
        "consult",
        help="write the request for the chief constable's comments as Word, or read the reply",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE.docx", help="where to write the request")
    parser.add_argument(
        "--reply-by", type=iso_date, metavar="YYYY-MM-DD", help="the date the comments are due back"
    )
    parser.add_argument("--to", default="", help="who the request goes to (default: the chief constable)")
    parser.add_argument("--reply", type=Path, metavar="FILE.docx", help="read the chief constable's reply")
    parser.add_argument("--replace", action="store_true", help="put in answers that differ from the draft's")
    parser.add_argument("--dry-run", action="store_true", help="show what would change; save nothing")
    parser.add_argument("--yes", "-y", action="store_true", help="do not ask before sending again")
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui consult DRAFT [-o FILE.docx] [--reply FILE.docx] ...``."""
    from s55tui.draftfile import load_draft

    loaded = load_draft(options.draft)
    for warning in loaded.warnings:
        print(f"s55tui: warning: {options.draft}: {warning}", file=sys.stderr)
    today = options.today or date.today()
    if options.reply is not None:
        return _read(options, loaded.draft, today)
    return _write(options, loaded.draft, today)


def request_path(draft_path: Path) -> Path:
    """Where the request goes by default: beside the draft, named after it."""
    return draft_path.with_name(f"{draft_path.stem} - request for comments.docx")


def _write(options: argparse.Namespace, draft: Draft, today: date) -> int:
    from s55tui.consult.request import build_request, cc_title, consulted_items
    from s55tui.consultation import default_reply_by, reply_by, reply_by_passed, reply_by_problem
    from s55tui.draftfile import save_draft

    if not consulted_items(draft):
        print(
            f"{options.draft}: no item is addressed to the chief constable; the request asks for "
            "the overall comments only"
        )
    consultation = draft.consultation
    if options.reply_by is not None:
        problem = reply_by_problem(draft, options.reply_by)
        if problem:
            raise ConsultError(f"{options.draft}: --reply-by {problem}")
        consultation.reply_by = options.reply_by
    elif consultation.reply_by is None and draft.report.published is not None:
        consultation.reply_by = default_reply_by(draft.report.published)
    if consultation.invited is not None and consultation.invited != today and not _again(options, draft):
        print(f"Kept the date it was first sent, {long_date(consultation.invited)}.")
    else:
        consultation.invited = today
    consultation.sent_to = options.to or consultation.sent_to or _chief(draft)
    target = options.output or request_path(options.draft)
    if target.suffix.lower() != ".docx":
        raise ConsultError(f"{target}: the request is a Word file; give a name ending .docx")
    from s55tui.profile import load_profile

    profile = load_profile(options.profile)  # the office's letterhead, as its exports use
    data = build_request(draft, reply_by(draft), profile.letterhead)
    passed = reply_by_passed(draft, today)
    if passed:
        print(f"s55tui: warning: {options.draft}: {passed}", file=sys.stderr)
    if options.dry_run:
        print(f"Would write {target} ({len(consulted_items(draft))} items) and record it as sent today.")
        return 0
    from s55tui.draftfile.atomic import write_bytes_atomic

    write_bytes_atomic(target, data)
    save_draft(options.draft, draft, loaded_from=options.draft)
    due = reply_by(draft)
    print(f"Wrote {target}: {len(consulted_items(draft))} items for the {cc_title(draft)} to answer.")
    if due is not None:
        print(f"Comments due back by {long_date(due, weekday=True)}; recorded in {options.draft}.")
    return 0


def _chief(draft: Draft) -> str:
    office = draft.office
    return " ".join(part for part in (office.cc_title or "Chief Constable", office.cc_name) if part)


def _again(options: argparse.Namespace, draft: Draft) -> bool:
    """Whether to record the request as sent again today, when it was sent before."""
    if options.yes:
        return True
    sent = long_date(draft.consultation.invited) if draft.consultation.invited else ""
    if not sys.stdin.isatty():
        return False
    answer = input(f"The request was sent on {sent}. Record it as sent again today? [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def _read(options: argparse.Namespace, draft: Draft, today: date) -> int:
    from s55tui.consult.fill import apply, plan
    from s55tui.consult.reply import read_reply
    from s55tui.draftfile import save_draft

    reply = read_reply(options.reply, draft)
    chosen = plan(draft, reply, replace=options.replace)
    print(plan_text(chosen, options.reply, by_boxes=reply.by_boxes, dry_run=options.dry_run))
    if options.dry_run:
        return 0
    apply(draft, chosen, today)
    save_draft(options.draft, draft, loaded_from=options.draft)
    received = draft.consultation.received or today
    print(f"\nSaved {options.draft}; the reply is recorded as received {long_date(received)}.")
    return 0


def plan_text(chosen: Plan, source: Path, *, by_boxes: bool, dry_run: bool) -> str:
    """The plan item by item, as the import preview shows it."""
    from s55tui.consult.fill import DIFFERS, EMPTY, FILL, SAME

    how = "its boxes" if by_boxes else "the headings that name each item (no boxes were left in it)"
    lines = [f"{source}: read from {how}."]
    will = "Would" if dry_run else "Will"
    for answer in chosen.answers:
        note = " (not addressed to the chief constable: check it belongs)" if answer.unasked else ""
        if answer.action == FILL:
            lines.append(f"  {answer.label}{note}: {will.lower()} fill: {_first_words(answer.text)}")
        elif answer.action == SAME:
            lines.append(f"  {answer.label}: already in the draft")
        elif answer.action == EMPTY:
            lines.append(f"  {answer.label}: left empty in the reply")
        elif answer.action == DIFFERS and answer.replace:
            lines.append(f"  {answer.label}: {will.lower()} replace the draft's answer with the reply's:")
            lines += [
                f"      draft: {_first_words(answer.current)}",
                f"      reply: {_first_words(answer.text)}",
            ]
        else:
            lines.append(
                f"  {answer.label}: differs from the draft's answer, which is kept "
                "(--replace to take the reply's):"
            )
            lines += [
                f"      draft: {_first_words(answer.current)}",
                f"      reply: {_first_words(answer.text)}",
            ]
    if chosen.unplaced:
        lines.append(
            f"Not placed ({len(chosen.unplaced)}): text under no item's heading; "
            "copy it in by hand if it belongs:"
        )
        lines += [f"  {_first_words(text, 200)}" for text in chosen.unplaced]
    return "\n".join(lines)


def _first_words(text: str, width: int = 72) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
