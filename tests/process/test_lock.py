"""The sidecar lock, with real processes: who the officer is told has the draft, and which files exist."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import filelock
import pytest

from s55tui.draftfile import lock as lock_module
from s55tui.draftfile.lock import DraftLock, LockHolder, LockUnavailable, acquire, take_over, who_holds
from s55tui.draftfile.lockrecord import lock_path, record_path, this_host, this_user
from s55tui.errors import DraftError

pytestmark = pytest.mark.process

# A holder in another process: reports what acquire gave it, then obeys commands on stdin.
HOLDER = """
import os, sys, time
from s55tui.draftfile.lock import DraftLock, acquire, take_over
path, mode = sys.argv[1], sys.argv[2]
if mode == "go":  # wait for the starting gun, so two holders really race
    while not os.path.exists(path + ".go"):
        time.sleep(0.001)
lock = take_over(path) if mode == "take" else acquire(path)
if isinstance(lock, DraftLock):
    print("LOCKED", os.getpid(), flush=True)
else:
    print("HELD", lock.describe(), flush=True)
for line in sys.stdin:
    if line.strip() == "still_ours":
        print(lock.still_ours(), flush=True)
    elif line.strip() == "release":
        lock.release()
        print("released", flush=True)
"""


class Holder:
    """Another s55tui process with the same draft open."""

    def __init__(self, draft: Path, mode: str = "now") -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(draft), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    @property
    def pid(self) -> int:
        return self.proc.pid

    def line(self) -> str:
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.line()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()  # reaped, so its pid no longer runs

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=10)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "vetting.toml"
    path.write_text('[report]\ntitle = "Vetting"\npublished = 2022-11-02\n', encoding="utf-8")
    return path


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    started: list[Holder] = []
    yield started
    for holder in started:
        holder.close()


def me(since: datetime) -> str:
    return f"{this_user()} on {this_host()} since {since.astimezone():%H:%M}"


def dead_pid() -> int:
    """A pid that ran on this computer and no longer does."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def plant(
    draft: Path, pid: int, host: str, user: str = "jsmith", since: str = "2026-11-22T14:03:00+00:00"
) -> None:
    """Lock files as another s55tui would have left them."""
    lock_path(draft).write_text(f"{pid}\n{host}\n", encoding="utf-8")
    record = {"app": "s55tui", "user": user, "host": host, "pid": pid, "since": since, "token": "x"}
    record_path(draft).write_text(json.dumps(record), encoding="utf-8")


def test_two_processes_race_for_one_draft_and_exactly_one_wins(draft: Path, holders: list[Holder]) -> None:
    holders.extend([Holder(draft, "go"), Holder(draft, "go")])
    Path(f"{draft}.go").touch()
    lines = sorted(holder.line() for holder in holders)
    assert [line.split()[0] for line in lines] == ["HELD", "LOCKED"]
    winner = int(lines[1].split()[1])
    holder = who_holds(draft)
    assert holder is not None and holder.pid == winner
    # the loser was told who, where and since when (with the date too if midnight came between)
    since = holder.since.astimezone()
    assert lines[0] in (f"HELD {me(since)}", f"HELD {me(since)} on {since.day} {since:%b %Y}")


def test_a_draft_open_elsewhere_names_who_has_it(draft: Path, holders: list[Holder]) -> None:
    holders.append(Holder(draft))
    assert holders[0].line() == f"LOCKED {holders[0].pid}"
    result = acquire(draft)
    assert isinstance(result, LockHolder)
    assert result.pid == holders[0].pid
    assert result.describe(result.since) == me(result.since)  # "now" given: no midnight between
    assert holders[0].ask("release") == "released"
    mine = acquire(draft)
    assert isinstance(mine, DraftLock)
    mine.release()


def test_release_removes_both_files_and_can_be_repeated(draft: Path) -> None:
    with acquire(draft) as lock:
        assert isinstance(lock, DraftLock)
        assert lock_path(draft).exists() and record_path(draft).exists()
        assert lock.lock_file == lock_path(draft) == draft.with_name(".vetting.toml.lock")
        assert lock.still_ours()
    assert not lock_path(draft).exists() and not record_path(draft).exists()
    assert not lock.still_ours()
    lock.release()
    assert sorted(p.name for p in draft.parent.iterdir()) == ["vetting.toml"]


