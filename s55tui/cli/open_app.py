"""Open the drafting app on the drafts folder, or on one draft.

The guided app is being built; until it lands this command says so plainly, and when given
a draft it checks the file and shows what it still needs, so the command is useful today.
"""

from __future__ import annotations

import argparse
import sys

from s55tui.cli import check

NOT_YET = (
    "The guided drafting app is not built yet. Meanwhile: 's55tui new DRAFT --title ... "
    "--published ...' starts a draft and 's55tui check DRAFT' says what it still needs."
)


def run(options: argparse.Namespace) -> int:
    """``s55tui [DRAFT]``."""
    print(NOT_YET, file=sys.stderr)
    if options.draft is None:
        return 0
    print(file=sys.stderr)
    check.run(argparse.Namespace(draft=options.draft, json=False, today=None))
    return 0
