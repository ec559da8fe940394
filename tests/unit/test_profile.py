"""The office profile: where it is found, what it holds, and clear errors when it is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from s55tui.errors import ProfileError
from s55tui.model import Report
from s55tui.paths import user_profile_path
from s55tui.profile import load_profile, read_profile


def test_no_profile_gives_blank_office_and_the_default_checklist(tmp_path: Path) -> None:
    profile = load_profile(cwd=tmp_path)
    assert profile.source is None
    assert profile.office.force == ""
    assert profile.template == "narrative"
    assert profile.checklist[-1] == "Copy sent to the Home Secretary"
    assert len(profile.checklist) == 5


def test_the_user_config_profile_is_found(tmp_path: Path, _isolated_config: Path) -> None:
    path = user_profile_path()
    assert path.is_relative_to(_isolated_config)
    path.parent.mkdir(parents=True)
    path.write_text('[office]\nforce = "Norfolk Constabulary"\nshort = "OPCCN"\n', encoding="utf-8")
    profile = load_profile(cwd=tmp_path)
    assert profile.source == path
    assert profile.office.short == "OPCCN"


def test_a_local_profile_wins_over_the_users(tmp_path: Path) -> None:
    user = user_profile_path()
    user.parent.mkdir(parents=True)
    user.write_text('[office]\nforce = "Elsewhere"\n', encoding="utf-8")
    (tmp_path / "s55tui.toml").write_text('drafts = "shared"\n[office]\nforce = "Here"\n', encoding="utf-8")
    profile = load_profile(cwd=tmp_path)
    assert profile.office.force == "Here"
    assert profile.drafts == tmp_path / "shared"


def test_new_draft_copies_the_office_without_sharing_it(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        'checklist = ["One", "Two"]\n[office]\ncc_title = "T/Chief Constable"\n', encoding="utf-8"
    )
    profile = read_profile(path)
    draft = profile.new_draft(Report(title="T"))
    draft.office.cc_title = "Chief Constable"
    assert profile.office.cc_title == "T/Chief Constable"
    assert [c.label for c in draft.checklist] == ["One", "Two"]


def test_profile_mistakes_are_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('checklist = "Sent"\n', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        read_profile(path)
    assert str(caught.value) == f'{path}: checklist: expected a list of labels in quotes, found text "Sent"'
    path.write_text('[office]\nforce = 3\ncolour = "blue"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"office\.force: expected text in quotes, found the number 3$"):
        read_profile(path)


def test_unknown_profile_keys_are_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text('colour = "blue"\n[office]\nmotto = "x"\n', encoding="utf-8")
    assert read_profile(path).warnings == [
        "colour: unknown key, ignored",
        "office.motto: unknown key, ignored",
    ]
