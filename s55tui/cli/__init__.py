"""The ``s55tui`` command line: every command the app has, for scripts and for quick jobs.

Imports stay light (no textual) so ``s55tui check`` and ``s55tui export`` start fast.
"""

from s55tui.cli.main import main

__all__ = ["main"]
