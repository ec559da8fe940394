"""Wall-clock helpers: a subprocess or a call timed once, and cases timed round by round.

Subprocesses, because an officer's ``s55tui export`` pays for Python's start-up and every
import, and that is what they wait for. Rounds, because a machine that slows down mid-run (a
shared VM, another job) must slow every case compared, not only the ones measured last: each
round runs every case once, and the figure is the median over rounds (see ``bench.stats``).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def run_once(command: Sequence[str], env: dict[str, str], ok: Sequence[int] = (0,)) -> float:
    """Seconds one run of ``command`` takes; a run that fails is an error, never a fast figure."""
    start = time.perf_counter()
    done = subprocess.run(list(command), env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {tail[0]}")
    return seconds


def time_call(call: Callable[[], object]) -> float:
    """Seconds one call of ``call`` takes, in this process."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def median_call(call: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` calls of ``call`` in this process (``growth.py``'s
    cases, each compared with its own size before, not with another case)."""
    return statistics.median(time_call(call) for _ in range(max(1, repeats)))


def rounds(
    cases: Mapping[str, Callable[[], T]], repeats: int, progress: Callable[[str], None] | None = None
) -> dict[str, list[T]]:
    """Run every case once a round, ``repeats`` rounds; each case's results in round order."""
    results: dict[str, list[T]] = {name: [] for name in cases}
    for round_ in range(max(1, repeats)):
        if progress is not None:
            progress(f"round {round_ + 1} of {repeats}")
        for name, case in cases.items():
            results[name].append(case())
    return results


def cli_command(*args: str) -> list[str]:
    """The command line for ``s55tui ARGS`` with this interpreter (the venv the benchmark runs in)."""
    return [sys.executable, "-m", "s55tui", *args]
