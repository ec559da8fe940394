"""Taking a draft's sidecar lock when it is opened, so two officers never overwrite each other.

A draft someone else has open is opened read-only, saying who has it, on which computer and
since when; the officer can take it over after confirming. Where no lock can be made at all
(a read-only or unreachable folder) the draft stays editable with a warning: every save is
still checked against the file on disk, and on quit the text can go to a recovery copy.
"""

from __future__ import annotations

from s55tui.draftfile.lock import DraftLock, LockHolder, acquire, take_over, who_holds
from s55tui.session import DraftSession


def lock_session(session: DraftSession) -> None:
    """Lock the session's draft, or mark the session read-only with who holds it."""
    result = acquire(session.path)
    if isinstance(result, DraftLock):
        session.lock = result
        session.holder = None
    elif isinstance(result, LockHolder):
        session.read_only = True
        session.holder = result
        session.held_by = f"open by {result.describe()}"
    else:
        session.warnings.insert(0, f"not locked ({result.message}); others could open it too")


def take_over_session(session: DraftSession) -> None:
    """Take the lock from whoever holds it (the officer confirmed); raises ``DraftError``."""
    expected = session.holder if isinstance(session.holder, LockHolder) else None
    session.lock = take_over(session.path, expected)
    session.read_only = False
    session.holder = None
    session.held_by = None


def lost_to(session: DraftSession) -> str | None:
    """Who took the draft over from us, if someone did (``DraftSession.lock_taken``); else None."""
    if not session.lock_taken():
        return None
    try:
        holder = who_holds(session.path)
    except OSError:
        return None
    return holder.describe() if holder else "someone else"
