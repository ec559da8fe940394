"""Domain code and the command line never import textual, so `check` and `export` start fast."""

from __future__ import annotations

import subprocess
import sys

import pytest
from testdata import EXAMPLE

pytestmark = pytest.mark.process

MODULES = [
    "s55tui.model",
    "s55tui.draftfile",
    "s55tui.draftfile.lock",
    "s55tui.completeness",
    "s55tui.library",
    "s55tui.deadline",
    "s55tui.profile",
    "s55tui.textclean",
    "s55tui.cli",
    "s55tui.importer",
    "s55tui.render",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_running_check_does_not_import_textual_or_tomlkit() -> None:
    code = (
        f"import sys; from s55tui.cli import main; main(['check', {str(EXAMPLE)!r}]); "
        "heavy = ('textual', 'tomlkit', 'docx', 'jinja2'); "
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stderr.strip().splitlines()[-1] == "[]"
