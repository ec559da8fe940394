"""Wall-clock helpers: the median of several runs, of a subprocess or of a call in this process.

The median, not the mean, because one run disturbed by the machine (a cache miss, another
process) should not move the figure; subprocesses, because an officer's ``s55tui export`` pays
for Python's start-up and every import, and that is what they wait for.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path


def quiet_env(config: Path) -> dict[str, str]:
    """The environment for a measured subprocess: no officer's real profile, no stray colour codes."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(config)
    env["NO_COLOR"] = "1"
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def run_once(command: Sequence[str], env: dict[str, str], ok: Sequence[int] = (0,)) -> float:
    """Seconds one run of ``command`` takes; a run that fails is an error, never a fast figure."""
    start = time.perf_counter()
    done = subprocess.run(list(command), env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in ok:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {tail[0]}")
    return seconds


def median_run(command: Sequence[str], env: dict[str, str], repeats: int, ok: Sequence[int] = (0,)) -> float:
    """The median wall time of ``repeats`` runs of ``command``."""
    return statistics.median(run_once(command, env, ok) for _ in range(max(1, repeats)))


def median_call(call: Callable[[], object], repeats: int) -> float:
    """The median wall time of ``repeats`` calls of ``call`` in this process."""
    times = []
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_command(*args: str) -> list[str]:
    """The command line for ``s55tui ARGS`` with this interpreter (the venv the benchmark runs in)."""
    return [sys.executable, "-m", "s55tui", *args]
