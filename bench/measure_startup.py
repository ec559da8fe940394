"""Start-up against the bare app, and ``s55tui check`` on one item against the same yardstick.

Issue 17, target 4: "start-up to a screen where the officer can type the next owed answer at
most 1.6x the bare app, with the lock taken before the first keystroke can change anything";
target 5: "``check`` on one item at most 0.6x the bare app's start". So, each a fresh process,
round by round: the bare Textual app (Header, Static, Footer) to its first frame; s55tui on
the example draft (which owes two responses) to its first frame and on to the first frame
with the cursor in the next owed response (the app opens there, or ``ctrl+g`` takes it there,
sent at the first frame), noting whether the draft was locked at each; ``s55tui check`` on a
one-item draft as a whole process, with the user cache as a run leaves it (the bank holidays
kept) and, beside it, with an empty cache (the first check ever, which asks the holidays
library).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.environment import measured_env
from bench.measure_app import probe
from bench.measure_cli import check_command
from bench.stats import median
from bench.timing import rounds, run_once


def measure(
    factory: str,
    example: Path,
    one_item: Path,
    work: Path,
    env: dict[str, str],
    repeats: int,
    step: Callable[[str], None],
) -> dict[str, Any]:
    """Median seconds of each start-up and check, peak memory, the locks seen, and the ratios."""
    cold_cache = work / "cache-empty"
    cold_env = measured_env(work, cache=cold_cache)

    def cold_check() -> float:
        shutil.rmtree(cold_cache, ignore_errors=True)
        return run_once(check_command(one_item), cold_env)

    def started(args: list[str]) -> dict[str, Any]:
        answer, at = probe(args, env)
        return {
            **answer,
            "first_frame": answer["first_frame"] - at,
            "typing_screen": answer.get("typing_screen", at) - at,
        }

    cases: dict[str, Callable[[], Any]] = {
        "bare": lambda: started(["startup", "bare"]),
        "example": lambda: started(["startup", factory, str(example), "--typing", "1"]),
        "check_1": lambda: run_once(check_command(one_item), env),
        "check_1_empty_cache": cold_check,
    }
    for case in cases.values():  # untimed: bytecode of the libraries, the holiday cache, the disk cache
        case()
    runs = rounds(cases, repeats, step)
    bare, example = runs["bare"], runs["example"]
    result: dict[str, Any] = {
        "bare": {"first_frame": median(r["first_frame"] for r in bare), "maxrss_mb": _mb(bare)},
        "example": {
            "first_frame": median(r["first_frame"] for r in example),
            "typing_screen": median(r["typing_screen"] for r in example),
            "maxrss_mb": _mb(example),
            "route": example[0].get("route", ""),
            "lock_at_first_frame": sorted({r["lock_at_first_frame"] for r in example}),
            "lock_at_typing_screen": sorted({r["lock_at_typing_screen"] for r in example}),
        },
        "check_1": median(runs["check_1"]),
        "check_1_empty_cache": median(runs["check_1_empty_cache"]),
    }
    base = result["bare"]["first_frame"]
    result["ratio_typing_bare"] = result["example"]["typing_screen"] / base
    result["ratio_first_frame_bare"] = result["example"]["first_frame"] / base
    result["ratio_check_bare"] = result["check_1"] / base
    result["locked_before_typing"] = result["example"]["lock_at_typing_screen"] == ["locked"]
    return result


def _mb(answers: list[dict[str, Any]]) -> float:
    """The highest peak memory of the runs, in MB."""
    return max(a["maxrss_kb"] for a in answers) / 1024
