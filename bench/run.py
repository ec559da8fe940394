"""Run every benchmark of issue 7 and print the table: ``python bench/run.py [--quick]``.

Writes the figures and verdicts to ``bench/results.json``. It is a benchmark, not a test: it
never fails on a figure (exit 0 whatever the verdicts), and pytest never collects it. Progress
goes to stderr, the table to stdout, so ``run.py > table.md`` keeps only the table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``bench`` importable as a package
    sys.path.insert(0, str(ROOT))

from bench import machine, measure_app, measure_cli, measure_files, measure_pandoc  # noqa: E402
from bench.drafts import write_drafts  # noqa: E402
from bench.report import table, targets  # noqa: E402
from bench.timing import quiet_env  # noqa: E402

EXAMPLE = ROOT / "drafts" / "safe-to-share.toml"
RESULTS = Path(__file__).resolve().parent / "results.json"


def _step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and keys: under a minute")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON results")
    parser.add_argument(
        "--show", action="store_true", help="print the table of the last results; measure nothing"
    )
    parser.add_argument(
        "--app-factory", default=measure_app.FACTORY, help="module:function building the app (for testing)"
    )
    return parser.parse_args(argv)


def measure(options: argparse.Namespace, work: Path) -> dict:
    """Every figure, in one run on one machine."""
    quick = options.quick
    repeats = 1 if quick else 5
    repeats_1000 = 1 if quick else 3
    per_size = {10: repeats, 100: repeats, 1000: repeats_1000}
    env = quiet_env(work / "config")
    results: dict = {
        "machine": machine.describe(),
        "when": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "quick": quick,
        "repeats": repeats,
        "repeats_1000": repeats_1000,
    }
    _step("generating drafts of 10, 100 and 1,000 items")
    drafts = write_drafts(work / "drafts")
    _step("check and export at each size")
    results["cli"] = measure_cli.measure(drafts, work / "out", env, per_size)
    results["textual_imports"] = measure_cli.textual_imports(drafts[10], work / "out", env)
    _step("Word export against pandoc")
    pandoc_sizes = {100: drafts[100]} if quick else {100: drafts[100], 1000: drafts[1000]}
    results["pandoc"] = measure_pandoc.measure(pandoc_sizes, work / "out", env, per_size)
    _step("load and save")
    results["files"] = measure_files.measure({100: drafts[100], 1000: drafts[1000]}, work, repeats_1000)
    results["app"] = _measure_app(options, work, env, drafts[1000])
    return results


def _measure_app(options: argparse.Namespace, work: Path, env: dict[str, str], big: Path) -> dict:
    factory = options.app_factory
    app: dict = {"factory": factory, "default_factory": measure_app.FACTORY}
    reason = measure_app.availability(factory, env)
    if reason is not None:
        _step(f"app not available: {reason}")
        app["unavailable"] = reason
        return app
    _step("app start-up and memory")
    example = work / "drafts" / EXAMPLE.name  # a copy: the app may lock or autosave what it opens
    shutil.copyfile(EXAMPLE, example)
    app["startup"] = measure_app.startup(factory, example, big, env, 2 if options.quick else 7)
    _step("typing into a 50 KB response")
    app["keys"] = measure_app.keystrokes(factory, work, env, 100 if options.quick else 500)
    return app


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    if options.show:
        results = json.loads(options.out.read_text(encoding="utf-8"))
        results["targets"] = targets(results)
        print(table(results))
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="s55tui-bench-") as folder:
        results = measure(options, Path(folder))
    results["targets"] = targets(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    options.out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(table(results), flush=True)
    _step(f"done in {results['seconds']} s; figures in {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