def test_record_says_who_where_and_since(draft: Path) -> None:
    lock = acquire(draft)
    assert isinstance(lock, DraftLock)
    record = json.loads(record_path(draft).read_text(encoding="utf-8"))
    assert (record["user"], record["host"], record["pid"]) == (this_user(), this_host(), os.getpid())
    assert datetime.fromisoformat(record["since"]).tzinfo is not None
    lock.release()


def test_lock_of_a_killed_process_on_this_computer_is_taken_over(draft: Path, holders: list[Holder]) -> None:
    holders.append(Holder(draft))
    assert holders[0].line().startswith("LOCKED")
    holders[0].kill()
    assert lock_path(draft).exists() and record_path(draft).exists()  # SIGKILL left them behind
    lock = acquire(draft)
    assert isinstance(lock, DraftLock)
    assert who_holds(draft) == lock.holder and lock.holder.pid == os.getpid()
    lock.release()


class NetworkShareMarker:
    """A marker lock as filelock behaves on SMB and NFS: no rename-exchange, so a marker left
    by a dead process is never cleared, only reported as held (``Timeout``). Like filelock's,
    the marker holds the process id and the computer's name, one a line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_lock_held_by_us = False

    def acquire(self, blocking: bool = True) -> None:
        try:
            handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
        except FileExistsError:
            raise filelock.Timeout(str(self.path)) from None
        with os.fdopen(handle, "w", encoding="utf-8") as marker:
            marker.write(f"{os.getpid()}\n{this_host()}\n")
        self.is_lock_held_by_us = True

    def release(self, force: bool = False) -> None:
        if self.is_lock_held_by_us:
            self.path.unlink(missing_ok=True)
            self.is_lock_held_by_us = False


def test_dead_lock_taken_over_where_filelock_will_not_break_it(
    draft: Path, holders: list[Holder], monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SMB and NFS no rename-exchange exists, and filelock then leaves a dead lock in place."""
    holders.append(Holder(draft))
    assert holders[0].line().startswith("LOCKED")
    holders[0].kill()
    made: list[NetworkShareMarker] = []
    monkeypatch.setattr(
        lock_module, "marker_lock", lambda path: made.append(NetworkShareMarker(lock_path(path))) or made[-1]
    )
    with pytest.raises(filelock.Timeout):  # the marker alone: stuck
        NetworkShareMarker(lock_path(draft)).acquire(blocking=False)
    lock = acquire(draft)
    assert isinstance(lock, DraftLock)
    assert made and made[-1].is_lock_held_by_us  # taken through the seam, not by filelock
    assert lock.still_ours() and who_holds(draft) == lock.holder
    lock.release()
    assert not lock_path(draft).exists() and not record_path(draft).exists()


def test_lock_from_another_computer_is_reported_not_broken(draft: Path) -> None:
    pid = dead_pid()  # not running here, which proves nothing about OPCC-PC12
    plant(draft, pid, "OPCC-PC12")
    before = lock_path(draft).read_bytes()
    for _ in range(2):
        result = acquire(draft)
        assert isinstance(result, LockHolder)
        assert result.describe(datetime(2026, 11, 22, 16, 0, tzinfo=UTC)) == "jsmith on OPCC-PC12 since 14:03"
    assert result.describe(datetime(2026, 11, 23, 9, 0, tzinfo=UTC)) == (
        "jsmith on OPCC-PC12 since 14:03 on 22 Nov 2026"
    )
    assert lock_path(draft).read_bytes() == before


def test_garbled_lock_file_is_someone_unknown_since_its_time(draft: Path) -> None:
    lock_path(draft).write_bytes(b"\xff\x00 not a lock")
    when = datetime(2025, 3, 3, 9, 30).astimezone()
    os.utime(lock_path(draft), (when.timestamp(), when.timestamp()))
    result = acquire(draft)
    assert isinstance(result, LockHolder)
    assert (
        result.describe(datetime(2026, 1, 1, 12, 0).astimezone())
        == "someone unknown since 09:30 on 3 Mar 2025"
    )
    assert lock_path(draft).exists()


