"""Write the finished response as Markdown, Word and a web page, in the draft's house style.

The files go beside the draft with the same name (safe-to-share.md, .docx, .html) unless
-o names a folder or a file; in a house style other than the draft's own (--template) they
are named after it too (safe-to-share.record.docx), so they never replace the first. Each
file is written in one step: an error leaves the old file as it was and never a half-written
one. An office's own templates and letterhead .docx come from its profile ('templates' and
'letterhead').

What the check says is not ready to publish (a missing response, a placeholder such as TBC
left in, a checklist box not ticked where the house style prints the checklist) is printed
as a warning, a line each, and the files are still written; with --strict they are not, and
the exit status is 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from s55tui.render.formats import EVERY, FORMATS

if TYPE_CHECKING:  # the renderer is imported when the command runs: every command's parser is built
    from s55tui.completeness import Finding
    from s55tui.model import Draft


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
        help="which file to write (default: all: Markdown, Word, web page, and PDF where LibreOffice is)",
    )
    exporter.add_argument(
        "--template",
        metavar="NAME",
        help="the template to use instead of the draft's (see 's55tui templates')",
    )
    exporter.add_argument("-o", "--output", metavar="PATH", help="a folder, or a file name, to write to")
    exporter.add_argument(
        "--fragment",
        action="store_true",
        help="write the web page's text alone (NAME.fragment.html), to paste into your own site",
    )
    exporter.add_argument(
        "--strict",
        action="store_true",
        help="write nothing, and exit 1, if the draft is not ready to publish",
    )
    exporter.set_defaults(run=run)


def run(options: argparse.Namespace) -> int:
    """``s55tui export DRAFT [--format md|docx|html|all] [--template NAME] [-o PATH]``."""
    from s55tui.draftfile import load_draft
    from s55tui.profile import load_profile
    from s55tui.render.environment import prints_checklist
    from s55tui.render.export import ExportSettings, export
    from s55tui.render.pdf import how_to_get_a_pdf, libreoffice

    loaded = load_draft(options.draft)
    for warning in loaded.warnings:
        print(f"s55tui: warning: {options.draft}: {warning}", file=sys.stderr)
    profile = load_profile(options.profile)
    for warning in profile.warnings:
        print(f"s55tui: warning: {profile.source}: {warning}", file=sys.stderr)
    template = options.template or loaded.draft.response.template or "narrative"
    unready = not_ready(loaded.draft, prints_checklist(template, profile.templates))
    if unready and options.strict:
        for finding in unready:
            print(f"s55tui: error: {options.draft}: not ready to publish: {finding}", file=sys.stderr)
        print(f"s55tui: {options.draft}: nothing written (--strict)", file=sys.stderr)
        return 1
    formats = list(EVERY) if options.format == "all" else [options.format]
    if profile.letterhead and ("docx" in formats or "pdf" in formats):  # the Word file is built
        from s55tui.render.docx_document import base_warnings

        for warning in base_warnings(profile.letterhead):
            print(f"s55tui: warning: {warning}", file=sys.stderr)
    no_pdf = options.format == "all" and not libreoffice()
    if options.format == "all" and not no_pdf:
        formats.append("pdf")
    settings = ExportSettings(
        templates=profile.templates, letterhead=profile.letterhead, fragment=options.fragment
    )
    written = export(loaded.draft, options.draft, formats, options.template, options.output, settings)
    for path in written:
        print(path)
    word = next((path.name for path in written if path.suffix == ".docx"), "the .docx")
    if no_pdf:  # named as written: NAME.letter.docx for a second house style
        print(f"s55tui: note: {options.draft}: {how_to_get_a_pdf(word)}", file=sys.stderr)
    for finding in unready:  # after the files, so a request that fails is still one line
        print(f"s55tui: warning: {options.draft}: not ready to publish: {finding}", file=sys.stderr)
    return 0


def not_ready(draft: Draft, with_checklist: bool = True) -> list[Finding]:
    """What would be published unfinished: a missing response, a placeholder left in, a
    checklist box the document prints as not done (``with_checklist``: a letter prints none;
    the deadline's warnings are not about the document)."""
    from s55tui.completeness import MISSING, REMINDER, check

    findings = check(draft).findings
    reminders = (REMINDER,) if with_checklist else ()
    return [f for f in findings if f.severity in (MISSING, *reminders) or f.blocks]
