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
import os
from datetime import date
from pathlib import Path

from s55tui.cache_folder import cache_file, read_json, write_json


def cache_path() -> Path:
    """Where the holidays are kept: the user's cache folder for s55tui."""
    return cache_file("bank-holidays.json")


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
    stored = read_json(path)
    with contextlib.suppress(ValueError, TypeError, AttributeError):  # any JSON at all may be there
        if isinstance(stored, dict) and stored.get("library") == label and label:
            kept = dict(stored.get("years", {}))
            found = kept.get(str(year))
            if isinstance(found, dict):
                return {date.fromisoformat(day): str(name) for day, name in found.items()}
    import holidays  # the source: imported only when the cache cannot answer

    calendar = dict(holidays.country_holidays("GB", subdiv="ENG", years=year))
    kept[str(year)] = {day.isoformat(): name for day, name in calendar.items()}
    if label:
        write_json(path, {"library": label, "years": kept})  # whole or not at all; a failure is not used
    return calendar
