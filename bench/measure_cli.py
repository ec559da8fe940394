"""``s55tui check`` and ``s55tui export`` as an officer runs them: whole processes, at each size.

Issue 17, target 5: "1,000/100 ratios <= 11x" for check and each export format. Every command
at every size runs once a round (pandoc's conversion of the same document too, where pandoc
is installed, so s55tui's Word export and pandoc's are timed side by side), and each figure is
the median over rounds. Also confirms, with ``python -X importtime``, that neither command
imports textual: the app's import cost must never be paid by a command that only reads or
writes files.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.measure_pandoc import pandoc_command
from bench.stats import median
from bench.timing import cli_command, rounds, run_once

FORMATS = ("md", "docx", "html")
TODAY = "2024-04-01"  # before the generated drafts' deadline, so check says nothing about the date


def check_command(draft: Path) -> list[str]:
    return cli_command("check", str(draft), "--today", TODAY)


def export_command(draft: Path, fmt: str, out: Path) -> list[str]:
    return cli_command("export", str(draft), "--format", fmt, "-o", str(out / f"{draft.stem}.{fmt}"))


def measure(
    drafts: dict[int, Path],
    out: Path,
    env: dict[str, str],
    repeats: int,
    pandoc_inputs: dict[int, Path],
    step: Callable[[str], None],
) -> dict[str, Any]:
    """Median seconds of check, each export format and pandoc at each size; the 1,000/100 ratios."""
    out.mkdir(parents=True, exist_ok=True)
    commands: dict[str, list[str]] = {}
    for size, draft in drafts.items():
        commands[f"check {size}"] = check_command(draft)
        for fmt in FORMATS:
            commands[f"{fmt} {size}"] = export_command(draft, fmt, out)
        if size in pandoc_inputs:
            commands[f"pandoc {size}"] = pandoc_command(pandoc_inputs[size], out / f"pandoc-{size}.docx")
    cases: dict[str, Callable[[], float]] = {
        name: (lambda command=command: run_once(command, env)) for name, command in commands.items()
    }
    runs = rounds(cases, repeats, step)
    result: dict[str, Any] = {"check": {}, "export": {fmt: {} for fmt in FORMATS}, "pandoc": {}}
    for name, times in runs.items():
        kind, size = name.rsplit(" ", 1)
        table = (
            result["check"]
            if kind == "check"
            else result["pandoc"]
            if kind == "pandoc"
            else result["export"][kind]
        )
        table[int(size)] = median(times)
    if 100 in drafts and 1000 in drafts:
        result["ratio_1000_100"] = {
            name: times[1000] / times[100]
            for name, times in [("check", result["check"]), *result["export"].items()]
        }
    return result


def warm_up(draft: Path, out: Path, env: dict[str, str]) -> None:
    """One untimed check and export of each format: the libraries' bytecode, the holiday cache."""
    out.mkdir(parents=True, exist_ok=True)
    run_once(check_command(draft), env)
    for fmt in FORMATS:
        run_once(export_command(draft, fmt, out), env)


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
