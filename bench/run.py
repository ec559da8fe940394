"""Measure issue 17's targets and print the table: ``python bench/run.py [--quick] [--show]``.

Writes the figures and verdicts to ``bench/results.json``. It is a benchmark, not a test: it
never fails on a figure (exit 0 whatever the verdicts), and pytest never collects it. Progress
goes to stderr, the table (Markdown) to stdout, so ``run.py > table.md`` keeps only the table.

The method (issue 17, target 7): every measure runs at least ``REPEATS`` times, round by round
between the cases it compares (see ``bench.timing.rounds``), and reports the median (and the
95th percentile where the target is one); every process gets the environment of
``bench.environment``, with s55tui's bytecode compiled once before anything is timed and one
untimed warm-up of each kind of process. ``--quick`` keeps the repeats but leaves out the
command-line runs at 10 and 1,000 items (so the 1,000/100 ratios are n/a) and the in-process
1,000-item load and save, presses fewer keys in the app, and watches only the first 10 s of
each export.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make ``bench`` importable as a package
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    machine,
    measure_app,
    measure_cli,
    measure_drafts_list,
    measure_export_keys,
    measure_files,
    measure_interactions,
    measure_pandoc,
    measure_review,
    measure_startup,
)
from bench.drafts import write_draft, write_drafts  # noqa: E402
from bench.environment import compile_bytecode, measured_env  # noqa: E402
from bench.report import table, targets  # noqa: E402

EXAMPLE = ROOT / "drafts" / "safe-to-share.toml"
RESULTS = Path(__file__).resolve().parent / "results.json"
REPEATS = 5
OWED_EVERY = 10  # the app's drafts owe one item in ten, so "next owed" has somewhere to go
BIG = 10_000


def _step(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _sub(title: str) -> Any:
    """A progress callback that names the measure with each round."""
    return lambda message: _step(f"  {title}: {message}")


def _guarded(name: str, measure_one: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """One measure's figures, or ``{"error": why}`` when it failed: the other measures of a
    20-minute run are kept, and its rows say n/a with the reason."""
    try:
        return measure_one()
    except Exception as error:  # any: the app may fail in ways nobody foresaw
        _step(f"  {name} failed: {error}")
        return {"error": f"{type(error).__name__}: {error}"}


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="the same repeats, fewer sizes and keys: a few minutes"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON results")
    parser.add_argument(
        "--show", action="store_true", help="print the table of the last results; measure nothing"
    )
    parser.add_argument(
        "--app-factory", default=measure_app.FACTORY, help="module:function building the app (for testing)"
    )
    return parser.parse_args(argv)


def measure(options: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every figure, in one run on one machine."""
    quick = options.quick
    env = measured_env(work)
    results: dict[str, Any] = {
        "machine": machine.describe(),
        "when": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "quick": quick,
        "repeats": REPEATS,
    }
    _step("compiling s55tui and the benchmark to bytecode, once")
    compile_bytecode(env)
    _step("generating drafts")
    folder = work / "drafts"
    cli_sizes = (100,) if quick else (10, 100, 1000)
    drafts = write_drafts(folder, cli_sizes)
    one_item = write_draft(folder / "items-1.toml", 1)
    app_drafts = {n: write_draft(folder / f"app-{n}.toml", n, owed_every=OWED_EVERY) for n in (100, 1000)}
    example = folder / EXAMPLE.name  # a copy: the app locks and saves what it opens
    shutil.copyfile(EXAMPLE, example)
    _step(f"generating a draft of {BIG:,} items (about 50 MB)")
    big = write_draft(folder / f"items-{BIG}.toml", BIG)

    _step("check and export at each size, and pandoc, round by round")
    out = work / "out"
    measure_cli.warm_up(drafts[100], out, env)
    pandoc = measure_pandoc.pandoc_version()
    pandoc_sizes = {n: drafts[n] for n in cli_sizes if n >= 100} if pandoc else {}
    inputs = measure_pandoc.markdown_inputs(pandoc_sizes, out, env)
    results["cli"] = _guarded(
        "commands",
        lambda: measure_cli.measure(
            {n: drafts[n] for n in cli_sizes}, out, env, REPEATS, inputs, _sub("commands")
        ),
    )
    results["pandoc"] = {"version": pandoc, "sizes": measure_pandoc.build_docx_times(inputs, REPEATS)}
    results["textual_imports"] = measure_cli.textual_imports(drafts[100], out, env)
    _step(f"open and save at {BIG:,} items (and 1,000 in a full run), in process")
    sizes = {BIG: big} if quick else {1000: drafts[1000], BIG: big}
    results["files"] = _guarded("files", lambda: measure_files.measure(sizes, work, REPEATS, _sub("files")))
    results["app"] = _measure_app(options, work, env, example, one_item, app_drafts, folder)
    return results


def _measure_app(
    options: argparse.Namespace,
    work: Path,
    env: dict[str, str],
    example: Path,
    one_item: Path,
    app_drafts: dict[int, Path],
    folder: Path,
) -> dict[str, Any]:
    quick = options.quick
    factory = options.app_factory
    app: dict[str, Any] = {"factory": factory, "default_factory": measure_app.FACTORY}
    reason = measure_app.availability(factory, env)
    _step("the drafts list: 50 drafts of 100 items, cold and warm")
    list_folder = measure_drafts_list.write_folder(work / "drafts-list")
    app["drafts_list"] = _guarded(
        "drafts list",
        lambda: measure_drafts_list.measure(
            None if reason else factory, list_folder, work, REPEATS, _sub("drafts list")
        ),
    )
    if reason is not None:
        _step(f"app not available: {reason}")
        app["unavailable"] = reason
        return app
    _step("start-up against the bare app, and check on one item")
    app["startup"] = _guarded(
        "start-up",
        lambda: measure_startup.measure(factory, example, one_item, work, env, REPEATS, _sub("start-up")),
    )
    _step("opening the review at 100 and 1,000 items, then a save; memory")
    app["review"] = _guarded(
        "review", lambda: measure_review.measure(factory, app_drafts, env, REPEATS, _sub("review"))
    )
    _step("interactions at 100 and 1,000 items")
    counts = {"steps": 10, "owed": 4, "reviews": 1} if quick else {"steps": 30, "owed": 10, "reviews": 3}
    app["interactions"] = _guarded(
        "interactions",
        lambda: measure_interactions.measure(factory, app_drafts, env, REPEATS, counts, _sub("interactions")),
    )
    _step("typing while exporting 1,000 items")
    baseline, watched = (20, 10.0) if quick else (40, 60.0)
    app["export_keys"] = _guarded(
        "export",
        lambda: measure_export_keys.measure(
            factory, app_drafts[1000], env, REPEATS, baseline, watched, _sub("export")
        ),
    )
    _step("typing into a 50 KB response, against a bare TextArea as tall")
    keys = 30 if quick else 100
    app["keys"] = _guarded(
        "typing", lambda: measure_app.keystrokes(factory, work, env, keys, REPEATS, _sub("typing"))
    )
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
