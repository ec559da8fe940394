"""Turn the raw figures into verdicts against the issue's targets and into the printed table.

The table is Markdown, so the same text is read in a terminal and pasted into the README's
Performance section. A target that could not be measured (no app yet, no pandoc) says so and
is never counted as met.
"""

from __future__ import annotations

from typing import Any

from bench.machine import one_line

PASS, MISS, NA = "PASS", "MISS", "n/a"
SIZES = (10, 100, 1000)


def _by_size(figures: dict) -> dict[int, Any]:
    """Figures keyed by item count; JSON read back has the counts as strings."""
    return {int(size): value for size, value in figures.items()}


def _verdict(ok: bool | None) -> str:
    return NA if ok is None else (PASS if ok else MISS)


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 7 with its figure and PASS, MISS or n/a (and why n/a)."""
    out: list[dict[str, Any]] = []

    def add(name: str, figure: str, ok: bool | None, note: str = "") -> None:
        out.append({"target": name, "figure": figure, "verdict": _verdict(ok), "note": note})

    app = results.get("app", {})
    missing = "app not available" if app.get("unavailable") else None
    boot, keys = app.get("startup"), app.get("keys")
    if boot:
        ratio = boot["ratio_example_bare"]
        add("start-up with the example draft <= 1.15x a bare Textual app", f"{ratio:.2f}x", ratio <= 1.15)
    else:
        add("start-up with the example draft <= 1.15x a bare Textual app", "-", None, missing or "not run")
    imports = results.get("textual_imports", {})
    if imports:
        found = sorted({m for mods in imports.values() for m in mods})
        add("check and export never import textual", ", ".join(found) or "none imported", not found)
    pandoc = results.get("pandoc", {})
    row = _by_size(pandoc.get("sizes", {})).get(100)
    if row and row.get("pandoc"):
        ratio = row["s55tui_export"] / row["pandoc"]
        add("DOCX export of 100 items faster than pandoc", f"{ratio:.2f}x pandoc's time", ratio < 1)
    else:
        add("DOCX export of 100 items faster than pandoc", "-", None, "pandoc is not installed")
    ratios = results.get("cli", {}).get("ratio_1000_100", {})
    for fmt in ("md", "docx", "html"):
        if fmt in ratios:
            add(f"export {fmt}: 1,000 items <= 11x 100 items", f"{ratios[fmt]:.1f}x", ratios[fmt] <= 11)
    if keys and "cpu_mean_ms" in keys.get("app", {}):
        per_key = keys["app"]["cpu_mean_ms"]
        add("typing at 50 KB: < 16 ms per key", f"{per_key:.1f} ms", per_key < 16)
    else:
        reason = (keys or {}).get("app", {}).get("error") or missing or "not run"
        add("typing at 50 KB: < 16 ms per key", "-", None, reason)
    if boot:
        ratio, peak = boot["ratio_1000_example"], boot["items_1000"]["maxrss_mb"]
        add("1,000-item draft opens in < 2x the example", f"{ratio:.2f}x", ratio < 2)
        add("1,000-item draft open in < 150 MB", f"{peak:.0f} MB", peak < 150)
    else:
        add("1,000-item draft opens in < 2x the example", "-", None, missing or "not run")
        add("1,000-item draft open in < 150 MB", "-", None, missing or "not run")
    return out


def table(results: dict[str, Any]) -> str:
    """The whole report as Markdown: machine, targets, then the figures behind them."""
    lines = [
        f"Machine: {one_line(results['machine'])}",
        "",
        f"Run: {results['when']}, {'--quick' if results['quick'] else 'full'} (commands: median of "
        f"{_runs(results['repeats'])}, at 1,000 items of {_runs(results['repeats_1000'])}), "
        f"{results.get('seconds', '?')} s in all",
        "",
        "| target | figure | verdict |",
        "|---|---|---|",
    ]
    for t in results["targets"]:
        note = f" ({t['note']})" if t["note"] else ""
        lines.append(f"| {t['target']} | {t['figure']}{note} | {t['verdict']} |")
    lines += _cli_rows(results) + _pandoc_rows(results) + _file_rows(results) + _app_rows(results)
    return "\n".join(lines)


def _runs(count: int) -> str:
    return "1 run" if count == 1 else f"{count} runs"


def _head(*cells: str) -> list[str]:
    """A blank line, then a Markdown table's header row and its rule."""
    return ["", "| " + " | ".join(cells) + " |", "|" + "---|" * len(cells)]


