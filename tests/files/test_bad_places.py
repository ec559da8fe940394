"""A folder where a file should be, a read-only folder, a full disk: one line, exit 2, nothing changed.

Each command that writes (``export``, ``new``, ``import --into``) or reads (``check``) is run
where it cannot work. A read-only folder and a full disk are simulated by making the
operating system refuse (``mkstemp`` raising EACCES, ``fsync`` raising ENOSPC), because a
test cannot rely on being allowed to mount a small disk; where it is allowed (as root, on
Linux) a real small tmpfs is filled up as well.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from folder_state import folder_state
from testdata import EXAMPLE

from s55tui.cli import main
from s55tui.draftfile.lock import LockUnavailable, acquire

REPORT_TEXT = "Recommendation 9. To chief constables\n\nKeep a record of every referral.\n"
NEW = ["--title", "Safe to share?", "--published", "2020-12-17"]


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A drafts folder with the example draft and a report to import from."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copyfile(EXAMPLE, drafts / "safe-to-share.toml")
    (drafts / "report.txt").write_text(REPORT_TEXT, encoding="utf-8")
    return drafts


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err


def refuse(number: int, text: str) -> Callable[..., object]:
    """A stand-in for an os function that fails as the operating system would."""

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(number, text)

    return fail


# --- a folder where a file should be ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{f}"], "{f}: is a folder, not a draft file"),
        (["export", "{f}"], "{f}: is a folder, not a draft file"),
        (["import", "{d}/report.txt", "--into", "{f}", "--yes"], "{f}: is a folder, not a draft file"),
        (["import", "{f}"], "{f}: is a folder; give the report's file"),
        (["new", "{f}", *NEW], "{f}: is a folder; give the new draft's file name, such as {f}/NAME.toml"),
    ],
    ids=["check", "export", "import-into", "import-source", "new"],
)
def test_a_folder_where_a_file_should_be(office: Path, capsys, args: list[str], message: str) -> None:
    folder = office / "response.toml"
    folder.mkdir()
    before = folder_state(office)
    code, err = run(capsys, *(a.format(f=folder, d=office) for a in args))
    assert (code, err) == (2, f"s55tui: {message.format(f=folder)}\n")
    assert folder_state(office) == before


def test_an_export_whose_file_name_is_taken_by_a_folder(office: Path, capsys) -> None:
    (office / "safe-to-share.docx").mkdir()
    before = folder_state(office)
    code, err = run(capsys, "export", office / "safe-to-share.toml")
    assert code == 2
    assert (
        err
        == f"s55tui: {office / 'safe-to-share.docx'}: is a folder; give a file name or a folder ending in /\n"
    )
    assert folder_state(office) == before


# --- a read-only folder and a full disk -------------------------------------------------

WRITERS = {
    "export": (["export", "{d}/safe-to-share.toml"], "{d}/safe-to-share.md"),
    "export-again": (["export", "{d}/safe-to-share.toml"], "{d}/safe-to-share.md"),
    "new": (["new", "{d}/vetting.toml", *NEW], "{d}/vetting.toml"),
    "import-into": (
        ["import", "{d}/report.txt", "--into", "{d}/safe-to-share.toml", "--yes"],
        "{d}/safe-to-share.toml",
    ),
}


def ignores_permissions() -> bool:
    """Whether a 0555 folder can be written to anyway, as root (with its capabilities) can."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o555)
        try:
            (folder / "probe").touch()
        except PermissionError:
            return False
        finally:
            folder.chmod(0o755)
        return True


READ_ONLY = "the folder {d} is read-only (permission denied)"


def prepare(office: Path, case: str) -> None:
    """``export-again``: the exports already exist, and must survive the failed export whole."""
    if case == "export-again":
        assert main(["export", str(office / "safe-to-share.toml")]) == 0


