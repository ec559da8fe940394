"""The drafts list: ``s55tui.library.scan`` over 50 drafts of 100 items, cold and warm.

Issue 17, target 2: "the drafts list with 50 drafts of 100 items in under 0.5 s (read only
what the table shows, cache it by size and mtime)". The rows are kept in the user's cache
folder, so every process here has ``XDG_CACHE_HOME`` in the run's temp folder, and each round
runs three fresh processes: a scan with that folder emptied first (cold: the first look at
the folder, or after the cache was cleared), a scan with the cache the first left (warm: every
later start), and the app started on the folder, timed to its table showing every draft. The
scans are timed inside the process, from before the call to after it, the imports done
(they are the app's, paid at its start); the target is judged on the warm scan.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.drafts import write_draft
from bench.environment import measured_env
from bench.measure_app import probe
from bench.stats import median
from bench.timing import rounds

DRAFTS, ITEMS = 50, 100
SCAN = """
import json, sys, time
from datetime import date
from pathlib import Path
from s55tui import library
start = time.perf_counter()
rows = library.scan(Path(sys.argv[1]), date(2024, 4, 1))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "rows": len(rows), "errors": sum(bool(r.error) for r in rows)}))
"""


def write_folder(folder: Path) -> Path:
    """50 drafts of 100 items: one written by the generator, the rest copies of it (the same
    bytes to read, without 50 times the generating)."""
    folder.mkdir(parents=True, exist_ok=True)
    first = write_draft(folder / "draft-01.toml", ITEMS)
    for number in range(2, DRAFTS + 1):
        shutil.copyfile(first, folder / f"draft-{number:02d}.toml")
    return folder


def _scan(folder: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", SCAN, str(folder)], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"scan failed: {tail[0]}")
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def measure(
    factory: str | None, folder: Path, work: Path, repeats: int, step: Callable[[str], None]
) -> dict[str, Any]:
    """Median seconds of the cold and the warm scan, and of the app's table (None: no app)."""
    cache = work / "cache-drafts-list"
    env = measured_env(work, cache=cache)

    def cold() -> dict[str, Any]:
        shutil.rmtree(cache, ignore_errors=True)
        return _scan(folder, env)

    def screen() -> float:
        answer, started = probe(["drafts", str(factory), str(folder)], env)
        return float(answer["table_shown"] - started)

    cases: dict[str, Callable[[], Any]] = {"cold": cold, "warm": lambda: _scan(folder, env)}
    if factory is not None:
        cases["screen"] = screen
    for case in cases.values():  # untimed: bytecode and the disk cache
        case()
    runs = rounds(cases, repeats, step)
    last = runs["warm"][-1]
    return {
        "drafts": DRAFTS,
        "items": ITEMS,
        "cold": median(r["seconds"] for r in runs["cold"]),
        "warm": median(r["seconds"] for r in runs["warm"]),
        "screen": median(runs["screen"]) if "screen" in runs else None,
        "rows": last["rows"],
        "errors": last["errors"],
    }
