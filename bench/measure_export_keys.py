"""Whether exporting from the app blocks the keyboard: keys typed during it, and without it.

Issue 17, target 1: "export from the app never blocks the keyboard". Each run is a fresh app
process on the 1,000-item draft (``app_probe.py export-keys``, see ``probe_export``): keys
typed at a steady pace with no export, then while the export runs (for ``seconds`` at most:
a --quick run watches only the export's first seconds), each timed to its frame. The runs'
keys are pooled; the verdict is on the p95 of the keys typed during the export.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure_app import probe
from bench.stats import median, summary
from bench.timing import rounds


def measure(
    factory: str,
    draft: Path,
    env: dict[str, str],
    repeats: int,
    baseline: int,
    seconds: float,
    step: Callable[[str], None],
) -> dict[str, Any]:
    """Seconds per key without and during the export (median, p95, max), and the export's time
    (the median of the runs where it finished within ``seconds``)."""
    args = ["export-keys", factory, str(draft), "--baseline", str(baseline), "--seconds", str(seconds)]
    runs = rounds({"export": lambda: probe(args, env)[0]}, repeats, step)["export"]
    finished = [r["export_seconds"] for r in runs if r["export_seconds"] is not None]
    return {
        "watched_seconds": seconds,
        "baseline": summary(t for r in runs for t in r["baseline"]),
        "during": summary(t for r in runs for t in r["during"]) if any(r["during"] for r in runs) else None,
        "export_seconds": median(finished) if finished else None,
        "finished": len(finished),
        "runs": len(runs),
        "owed_key_during": median(r["owed_key_during"] for r in runs),
        "written": runs[-1].get("written", []),
    }
