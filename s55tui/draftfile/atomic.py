"""Write a file so that a crash, a full disk or a colleague's reader never leaves it torn.

The new text goes to a temporary file in the same folder (so the final rename stays on one
file system), is flushed and fsynced, takes the old file's permissions (``mkstemp`` makes
0600, which would lock colleagues out of a shared folder), and replaces the old file in one
``os.replace``. The version being replaced is kept beside it as ``NAME.bak``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from glob import escape as glob_escape
from pathlib import Path

from s55tui.draftfile.names import beside, temp_prefix
from s55tui.errors import DraftError, S55Error

_REPLACE_TRIES = 6  # Windows: antivirus or a reader can hold the file for a moment
# A temporary file this old beside a draft was left by a save that was killed (power cut,
# SIGKILL): no save takes minutes, and a colleague's save in progress has a fresh one.
LEFTOVER_SECONDS = 600


def real_file(path: Path) -> Path:
    """The file a symbolic link points at (followed to the end), else ``path`` as it is.

    A draft kept in a shared folder is sometimes reached through a link; its saves, its backup
    and its lock all belong beside the real file, where every colleague's copy looks for them.
    """
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``NAME.bak`` (shortened if too long)."""
    return beside(path, suffix=".bak")


def write_atomic(path: Path, text: str, *, backup: bool = True, error: type[S55Error] = DraftError) -> None:
    """Replace ``path`` with ``text`` (UTF-8, LF line endings) in one step, or not at all."""
    write_bytes_atomic(path, text.encode("utf-8"), backup=backup, error=error)


def write_bytes_atomic(
    path: Path, data: bytes, *, backup: bool = True, error: type[S55Error] = DraftError
) -> None:
    """Replace ``path`` with ``data`` in one step, or raise ``error`` and leave it as it was.

    Drafts keep a backup of the version replaced; exports (which can be made again) do not.
    """
    write_files_atomic({path: data}, backup=backup, error=error)


def write_files_atomic(
    files: dict[Path, bytes], *, backup: bool = False, error: type[S55Error] = DraftError
) -> None:
    """Write several files (an export's .md, .docx and .html) so that a failure changes none.

    Every file is written out in full to its temporary first; only when all of them are safely
    on disk does each replace its old version. A full disk or a read-only folder therefore
    stops the export before anything the officer had is touched.

    A file that is a symbolic link is written through it, to the file it points at (see
    ``real_file``): replacing the link itself would leave the real draft without the edits.
    """
    files = {real_file(path): data for path, data in files.items()}
    staged: list[tuple[Path, Path]] = []
    current = next(iter(files))
    for path in files if backup else ():
        where = backup_path(path)
        if where.is_dir():  # "Is a directory" would not say which, or what to do
            raise error(
                f"{path}: cannot save: {where} is a folder, where the previous version is kept; "
                f"rename or remove it; {_left_as_it_was(path)}"
            )
    try:
        for current, data in files.items():
            staged.append((_stage(current, data, error), current))
        for tmp, current in staged:
            if backup and current.exists():
                _keep_backup(current)
            _replace(tmp, current)
        for path in files:
            sweep_leftovers(path)
    except OSError as problem:
        reason = _reason(problem, _folder(current))
        raise error(f"{current}: cannot save: {reason}; {_left_as_it_was(current)}") from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)


def sweep_leftovers(path: Path) -> None:
    """Remove temporary files that killed saves of ``path`` left beside it.

    Best effort: a file that cannot be removed (or vanishes meanwhile) is left alone.
    """
    cutoff = time.time() - LEFTOVER_SECONDS
    for tmp in _folder(path).glob(f"{glob_escape(temp_prefix(path))}*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                tmp.unlink()


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _left_as_it_was(path: Path) -> str:
    return "the file on disk is unchanged" if path.exists() else "nothing was written"


def _stage(path: Path, data: bytes, error: type[S55Error]) -> Path:
    """Write ``data`` to a new temporary file beside ``path``, flushed to disk, with its mode."""
    folder = _folder(path)
    if path.is_dir():
        raise error(f"{path}: is a folder; cannot save over it")
    if not folder.is_dir():
        raise error(f"{path}: cannot save: the folder {folder} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise error(f"{path}: cannot save: the file is read-only")
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=temp_prefix(path), suffix=".tmp")
    except OSError as problem:
        raise error(f"{path}: cannot save: {_reason(problem, folder)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    """The old file's permissions, or what a new file would get under the current umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _keep_backup(path: Path) -> None:
    """Keep the version about to be replaced; a hard link is instant and never torn."""
    bak = backup_path(path)
    bak.unlink(missing_ok=True)
    try:
        os.link(path, bak)
    except OSError:
        shutil.copy2(path, bak)


def _replace(tmp: Path, path: Path) -> None:
    """``os.replace``, retried briefly when another program holds the file (Windows)."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, path)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)


def _reason(error: OSError, folder: Path, replacing: bool = False) -> str:
    """Say why a save failed in words an officer can act on."""
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if replacing and error.errno != errno.EROFS and os.access(folder, os.W_OK):
            return "permission denied (is the file open in another program, such as Word?)"
        return f"the folder {folder} is read-only (permission denied)"
    if error.errno == errno.EDQUOT:
        return "the disk quota is used up"
    return error.strerror or str(error)
