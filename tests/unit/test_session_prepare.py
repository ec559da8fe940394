"""The first save of a big draft does not parse the file: that is done on a thread after opening."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import tomlkit
from testdata import EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.session import DraftSession


@pytest.fixture
def session(tmp_path: Path) -> DraftSession:
    path = tmp_path / "draft.toml"
    shutil.copy(EXAMPLE, path)
    return DraftSession.open(path)


def test_once_prepared_the_first_save_parses_nothing(
    session: DraftSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    session.prepare_for_saving()
    parsed: list[int] = []
    real_parse = tomlkit.parse
    monkeypatch.setattr(tomlkit, "parse", lambda text: parsed.append(len(text)) or real_parse(text))
    session.draft.response.signed_by = "Giles Orpen-Smellie"
    session.changed()
    session.save_now()
    assert parsed == []
    saved = load_draft(session.path).draft
    assert saved.response.signed_by == "Giles Orpen-Smellie"
    assert "# " in session.path.read_text(encoding="utf-8")  # comments kept, as by any save


def test_a_parse_overtaken_by_a_save_is_dropped(
    session: DraftSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The thread parsed the text as opened; a save landed first: its document is the one kept."""
    real_parse = tomlkit.parse

    def parse_then_lose_the_race(text: str) -> object:
        document = real_parse(text)
        monkeypatch.setattr(tomlkit, "parse", real_parse)
        session.draft.items.pop(0)  # the officer removed an item, and it was saved meanwhile
        session.changed()
        session.save_now()
        return document

    monkeypatch.setattr(tomlkit, "parse", parse_then_lose_the_race)
    session.prepare_for_saving()
    after_save = session.draft.file_state.document
    session.draft.response.signed_by = "Giles Orpen-Smellie"
    session.changed()
    session.save_now()
    assert session.draft.file_state.document is after_save  # not the stale parse
    again = load_draft(session.path).draft
    assert [i.number for i in again.items] == [i.number for i in session.draft.items]
    assert again.response.signed_by == "Giles Orpen-Smellie"
