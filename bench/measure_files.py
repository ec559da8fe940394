"""Load and save of big drafts, in this process, as the app does them.

Loading is what opening a draft costs before any widget exists. Saving is timed twice: the
first save after loading also parses the file with tomlkit (to keep comments and order), a
later one only rewrites what changed. A save slower than a frame (16 ms) must run off the UI
thread, or typing stalls while it happens.
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

from bench.timing import median_call


def measure(drafts: dict[int, Path], work: Path, repeats: int) -> dict:
    """Median seconds of load, first save and later save for each draft given."""
    import tomlkit  # noqa: F401  (imported now: an app pays for it once, not on every save)

    from s55tui.draftfile import load_draft, save_draft

    result: dict = {}
    for size, source in drafts.items():
        path = work / f"save-{size}.toml"
        shutil.copyfile(source, path)
        load = median_call(lambda p=path: load_draft(p), repeats)
        first_saves, later_saves = [], []
        for round_ in range(max(1, repeats)):
            draft = load_draft(path).draft
            draft.items[0].cc_response += f"\n\nEdited in round {round_}."
            first_saves.append(median_call(lambda d=draft, p=path: save_draft(p, d, loaded_from=p), 1))
            draft.items[-1].pcc_response += f"\n\nEdited again in round {round_}."
            later_saves.append(median_call(lambda d=draft, p=path: save_draft(p, d, loaded_from=p), 1))
        result[size] = {
            "load": load,
            "first_save": statistics.median(first_saves),
            "later_save": statistics.median(later_saves),
            "bytes": path.stat().st_size,
        }
    return result
