"""Running the app probe, and the typing yardstick: CPU per key in a 50 KB response.

Every app measure runs ``app_probe.py`` in a fresh process, so start-ups are cold and the bare
app pays for nothing of s55tui. The app is reached only through its factory contract,
``s55tui.tui.app.build_app(draft, *, drafts_dir, profile, today) -> App``; while that does not
import, the figures say "app not available" rather than failing the run.

Typing is no target of issue 17, but its yardstick was wrong (a bare TextArea 38 rows tall
against the app's box of 16, painting more than twice the lines a key), so it is kept as a
figure, fixed: the bare TextArea is given the height the app's response box has at 120x40,
as the app's probe reports it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.drafts import markdown_text, write_draft
from bench.stats import median, summary
from bench.timing import rounds

PROBE = Path(__file__).resolve().parent / "app_probe.py"
FACTORY = "s55tui.tui.app:build_app"
# How the benchmark reaches an item's response in the app: the keys that open the first item
# from a freshly opened draft, and the response TextArea's id.
OPEN_KEYS: tuple[str, ...] = ("ctrl+n", "ctrl+n")  # details -> key findings -> the first item
TEXTAREA_ID = "f-cc_response"
BIG_TEXT = 50_000
PROBE_TIMEOUT = 600
BOX_HEIGHT = 16  # ResponseArea's max-height: the yardstick's height until the app reports its own


def availability(factory: str, env: dict[str, str]) -> str | None:
    """None when the factory imports, else the reason it does not (one line)."""
    module, _, name = factory.partition(":")
    code = f"import {module} as m; m.{name or 'build_app'}"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode == 0:
        return None
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit status {done.returncode}"


def probe(args: list[str], env: dict[str, str]) -> tuple[dict[str, Any], float]:
    """Run the probe; its JSON answer and the monotonic time just before the process started.

    A probe that has not answered in ``PROBE_TIMEOUT`` seconds is stopped, and so is the run of
    that measure (``RuntimeError``): an app that fails headless can spend minutes drawing its
    traceback, and the benchmark must go on to the next measure, not wait.
    """
    started = time.monotonic()
    command = [sys.executable, str(PROBE), *args]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=PROBE_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"app probe {' '.join(args[:2])} gave no answer in {PROBE_TIMEOUT} s") from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"app probe {' '.join(args[:2])} failed: {tail[0]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), started


def keystrokes(
    factory: str, work: Path, env: dict[str, str], keys: int, repeats: int, step: Callable[[str], None]
) -> dict[str, Any]:
    """CPU per key typed into a 50 KB response: the app and a bare TextArea of the same height,
    ``keys`` keys a process, round by round; median and p95 over every key typed."""
    text = markdown_text(random.Random(7), BIG_TEXT)
    text_file = work / "big-response.md"
    text_file.write_text(text, encoding="utf-8")
    draft = write_draft(work / "typing.toml", 10, big_response=BIG_TEXT)
    app_args = [
        "keys",
        factory,
        str(text_file),
        str(draft),
        "--id",
        TEXTAREA_ID,
        "--open",
        ",".join(OPEN_KEYS),
    ]
    warm, _ = probe([*app_args, "--keys", "1"], env)  # untimed: the libraries' bytecode, the box's height
    height = int(warm.get("box_height") or BOX_HEIGHT)
    cases = {
        "app": lambda: probe([*app_args, "--keys", str(keys)], env)[0],
        "bare": lambda: probe(
            ["keys", "bare", str(text_file), "--keys", str(keys), "--height", str(height)], env
        )[0],
    }
    runs = rounds(cases, repeats, step)
    result: dict[str, Any] = {"box_height": height}
    for name, answers in runs.items():
        errors = [a["error"] for a in answers if "error" in a]
        if errors:
            result[name] = {"error": errors[0]}
            continue
        per_key = [ms for a in answers for ms in a["cpu_ms"]]
        result[name] = {
            "keys": len(per_key),
            "cpu_ms": summary(per_key),
            "harness_ms": median(a["harness_ms"] for a in answers),
            "textarea": answers[0]["textarea"],
            "chars": answers[0]["chars"],
            "text_source": answers[0]["text_source"],
        }
    return result
