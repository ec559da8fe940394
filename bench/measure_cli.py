"""``s55tui check`` and ``s55tui export`` as an officer runs them: whole processes, at each size.

Also confirms, with ``python -X importtime``, that neither command imports textual: the app's
import cost (about 0.2 s) must never be paid by a command that only reads or writes files.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.timing import cli_command, median_run

FORMATS = ("md", "docx", "html")
TODAY = "2024-04-01"  # before the generated drafts' deadline, so check says nothing about the date


def check_command(draft: Path) -> list[str]:
    return cli_command("check", str(draft), "--today", TODAY)


def export_command(draft: Path, fmt: str, out: Path) -> list[str]:
    return cli_command("export", str(draft), "--format", fmt, "-o", str(out / f"{draft.stem}.{fmt}"))


def measure(drafts: dict[int, Path], out: Path, env: dict[str, str], repeats: dict[int, int]) -> dict:
    """Median seconds of check and of each export format at each size, and the 1,000/100 ratios."""
    out.mkdir(parents=True, exist_ok=True)
    result: dict = {"check": {}, "export": {fmt: {} for fmt in FORMATS}}
    for size, draft in drafts.items():
        result["check"][size] = median_run(check_command(draft), env, repeats[size])
        for fmt in FORMATS:
            result["export"][fmt][size] = median_run(export_command(draft, fmt, out), env, repeats[size])
    if 100 in drafts and 1000 in drafts:
        result["ratio_1000_100"] = {
            name: times[1000] / times[100]
            for name, times in [("check", result["check"]), *result["export"].items()]
        }
    return result


def textual_imports(draft: Path, out: Path, env: dict[str, str]) -> dict[str, list[str]]:
    """For check and export, the textual modules ``-X importtime`` saw imported (none, we hope)."""
    found: dict[str, list[str]] = {}
    for name, command in [
        ("check", check_command(draft)),
        ("export", cli_command("export", str(draft), "--format", "all", "-o", str(out) + "/")),
    ]:
        command.insert(1, "-X")
        command.insert(2, "importtime")
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"{name} failed under -X importtime: {done.stderr.strip()[-200:]}")
        modules = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
        found[name] = sorted(m for m in modules if m == "textual" or m.startswith("textual."))
    return found