def test_garbled_record_beside_a_good_lock_names_the_computer_only(draft: Path) -> None:
    plant(draft, dead_pid(), "OPCC-PC12")
    record_path(draft).write_text("{not json", encoding="utf-8")
    result = acquire(draft)
    assert isinstance(result, LockHolder)
    assert result.describe().startswith("someone unknown on OPCC-PC12 since ")


def test_read_only_folder_opens_read_only_without_a_crash(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = draft.parent
    if os.geteuid() == 0:  # root ignores folder permissions: refuse the create the way the OS would
        real_open = os.open

        def refusing_open(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: int) -> int:
            if flags & os.O_CREAT and os.fspath(path).startswith(str(folder)):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    else:
        folder.chmod(0o555)
    try:
        result = acquire(draft)
    finally:
        folder.chmod(0o755)
    assert isinstance(result, LockUnavailable)
    assert result.message == (
        f"{draft}: cannot lock: the folder {folder} is read-only (permission denied); opening read-only"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["vetting.toml"]


def test_missing_folder_is_not_created(tmp_path: Path) -> None:
    result = acquire(tmp_path / "nowhere" / "x.toml")
    assert isinstance(result, LockUnavailable)
    assert result.reason == f"the folder {tmp_path / 'nowhere'} does not exist"
    assert not (tmp_path / "nowhere").exists()


def test_take_over_after_confirming_sends_the_old_holder_read_only(
    draft: Path, holders: list[Holder]
) -> None:
    holders.append(Holder(draft))
    assert holders[0].line().startswith("LOCKED")
    assert holders[0].ask("still_ours") == "True"
    shown = acquire(draft)
    assert isinstance(shown, LockHolder)
    lock = take_over(draft, shown)
    assert holders[0].ask("still_ours") == "False"
    assert holders[0].ask("release") == "released"  # the old holder closing must not undo our lock
    assert lock.still_ours()
    assert who_holds(draft) == lock.holder
    lock.release()
    assert not lock_path(draft).exists() and not record_path(draft).exists()


def test_still_ours_is_false_once_another_process_took_over(draft: Path, holders: list[Holder]) -> None:
    lock = acquire(draft)
    assert isinstance(lock, DraftLock) and lock.still_ours()
    holders.append(Holder(draft, "take"))
    assert holders[0].line() == f"LOCKED {holders[0].pid}"
    assert not lock.still_ours()
    lock.release()  # must leave the new holder's files alone
    holder = who_holds(draft)
    assert holder is not None and holder.pid == holders[0].pid


def test_take_over_from_another_computer_when_confirmed(draft: Path) -> None:
    plant(draft, 4242, "OPCC-PC12")
    shown = acquire(draft)
    assert isinstance(shown, LockHolder)
    lock = take_over(draft, shown)
    assert lock.still_ours() and who_holds(draft) == lock.holder
    lock.release()


def test_take_over_refuses_when_someone_else_holds_it_by_now(draft: Path) -> None:
    plant(draft, 4242, "OPCC-PC12")
    shown = acquire(draft)
    assert isinstance(shown, LockHolder)
    since = (datetime.now(UTC) - timedelta(days=3)).replace(second=0, microsecond=0).astimezone()
    plant(draft, 4343, "OPCC-PC07", user="akhan", since=since.isoformat())
    with pytest.raises(DraftError) as caught:
        take_over(draft, shown)
    when = f"{since:%H:%M} on {since.day} {since:%b %Y}"  # not today, so the date is named
    assert str(caught.value) == f"{draft}: now open by akhan on OPCC-PC07 since {when}; not taken over"
    assert lock_path(draft).read_text(encoding="utf-8") == "4343\nOPCC-PC07\n"


def test_take_over_within_one_process_is_told_apart_by_its_token(draft: Path) -> None:
    """Two windows of one app share a pid and host: only the record's token tells them apart."""
    first = acquire(draft)
    assert isinstance(first, DraftLock)
    second = take_over(draft, who_holds(draft))
    assert not first.still_ours() and second.still_ours()
    first.release()
    assert who_holds(draft) == second.holder and lock_path(draft).exists()
    second.release()
    assert not lock_path(draft).exists() and not record_path(draft).exists()
