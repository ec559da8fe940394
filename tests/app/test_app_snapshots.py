"""SVG snapshots of the main screens at 120x40, compared with the ones committed.

A change that moves the layout shows up here as a failing test that says which rows changed;
look at the new picture (written beside the old one as ``NAME.new.svg``) and, if it is right,
renew the snapshots with ``python -m pytest tests/app/test_app_snapshots.py --update-golden``.
A missing snapshot fails with that command. Textual's cursors do blink in tests (every
0.5 s), so each shot stops them first; the date is fixed and the draft is opened by a
relative name, so the pictures are the same on every machine, however fast.
"""

from __future__ import annotations

import difflib
import html
import re
import shutil
from pathlib import Path

import pytest
from apptools import TODAY, run_app
from golden import compare_golden
from testdata import EXAMPLE
from textual.widgets import Input, TextArea

from s55tui.tui.steps import Step

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"


async def _steady_shot(app, pilot) -> str:
    """The screen with every cursor shown steadily, so the blink's phase cannot change it."""
    for box in app.screen.query(TextArea):
        box.cursor_blink = False
    for line in app.screen.query(Input):
        line.cursor_blink = False
    await pilot.pause(0.1)
    return app.export_screenshot()


def _screen_text(svg: str) -> list[str]:
    """The characters on each row of a screenshot, for saying what changed."""
    rows: dict[float, list[str]] = {}
    for match in re.finditer(r'<text [^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(float(match.group(1)), []).append(html.unescape(match.group(2)))
    return ["".join(parts).replace("\xa0", " ").rstrip() for _, parts in sorted(rows.items())]


def _what_changed(old: str, new: str) -> str:
    diff = difflib.unified_diff(_screen_text(old), _screen_text(new), "committed", "now", n=0, lineterm="")
    return "\n".join(list(diff)[:40]) or "the same characters in other colours or styles"


def _compare(request: pytest.FixtureRequest, name: str, svg: str) -> None:
    compare_golden(
        request,
        SNAPSHOTS / f"{name}.svg",
        svg,
        describe=_what_changed,
        on_change=lambda now: (SNAPSHOTS / f"{name}.new.svg").write_text(now, encoding="utf-8"),
    )


@pytest.fixture
def in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "drafts").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "drafts" / "safe-to-share.toml")
    monkeypatch.chdir(tmp_path)
    return Path("drafts") / "safe-to-share.toml"


@pytest.mark.parametrize(
    ("name", "step"), [("draft-item", Step("item", 1)), ("draft-review", Step("review"))]
)
def test_draft_screen_snapshots(
    request: pytest.FixtureRequest, in_folder: Path, name: str, step: Step
) -> None:
    shots: list[str] = []

    async def shoot(app, pilot) -> None:
        app.screen.go(step)
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        shots.append(await _steady_shot(app, pilot))

    run_app(in_folder, shoot)
    _compare(request, name, shots[0])


def test_drafts_list_snapshot(request: pytest.FixtureRequest, in_folder: Path) -> None:
    shots: list[str] = []

    async def shoot(app, pilot) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        shots.append(await _steady_shot(app, pilot))

    run_app(None, shoot, drafts_dir=Path("drafts"), today=TODAY)
    _compare(request, "drafts-list", shots[0])
