"""Record progress after publication: an update on one item, or the day the response was published.

  s55tui update DRAFT "Recommendation 4" --status complete --text "New policy in force."
  s55tui update DRAFT --published 2021-02-09

An update is appended to the item's history (never replacing one), dated today unless --on
says otherwise; the item's status becomes the update's. ITEM is the item as officers name it
("Recommendation 4", "AFI 2", "cause of concern 1"). The statuses are open, in-progress,
complete, no-further-action and superseded.

Exit status: 0 when saved, 2 when the draft cannot be read or the item is not in it.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from s55tui.errors import S55Error
from s55tui.vocab import ITEM_KINDS, UPDATE_STATUSES

if TYPE_CHECKING:  # the rest is imported when the command runs: every command's parser is built
    from s55tui.model import Draft, Item

_KINDS = {
    "recommendation": "recommendation",
    "rec": "recommendation",
    "cause of concern": "cause-of-concern",
    "coc": "cause-of-concern",
    "area for improvement": "area-for-improvement",
    "afi": "area-for-improvement",
}


class UpdateError(S55Error):
    """An update that cannot be recorded as asked."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``update`` command and its options."""
    from s55tui.cli.main import iso_date

    parser = commands.add_parser(
        "update",
        help="record progress on an item after publication, or the day the response was published",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft")
    parser.add_argument("item", nargs="?", metavar="ITEM", help='the item, as "Recommendation 4"')
    parser.add_argument("--status", choices=list(UPDATE_STATUSES), help="the item's status now")
    parser.add_argument("--text", help="what has been done")
    parser.add_argument(
        "--on", type=iso_date, metavar="YYYY-MM-DD", help="the update's date (default: today)"
    )
    parser.add_argument("--evidence", action="append", default=[], metavar="LINK", help="a link or file name")
    parser.add_argument(
        "--published", type=iso_date, metavar="YYYY-MM-DD", help="the day the response was published"
    )
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui update DRAFT [ITEM --status S --text T] [--published DATE]``."""
    from s55tui.draftfile import load_draft, save_draft
    from s55tui.model import Update

    if options.item is None and options.published is None:
        raise UpdateError(f"{options.draft}: name an ITEM with --status and --text, or give --published DATE")
    loaded = load_draft(options.draft)
    draft = loaded.draft
    said = []
    if options.published is not None:
        draft.response.published = options.published
        said.append(f"the response as published on {options.published.isoformat()}")
    if options.item is not None:
        if not options.status or not (options.text or "").strip():
            raise UpdateError(f"{options.draft}: an update needs --status and --text")
        item = find_item(draft, options.item, options.draft)
        item.updates.append(
            Update(options.on or date.today(), options.status, options.text.strip(), list(options.evidence))
        )
        item.status = item.current_status
        said.append(f"an update on {item.label} ({options.status})")
    save_draft(options.draft, draft, loaded_from=options.draft)
    print(f"Saved {options.draft}: {' and '.join(said)}.")
    return 0


def find_item(draft: Draft, name: str, source: Path) -> Item:
    """The item ``name`` names ("Recommendation 4", "afi 2"), or a one-line error listing them."""
    found = re.fullmatch(r"\s*([a-z ]+?)\s*(?:no\.?\s*)?([0-9]+(?:\.[0-9]+)*[a-z]?)\s*", name.lower())
    kind = _KINDS.get(found.group(1).strip()) if found else None
    if found and kind in ITEM_KINDS:
        number = found.group(2)
        for item in draft.items:
            if item.kind == kind and item.number.lower().replace(" ", "") == number:
                return item
    names = ", ".join(item.label for item in draft.items) or "none"
    raise UpdateError(f"{source}: no item “{name}” in this draft (its items: {names})")
