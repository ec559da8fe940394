"""Taking a draft's sidecar lock when it is opened, so two officers never overwrite each other.

A draft someone else has open is opened read-only, saying who has it, where and since when.
"""

from __future__ import annotations

from s55tui.session import DraftSession


def lock_session(session: DraftSession) -> None:
    """Lock the session's draft, or mark the session read-only with who holds it."""
    try:
        from s55tui.draftfile.lock import DraftLock, LockHolder, acquire
    except ImportError:  # the lock lands with the lock branch
        return
    result = acquire(session.path)
    if isinstance(result, DraftLock):
        session.lock = result
    elif isinstance(result, LockHolder):
        session.read_only = True
        session.held_by = f"open by {result.describe()}"
    else:
        session.held_by = result.message
