"""Every recommendation of every draft in a folder, most urgent first: the panel's tracker.

One row per item of every draft under DIR (at any depth): report, published, item, who it is
addressed to, due date, status, last update and its date, days open, and a RAG rating (red:
past its due date and not closed; amber: due within 30 days, or no update for 90 days since
the response was published; green otherwise). A draft that cannot be read is listed with
the reason, and the rest still appear.

--format table prints it here; csv, md and html print the text (or write it with -o); xlsx
writes a spreadsheet (tracker.xlsx unless -o names the file).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from s55tui.errors import S55Error
from s55tui.tracker import FORMATS


class TrackerError(S55Error):
    """A tracker that cannot be made or written as asked."""


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``tracker`` command and its options."""
    from s55tui.cli.main import iso_date

    parser = commands.add_parser(
        "tracker",
        help="every recommendation of every draft in a folder, most urgent first",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="the drafts folder")
    parser.add_argument("--format", choices=FORMATS, default="table", help="how to write it (default: table)")
    parser.add_argument("--open", action="store_true", help="only the items not yet closed")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to FILE")
    parser.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="rate as of this date")
    parser.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui tracker [DIR] [--format ...] [--open] [-o FILE]``."""
    from s55tui.profile import load_profile
    from s55tui.tracker import tracker_rows
    from s55tui.tracker_formats import as_csv, as_html, as_markdown, as_table, as_xlsx

    folder = options.folder
    if folder is None:
        profile = load_profile(options.profile)
        folder = options.drafts or profile.drafts or Path("drafts")
    if not folder.is_dir():
        raise TrackerError(f"{folder}: no such folder")
    today = options.today or date.today()
    rows = tracker_rows(folder, today, open_only=options.open)
    fmt = options.format
    if fmt == "table":
        from rich.console import Console

        if options.output is not None:
            raise TrackerError(
                f"{options.output}: the table is for the screen; use --format csv, md, html or xlsx"
            )
        console = Console()
        console.print(as_table(rows, console.width))
        return 0
    if fmt == "xlsx":
        target = options.output or Path("tracker.xlsx")
        _write(target, as_xlsx(rows, today))
        print(f"Wrote {target}: {len(rows)} rows.")
        return 0
    text = as_csv(rows) if fmt == "csv" else as_markdown(rows, today) if fmt == "md" else as_html(rows, today)
    if options.output is None:
        sys.stdout.write(text)
    else:
        _write(options.output, text.encode("utf-8"))
        print(f"Wrote {options.output}: {len(rows)} rows.")
    return 0


def _write(target: Path, data: bytes) -> None:
    from s55tui.draftfile.atomic import write_bytes_atomic

    write_bytes_atomic(target, data, backup=False, error=TrackerError)
