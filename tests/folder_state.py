"""What a user would see of a folder: every file's bytes and modification time, to prove nothing changed."""

from __future__ import annotations

from pathlib import Path


def folder_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each file under ``folder`` (by relative path) with its bytes and ``st_mtime_ns``.

    A new file (a backup, a half-written temporary, an export) shows up as a new key; a
    rewrite with the same bytes still shows as a new modification time.
    """
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
