"""The drafts list as the app shows it at start-up (``drafts`` mode).

Issue 17, target 2 is judged on ``s55tui.library.scan`` itself (see ``measure_drafts_list``);
this is the same folder seen by the officer: the app started on the drafts folder, timed to
the first frame painted with the table holding a row for every draft (looked at every 2 ms).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from probe_common import SIZE, build, painted, poll

SUFFIX = ".toml"


def _rows(app: Any) -> int:
    found = list(app.screen.query("#drafts-table"))
    return int(getattr(found[0], "row_count", 0)) if found and found[0].display else 0


def drafts_screen(target: str, folder: str) -> dict[str, Any]:
    """The monotonic time the table first shows every draft in ``folder``, and its row count."""
    expected = sum(1 for p in Path(folder).iterdir() if p.suffix == SUFFIX and not p.name.startswith("."))
    app = build(target, None, drafts_dir=folder)
    result: dict[str, Any] = {}

    async def auto_pilot(pilot: Any) -> None:
        await poll(lambda: _rows(app) >= expected, 120, f"table of {expected} drafts")
        await painted(app)
        result["table_shown"] = time.monotonic()
        result["rows"] = _rows(app)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=auto_pilot)
    if "table_shown" not in result:
        raise SystemExit("the app exited before showing the drafts")
    return result
