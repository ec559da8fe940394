"""Golden files: what a test compares its output with, and the one explicit way to renew them.

A missing golden file fails with the command that writes it; a changed one fails with what
changed. Only ``pytest --update-golden`` (an option of this suite, see ``conftest.py``) writes
golden files, and each test that writes one is reported as skipped with the file's name, never
as passed: the new file must be looked at before it is committed.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

import pytest
from testdata import ROOT

UPDATE_OPTION = "--update-golden"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def text_diff(expected: str, actual: str) -> str:
    """The first lines that differ, as a unified diff of the two texts."""
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), "golden", "now", n=1, lineterm=""
    )
    return "\n".join(list(lines)[:60])


def compare_golden(
    request: pytest.FixtureRequest,
    path: Path,
    actual: str,
    describe: Callable[[str, str], str] = text_diff,
    on_change: Callable[[str], None] | None = None,
) -> None:
    """Fail unless ``actual`` is the golden file's text; with ``--update-golden``, write it and skip.

    ``describe`` says what changed between the golden text and ``actual``; ``on_change`` is
    given ``actual`` when they differ (the snapshot test writes it beside the golden picture).
    """
    if request.config.getoption(UPDATE_OPTION):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        pytest.skip(f"wrote {_shown(path)}: look at it before you commit it")
    command = f"python -m pytest {request.node.nodeid.split('::')[0]} {UPDATE_OPTION}"
    if not path.is_file():
        pytest.fail(f"{_shown(path)} is missing: write it with `{command}`, look at it, then commit it")
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        if on_change is not None:
            on_change(actual)
        pytest.fail(
            f"{_shown(path)} differs from what the test made; if the change is meant, renew it with "
            f"`{command}` and look at it\n{describe(expected, actual)}",
            pytrace=False,
        )
