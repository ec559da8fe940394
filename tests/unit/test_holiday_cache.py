"""Bank holidays kept on disk: the second run of s55tui asks the cache, not the library."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from s55tui.holiday_cache import cache_path, england_holidays

ASK = (
    "import sys; from datetime import date; from s55tui.deadline import bank_holiday_name; "
    "print(bank_holiday_name(date(2023, 5, 8)), 'holidays' in sys.modules)"
)


def _ask(cache: Path) -> str:
    env = {"XDG_CACHE_HOME": str(cache), "PATH": "/usr/bin:/bin", "HOME": str(cache)}
    run = subprocess.run([sys.executable, "-c", ASK], capture_output=True, text=True, env=env, check=True)
    return run.stdout.strip()


def test_the_second_run_reads_the_cache_and_never_imports_the_library(tmp_path: Path) -> None:
    first = _ask(tmp_path)
    second = _ask(tmp_path)
    assert first.endswith("True") and second.endswith("False")
    assert first.removesuffix(" True") == second.removesuffix(" False")
    assert "Coronation" in second  # 8 May 2023, a one-off the library knows


def test_a_damaged_cache_is_not_used_and_is_put_right() -> None:
    path = cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    assert england_holidays(2021)[date(2021, 12, 27)]  # Christmas Day (substitute day)
    assert "2021" in json.loads(path.read_text(encoding="utf-8"))["years"]
