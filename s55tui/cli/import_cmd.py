"""Bring the recommendations, causes of concern and areas for improvement in from the report.

SOURCE is the report (or a response that quotes it) as .txt, .md, .docx or .pdf, or '-' to
paste its text. What was found is shown first, with anything that could not be placed.
With --into, the items are merged into a draft by kind and number: new ones are added,
empty fields are filled, and responses already written are never touched.

Exit status: 0 when items were found, 1 when none were, 2 when the source or the draft
cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from s55tui.deadline import long_date

if TYPE_CHECKING:  # the importer is loaded when the command runs: every command's parser is built
    from s55tui.importer import ImportResult
    from s55tui.importer.merge import MergeReport
    from s55tui.model import Item

_ADDRESSED_BY = {
    "heading": "",
    "intro": " (from the line above it)",
    "text": " (from its text)",
    "context": " (from the text above the list)",
    "": ": fill in",
}
_FIRST_WORDS = 72


def run(options: argparse.Namespace) -> int:
    """``s55tui import SOURCE [--into DRAFT] [--dry-run] [--json] [--yes]``."""
    from s55tui.draftfile import load_draft, save_draft
    from s55tui.importer import recognise
    from s55tui.importer.merge import merge
    from s55tui.importer.sources import STDIN, read_source

    if options.source == STDIN and sys.stdin.isatty():
        print("Paste the report's text, then press Ctrl-D (Ctrl-Z, Enter on Windows).", file=sys.stderr)
    source = read_source(options.source)
    loaded = load_draft(options.into) if options.into is not None else None
    published = loaded.draft.report.published if loaded is not None else None
    result = recognise(source.text, source.label, published)
    out = sys.stderr if options.json else sys.stdout
    if options.json:
        print(json.dumps(as_json(result.items), indent=2, ensure_ascii=False))
    print(as_text(result, whole=options.dry_run), file=out)
    if not result.found:
        return 1
    if loaded is None:
        print(
            f"\nNothing was added. To add these to a draft: s55tui import {options.source} --into DRAFT",
            file=out,
        )
        return 0
    for warning in loaded.warnings:
        print(f"s55tui: warning: {options.into}: {warning}", file=sys.stderr)
    report = merge(loaded.draft, result.items)
    print("", file=out)
    print(merge_text(report, str(options.into), dry_run=options.dry_run), file=out)
    if options.dry_run or not report.changed:
        return 0
    if not options.yes and not _confirmed(str(options.into), options.source == STDIN):
        print("Nothing was added.", file=out)
        return 0
    save_draft(options.into, loaded.draft, loaded_from=options.into)
    print(f"Saved {options.into}.", file=out)
    return 0


def as_json(items: list[Item]) -> list[dict[str, Any]]:
    """The items for scripts, with the draft file's own keys and spellings."""
    return [
        {
            "kind": item.kind,
            "number": item.number,
            "to": list(item.to),
            "text": item.text,
            "notes": item.notes,
            "intro": item.intro,
            "due": item.due.isoformat() if item.due else None,
            "cc_response": item.cc_response,
            "pcc_response": item.pcc_response,
        }
        for item in items
    ]


def as_text(result: ImportResult, whole: bool = False) -> str:
    """What was found, one item to two lines (``whole``: each item's text and the answers
    found after it in full, as a dry run shows what would be added), then what could not be
    placed or is in doubt."""
    from s55tui.importer.addressees import describe

    if not result.found:
        lines = [f"No recommendations, causes of concern or areas for improvement found in {result.source}."]
    else:
        lines = [f"Found {_count(len(result.found), 'item')} in {result.source}:"]
        for found in result.found:
            item = found.item
            due = f"; due {long_date(item.due)}" if item.due else ""
            lines.append(f"  {item.label}: to {describe(item.to)}{_ADDRESSED_BY[found.addressed_by]}{due}")
            if whole:
                lines += _whole(item)
                continue
            lines.append(f"      {_first_words(item.text)}")
            if item.notes:
                lines.append(f"      with notes: {_first_words(item.notes, _FIRST_WORDS - 12)}")
            answers = (("chief constable's", item.cc_response), ("commissioner's", item.pcc_response))
            for who, answer in answers:
                if answer:  # text after the item in another voice: offered, never part of the item
                    start = _first_words(answer, _FIRST_WORDS - 34)
                    lines.append(f"      answered, as the {who} response: {start}")
    for heading, notes in (("Could not place", result.unplaced), ("Check", result.doubts)):
        if notes:
            lines += ["", f"{heading} ({len(notes)}):"]
            lines += [f"  {note}" for note in notes]
    return "\n".join(lines)


def _whole(item: Item) -> list[str]:
    """An item's text, notes and the answers found after it, each line indented under it."""
    lines: list[str] = []
    for heading, words in (
        ("", item.text or "(no text)"),
        ("notes:", item.notes),
        ("answered, as the chief constable's response:", item.cc_response),
        ("answered, as the commissioner's response:", item.pcc_response),
    ):
        if words:
            lines += [f"      {heading}"] if heading else []
            lines += [f"      {line}".rstrip() for line in words.split("\n")]
    return lines


def merge_text(report: MergeReport, draft: str, *, dry_run: bool) -> str:
    """What the merge did to the draft, item by item where it matters."""
    from s55tui.importer.merge import named

    verb = "Would add" if dry_run else "Adding"
    lines = [f"{verb} to {draft}: {_count(len(report.added), 'new item')}"]
    for item in report.added:
        lines.append(f"  + {item.label}")
    for item, fields in report.filled:
        lines.append(f"  ~ {item.label}: filled in {named(fields)} (was empty)")
    for item, fields in report.differs:
        lines.append(f"  ! {item.label}: the draft's {named(fields)} differs from the text; kept the draft's")
    if report.unchanged:
        labels = ", ".join(item.label for item in report.unchanged)
        lines.append(f"  = already in the draft, unchanged: {labels}")
    lines.append("Responses already written are never changed.")
    if dry_run:
        lines.append("Dry run: the draft was not changed.")
    elif not report.changed:
        lines.append("Nothing to add: the draft already has all of these.")
    return "\n".join(lines)


def _confirmed(draft: str, stdin_used: bool) -> bool:
    """Ask before changing the draft when someone is at the keyboard; scripts pass --yes."""
    if stdin_used or not (sys.stdin.isatty() and sys.stdout.isatty()):
        return True
    try:
        answer = input(f"Add these to {draft}? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _first_words(text: str, width: int = _FIRST_WORDS) -> str:
    flat = " ".join(text.split())
    if not flat:
        return "(no text)"
    return flat if len(flat) <= width else flat[: width - 1].rsplit(" ", 1)[0] + " …"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
