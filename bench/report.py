"""Turn the raw figures into verdicts against issue 17's targets, and into the printed table.

One row per target, with its figure and PASS, MISS or n/a (and why n/a: no app, no pandoc,
not measured with ``--quick``); a target that could not be measured is never counted as met.
Then the figures behind the rows. The table is Markdown, so the same text is read in a
terminal and pasted into the README's Performance section. Pure: it reads the results dict
(as measured, or read back from JSON, where sizes are strings) and times nothing.
"""

from __future__ import annotations

from typing import Any

from bench.machine import one_line

PASS, MISS, NA = "PASS", "MISS", "n/a"
CLI_SIZES = (10, 100, 1000)

# Issue 17's bounds, in seconds, MB and ratios.
REVIEW_FIRST_LINES = 0.100
MEMORY_MB = 150
EXPORT_KEY_P95 = 0.100  # a key typed during an export is an interaction at 1,000 items
DRAFTS_LIST = 0.5
INTERACTION_P95 = {100: 0.050, 1000: 0.100}
TYPING_SCREEN_RATIO = 1.6
CHECK_RATIO = 0.6
GROWTH_RATIO = 11
BIG_OPEN, BIG_SAVE = 3.0, 1.0
MIN_REPEATS = 5
KINDS = (("step", "step"), ("owed", "next owed"), ("review", "review"))


def at(figures: dict[Any, Any] | None, size: int) -> Any:
    """The figure for ``size`` whether the keys are numbers (as measured) or strings (from JSON)."""
    if not figures:
        return None
    return figures.get(size, figures.get(str(size)))


def failed(section: Any) -> str | None:
    """The error a measure stopped on (its section is ``{"error": ...}``), else None."""
    return section["error"] if isinstance(section, dict) and "error" in section else None


def _why(section: Any, default: str) -> str:
    """Why a row has no figure: the measure's error, or ``default``."""
    error = failed(section)
    return f"failed: {error}" if error else default


