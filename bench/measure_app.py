"""The app's own figures: start-up against a bare Textual app, typing at 50 KB, a 1,000-item open.

Every measure runs ``app_probe.py`` in a fresh process, so start-ups are cold and the bare app
pays for nothing of s55tui. The app is reached only through its factory contract,
``s55tui.tui.app.build_app(draft, *, drafts_dir, profile, today) -> App``; while that does not
import, the figures say "app not available" rather than failing the run.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.drafts import markdown_text, write_draft

PROBE = Path(__file__).resolve().parent / "app_probe.py"
FACTORY = "s55tui.tui.app:build_app"
# How the benchmark reaches an item's response in the app: the keys that open the first item
# from a freshly opened draft, and the response TextArea's id. Empty: press Enter and take the
# TextArea holding the 50 KB response (or the focused one).
OPEN_KEYS: tuple[str, ...] = ()
TEXTAREA_ID: str | None = None
BIG_TEXT = 50_000


def availability(factory: str, env: dict[str, str]) -> str | None:
    """None when the factory imports, else the reason it does not (one line)."""
    module, _, name = factory.partition(":")
    code = f"import {module} as m; m.{name or 'build_app'}"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    if done.returncode == 0:
        return None
    lines = done.stderr.strip().splitlines()
    return lines[-1] if lines else f"exit status {done.returncode}"


def _probe(args: list[str], env: dict[str, str]) -> tuple[dict, float]:
    """Run the probe; its JSON answer and the monotonic time just before the process started."""
    started = time.monotonic()
    done = subprocess.run([sys.executable, str(PROBE), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"app probe {' '.join(args[:2])} failed: {tail[0]}")
    return json.loads(done.stdout.strip().splitlines()[-1]), started


def startup(factory: str, example: Path, big: Path, env: dict[str, str], repeats: int) -> dict:
    """Process start to first frame (median seconds) and peak memory: bare, example, 1,000 items.

    The three are interleaved, round by round, so a machine that slows down mid-run slows all.
    """
    runs: dict[str, list[dict]] = {"bare": [], "example": [], "items_1000": []}
    cases = {
        "bare": ["startup", "bare"],
        "example": ["startup", factory, str(example)],
        "items_1000": ["startup", factory, str(big)],
    }
    for _ in range(max(1, repeats)):
        for name, args in cases.items():
            answer, started = _probe(args, env)
            runs[name].append({"seconds": answer["first_frame"] - started, "maxrss_kb": answer["maxrss_kb"]})
    result = {
        name: {
            "seconds": statistics.median(r["seconds"] for r in rows),
            "maxrss_mb": max(r["maxrss_kb"] for r in rows) / 1024,
        }
        for name, rows in runs.items()
    }
    result["ratio_example_bare"] = result["example"]["seconds"] / result["bare"]["seconds"]
    result["ratio_1000_example"] = result["items_1000"]["seconds"] / result["example"]["seconds"]
    return result


def keystrokes(factory: str, work: Path, env: dict[str, str], keys: int) -> dict:
    """CPU per key typed into a 50 KB response: the app, a bare TextArea holding the same text, both."""
    text = markdown_text(random.Random(7), BIG_TEXT)
    text_file = work / "big-response.md"
    text_file.write_text(text, encoding="utf-8")
    draft = write_draft(work / "typing.toml", 10, big_response=BIG_TEXT)
    extra = (["--id", TEXTAREA_ID] if TEXTAREA_ID else []) + (
        ["--open", ",".join(OPEN_KEYS)] if OPEN_KEYS else []
    )
    bare, _ = _probe(["keys", "bare", str(text_file), "--keys", str(keys)], env)
    app, _ = _probe(["keys", factory, str(text_file), str(draft), "--keys", str(keys), *extra], env)
    result = {"bare": bare, "app": app}
    if "cpu_mean_ms" in app:
        result["app_minus_bare_ms"] = app["cpu_mean_ms"] - bare["cpu_mean_ms"]
    return result
