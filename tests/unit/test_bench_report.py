"""The benchmark's arithmetic and verdicts, from canned figures: nothing here times anything.

The benchmark (bench/run.py) is never run by the tests; these keep its pure parts honest:
the median and the 95th percentile, the order cases run in, and each of issue 17's targets
turned into PASS, MISS or n/a from a results dict, as measured or as read back from JSON.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bench.report import MISS, NA, PASS, table, targets
from bench.stats import median, p95, summary
from bench.timing import rounds

MACHINE = {
    "cpu": "Test CPU",
    "cores": "2",
    "python": "CPython 3.11",
    "os": "Test OS",
    "textual": "8",
    "python-docx": "1",
}


def test_median_and_p95() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    values = [float(n) for n in range(1, 21)]  # 1..20: the p95 is the 19th, a time really seen
    assert p95(values) == 19.0
    assert p95([5.0]) == 5.0
    assert p95(float(n) for n in range(1, 101)) == 95.0
    assert summary([1.0, 2.0, 10.0]) == {"median": 2.0, "p95": 10.0, "max": 10.0, "count": 3}
    with pytest.raises(ValueError):
        median([])
    with pytest.raises(ValueError):
        p95([])


def test_rounds_interleave_the_cases() -> None:
    order: list[str] = []

    def case(name: str) -> Any:
        def run() -> str:
            order.append(name)
            return f"{name}{len(order)}"

        return run

    results = rounds({"a": case("a"), "b": case("b")}, 3)
    assert order == ["a", "b", "a", "b", "a", "b"]
    assert results == {"a": ["a1", "a3", "a5"], "b": ["b2", "b4", "b6"]}


def _interactions(p95_100: float, p95_1000: float) -> dict[str, Any]:
    def kinds(p: float) -> dict[str, Any]:
        row = {"median": p / 2, "p95": p, "max": p, "count": 10}
        return {"step": dict(row), "owed": dict(row), "review": dict(row), "harness": 0.003}

    return {"counts": {"steps": 12}, 100: kinds(p95_100), 1000: kinds(p95_1000)}


def canned(**changes: Any) -> dict[str, Any]:
    """A full set of results, every target met unless ``changes`` says otherwise."""
    startup = {
        "bare": {"first_frame": 0.30, "maxrss_mb": 35.0},
        "example": {
            "first_frame": 0.40,
            "typing_screen": 0.45,
            "maxrss_mb": 55.0,
            "route": "opened there",
            "lock_at_first_frame": ["locked"],
            "lock_at_typing_screen": ["locked"],
        },
        "check_1": 0.15,
        "check_1_empty_cache": 0.35,
        "ratio_typing_bare": 1.5,
        "ratio_first_frame_bare": 1.33,
        "ratio_check_bare": 0.5,
        "locked_before_typing": True,
    }
    review = {
        size: {
            "first_lines": 0.05,
            "review_done": 0.5,
            "preview_lines": 100 * size,
            "save": 0.2,
            "saved": True,
            "maxrss_mb": 120.0,
            "maxrss_mb_median": 118.0,
        }
        for size in (100, 1000)
    }
    keys_summary = {"median": 0.01, "p95": 0.02, "max": 0.03, "count": 50}
    results: dict[str, Any] = {
        "machine": MACHINE,
        "when": "2026-01-01 12:00",
        "quick": False,
        "repeats": 5,
        "seconds": 600.0,
        "cli": {
            "check": {10: 0.1, 100: 0.12, 1000: 0.5},
            "export": {fmt: {10: 0.2, 100: 0.3, 1000: 2.0} for fmt in ("md", "docx", "html")},
            "pandoc": {100: 1.0},
            "ratio_1000_100": {"check": 4.2, "md": 6.7, "docx": 6.7, "html": 6.7},
        },
        "pandoc": {"version": "pandoc 3", "sizes": {100: {"build_docx": 0.2, "markdown_bytes": 500_000}}},
        "textual_imports": {"check": [], "export": []},
        "files": {
            10000: {"bytes": 50_000_000, "open": 2.5, "prepare": 5.0, "first_save": 0.8, "second_save": 0.6}
        },
        "app": {
            "factory": "s55tui.tui.app:build_app",
            "default_factory": "s55tui.tui.app:build_app",
            "drafts_list": {
                "drafts": 50,
                "items": 100,
                "cold": 1.2,
                "warm": 0.1,
                "screen": 0.9,
                "rows": 50,
                "errors": 0,
            },
            "startup": startup,
            "review": review,
            "interactions": _interactions(0.04, 0.09),
            "export_keys": {
                "baseline": keys_summary,
                "during": dict(keys_summary, p95=0.05),
                "watched_seconds": 60.0,
                "export_seconds": 9.0,
                "finished": 5,
                "runs": 5,
                "owed_key_during": 0.05,
                "written": [],
            },
        },
    }
    for path, value in changes.items():
        *outer, last = path.split("__")
        node = results
        for key in outer:
            node = node[int(key) if key.isdigit() else key]
        node[int(last) if last.isdigit() else last] = value
    return results


def verdicts(results: dict[str, Any]) -> dict[str, str]:
    return {row["target"]: row["verdict"] for row in targets(results)}


def verdict_of(results: dict[str, Any], words: str) -> str:
    found = [verdict for name, verdict in verdicts(results).items() if words in name]
    assert len(found) == 1, (words, list(verdicts(results)))
    return found[0]


def test_every_target_met_passes_every_row() -> None:
    rows = verdicts(canned())
    assert set(rows.values()) == {PASS}, rows
    assert len(rows) == 14  # issue 17's eleven rows, the method, textual, pandoc


@pytest.mark.parametrize(
    ("change", "value", "words"),
    [
        ("app__review__1000__first_lines", 0.25, "review's first lines"),
        ("app__review__1000__maxrss_mb", 151.0, "memory at 1,000"),
        ("app__review__1000__saved", False, "memory at 1,000"),
        (
            "app__export_keys__during",
            {"median": 0.1, "p95": 0.4, "max": 2.0, "count": 9},
            "blocks the keyboard",
        ),
        ("app__drafts_list__warm", 0.6, "drafts list"),
        ("app__interactions", _interactions(0.06, 0.09), "interaction at 100 items"),
        ("app__interactions", _interactions(0.04, 0.11), "interaction at 1,000 items"),
        ("app__startup__ratio_typing_bare", 1.7, "typing the next owed"),
        ("app__startup__locked_before_typing", False, "typing the next owed"),
        ("app__startup__ratio_check_bare", 0.7, "check on one item"),
        ("cli__ratio_1000_100__docx", 11.5, "1,000 / 100"),
        ("files__10000__open", 3.5, "10,000 items open"),
        ("files__10000__first_save", 1.5, "10,000 items save"),
        ("repeats", 2, "method"),
        ("textual_imports", {"check": ["textual.app"], "export": []}, "never import textual"),
        ("cli__pandoc", {100: 0.2}, "pandoc"),
    ],
)
def test_a_target_missed_is_a_miss(change: str, value: Any, words: str) -> None:
    results = canned(**{change: value})
    assert verdict_of(results, words) == MISS
    others = {name: v for name, v in verdicts(results).items() if words not in name}
    assert set(others.values()) == {PASS}


def test_what_was_not_measured_is_na_with_the_reason() -> None:
    results = canned(quick=True)
    del results["cli"]["ratio_1000_100"]
    results["app"] = {
        "unavailable": "ModuleNotFoundError: no app",
        "drafts_list": results["app"]["drafts_list"],
    }
    rows = {row["target"]: row for row in targets(results)}
    growth = next(row for name, row in rows.items() if "1,000 / 100" in name)
    assert growth["verdict"] == NA and "--quick" in growth["note"]
    startup = next(row for name, row in rows.items() if "typing the next owed" in name)
    assert startup["verdict"] == NA and "ModuleNotFoundError" in startup["note"]
    assert verdict_of(results, "drafts list") == PASS
    assert "App: not available" in table(dict(results, targets=list(rows.values())))


def test_results_read_back_from_json_give_the_same_table() -> None:
    results = canned()
    results["targets"] = targets(results)
    again = json.loads(json.dumps(results))  # sizes become strings
    again["targets"] = targets(again)
    assert again["targets"] == results["targets"]
    text = table(again)
    assert text == table(results)
    assert "| target | figure | verdict |" in text
    assert text.count("| PASS |") == len(results["targets"])


def test_a_measure_that_failed_is_na_with_its_error() -> None:
    results = canned()
    results["app"]["review"] = {"error": "RuntimeError: app probe review gave no answer in 600 s"}
    results["files"] = {"error": "OSError: disk full"}
    rows = {row["target"]: row for row in targets(results)}
    for words, error in [
        ("review's first lines", "no answer"),
        ("memory at", "no answer"),
        ("10,000 items", "disk"),
    ]:
        for name, row in rows.items():
            if words in name:
                assert row["verdict"] == NA and "failed:" in row["note"] and error in row["note"]
    results["targets"] = list(rows.values())
    assert "review (fresh process)" not in table(results)