def _cli_rows(results: dict[str, Any]) -> list[str]:
    cli = results.get("cli")
    if not cli:
        return []
    lines = _head("command (whole process)", "10 items", "100 items", "1,000 items", "1,000 / 100")
    ratios = cli.get("ratio_1000_100", {})
    named = [("check", cli["check"]), *((f"export --format {f}", t) for f, t in cli["export"].items())]
    for name, times in named:
        key, times = name.rsplit(" ", 1)[-1], _by_size(times)
        cells = " | ".join(_s(times.get(n)) for n in SIZES)
        ratio = f"{ratios[key]:.1f}x" if key in ratios else "-"
        lines.append(f"| `s55tui {name}` | {cells} | {ratio} |")
    return lines


def _pandoc_rows(results: dict[str, Any]) -> list[str]:
    pandoc = results.get("pandoc")
    if not pandoc:
        return []
    version = pandoc.get("pandoc") or "pandoc not installed"
    lines = _head(f"Word (.docx) against {version}", "s55tui export", "Markdown to .docx only", "pandoc")
    for size, row in sorted(_by_size(pandoc["sizes"]).items()):
        theirs = _s(row["pandoc"]) if row["pandoc"] else "not installed"
        lines.append(
            f"| {size:,} items ({row['markdown_bytes'] / 1e6:.1f} MB Markdown) | {_s(row['s55tui_export'])} "
            f"| {_s(row['s55tui_build_docx'])} | {theirs} |"
        )
    return lines


def _file_rows(results: dict[str, Any]) -> list[str]:
    files = results.get("files")
    if not files:
        return []
    lines = _head("draft file (in process)", "size", "load", "first save", "later save")
    for size, row in sorted(_by_size(files).items()):
        lines.append(
            f"| {size:,} items | {row['bytes'] / 1e6:.1f} MB | {_s(row['load'])} | {_s(row['first_save'])} "
            f"| {_s(row['later_save'])} |"
        )
    return lines


def _app_rows(results: dict[str, Any]) -> list[str]:
    app = results.get("app", {})
    if app.get("unavailable"):
        return ["", f"App: not available ({app['unavailable']}); its figures are n/a."]
    lines = _head("app (headless)", "start-up to first frame", "peak memory")
    boot = app.get("startup")
    if boot:
        for name, label in [
            ("bare", "bare Textual app (Header, Static, Footer)"),
            ("example", "s55tui, example draft open"),
            ("items_1000", "s55tui, 1,000-item draft open"),
        ]:
            lines.append(f"| {label} | {_s(boot[name]['seconds'])} | {boot[name]['maxrss_mb']:.0f} MB |")
    keys = app.get("keys")
    if keys:
        lines += _head("typing into 50 KB (CPU per key)", "mean", "median", "p95", "max")
        for name, label in [("bare", "bare TextArea app"), ("app", "s55tui response")]:
            row = keys.get(name, {})
            if "cpu_mean_ms" in row:
                stats = ("cpu_mean_ms", "cpu_median_ms", "cpu_p95_ms", "cpu_max_ms")
                cells = " | ".join(f"{row[k]:.1f} ms" for k in stats)
                lines.append(f"| {label} ({row['keys']} keys) | {cells} |")
        if "app_minus_bare_ms" in keys:
            lines.append(f"| s55tui minus bare | {keys['app_minus_bare_ms']:+.1f} ms | | | |")
        where = keys.get("app", {})
        if "textarea" in where:
            lines.append(
                f"\nTyped into #{where['textarea']} ({where['chars']:,} characters, {where['text_source']}); "
                f"harness cost taken off: app {where['harness_ms']:.1f} ms, bare "
                f"{keys['bare'].get('harness_ms', 0):.1f} ms a key."
            )
    if app.get("factory") and app["factory"] != app.get("default_factory"):
        lines.append(f"\nApp figures are from a stand-in ({app['factory']}), not s55tui's app.")
    return lines
