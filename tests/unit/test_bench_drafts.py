"""The benchmark's draft generator must keep writing drafts s55tui reads and calls complete.

The benchmark itself (bench/run.py) is never run by the tests: it measures, it does not
judge. This one fast test stops its generator rotting when the model or the format changes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.drafts import write_draft
from s55tui.draftfile import load_draft


def test_generated_draft_loads_and_passes_check(tmp_path: Path) -> None:
    path = write_draft(tmp_path / "items-10.toml", 10)
    loaded = load_draft(path)
    assert loaded.warnings == []
    assert len(loaded.draft.items) == 10
    response = loaded.draft.items[0].cc_response
    assert 1500 < len(response) < 3000
    assert "\n- " in response and "**" in response and "](https://" in response
    run = subprocess.run(
        [sys.executable, "-m", "s55tui", "check", str(path), "--today", "2024-04-01"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Ready to publish: nothing required is missing." in run.stdout
