"""Open the drafting app on the drafts folder, or on one draft (``s55tui DRAFT.toml``).

A draft that cannot be read is explained in one line and the app does not start, exactly as
``s55tui check`` would explain it, so a broken file never costs a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from s55tui.profile import load_profile


def run(options: argparse.Namespace) -> int:
    """``s55tui [--drafts DIR] [DRAFT]``."""
    profile = load_profile(options.profile)
    for warning in profile.warnings:
        print(f"s55tui: warning: {profile.source}: {warning}", file=sys.stderr)
    draft: Path | None = options.draft
    session = None
    if draft is not None:
        from s55tui.session import DraftSession

        # read here, once: a file that cannot be read is reported before the screen is taken over
        session = DraftSession.open(draft)
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        print(
            "s55tui: the app needs a terminal; use 's55tui check' or 's55tui export' in scripts",
            file=sys.stderr,
        )
        return 2
    from s55tui.tui.app import build_app

    app = build_app(
        session, drafts_dir=options.drafts, profile=profile, today=getattr(options, "today", None)
    )
    app.run()
    return app.return_code or 0  # 1 after an unexpected error (the app said so in one line)
