"""One officer edits a draft at a time: a sidecar lock that says who has it open.

Drafts live in shared (often network) folders, so the draft itself is never locked. Beside
``NAME.toml`` sit two hidden files while it is open:

- ``.NAME.toml.lock``: a ``filelock.SoftFileLock`` marker, created with O_EXCL, which works on
  network folders where OS locks do not;
- ``.NAME.toml.lock.json``: who holds it (user, host, pid, since), see ``lockrecord``.

``acquire`` gives one of three answers, never an exception:

- ``DraftLock``: the draft is ours to edit; release it when the draft is closed;
- ``LockHolder``: someone has it open; show ``holder.describe()`` and offer read-only or
  ``take_over`` (after the officer confirms);
- ``LockUnavailable``: no lock can be made (read-only or missing folder, network error);
  open the draft read-only and show ``.message``.

A lock left by a process that has died on this same computer is taken over without asking.
A lock from another computer is always reported, however old: this computer cannot tell
whether that process still runs, and breaking it silently would let two officers overwrite
each other. The app should also check ``DraftLock.still_ours()`` before saving, and go
read-only if a colleague took the draft over.

Every marker lock is made by ``marker_lock``, the one seam between this module and filelock:
a test that must act out a file system filelock cannot handle (a network share where it never
clears a dead lock) replaces that function, never filelock's own internals.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from filelock import SoftFileLock, Timeout

from s55tui.draftfile.atomic import _reason, real_file
from s55tui.draftfile.lockrecord import (
    LockHolder,
    Marker,
    current_holder,
    lock_path,
    new_holder,
    read_record,
    record_path,
    this_host,
    write_record,
)
from s55tui.draftfile.names import beside
from s55tui.errors import DraftError

__all__ = ["DraftLock", "LockHolder", "LockUnavailable", "acquire", "marker_lock", "take_over", "who_holds"]

_ATTEMPTS = 3  # a lock released or cleared meanwhile is worth another try, but not forever
_SETTLE_SECONDS = 1.0  # a new holder writes its record just after its lock; wait this long for it


@dataclass(frozen=True)
class LockUnavailable:
    """No lock could be made at all, so the draft should be opened read-only.

    Saving needs the same folder to be writable, so a folder where the lock cannot be created
    is one where the draft could not be saved either: read-only is the honest way to open it.
    """

    path: Path
    reason: str

    @property
    def message(self) -> str:
        """One line for the officer, naming the file."""
        return f"{self.path}: cannot lock: {self.reason}; opening read-only"


class DraftLock:
    """This process's hold on one draft; release it when the draft is closed.

    Usable as a context manager. ``release`` may be called any number of times and never
    raises: a lock that cannot be removed (the network is gone) is left for the stale-lock
    rule to clear next time.
    """

    def __init__(self, path: Path, soft: SoftFileLock, holder: LockHolder) -> None:
        self.path = path
        self.holder = holder  # what the record beside the draft says about us
        self._soft = soft
        self._released = False

    @property
    def lock_file(self) -> Path:
        """The marker file beside the draft."""
        return lock_path(self.path)

    def still_ours(self) -> bool:
        """Whether the files on disk still name this lock; False once someone took it over.

        Fails closed: when the files cannot be read, the answer is False and the app goes
        read-only rather than risk saving over a colleague who took the draft.
        """
        if self._released:
            return False
        record = read_record(self.path)
        return record is not None and record.token == self.holder.token and self._soft.is_lock_held_by_us

    def release(self) -> None:
        """Remove our record and lock, leaving a successor's files alone."""
        if self._released:
            return
        self._released = True
        try:
            record = read_record(self.path)
            if record is not None and record.token == self.holder.token:
                with contextlib.suppress(OSError):
                    record_path(self.path).unlink()
        finally:
            # filelock unlinks the marker only if it is still the file it created.
            with contextlib.suppress(OSError):
                self._soft.release(force=True)

    def __enter__(self) -> DraftLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.release()

    def __repr__(self) -> str:
        state = "released" if self._released else "held"
        return f"<DraftLock {self.path} {state} by {self.holder.describe()}>"


def acquire(path: str | Path) -> DraftLock | LockHolder | LockUnavailable:
    """Lock the draft at ``path`` for editing, or say who has it, or why it cannot be locked."""
    shown = Path(path)
    draft = real_file(shown).absolute()
    if not draft.parent.is_dir():  # filelock would quietly create the missing folder
        return LockUnavailable(shown, f"the folder {shown.parent} does not exist")
    for companion in (lock_path(draft), record_path(draft)):
        if companion.is_dir():  # "Is a directory" would not say which, or what to do
            return LockUnavailable(
                shown, f"{companion} is a folder, where the lock goes; rename or remove it"
            )
    for attempt in range(_ATTEMPTS):
        soft = marker_lock(draft)
        try:
            soft.acquire(blocking=False)
        except Timeout:  # before OSError: filelock's Timeout is a TimeoutError, an OSError
            found = _settled_holder(draft)
            if found is None:
                continue  # released between our try and our look
            holder, marker = found
            if attempt + 1 < _ATTEMPTS and _left_by_dead_process(holder) and _break(draft, marker):
                continue
            return holder
        except OSError as error:
            return LockUnavailable(shown, _reason(error, shown.parent))
        return _claim(shown, draft, soft)
    return LockUnavailable(shown, "the lock file kept changing while it was read; try again")


