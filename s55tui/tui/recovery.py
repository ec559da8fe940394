"""Where a draft goes when it cannot be saved where it belongs (a read-only folder, a full disk).

On quit the officer can put everything into a recovery copy in their own data folder, so
text typed into a draft on a shared drive that went away is never lost.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from s55tui.draftfile.atomic import write_atomic
from s55tui.draftfile.names import fitted
from s55tui.draftfile.writer import dumps_draft
from s55tui.errors import DraftError
from s55tui.paths import recovery_dir
from s55tui.session import DraftSession


def recovery_copy_path(draft_path: Path, now: datetime | None = None) -> Path:
    """``~/.local/share/s55tui/recovered/NAME 2026-11-22 1403.toml`` for a draft."""
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H%M%S")
    return recovery_dir() / fitted(draft_path.stem, suffix=f" {stamp}.toml")


def write_recovery_copy(session: DraftSession, target: Path) -> None:
    """Write the whole draft as it is in the app to ``target``; raises ``DraftError``."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DraftError(f"{target.parent}: cannot make the recovery folder: {error.strerror}") from None
    snap = session.snapshot().draft
    snap.file_state = None  # a fresh file: the original's document stays the original's
    write_atomic(target, dumps_draft(snap), backup=False)
