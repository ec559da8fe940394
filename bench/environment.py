"""The environment every measured process gets, and its bytecode compiled once before measuring.

Each measured process must pay for what an officer's would, and for nothing else: no officer's
real profile or cache (``XDG_CONFIG_HOME`` and ``XDG_CACHE_HOME`` point into the run's temp
folder), and no compiling. Nor ``NO_COLOR``: Textual answers it by passing every painted line
through a monochrome filter, a cost an officer's terminal does not have (and the commands
print no colour to a pipe anyway). Where ``PYTHONDONTWRITEBYTECODE`` is set (as in
this project's shells), every fresh process compiled every module it imported from source, a
cost an installed s55tui never pays; so bytecode goes to a folder of the run's own
(``PYTHONPYCACHEPREFIX``), writing is allowed there, s55tui and the benchmark are compiled
into it before anything is timed, and the libraries' modules are written there by the
untimed warm-up run of each kind of process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measured_env(work: Path, cache: Path | None = None) -> dict[str, str]:
    """The environment for a measured subprocess, everything it keeps under ``work``.

    ``cache`` is the user cache folder (``work/cache`` unless given): the drafts list is
    measured with a cache of its own, emptied for each cold run.
    """
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env["XDG_CACHE_HOME"] = str(cache or work / "cache")
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("NO_COLOR", None)
    return env


def compile_bytecode(env: dict[str, str]) -> None:
    """Compile s55tui and the benchmark into ``env``'s bytecode folder, once, before measuring."""
    folders = [str(ROOT / "s55tui"), str(ROOT / "bench")]
    command = [sys.executable, "-m", "compileall", "-q", "-j", "0", *folders]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"compileall failed: {(done.stderr or done.stdout).strip()[-300:]}")
