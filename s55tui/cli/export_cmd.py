"""Write the finished response as Markdown, Word and a web page, in the draft's house style.

The files go beside the draft with the same name (safe-to-share.md, .docx, .html) unless
-o names a folder or a file. Each file is written in one step: an error leaves the old file
as it was and never a half-written one. An office's own templates and letterhead .docx come
from its profile ('templates' and 'letterhead').
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from s55tui.draftfile import load_draft
from s55tui.profile import load_profile
from s55tui.render.export import FORMATS, ExportSettings, export


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``s55tui export``."""
    exporter = commands.add_parser(
        "export", help="write the response as Markdown, Word and a web page", description=__doc__
    )
    exporter.add_argument("draft", type=Path, metavar="DRAFT", help="the draft file to export")
    exporter.add_argument(
        "--format",
        default="all",
        choices=[*FORMATS, "all"],
        help="which file to write (default: all three)",
    )
    exporter.add_argument(
        "--template",
        metavar="NAME",
        help="the template to use instead of the draft's (see 's55tui templates')",
    )
    exporter.add_argument("-o", "--output", metavar="PATH", help="a folder, or a file name, to write to")
    exporter.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui export DRAFT [--format md|docx|html|all] [--template NAME] [-o PATH]``."""
    loaded = load_draft(options.draft)
    for warning in loaded.warnings:
        print(f"s55tui: warning: {options.draft}: {warning}", file=sys.stderr)
    profile = load_profile(options.profile)
    for warning in profile.warnings:
        print(f"s55tui: warning: {profile.source}: {warning}", file=sys.stderr)
    formats = list(FORMATS) if options.format == "all" else [options.format]
    settings = ExportSettings(templates=profile.templates, letterhead=profile.letterhead)
    for path in export(loaded.draft, options.draft, formats, options.template, options.output, settings):
        print(path)
    return 0
