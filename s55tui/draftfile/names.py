"""Names of the files kept beside a draft, short enough for any file system.

A draft may be named with the report's whole title; file systems refuse a name over 255
bytes (UTF-8), so ``.NAME.toml.lock.json``, ``NAME.toml.bak`` and a save's temporary file
once made every save of a draft named over about 237 characters fail. A companion whose
name would be too long keeps the start of the draft's name and adds a short fingerprint of
the whole name, so it still sorts beside the draft, and two long names that begin alike
never share a lock.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

NAME_MAX = 255  # bytes in one file name: ext4, NTFS (as UTF-16 units), APFS, SMB shares
_ROOM = 8  # left for what a caller adds after the name (mkstemp's random letters)


def fitted(name: str, prefix: str = "", suffix: str = "", room: int = 0) -> str:
    """``prefix + name + suffix``, with ``name`` shortened (and fingerprinted) if it would not fit."""
    whole = f"{prefix}{name}{suffix}"
    if len(whole.encode("utf-8")) + room <= NAME_MAX:
        return whole
    mark = "~" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    budget = NAME_MAX - room - len(f"{prefix}{mark}{suffix}".encode())
    start = name.encode("utf-8", "surrogatepass")[: max(budget, 0)].decode("utf-8", "ignore")
    return f"{prefix}{start}{mark}{suffix}"


def beside(path: Path, prefix: str = "", suffix: str = "", room: int = 0) -> Path:
    """The companion file ``prefix + NAME + suffix`` in the draft's folder, fitted to the limit."""
    return path.with_name(fitted(path.name, prefix, suffix, room))


def temp_prefix(path: Path) -> str:
    """The start of a save's temporary file name (mkstemp adds 8 letters and ``.tmp``)."""
    return fitted(path.name, ".", ".", room=_ROOM + len(".tmp"))
