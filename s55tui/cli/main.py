"""Argument parsing and dispatch for ``s55tui``; each command lives in its own module.

Every expected failure is an ``S55Error`` whose one-line message is printed to stderr with
exit status 2. A bare ``s55tui`` or ``s55tui DRAFT.toml`` opens the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from s55tui import __version__
from s55tui.errors import S55Error
from s55tui.vocab import REPORT_TYPES

COMMANDS = ("check", "new", "open", "import", "export", "templates", "consult", "tracker", "update")
EXIT_INVALID = 2
OPTIONS_WITH_VALUE = ("--profile", "--drafts", "--today")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = _first_word(args)
    if first is not None and first not in COMMANDS and not _looks_like_a_draft(first):
        names = ", ".join(COMMANDS)
        print(f"s55tui: {first}: no such command or draft file (commands: {names})", file=sys.stderr)
        return EXIT_INVALID
    if first is not None and first not in COMMANDS:
        args.insert(args.index(first), "open")  # `s55tui DRAFT.toml` means open it
    elif first is None and not any(a in ("-h", "--help", "--version") for a in args):
        args.append("open")
    parser = build_parser()
    options = parser.parse_args(args)
    try:
        return options.run(options)
    except S55Error as error:
        print(f"s55tui: {error}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `s55tui check ... | head`: the reader has gone; so do we, quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
        return 141


def _first_word(args: list[str]) -> str | None:
    """The first argument that is not an option or an option's value: a command or a draft."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _looks_like_a_draft(word: str) -> bool:
    """A word that names a file (or would): so `s55tui chek` is a typo, not a missing draft."""
    return word.endswith(".toml") or Path(word).exists() or "/" in word or "\\" in word


def iso_date(text: str) -> date:
    """An argparse type for YYYY-MM-DD dates with a message an officer understands."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date like 2020-12-17, found {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command, with help written for officers."""
    from s55tui.cli import check, new, open_app

    parser = argparse.ArgumentParser(
        prog="s55tui",
        description="Draft Section 55 responses to HMICFRS inspection reports.",
        epilog="Run 's55tui COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"s55tui {__version__}")
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="office profile to use (default: ./s55tui.toml, then the one in your config folder)",
    )
    parser.add_argument(
        "--drafts",
        type=Path,
        metavar="DIR",
        help="drafts folder the app opens on (default: the profile's, else ./drafts)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    opener = commands.add_parser(
        "open", help="open the drafting app (the default command)", description=open_app.__doc__
    )
    opener.add_argument("draft", nargs="?", type=Path, metavar="DRAFT", help="a draft file to open")
    opener.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    opener.set_defaults(run=open_app.run)

    checker = commands.add_parser(
        "check",
        help="say what a draft still needs before it can be published",
        description=check.__doc__,
    )
    checker.add_argument("draft", type=Path, metavar="DRAFT", help="the draft file to check")
    checker.add_argument("--json", action="store_true", help="print the report as JSON")
    checker.add_argument(
        "--today", type=iso_date, metavar="YYYY-MM-DD", help="count the days left from this date"
    )
    checker.set_defaults(run=check.run)

    maker = commands.add_parser(
        "new", help="start a new draft, filled from the office profile", description=new.__doc__
    )
    maker.add_argument("draft", type=Path, metavar="DRAFT", help="the file to create (never overwritten)")
    maker.add_argument("--title", required=True, help="the report's title, as printed")
    maker.add_argument(
        "--published", required=True, type=iso_date, metavar="YYYY-MM-DD", help="the day it was published"
    )
    maker.add_argument("--type", default="other", choices=list(REPORT_TYPES), help="the kind of report")
    maker.add_argument("--url", default="", help="where the report is published")
    maker.add_argument(
        "--today",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="say whether the last day has passed as of this date",
    )
    maker.set_defaults(run=new.run)

    from s55tui.cli import import_cmd

    importer = commands.add_parser(
        "import",
        help="bring a report's recommendations and areas for improvement into a draft",
        description=import_cmd.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    importer.add_argument(
        "source",
        metavar="SOURCE",
        help="the report: .txt, .md, .docx, .pdf or a saved .html page, its web address, or - to paste",
    )
    importer.add_argument("--into", type=Path, metavar="DRAFT", help="the draft to add the items to")
    importer.add_argument("--dry-run", action="store_true", help="show what would change; save nothing")
    importer.add_argument("--json", action="store_true", help="print the items found as JSON")
    importer.add_argument("--yes", "-y", action="store_true", help="add to the draft without asking")
    importer.set_defaults(run=import_cmd.run)

    from s55tui.cli import consult_cmd, export_cmd, templates_cmd, tracker_cmd, update_cmd

    export_cmd.add_parser(commands)
    templates_cmd.add_parser(commands)
    consult_cmd.add_parser(commands)
    tracker_cmd.add_parser(commands)
    update_cmd.add_parser(commands)
    return parser
