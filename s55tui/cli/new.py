"""Start a new draft for a report, filled in from the office profile.

An existing file is never overwritten. Without an office profile the office fields start
blank and the message says where to put one.
"""

from __future__ import annotations

import argparse
import sys

from s55tui.deadline import deadline, long_date
from s55tui.draftfile import save_draft
from s55tui.errors import DraftError
from s55tui.model import Report
from s55tui.paths import LOCAL_PROFILE, user_profile_path
from s55tui.profile import load_profile
from s55tui.textclean import clean_line


def run(options: argparse.Namespace) -> int:
    """``s55tui new DRAFT --title TEXT --published DATE [--type TYPE] [--url URL] [--today DATE]``."""
    path = options.draft
    if path.is_dir():
        raise DraftError(f"{path}: is a folder; give the new draft's file name, such as {path / 'NAME.toml'}")
    if path.exists() or path.is_symlink():
        raise DraftError(
            f"{path}: already exists; 's55tui new' never overwrites a draft, choose another name"
        )
    title = clean_line(options.title)
    if not title:
        raise DraftError(f"{path}: --title is empty; give the report's title as printed")
    profile = load_profile(options.profile)
    for warning in profile.warnings:
        print(f"s55tui: warning: {profile.source}: {warning}", file=sys.stderr)
    report = Report(title=title, type=options.type, published=options.published, url=options.url.strip())
    draft = profile.new_draft(report)
    save_draft(path, draft)
    due = deadline(options.published, options.today)
    print(f"Created {path}: last day {long_date(due.last_day, weekday=True)}.")
    for warning in due.warnings:
        print(f"Note: {warning}.")
    if profile.source is None:
        print(
            f"No office profile found, so the office details are blank. Put one in {user_profile_path()} "
            f"or ./{LOCAL_PROFILE} (see the README) and new drafts will be filled in."
        )
    else:
        print(f"Office details from {profile.source}.")
    return 0
