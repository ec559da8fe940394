"""What a draft still owes before it can be published: the rules of s.55 made checkable.

Findings come in three severities. ``missing`` is something the law or the addressees
require (a recommendation with no position, a response an addressee owes, the overall
comments); a draft with any is not ready, and ``s55tui check`` exits 1. ``warning`` is
something an officer should look at (placeholder text, a deadline on a bank holiday); a
placeholder ("TBC") is a warning that also keeps the draft from being ready, since it must
never be published.
``reminder`` is a checklist box not yet ticked, which is normal until the response is out.
Each finding names its place as the officer knows it ("Recommendation 4") and as the file
does (``items[4].cc_response``), so the app can jump straight to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from s55tui.consultation import consultation_state, reply_by_problem
from s55tui.deadline import Deadline, deadline
from s55tui.model import Draft, Item

MISSING = "missing"
WARNING = "warning"
REMINDER = "reminder"

_PLACEHOLDER = re.compile(r"\b(?:TODO|TBC|TBA|XXX+)\b|\[\s*insert[^\]]*\]", re.IGNORECASE)
# Text with none of these once case-folded cannot hold a placeholder ("nsert", as the i of
# "[insert" may be a dotted or dotless one): looking for them takes microseconds where the
# pattern's case-blind search took 90 (0.3 s of the check at 1,000 items).
_PLACEHOLDER_WORDS = ("todo", "tbc", "tba", "xxx", "nsert")


def find_placeholder(text: str) -> str:
    """The first placeholder in ``text`` ("TBC", "[insert date]"), or ""."""
    folded = text.casefold()  # as the pattern's IGNORECASE matches, for these letters
    if not any(word in folded for word in _PLACEHOLDER_WORDS):
        return ""
    match = _PLACEHOLDER.search(text)
    return match.group(0) if match else ""


@dataclass(frozen=True)
class Finding:
    """One thing the check found, fit to print on a line or to link to in the app."""

    severity: str
    where: str
    message: str
    field: str = ""
    blocks: bool = False  # keeps the draft from being ready, though only a warning (a "TBC")

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class CheckResult:
    """The whole check of a draft: its findings and its deadline."""

    findings: list[Finding]
    deadline: Deadline | None
    today: date = field(default_factory=date.today)  # the day the check was made for

    def of(self, severity: str) -> list[Finding]:
        """The findings of one severity, in the order of the draft."""
        return [f for f in self.findings if f.severity == severity]

    @property
    def ready(self) -> bool:
        """True when nothing required is missing and no placeholder is left to publish."""
        return not any(f.severity == MISSING or f.blocks for f in self.findings)


def counted(number: int, word: str) -> str:
    """ "1 warning", "2 warnings", "no warnings": a count in words that agree with it."""
    if number == 0:
        return f"no {word}s"
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def verdict(result: CheckResult) -> str:
    """Whether the draft can be published, in a sentence: the review's and ``check``'s last line."""
    missing = len(result.of(MISSING))
    placeholders = sum(1 for f in result.findings if f.blocks)
    if not missing and not placeholders:
        return "Ready to publish: nothing required is missing."
    why = []
    if missing:
        why.append(f"{counted(missing, 'thing')} missing")
    if placeholders:
        why.append(f"{counted(placeholders, 'placeholder')} (such as TBC) left in")
    return f"Not ready: {' and '.join(why)}."


def check(draft: Draft, today: date | None = None) -> CheckResult:
    """Check a draft against every rule; ``today`` is fixed by tests."""
    findings: list[Finding] = []
    findings += _overall(draft)
    for index, item in enumerate(draft.items, start=1):
        findings += _item(item, index)
    findings += _placeholders(draft)
    findings += _checklist(draft)
    due = None
    if draft.report.published:
        due = deadline(draft.report.published, today)
        if draft.response.published is None:  # once the response is out, the deadline is history
            findings += [Finding(WARNING, "Deadline", text, "report.published") for text in due.warnings]
    today = today or date.today()
    findings += _consultation(draft, today)
    return CheckResult(findings, due, today)


def _consultation(draft: Draft, today: date) -> list[Finding]:
    """A reply-by date the comments could not be published by, or comments that are late."""
    out: list[Finding] = []
    chosen = draft.consultation.reply_by
    problem = reply_by_problem(draft, chosen) if chosen else ""
    if problem:
        out.append(Finding(WARNING, "Consultation", f"reply-by date {problem}", "consultation.reply_by"))
    state = consultation_state(draft, today)
    if state.overdue:
        out.append(Finding(WARNING, "Consultation", f"{state.summary} (s.55(4))", "consultation.received"))
    return out


def _overall(draft: Draft) -> list[Finding]:
    """The parts of the response that every report needs, items or not."""
    out: list[Finding] = []
    if not draft.report.title.strip():
        out.append(Finding(MISSING, "Report", "no title", "report.title"))
    if not draft.report.published:
        out.append(Finding(MISSING, "Report", "no publication date, so no deadline", "report.published"))
    if not draft.report.summary.strip():
        out.append(Finding(MISSING, "Key findings", "no summary of the report", "report.summary"))
    resp = draft.response
    if not resp.cc_comments.strip():
        out.append(
            Finding(MISSING, "Chief constable's comments", "not written (s.55(5)(b))", "response.cc_comments")
        )
    if not resp.pcc_comments.strip():
        out.append(
            Finding(MISSING, "Commissioner's comments", "not written (s.55(5)(a))", "response.pcc_comments")
        )
    if not resp.pcc_reply.strip() and resp.cc_comments.strip():
        out.append(
            Finding(
                WARNING,
                "Commissioner's reply",
                "no response to the chief constable's comments (s.55(5)(c)); "
                "fine if the commissioner's comments already give it",
                "response.pcc_reply",
            )
        )
    if not draft.items:
        out.append(
            Finding(
                WARNING, "Items", "the draft has no recommendations or areas for improvement yet", "items"
            )
        )
    return out


def _item(item: Item, index: int) -> list[Finding]:
    """The answers one item owes, by who it is addressed to."""
    where = item.label or f"Item {index}"
    path = f"items[{index}]"
    out: list[Finding] = []
    has_cc = bool(item.cc_response.strip())
    has_pcc = bool(item.pcc_response.strip())
    if not item.to:
        out.append(Finding(MISSING, where, "no addressee: say who it is for", f"{path}.to"))
    if item.no_local_action:
        if not (has_cc or has_pcc):
            out.append(
                Finding(WARNING, where, "marked no local action without saying why", f"{path}.pcc_response")
            )
        return out
    if item.owes_cc and not has_cc:
        out.append(Finding(MISSING, where, "no chief constable response", f"{path}.cc_response"))
    if item.owes_pcc and not has_pcc:
        if "national" in item.to and not (set(item.to) - {"national"}):
            message = 'no commissioner position on a national recommendation ("no local action" is one)'
        else:
            message = "no commissioner response"
        out.append(Finding(MISSING, where, message, f"{path}.pcc_response"))
    if not item.to and item.kind == "recommendation" and not (has_cc or has_pcc):
        out.append(
            Finding(
                MISSING,
                where,
                "no position: say what will be done, or why nothing (s.55(5B))",
                f"{path}.pcc_response",
            )
        )
    return out


def _placeholders(draft: Draft) -> list[Finding]:
    """Text left for later ("TBC", "[insert date]") that must not be published."""
    places: list[tuple[str, str, str]] = [
        ("Key findings", "report.summary", draft.report.summary),
        ("Chief constable's comments", "response.cc_comments", draft.response.cc_comments),
        ("Commissioner's comments", "response.pcc_comments", draft.response.pcc_comments),
        ("Commissioner's reply", "response.pcc_reply", draft.response.pcc_reply),
    ]
    for index, item in enumerate(draft.items, start=1):
        where = item.label or f"Item {index}"
        places += [
            (where, f"items[{index}].text", item.text),
            (where, f"items[{index}].cc_response", item.cc_response),
            (where, f"items[{index}].pcc_response", item.pcc_response),
        ]
    out = []
    for where, path, text in places:
        found = find_placeholder(text)
        if found:
            message = f"placeholder text left in: {found!r}"
            out.append(Finding(WARNING, where, message, path, blocks=True))
    return out


def _checklist(draft: Draft) -> list[Finding]:
    """Checklist boxes not yet ticked: reminders, not faults."""
    return [
        Finding(REMINDER, "Checklist", f"not done yet: {entry.label}", f"checklist[{index}]")
        for index, entry in enumerate(draft.checklist, start=1)
        if not entry.done
    ]
