"""Reading the app's screen as the officer sees it: characters, cell by cell.

Layout faults (a label cut at an edge, two parts of a line run together, a box given no rows)
show in what is painted, not in the widgets' values; these helpers turn a screenshot back into
rows of text, and run the app in a terminal of any size.
"""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from apptools import TODAY
from textual.geometry import Region

from s55tui.tui.app import S55App, build_app
from s55tui.tui.steps import Step

# one <text> of a screenshot: where it starts (in pixels, 12.2 to a cell) and on which row
_TEXT = re.compile(
    r'<text [^>]*?\bx="([\d.]+)"[^>]*?clip-path="url\(#[\w-]+?-line-(\d+)\)"[^>]*>(.*?)</text>'
)
_CELL = 12.2


def run_at(
    size: tuple[int, int], path: Path, test: Callable[[S55App, object], Awaitable[None]], today: date = TODAY
) -> None:
    """Run ``test(app, pilot)`` against the app opened on ``path`` in a terminal of ``size``."""

    async def main() -> None:
        app = build_app(path, today=today)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await test(app, pilot)

    asyncio.run(main())


def screen_lines(app: S55App) -> list[str]:
    """The screen as rows of characters, one a cell, as a terminal shows it."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, row, text in _TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if column + offset < width:
                rows[int(row)][column + offset] = char
    return ["".join(row) for row in rows]


def text_in(lines: list[str], region: Region) -> str:
    """What the screen shows inside ``region``, its lines joined by single spaces."""
    shown = [lines[y][region.x : region.right] for y in range(region.y, region.bottom)]
    return " ".join(" ".join(shown).split())


async def open_step(app: S55App, pilot, step: Step) -> None:
    """Open ``step`` (its editor is built on the first visit) and wait until it is drawn."""
    app.screen.go(step)
    await pilot.pause(0.2)
    await app.workers.wait_for_complete()
    await pilot.pause(0.2)
