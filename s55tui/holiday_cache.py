"""England's bank holidays from the ``holidays`` library, kept on disk once worked out.

The library is the source of the calendar, but importing it and building a year costs about
half of a ``s55tui check`` (0.2 s and more). So each year's holidays, once the library has
given them, are kept in a small JSON file in the user's cache folder, labelled with the
installed library's own file (its size and time), so an upgraded library is asked again.
A cache that cannot be read or written is simply not used: the library answers as before.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
from datetime import date
from pathlib import Path


def cache_path() -> Path:
    """Where the holidays are kept: the user's cache folder for s55tui."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("s55tui", appauthor=False)) / "bank-holidays.json"


def _library_label() -> str:
    """The installed ``holidays`` library's own file, by size and time, found without importing it."""
    spec = importlib.util.find_spec("holidays")
    if spec is None or spec.origin is None:
        return ""
    with contextlib.suppress(OSError):
        info = os.stat(spec.origin)
        return f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}"
    return ""


def england_holidays(year: int) -> dict[date, str]:
    """England's bank holidays in ``year`` (Wales has the same), from the cache when it has them."""
    label = _library_label()
    path = cache_path()
    kept: dict[str, dict[str, str]] = {}
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("library") == label and label:
            kept = dict(stored.get("years", {}))
            found = kept.get(str(year))
            if isinstance(found, dict):
                return {date.fromisoformat(day): str(name) for day, name in found.items()}
    import holidays  # the source: imported only when the cache cannot answer

    calendar = dict(holidays.country_holidays("GB", subdiv="ENG", years=year))
    kept[str(year)] = {day.isoformat(): name for day, name in calendar.items()}
    if label:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}")
            temporary.write_text(json.dumps({"library": label, "years": kept}), encoding="utf-8")
            os.replace(temporary, path)  # whole or not at all: a second s55tui may be reading it
    return calendar
