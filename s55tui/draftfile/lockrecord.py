"""Who holds a draft's lock: the record written beside the lock, and reading it back.

The lock itself is ``filelock.SoftFileLock``'s marker, ``.NAME.toml.lock``. Its content is
filelock's own strict format (``pid``, ``host``, a process start token, one per line); anything
else in it counts as a damaged lock that filelock deletes after two seconds, so the lock
cannot carry our own details. Those go in a second file, ``.NAME.toml.lock.json``:

    {"app": "s55tui", "user": "jsmith", "host": "OPCC-PC12", "pid": 4242,
     "since": "2026-11-22T14:03:05+00:00", "token": "9f..."}

The record is trusted only while the marker names the same pid (a record can outlive its
marker by a crash between removing the two). ``token`` is random per lock, so a holder can
tell its own record from a successor's even in the same process.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from s55tui.draftfile.names import beside, temp_prefix

_MARKER_LIMIT = 1024  # filelock's own cap on a marker's size
_NAMESPACE_MARK = "?pidns-"  # filelock appends this to the host name inside a container


@dataclass(frozen=True)
class LockHolder:
    """Who has a draft open, as far as the files beside it say.

    ``user`` and ``host`` are None when the lock files are damaged or half written; ``since``
    is then the lock file's modification time, so the officer still learns how old it is.
    """

    user: str | None
    host: str | None
    pid: int | None
    since: datetime
    token: str = field(default="", repr=False)

    def describe(self, now: datetime | None = None) -> str:
        """``jsmith on OPCC-PC12 since 14:03``; the date is added when it is not today."""
        now = now or datetime.now().astimezone()
        since = self.since.astimezone(now.tzinfo) if now.tzinfo else self.since
        when = f"{since:%H:%M}"
        if since.date() != now.date():
            when += f" on {since.day} {since:%b %Y}"
        who = self.user or "someone unknown"
        where = f" on {self.host}" if self.host else ""
        return f"{who}{where} since {when}"


def lock_path(draft: Path) -> Path:
    """The lock beside ``draft``: hidden, and named after it so each draft locks alone."""
    return beside(draft, ".", ".lock", room=len(".json"))  # the same stem as the record's


def record_path(draft: Path) -> Path:
    """The record of who holds the lock on ``draft``."""
    lock = lock_path(draft)
    return lock.with_name(lock.name + ".json")


def this_user() -> str:
    """The officer's login name; getpass can fail (no USER, no passwd entry), a lock must not."""
    try:
        return getpass.getuser()
    except Exception:  # KeyError or OSError depending on the Python version
        return os.environ.get("USERNAME") or os.environ.get("USER") or "an unnamed user"


def this_host() -> str:
    """The computer's name as colleagues know it (not filelock's escaped form)."""
    try:
        return socket.gethostname() or "an unnamed computer"
    except OSError:
        return "an unnamed computer"


def new_holder(token: str) -> LockHolder:
    """The record for a lock this process is taking now."""
    since = datetime.now().astimezone().replace(microsecond=0)
    return LockHolder(this_user(), this_host(), os.getpid(), since, token)


def write_record(draft: Path, holder: LockHolder) -> None:
    """Write the record in one step, readable by colleagues.

    Not ``write_atomic``: that refuses to replace a file the user cannot write, which is right
    for a draft but wrong here, where the old record belongs to whoever held the lock last.
    Replacing needs only a writable folder.
    """
    target = record_path(draft)
    data = {
        "app": "s55tui",
        "user": holder.user,
        "host": holder.host,
        "pid": holder.pid,
        "since": holder.since.isoformat(),
        "token": holder.token,
    }
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=temp_prefix(target), suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o644 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def read_record(draft: Path) -> LockHolder | None:
    """The record beside ``draft``, or None when it is missing or not one of ours."""
    try:
        data = json.loads(record_path(draft).read_text(encoding="utf-8"))
        user, host, pid, since = data["user"], data["host"], data["pid"], data["since"]
        token = data.get("token", "")
        if not (isinstance(user, str) and isinstance(host, str) and isinstance(token, str)):
            return None
        if isinstance(pid, bool) or not isinstance(pid, int) or pid < 1:
            return None
        when = datetime.fromisoformat(since)
    except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
        return None
    if when.tzinfo is None:
        when = when.astimezone()
    return LockHolder(user, host, pid, when, token)


@dataclass(frozen=True)
class Marker:
    """What the lock file itself says: filelock's pid and host, and when it was written."""

    pid: int | None
    host: str | None
    mtime: float
    inode: int


def read_marker(draft: Path) -> Marker | None:
    """The lock file's content, None when there is no lock; damaged content gives pid None."""
    path = lock_path(draft)
    try:
        stat = os.lstat(path)
    except FileNotFoundError:
        return None
    pid: int | None = None
    host: str | None = None
    try:
        with open(path, "rb") as handle:
            lines = handle.read(_MARKER_LIMIT + 1).decode("utf-8").splitlines()
        if len(lines) in (2, 3) and lines[0].isascii() and lines[0].isdigit() and lines[1]:
            pid, host = int(lines[0]), lines[1].split(_NAMESPACE_MARK)[0]
    except (OSError, UnicodeDecodeError):
        pass
    return Marker(pid, host, stat.st_mtime, stat.st_ino)


def current_holder(draft: Path) -> tuple[LockHolder, Marker] | None:
    """Who holds the lock on ``draft`` now, with the marker it was judged by; None when free.

    A damaged or half-written lock is held by "someone unknown" since the file's time, so it is
    reported, never ignored and never crashed on.
    """
    marker = read_marker(draft)
    if marker is None:
        return None
    record = read_record(draft)
    if marker.pid is not None and record is not None and record.pid == marker.pid:
        return record, marker
    since = datetime.fromtimestamp(marker.mtime).astimezone()
    return LockHolder(None, marker.host, marker.pid, since), marker
