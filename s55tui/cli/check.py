"""Say what a draft still needs: every missing response, placeholder and unticked box.

Exit status: 0 when the draft is ready to publish, 1 when something required is missing or a
placeholder ("TBC") is left in, 2 when the file cannot be read. Other warnings and reminders
never change the exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from s55tui.completeness import MISSING, REMINDER, WARNING, CheckResult, check, verdict
from s55tui.consultation import consultation_state
from s55tui.deadline import long_date
from s55tui.draftfile import load_draft
from s55tui.model import Draft
from s55tui.progress import progress
from s55tui.vocab import REPORT_TYPES

_HEADINGS = {MISSING: "Missing", WARNING: "Warnings", REMINDER: "Reminders"}


def run(options: argparse.Namespace) -> int:
    """``s55tui check DRAFT [--json] [--today DATE]``."""
    loaded = load_draft(options.draft)
    result = check(loaded.draft, options.today)
    if options.json:
        print(json.dumps(as_json(str(options.draft), loaded.draft, result, loaded.warnings), indent=2))
    else:
        for warning in loaded.warnings:
            print(f"s55tui: warning: {options.draft}: {warning}", file=sys.stderr)
        print(as_text(str(options.draft), loaded.draft, result))
    return 0 if result.ready else 1


def as_text(source: str, draft: Draft, result: CheckResult) -> str:
    """The report an officer reads: the draft, its deadline, then findings by severity."""
    report = draft.report
    lines = [f"{source}: {report.title or '(no title)'}"]
    kind = REPORT_TYPES.get(report.type, report.type)
    if report.published and result.deadline:
        due = result.deadline
        lines.append(f"{kind}, published {long_date(report.published, weekday=True)}")
        lines.append(f"Last day: {long_date(due.last_day, weekday=True)} ({_days(due.days_left)})")
    consulted = consultation_state(draft, result.today)
    if consulted.invited or consulted.received:
        words = consulted.summary
        lines.append(words[0].upper() + words[1:])
    done = progress(draft)
    owed, written = done.owed, done.written
    lines.append(f"Responses written: {written} of {owed} owed, across {_count(len(draft.items), 'item')}")
    for severity in (MISSING, WARNING, REMINDER):
        found = result.of(severity)
        if found:
            lines += ["", f"{_HEADINGS[severity]} ({len(found)}):"]
            lines += [f"  {finding}" for finding in found]
    lines.append("")
    lines.append(verdict(result))
    return "\n".join(lines)


def as_json(source: str, draft: Draft, result: CheckResult, warnings: list[str]) -> dict[str, Any]:
    """The same report for scripts: stable keys, ISO dates."""
    due = result.deadline
    done = progress(draft)
    owed, written = done.owed, done.written
    return {
        "file": source,
        "title": draft.report.title,
        "type": draft.report.type,
        "ready": result.ready,
        "deadline": None
        if due is None
        else {
            "published": due.published.isoformat(),
            "last_day": due.last_day.isoformat(),
            "today": due.today.isoformat(),
            "days_left": due.days_left,
            "state": due.state,
        },
        "consultation": _consultation_json(draft, result),
        "responses": {"owed": owed, "written": written},
        "findings": [
            {"severity": f.severity, "where": f.where, "message": f.message, "field": f.field}
            for f in result.findings
        ],
        "file_warnings": warnings,
    }


def _consultation_json(draft: Draft, result: CheckResult) -> dict[str, Any]:
    consulted = consultation_state(draft, result.today)

    def iso(day: date | None) -> str | None:
        return None if day is None else day.isoformat()

    return {
        "sent_to": draft.consultation.sent_to,
        "invited": iso(consulted.invited),
        "reply_by": iso(consulted.due),
        "received": iso(consulted.received),
        "overdue": consulted.overdue,
    }


def _days(left: int) -> str:
    if left < 0:
        return f"passed {_count(-left, 'day')} ago"
    return "today" if left == 0 else f"{_count(left, 'day')} left"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
