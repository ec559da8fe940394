"""Export in a child process, so that the app's keyboard never waits for a big document.

Rendering a 1,000-item response as Word is seconds of pure Python. On a thread of the app's
own process it holds the interpreter for long spells, and the keys an officer types while it
runs wait for it (measured: a 95th percentile of 0.7 s a key, and spells of nearly 3 s). A
child process shares nothing with the app's interpreter, so typing stays as quick as ever.

The child is this module run with the app's own Python (``python -m
s55tui.render.export_process``). It reads what to export as a pickle on its standard input and
answers with a pickle on its standard output: the paths written, or the one-line error an
officer is shown. Pickle is safe here because both ends are this program, on one machine,
through a pipe no one else holds. Cancelling the wait (the officer quits mid-export) kills the
child; every file is written atomically, so nothing half-written is left under its name.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from s55tui.errors import S55Error
from s55tui.model import Draft
from s55tui.render.export import ExportError, ExportSettings, export

_OK, _REFUSED = "written", "refused"


async def export_in_child(
    draft: Draft, draft_path: Path, formats: Sequence[str], settings: ExportSettings
) -> list[Path]:
    """``export(draft, draft_path, formats, settings=settings)`` run in a child process.

    Raises ``S55Error`` with the export's own message when it refuses (a template error, a
    folder that cannot be written), and ``ExportError`` when the child itself failed.
    """
    bare = dataclasses.replace(draft, file_state=None)  # the file's own text and parse: not needed
    payload = pickle.dumps((bare, draft_path, tuple(formats), settings), protocol=pickle.HIGHEST_PROTOCOL)
    try:
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            __name__,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=_child_environment(),
        )
    except OSError as error:  # no process could be started (out of memory, too many processes)
        raise ExportError(f"{draft_path}: the export could not start: {error.strerror or error}") from None
    try:
        out, err = await child.communicate(payload)
    except BaseException:  # cancelled (the app quits, or a new export replaces this one)
        if child.returncode is None:
            child.kill()
            await asyncio.shield(child.wait())
        raise
    return _answer(out, err, child.returncode, draft_path)


def _child_environment() -> dict[str, str]:
    """The app's environment, with this package findable however the app was started (an
    install, or ``python -m s55tui`` from a checkout)."""
    env = dict(os.environ)
    here = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
    return env


def _answer(out: bytes, err: bytes, code: int | None, draft_path: Path) -> list[Path]:
    """What the child said, or an error saying how it failed (its last line of output)."""
    kind: object = None
    value: Any = None
    if out:
        try:
            kind, value = pickle.loads(out)
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
            kind = None
    if kind == _OK:
        return [Path(p) for p in value]
    if kind == _REFUSED:
        raise S55Error(str(value))
    last = next((line for line in reversed(err.decode("utf-8", "replace").splitlines()) if line.strip()), "")
    said = f": {last}" if last else ""
    raise ExportError(f"{draft_path}: the export stopped before it finished (exit {code}){said}")


def _serve(stdin: Any, stdout: Any) -> int:
    """Read one request from ``stdin``, export, and write the answer to ``stdout``."""
    draft, draft_path, formats, settings = pickle.load(stdin)
    try:
        written: Any = (_OK, [str(p) for p in export(draft, draft_path, formats, None, None, settings)])
    except S55Error as error:
        written = (_REFUSED, str(error))
    pickle.dump(written, stdout, protocol=pickle.HIGHEST_PROTOCOL)
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve(sys.stdin.buffer, sys.stdout.buffer))