def take_over(path: str | Path, expected: LockHolder | None = None) -> DraftLock:
    """Take the lock from its holder, after the officer confirmed; the old holder goes read-only.

    With ``expected`` (the holder the officer was shown), refuse if someone else holds it by
    now, so nobody's lock is broken without being named first. Raises ``DraftError``.
    """
    shown = Path(path)
    draft = real_file(shown).absolute()
    found = current_holder(draft)
    if found is not None and expected is not None and found[0] != expected:
        raise DraftError(f"{shown}: now open by {found[0].describe()}; not taken over")
    try:
        lock_path(draft).unlink(missing_ok=True)
    except OSError as error:
        raise DraftError(f"{shown}: cannot take over the lock: {_reason(error, shown.parent)}") from None
    soft = marker_lock(draft)
    try:
        soft.acquire(blocking=False)
    except Timeout:
        again = current_holder(draft)
        who = again[0].describe() if again else "someone"
        raise DraftError(f"{shown}: {who} opened it just now; not taken over") from None
    except OSError as error:
        raise DraftError(f"{shown}: cannot take over the lock: {_reason(error, shown.parent)}") from None
    result = _claim(shown, draft, soft)
    if isinstance(result, LockUnavailable):
        raise DraftError(result.message)
    return result


def who_holds(path: str | Path) -> LockHolder | None:
    """Who has the draft open now (None if nobody): to name the colleague who took it over."""
    found = current_holder(real_file(Path(path)).absolute())
    return found[0] if found else None


def marker_lock(draft: Path) -> SoftFileLock:
    """A fresh marker lock; ``thread_local=False`` so a worker thread may take what the UI releases.

    A fresh instance per attempt also matters: filelock deletes a damaged marker once one
    instance has watched it unchanged for two seconds, and a damaged lock must be reported.

    This is the seam the tests replace (see the module's docstring). What the rest of this
    module uses of the result: ``acquire(blocking=False)`` (raising ``filelock.Timeout`` when
    the marker exists, ``OSError`` when it cannot be made), ``release(force=True)`` and
    ``is_lock_held_by_us``.
    """
    return SoftFileLock(lock_path(draft), thread_local=False, blocking=False)


def _claim(shown: Path, draft: Path, soft: SoftFileLock) -> DraftLock | LockUnavailable:
    """Write our record beside a lock just taken, or give the lock back."""
    holder = new_holder(secrets.token_hex(16))
    try:
        write_record(draft, holder)
    except OSError as error:
        with contextlib.suppress(OSError):
            soft.release(force=True)
        return LockUnavailable(shown, _reason(error, shown.parent))
    return DraftLock(draft, soft, holder)


def _settled_holder(draft: Path) -> tuple[LockHolder, Marker] | None:
    """The holder, waiting briefly for a brand-new lock's record so it can be named."""
    deadline = time.monotonic() + _SETTLE_SECONDS
    while True:
        found = current_holder(draft)
        if found is None or found[0].user is not None or time.monotonic() >= deadline:
            return found
        if time.time() - found[1].mtime > 2 * _SETTLE_SECONDS:
            return found  # old, so damaged rather than half written
        time.sleep(0.05)


def _left_by_dead_process(holder: LockHolder) -> bool:
    """Whether the holder was on this computer and its process has gone.

    filelock clears such locks itself where the file system can swap two names in one step;
    network shares (SMB, NFS) cannot, and there filelock waits forever, so we decide here.
    POSIX only: ``os.kill(pid, 0)`` would terminate the process on Windows, where filelock
    clears dead locks itself. A pid reused by another program keeps the lock: fail closed.
    """
    if os.name != "posix" or holder.pid is None or holder.pid == os.getpid():
        return False
    if holder.host != this_host():
        return False
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, owned by another user (a shared terminal server)
    return False


def _break(draft: Path, marker: Marker) -> bool:
    """Remove the stale marker judged dead, and only that one; True to try acquiring again.

    The marker is renamed aside first (one contender wins the rename), then checked to be the
    very file judged, so a fresh lock taken meanwhile by someone else is put back, not lost.
    """
    lock = lock_path(draft)
    aside = beside(lock, suffix=f".stale.{os.getpid()}.{secrets.token_hex(8)}")
    try:
        now = os.lstat(lock)
        if (now.st_ino, now.st_mtime) != (marker.inode, marker.mtime):
            return True  # changed since we judged it: look again
        os.rename(lock, aside)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    with contextlib.suppress(OSError):
        moved = os.lstat(aside)
        if (moved.st_ino, moved.st_mtime) != (marker.inode, marker.mtime):
            os.link(aside, lock)  # a live lock goes back; link never replaces a newer one
        os.unlink(aside)  # not reached if a live lock could not be put back: it stays aside
    return True