@pytest.mark.parametrize("case", sorted(WRITERS))
def test_a_read_only_folder(office: Path, capsys, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    prepare(office, case)
    capsys.readouterr()
    before = folder_state(office)
    args, named = WRITERS[case]
    monkeypatch.setattr("tempfile.mkstemp", refuse(errno.EACCES, "Permission denied"))
    code, err = run(capsys, *(a.format(d=office) for a in args))
    assert code == 2
    assert err == f"s55tui: {named.format(d=office)}: cannot save: {READ_ONLY.format(d=office)}\n"
    assert folder_state(office) == before


def without_root_powers() -> None:
    """Drop the capabilities that let root write where a folder's permissions forbid it.

    Run in the child before it starts (``preexec_fn``): root keeps its identity, so it can
    still run this Python, but a 0555 folder refuses it as it refuses any officer.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def run_where_permissions_apply(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The command run by a user whom the folder's permissions bind.

    Most users are: the command runs in this process. Root is not, so it runs in a child
    process without root's power to override permissions (Linux), or the test is skipped
    where that power cannot be dropped.
    """
    if not ignores_permissions():
        return run(capsys, *args)
    command = [sys.executable, "-c", "import sys; from s55tui.cli import main; sys.exit(main(sys.argv[1:]))"]
    probe = [sys.executable, "-c", "import sys, tempfile; tempfile.mkstemp(dir=sys.argv[1])"]
    with tempfile.TemporaryDirectory() as name:
        Path(name).chmod(0o555)
        try:
            allowed = subprocess.run([*probe, name], preexec_fn=without_root_powers, capture_output=True)
        except (OSError, subprocess.SubprocessError, AttributeError) as error:
            pytest.skip(f"running as root, and root's power over permissions cannot be dropped here: {error}")
        finally:
            Path(name).chmod(0o755)
    if allowed.returncode == 0:
        pytest.skip("running as root, and root still writes to a 0555 folder without its capabilities")
    done = subprocess.run([*command, *args], preexec_fn=without_root_powers, capture_output=True, text=True)
    return done.returncode, done.stderr


@pytest.mark.parametrize("case", sorted(WRITERS))
def test_a_really_read_only_folder(office: Path, capsys, case: str) -> None:
    """The folder really is 0555, for every user: as root, the command runs without root's powers."""
    prepare(office, case)
    capsys.readouterr()
    before = folder_state(office)
    args, named = WRITERS[case]
    office.chmod(0o555)
    try:
        code, err = run_where_permissions_apply(capsys, *(a.format(d=office) for a in args))
    finally:
        office.chmod(0o755)
    assert code == 2
    assert err == f"s55tui: {named.format(d=office)}: cannot save: {READ_ONLY.format(d=office)}\n"
    assert folder_state(office) == before


@pytest.mark.parametrize("case", sorted(WRITERS))
def test_a_full_disk(office: Path, capsys, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    prepare(office, case)
    capsys.readouterr()
    before = folder_state(office)
    args, named = WRITERS[case]
    monkeypatch.setattr(os, "fsync", refuse(errno.ENOSPC, "No space left on device"))
    code, err = run(capsys, *(a.format(d=office) for a in args))
    named = Path(named.format(d=office))
    left = "the file on disk is unchanged" if named.exists() else "nothing was written"
    assert (code, err) == (2, f"s55tui: {named}: cannot save: the disk is full; {left}\n")
    assert folder_state(office) == before


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 KB tmpfs, where the system allows mounting one (root on Linux); else skipped."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def fill_up(path: Path) -> None:
    """Write to ``path`` until the disk has no room left."""
    with path.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC


@pytest.mark.parametrize("case", sorted(WRITERS))
def test_a_really_full_disk(small_disk: Path, capsys, case: str) -> None:
    shutil.copyfile(EXAMPLE, small_disk / "safe-to-share.toml")
    (small_disk / "report.txt").write_text(REPORT_TEXT, encoding="utf-8")
    prepare(small_disk, case)
    fill_up(small_disk / "filler")
    capsys.readouterr()
    before = folder_state(small_disk)
    args, named = WRITERS[case]
    code, err = run(capsys, *(a.format(d=small_disk) for a in args))
    assert code == 2
    assert err.startswith(f"s55tui: {named.format(d=small_disk)}: cannot save: the disk is full; ")
    assert err.count("\n") == 1
    assert folder_state(small_disk) == before


def test_a_folder_where_the_backup_goes_is_named_and_nothing_changes(office: Path, capsys) -> None:
    draft = office / "safe-to-share.toml"
    (office / "safe-to-share.toml.bak").mkdir()
    before = folder_state(office)
    code, err = run(capsys, "import", office / "report.txt", "--into", draft, "--yes")
    assert code == 2
    assert err == (
        f"s55tui: {draft}: cannot save: {draft}.bak is a folder, where the previous version is kept; "
        "rename or remove it; the file on disk is unchanged\n"
    )
    assert folder_state(office) == before


@pytest.mark.parametrize("companion", [".safe-to-share.toml.lock", ".safe-to-share.toml.lock.json"])
def test_a_folder_where_the_lock_goes_opens_read_only_and_says_which(office: Path, companion: str) -> None:
    (office / companion).mkdir()
    result = acquire(office / "safe-to-share.toml")
    assert isinstance(result, LockUnavailable)
    assert result.message == (
        f"{office / 'safe-to-share.toml'}: cannot lock: {office / companion} is a folder, where the lock "
        "goes; rename or remove it; opening read-only"
    )
