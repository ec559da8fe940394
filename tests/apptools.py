"""Helpers for the app's Pilot tests: a copy of a draft, and running a test coroutine."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

from s55tui.tui.app import S55App, build_app

SIZE = (120, 40)
TODAY = date(2021, 1, 20)  # 21 days before the example's last day


def copy_example(example: Path, folder: Path, name: str = "draft.toml") -> Path:
    """A private copy of the example draft to edit."""
    path = folder / name
    shutil.copy(example, path)
    return path


def run_app(path: Path | None, test: Callable[[S55App, object], Awaitable[None]], **kwargs: object) -> None:
    """Run ``test(app, pilot)`` against the app opened on ``path`` at 120x40."""

    async def main() -> None:
        app = build_app(path, today=kwargs.pop("today", TODAY), **kwargs)  # type: ignore[arg-type]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await test(app, pilot)

    asyncio.run(main())


async def type_text(pilot: object, text: str) -> None:
    """Type ``text`` key by key, as an officer would."""
    keys = ["space" if ch == " " else "enter" if ch == "\n" else ch for ch in text]
    await pilot.press(*keys)  # type: ignore[attr-defined]


async def until(pilot: object, condition: Callable[[], object], seconds: float = 15.0) -> None:
    """Wait for ``condition()`` to hold: a dialog, a worker or a step's first build is slower
    under load (CI runs the tests side by side), so a fixed pause is not enough."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    raise AssertionError("the app never got there")


async def go_to(pilot: object, screen: Any, step: Any, field: str = "") -> None:
    """Open ``step`` of the draft screen (the cursor in ``field``) and wait until it has the
    cursor: a step's first visit builds its editor in the background, slower under load."""
    screen.go(step, field)
    await until(pilot, lambda: screen.step == step and not screen.nav.settling)
    await pilot.pause()  # type: ignore[attr-defined]


def notes_shown(app: S55App) -> list[str]:
    """Every notification the app shows from now on, as its text."""
    notes: list[str] = []
    shown = app.notify

    def notify(message: str, **kwargs) -> None:
        notes.append(message)
        shown(message, **kwargs)

    app.notify = notify
    return notes