def _verdict(ok: bool | None) -> str:
    return NA if ok is None else (PASS if ok else MISS)


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 17 with its figure and PASS, MISS or n/a (and why n/a)."""
    out: list[dict[str, Any]] = []

    def add(name: str, figure: str, ok: bool | None, note: str = "") -> None:
        out.append({"target": name, "figure": figure, "verdict": _verdict(ok), "note": note})

    app = results.get("app", {})
    no_app = f"app not available: {app['unavailable']}" if app.get("unavailable") else "not measured"
    _review_rows(app, add, no_app)
    _drafts_list_row(app, add)
    _interaction_rows(app, add, no_app)
    _startup_rows(results, app, add, no_app)
    _big_rows(results, add)
    repeats = results.get("repeats", 0)
    add(
        f"method: >= {MIN_REPEATS} interleaved repeats, median",
        f"{repeats} rounds, medians (p95 where the target is one)",
        repeats >= MIN_REPEATS,
    )
    imports = results.get("textual_imports", {})
    if imports:
        found = sorted({m for mods in imports.values() for m in mods})
        add("check and export never import textual", ", ".join(found) or "none imported", not found)
    _pandoc_row(results, add)
    return out


def _review_rows(app: dict[str, Any], add: Any, no_app: str) -> None:
    review = app.get("review")
    name = f"review's first lines at 1,000 items < {REVIEW_FIRST_LINES * 1000:.0f} ms"
    big = at(review, 1000)
    if big:
        small = at(review, 100)
        beside = f" (100 items: {_s(small['first_lines'])})" if small else ""
        add(name, f"{_s(big['first_lines'])}{beside}", big["first_lines"] < REVIEW_FIRST_LINES)
        saved = "" if big["saved"] else "; the save did not land"
        add(
            f"memory at 1,000 items after a save and a review < {MEMORY_MB} MB",
            f"{big['maxrss_mb']:.0f} MB{saved}",
            big["maxrss_mb"] < MEMORY_MB and big["saved"],
        )
    else:
        add(name, "-", None, _why(review, no_app))
        add(
            f"memory at 1,000 items after a save and a review < {MEMORY_MB} MB",
            "-",
            None,
            _why(review, no_app),
        )
    keys = app.get("export_keys")
    name = f"export never blocks the keyboard (keys during it: p95 < {EXPORT_KEY_P95 * 1000:.0f} ms)"
    if keys and keys.get("during"):
        during, without = keys["during"], keys["baseline"]
        add(
            name,
            f"p95 {_s(during['p95'])}, max {_s(during['max'])} while exporting 1,000 items "
            f"(p95 {_s(without['p95'])} without)",
            during["p95"] < EXPORT_KEY_P95,
        )
    else:
        add(name, "-", None, _why(keys, "no key was typed during an export" if keys else no_app))


def _drafts_list_row(app: dict[str, Any], add: Any) -> None:
    listing = app.get("drafts_list")
    name = f"drafts list, 50 drafts of 100 items < {DRAFTS_LIST} s (warm cache)"
    if not listing or failed(listing):
        add(name, "-", None, _why(listing, "not measured"))
        return
    screen = f"; the app's table {_s(listing['screen'])} from start" if listing.get("screen") else ""
    errors = f"; {listing['errors']} unreadable" if listing.get("errors") else ""
    add(
        name,
        f"{_s(listing['warm'])} (cold {_s(listing['cold'])}{screen}{errors})",
        listing["warm"] < DRAFTS_LIST and not listing.get("errors"),
    )


def _interaction_rows(app: dict[str, Any], add: Any, no_app: str) -> None:
    interactions = app.get("interactions")
    for size, bound in INTERACTION_P95.items():
        name = f"every interaction at {size:,} items: p95 < {bound * 1000:.0f} ms"
        row = at(interactions, size)
        if not row:
            add(name, "-", None, _why(interactions, no_app))
            continue
        figure = ", ".join(f"{label} {_s(row[kind]['p95'])}" for kind, label in KINDS)
        add(name, figure, all(row[kind]["p95"] < bound for kind, _ in KINDS))


def _startup_rows(results: dict[str, Any], app: dict[str, Any], add: Any, no_app: str) -> None:
    boot = app.get("startup")
    name = f"start-up to typing the next owed answer <= {TYPING_SCREEN_RATIO}x the bare app, locked first"
    check_name = f"check on one item <= {CHECK_RATIO}x the bare app's start"
    if boot and not failed(boot):
        example, bare = boot["example"], boot["bare"]
        locks = "/".join(example["lock_at_typing_screen"])
        add(
            name,
            f"{boot['ratio_typing_bare']:.2f}x ({_s(example['typing_screen'])} against "
            f"{_s(bare['first_frame'])}); {locks} by then",
            boot["ratio_typing_bare"] <= TYPING_SCREEN_RATIO and boot["locked_before_typing"],
        )
        add(
            check_name,
            f"{boot['ratio_check_bare']:.2f}x ({_s(boot['check_1'])}; empty cache "
            f"{_s(boot['check_1_empty_cache'])})",
            boot["ratio_check_bare"] <= CHECK_RATIO,
        )
    else:
        add(name, "-", None, _why(boot, no_app))
        add(check_name, "-", None, _why(boot, no_app))
    cli = results.get("cli", {})
    ratios = cli.get("ratio_1000_100")
    name = f"1,000 / 100 items <= {GROWTH_RATIO}x: check and each export format"
    if ratios:
        figure = ", ".join(f"{key} {value:.1f}x" for key, value in ratios.items())
        add(name, figure, all(value <= GROWTH_RATIO for value in ratios.values()))
    else:
        add(
            name,
            "-",
            None,
            _why(cli, "1,000 items not run with --quick" if results.get("quick") else "not measured"),
        )


def _big_rows(results: dict[str, Any], add: Any) -> None:
    files = results.get("files")
    big = at(files, 10_000)
    open_name, save_name = f"10,000 items open < {BIG_OPEN:.0f} s", f"10,000 items save < {BIG_SAVE:.0f} s"
    if not big:
        add(open_name, "-", None, _why(files, "not measured"))
        add(save_name, "-", None, _why(files, "not measured"))
        return
    add(open_name, f"{_s(big['open'])} ({big['bytes'] / 1e6:.0f} MB)", big["open"] < BIG_OPEN)
    slower = max(big["first_save"], big["second_save"])
    add(
        save_name,
        f"first {_s(big['first_save'])}, second {_s(big['second_save'])} (parse for saving, "
        f"after opening: {_s(big['prepare'])})",
        slower < BIG_SAVE,
    )


def _pandoc_row(results: dict[str, Any], add: Any) -> None:
    cli, pandoc = results.get("cli", {}), results.get("pandoc", {})
    name = "Word export of 100 items faster than pandoc -f gfm"
    theirs, ours = at(cli.get("pandoc"), 100), at(cli.get("export", {}).get("docx"), 100)
    if theirs and ours:
        add(name, f"{ours / theirs:.2f}x pandoc's time", ours < theirs)
    else:
        add(
            name,
            "-",
            None,
            "pandoc is not installed" if pandoc and not pandoc.get("version") else "not measured",
        )


def table(results: dict[str, Any]) -> str:
    """The whole report as Markdown: machine, targets, then the figures behind them."""
    lines = [
        f"Machine: {one_line(results['machine'])}",
        "",
        f"Run: {results['when']}, {'--quick' if results['quick'] else 'full'}; every figure the median "
        f"of {results['repeats']} rounds (p95s over every key of them); "
        f"{results.get('seconds', '?')} s in all",
        "",
        "| target | figure | verdict |",
        "|---|---|---|",
    ]
    for t in results["targets"]:
        note = f" ({t['note']})" if t["note"] else ""
        lines.append(f"| {t['target']} | {t['figure']}{note} | {t['verdict']} |")
    app = results.get("app", {})
    lines += _cli_rows(results) + _file_rows(results) + _app_rows(app)
    if app.get("factory") and app["factory"] != app.get("default_factory"):
        lines.append(f"\nApp figures are from a stand-in ({app['factory']}), not s55tui's app.")
    return "\n".join(lines)


def _head(*cells: str) -> list[str]:
    """A blank line, then a Markdown table's header row and its rule."""
    return ["", "| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]


def _cli_rows(results: dict[str, Any]) -> list[str]:
    cli = results.get("cli")
    if not cli or failed(cli):
        return []
    lines = _head("command (whole process)", "10 items", "100 items", "1,000 items", "1,000 / 100")
    ratios = cli.get("ratio_1000_100", {})
    named = [("check", "check", cli["check"])]
    named += [(f"export --format {fmt}", fmt, times) for fmt, times in cli["export"].items()]
    pandoc = results.get("pandoc", {})
    if cli.get("pandoc"):
        named.append((f"pandoc -f gfm -t docx ({pandoc.get('version') or 'pandoc'})", "", cli["pandoc"]))
    for name, key, times in named:
        cells = " | ".join(_s(at(times, n)) for n in CLI_SIZES)
        ratio = f"{ratios[key]:.1f}x" if key in ratios else "-"
        command = f"`s55tui {name}`" if key else f"`{name.split(' (')[0]}`"
        lines.append(f"| {command} | {cells} | {ratio} |")
    for size, row in sorted((int(k), v) for k, v in pandoc.get("sizes", {}).items()):
        lines.append(
            f"\nAt {size:,} items ({row['markdown_bytes'] / 1e6:.1f} MB of Markdown), s55tui's Markdown to "
            f"Word step alone takes {_s(row['build_docx'])} in process."
        )
    return lines


def _file_rows(results: dict[str, Any]) -> list[str]:
    files = results.get("files")
    if not files or failed(files):
        return []
    lines = _head("draft (in process)", "size", "open", "parse for saving", "first save", "second save")
    for size, row in sorted((int(k), v) for k, v in files.items()):
        lines.append(
            f"| {size:,} items | {row['bytes'] / 1e6:.1f} MB | {_s(row['open'])} | {_s(row['prepare'])} "
            f"| {_s(row['first_save'])} | {_s(row['second_save'])} |"
        )
    return lines


def _app_rows(app: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    listing = app.get("drafts_list")
    if listing and not failed(listing):
        lines += _head(
            "drafts list (50 drafts of 100 items)", "cold scan", "warm scan", "app's table, from start"
        )
        lines.append(
            f"| `library.scan`, in a fresh process | {_s(listing['cold'])} | {_s(listing['warm'])} "
            f"| {_s(listing.get('screen'))} |"
        )
    if app.get("unavailable"):
        return [*lines, "", f"App: not available ({app['unavailable']}); its figures are n/a."]
    boot = app.get("startup")
    if boot and not failed(boot):
        lines += _head(
            "start-up (fresh process, headless)", "first frame", "cursor in the owed answer", "peak memory"
        )
        lines.append(
            f"| bare Textual app (Header, Static, Footer) | {_s(boot['bare']['first_frame'])} | "
            f"| {boot['bare']['maxrss_mb']:.0f} MB |"
        )
        ex = boot["example"]
        lines.append(
            f"| s55tui, example draft ({ex['route']}) | {_s(ex['first_frame'])} "
            f"| {_s(ex['typing_screen'])} | {ex['maxrss_mb']:.0f} MB |"
        )
        lines.append(
            f"| `s55tui check`, one item (empty cache: {_s(boot['check_1_empty_cache'])}) "
            f"| {_s(boot['check_1'])} | | |"
        )
    review = app.get("review")
    if review and not failed(review):
        lines += _head(
            "review (fresh process)", "first lines", "check and preview done", "save after", "peak memory"
        )
        for size, row in sorted((int(k), v) for k, v in review.items()):
            lines.append(
                f"| {size:,} items ({row['preview_lines']:,} lines) | {_s(row['first_lines'])} "
                f"| {_s(row['review_done'])} | {_s(row['save'])} | {row['maxrss_mb']:.0f} MB |"
            )
    lines += _interaction_table(app.get("interactions"))
    lines += _export_keys_rows(app.get("export_keys"))
    lines += _typing_rows(app.get("keys"))
    return lines


def _interaction_table(interactions: dict[str, Any] | None) -> list[str]:
    if not interactions or failed(interactions):
        return []
    lines = _head("interaction, key to idle", "100 items: median", "p95", "1,000 items: median", "p95")
    for kind, label in KINDS:
        cells = []
        for size in (100, 1000):
            row = at(interactions, size)
            cells += [_s(row[kind]["median"]), _s(row[kind]["p95"])] if row else ["-", "-"]
        count = sum(int(at(interactions, n)[kind]["count"]) for n in (100, 1000) if at(interactions, n))
        lines.append(f"| {label} ({count} in all) | " + " | ".join(cells) + " |")
    harness = [at(interactions, n)["harness"] for n in (100, 1000) if at(interactions, n)]
    if harness:
        lines.append(
            f"\nThe harness's own wait (no key) is {', '.join(_s(h) for h in harness)}; not taken off."
        )
    return lines


def _export_keys_rows(keys: dict[str, Any] | None) -> list[str]:
    if not keys or failed(keys):
        return []
    lines = _head("keys typed, 1,000 items (wall, to the frame)", "median", "p95", "max", "keys")
    for name, label in (("baseline", "no export"), ("during", "while exporting Word, web page and Markdown")):
        row = keys.get(name)
        if row:
            lines.append(
                f"| {label} | {_s(row['median'])} | {_s(row['p95'])} | {_s(row['max'])} | {row['count']} |"
            )
    watched = f"{keys.get('watched_seconds', 0):.0f} s watched"
    if keys["export_seconds"] is None:
        took = f"The export was still running at the end of the {watched} in every run"
    else:
        took = (
            f"The export took {_s(keys['export_seconds'])} (the median of the {keys['finished']} of "
            f"{keys['runs']} runs where it finished within the {watched})"
        )
    lines.append(f"\n{took}; ctrl+g back to a response during it {_s(keys['owed_key_during'])}.")
    return lines


def _typing_rows(keys: dict[str, Any] | None) -> list[str]:
    if not keys or failed(keys):
        return []
    lines = _head("typing into 50 KB (CPU per key)", "median", "p95", "max", "harness taken off")
    for name, label in (
        ("bare", f"bare TextArea, {keys['box_height']} rows"),
        ("app", "s55tui response box"),
    ):
        row = keys.get(name, {})
        if "cpu_ms" in row:
            cpu = row["cpu_ms"]
            lines.append(
                f"| {label} ({row['keys']} keys) | {cpu['median']:.1f} ms | {cpu['p95']:.1f} ms "
                f"| {cpu['max']:.1f} ms | {row['harness_ms']:.1f} ms |"
            )
        elif "error" in row:
            lines.append(f"| {label} | {row['error']} | | | |")
    return lines
