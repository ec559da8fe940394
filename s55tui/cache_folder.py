"""Files s55tui keeps in the user's cache folder: answers worked out once and kept to save time.

Everything here may go at any moment (the officer, or the system, may empty the cache), so a
cache file is only ever a short cut: one that is missing, cannot be read or written, or is
not JSON is as if it were not there, and the caller works the answer out again. Nothing here
raises for a cache's sake. A file is replaced whole or not at all, since a second s55tui may
be reading it while this one writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path


def cache_file(name: str) -> Path:
    """``name`` in the user's cache folder for s55tui (``~/.cache/s55tui`` on Linux); it may not exist."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("s55tui", appauthor=False)) / name


def read_json(path: Path) -> object:
    """What the JSON file at ``path`` holds, or None when it is missing, unreadable or not JSON.

    The caller still checks the shape of what it gets: a file written by another version, or
    by hand, can hold any JSON at all.
    """
    with contextlib.suppress(OSError, ValueError):  # ValueError: not JSON, or not UTF-8
        return json.loads(path.read_text(encoding="utf-8"))
    return None


def write_json(path: Path, data: object) -> bool:
    """Replace ``path`` with ``data`` as JSON, whole or not at all; False when it could not be.

    The text goes to a temporary file beside it (named for this process and thread, so two
    writers never share one) and is renamed over the old file in one step. No fsync: a cache
    torn by a power cut is read as missing, which costs only the time to work it out again.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True
