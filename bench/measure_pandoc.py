"""Word export against pandoc turning the same Markdown into .docx, where pandoc is installed.

pandoc is the tool an office would otherwise reach for, so it is the bar: ``s55tui export
--format docx`` (the whole command: start Python, read the draft, render, write) should beat
``pandoc -f markdown -t docx`` on the Markdown s55tui itself rendered from that draft.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bench.measure_cli import export_command
from bench.timing import cli_command, median_call, median_run


def pandoc_version() -> str | None:
    """pandoc's version, or None when it is not installed."""
    if shutil.which("pandoc") is None:
        return None
    done = subprocess.run(["pandoc", "--version"], capture_output=True, text=True)
    return done.stdout.splitlines()[0] if done.returncode == 0 and done.stdout else None


def measure(drafts: dict[int, Path], out: Path, env: dict[str, str], repeats: dict[int, int]) -> dict:
    """Median seconds for s55tui's .docx and pandoc's at each size given; pandoc None if absent."""
    import s55tui.render.docx_writer  # noqa: F401  (imported now so no timed call pays for it)
    from s55tui.render.catalogue import REFERENCE_DOCX
    from s55tui.render.docx_document import build_docx

    version = pandoc_version()
    result: dict = {"pandoc": version, "sizes": {}}
    for size, draft in drafts.items():
        markdown_file = out / f"{draft.stem}.pandoc-input.md"
        median_run(cli_command("export", str(draft), "--format", "md", "-o", str(markdown_file)), env, 1)
        markdown = markdown_file.read_text(encoding="utf-8")
        row = {
            "s55tui_export": median_run(export_command(draft, "docx", out), env, repeats[size]),
            # Markdown to Word only, in this process: the part pandoc does.
            "s55tui_build_docx": median_call(
                lambda md=markdown: build_docx(md, REFERENCE_DOCX, "Benchmark", "Benchmark"), repeats[size]
            ),
            "markdown_bytes": len(markdown.encode("utf-8")),
            "pandoc": None,
        }
        if version is not None:
            command = ["pandoc", "-f", "markdown", "-t", "docx", str(markdown_file)]
            command += ["-o", str(out / "pandoc.docx")]
            row["pandoc"] = median_run(command, env, repeats[size])
        result["sizes"][size] = row
    return result
