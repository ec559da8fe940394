"""Word export against pandoc turning the same Markdown into .docx, where pandoc is installed.

pandoc is the tool an office would otherwise reach for, so it is the bar: ``s55tui export
--format docx`` (the whole command: start Python, read the draft, render, write) against
``pandoc -f gfm -t docx`` on the Markdown s55tui itself rendered from that draft. GitHub's
Markdown, not pandoc's own (``-f markdown``): it is the dialect s55tui writes and renders
(tables, autolinks, a single newline kept), so both read the document the same way. Both
commands are timed in the same rounds as the other commands (see ``measure_cli``); here are
pandoc's command, its input, and the part of s55tui's export pandoc does (Markdown to Word
only), timed in this process.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from bench.stats import median
from bench.timing import cli_command, run_once, time_call


def pandoc_version() -> str | None:
    """pandoc's version, or None when it is not installed."""
    if shutil.which("pandoc") is None:
        return None
    done = subprocess.run(["pandoc", "--version"], capture_output=True, text=True)
    return done.stdout.splitlines()[0] if done.returncode == 0 and done.stdout else None


def pandoc_command(markdown: Path, docx: Path) -> list[str]:
    """pandoc turning ``markdown`` (GitHub's dialect) into ``docx``."""
    return ["pandoc", "-f", "gfm", "-t", "docx", str(markdown), "-o", str(docx)]


def markdown_inputs(drafts: dict[int, Path], out: Path, env: dict[str, str]) -> dict[int, Path]:
    """The Markdown s55tui renders from each draft, written once, for pandoc to convert."""
    out.mkdir(parents=True, exist_ok=True)
    inputs = {}
    for size, draft in drafts.items():
        inputs[size] = out / f"{draft.stem}.pandoc-input.md"
        run_once(cli_command("export", str(draft), "--format", "md", "-o", str(inputs[size])), env)
    return inputs


def build_docx_times(inputs: dict[int, Path], repeats: int) -> dict[int, dict[str, Any]]:
    """Median seconds of s55tui's Markdown-to-Word step alone, in this process, at each size."""
    import s55tui.render.docx_writer  # noqa: F401  (imported now so no timed call pays for it)
    from s55tui.render.catalogue import REFERENCE_DOCX
    from s55tui.render.docx_document import build_docx

    result: dict[int, dict[str, Any]] = {}
    for size, path in inputs.items():
        markdown = path.read_text(encoding="utf-8")
        times = [
            time_call(lambda md=markdown: build_docx(md, REFERENCE_DOCX, "Benchmark", "Benchmark"))
            for _ in range(max(1, repeats))
        ]
        result[size] = {"build_docx": median(times), "markdown_bytes": len(markdown.encode("utf-8"))}
    return result
