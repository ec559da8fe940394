"""Shared fixtures: every test runs with its own empty config folder, never the real home.

The helpers the tests share (``testdata``, ``apptools``, ``ptyapp``, ``folder_state``,
``text_strategies``) sit beside this file; pytest puts this folder on ``sys.path``
(``pythonpath`` in pyproject.toml), so a test imports them by name from any subfolder.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs at empty folders (config, data, cache): nothing of an officer's leaks in."""
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    return config


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: renew the golden files and snapshots the tests compare with (golden.py)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="write the golden Markdown and the SVG snapshots anew; each test that writes one is skipped",
    )


@pytest.fixture
def without_programs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No program on the PATH (LibreOffice above all), as on a machine with Python alone: an
    export of "all" is then the same three files everywhere, whatever this machine has."""
    empty = tmp_path / "no-programs"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
