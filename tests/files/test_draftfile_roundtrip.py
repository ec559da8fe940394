"""Saving and loading a draft: nothing typed is changed, and nothing written by hand is lost."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import EXAMPLE
from text_strategies import texts

from s55tui.draftfile import dumps_draft, load_draft, parse_draft, save_draft
from s55tui.model import ChecklistEntry, Draft, Item, Report, Response
from s55tui.textclean import clean_text


def _draft(text: str) -> Draft:
    return Draft(
        Report(title=text, published=date(2020, 12, 17), summary=text),
        response=Response(cc_comments=text, pcc_comments=text, pcc_reply=text),
        items=[
            Item(
                number=text or "1",
                to=["all"],
                text=text,
                notes=text,
                intro=text,
                cc_response=text,
                pcc_response=text,
            )
        ],
        checklist=[ChecklistEntry(text, True, date(2021, 2, 9))],
    )


@settings(max_examples=200, deadline=None)
@given(texts)
def test_save_then_load_keeps_any_text_as_cleaned(text: str) -> None:
    saved = dumps_draft(_draft(text))
    tomllib.loads(saved)  # always valid TOML
    loaded = parse_draft(saved).draft
    expected = clean_text(text)
    item = loaded.items[0]
    assert loaded.report.title == expected
    assert loaded.report.summary == expected
    assert loaded.response.pcc_reply == expected
    assert (item.text, item.notes, item.intro, item.cc_response, item.pcc_response) == (expected,) * 5
    assert item.number == (clean_text(text or "1")).strip()
    assert loaded.checklist[0].label == expected
    if expected:  # as typed between three single quotes, unless it cannot be (then with escapes)
        literal = "'''" not in expected and not re.search("[\x00-\x08\x0b-\x1f\x7f]", expected)
        assert ("summary = '''" if literal else 'summary = """') in saved


@settings(max_examples=100, deadline=None)
@given(texts)
def test_saving_twice_changes_nothing(text: str) -> None:
    first = dumps_draft(_draft(text))
    again = dumps_draft(parse_draft(first).draft)
    assert again == first


@settings(max_examples=100, deadline=None)
@given(texts)
def test_editing_a_hand_written_file_keeps_its_comments(text: str) -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    draft = parse_draft(source).draft
    draft.items[1].cc_response = text
    saved = dumps_draft(draft)
    assert parse_draft(saved).draft.items[1].cc_response == clean_text(text)
    for line in source.splitlines():
        if line.startswith("#"):
            assert line in saved


def test_unchanged_example_saves_byte_for_byte() -> None:
    source = EXAMPLE.read_text(encoding="utf-8")
    assert dumps_draft(load_draft(EXAMPLE).draft) == source


HAND_WRITTEN = '''\
# Our own note at the top
format = 1

[report]
title = "Vetting, misconduct and misogyny"  # as printed
type = "thematic"
published = 2022-11-02
reviewer = "J. Smith"

[office]
force = "Norfolk Constabulary"

# Recommendation 4 is the one the chief asked about
[[items]]
kind = "recommendation"
number = 4
to = "chief-constables"
text = """Review vetting decisions."""
owner = "ACC Crime"  # who leads
cc_response = ""

[[items]]
kind = "area-for-improvement"
number = "1"
to = ["pccs"]
text = "Check the panel."
'''


def test_comments_and_unknown_keys_survive_edits_and_are_reported() -> None:
    loaded = parse_draft(HAND_WRITTEN, "vetting.toml")
    assert loaded.warnings == [
        "report.reviewer: unknown key, kept as it is",
        "items[1].owner: unknown key, kept as it is",
    ]
    draft = loaded.draft
    assert draft.items[0].number == "4"
    assert draft.items[0].to == ["chief-constables"]
    draft.items[0].cc_response = "We have reviewed\nevery decision."
    saved = dumps_draft(draft)
    for kept in (
        "# Our own note at the top",
        "  # as printed",
        'reviewer = "J. Smith"',
        "# Recommendation 4 is the one the chief asked about",
        'owner = "ACC Crime"  # who leads',
    ):
        assert kept in saved
    assert "cc_response = '''We have reviewed\nevery decision.'''" in saved
    assert parse_draft(saved).draft.items[0].cc_response == "We have reviewed\nevery decision."


def test_reordering_and_deleting_items_carries_their_comments() -> None:
    draft = parse_draft(HAND_WRITTEN).draft
    draft.items.reverse()
    saved = dumps_draft(draft)
    loaded = parse_draft(saved).draft
    assert [i.number for i in loaded.items] == ["1", "4"]
    assert saved.index('owner = "ACC Crime"') > saved.index('number = "1"')
    loaded.items.pop()  # remove recommendation 4 and its unknown key with it
    saved = dumps_draft(loaded)
    assert "owner" not in saved
    assert "# Our own note at the top" in saved


def test_new_items_are_added_with_every_field_visible() -> None:
    draft = parse_draft(HAND_WRITTEN).draft
    draft.items.append(Item("cause-of-concern", "2", ["all"], "Leaders must act."))
    saved = dumps_draft(draft)
    tail = saved[saved.index('kind = "cause-of-concern"') :]
    assert 'to = ["all"]' in tail and 'cc_response = ""' in tail and 'status = "open"' in tail
    assert parse_draft(saved).draft.items[2] == draft.items[2]


def test_save_is_atomic_keeps_a_backup_and_the_files_mode(tmp_path: Path) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    path.chmod(0o664)
    loaded = load_draft(path)
    loaded.draft.response.pcc_comments = "Welcome."
    save_draft(path, loaded.draft, loaded_from=path)
    assert (tmp_path / "draft.toml.bak").read_text(encoding="utf-8") == HAND_WRITTEN
    assert path.stat().st_mode & 0o777 == 0o664
    assert load_draft(path).draft.response.pcc_comments == "Welcome."
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert b"\r" not in path.read_bytes()


def test_a_missing_section_is_added_only_when_it_has_something_to_hold() -> None:
    draft = parse_draft(HAND_WRITTEN).draft
    assert "[response]" not in dumps_draft(draft)
    draft.response.pcc_comments = "I welcome the report."
    saved = dumps_draft(draft)
    assert "[response]\npcc_comments = '''I welcome the report.'''" in saved
    assert parse_draft(saved).draft.response.pcc_comments == "I welcome the report."


def test_adding_and_moving_items_again_and_again_never_adds_blank_lines() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for round_ in range(6):
        draft = parse_draft(text).draft
        draft.items.append(Item("area-for-improvement", str(round_), ["pccs"], "Improve."))
        if round_ % 2:
            draft.items.reverse()
        text = dumps_draft(draft)
        assert "\n\n\n" not in text
        assert text.count("\n\n[[items]]") == len(draft.items)
    draft = parse_draft(text).draft
    draft.items = sorted(draft.items, key=lambda i: (i.kind != "recommendation", int(i.number)))[:4]
    assert dumps_draft(draft) == EXAMPLE.read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(st.lists(texts, min_size=6, max_size=6))
def test_saving_to_disk_and_loading_gives_back_every_field(tmp_path_factory, fields: list[str]) -> None:
    """Through a real file (atomic write, UTF-8, LF): each field its own text, each comes back."""
    title, summary, response, item_text, item_number, label = fields
    draft = Draft(
        Report(title=title, published=date(2020, 12, 17), summary=summary),
        response=Response(pcc_reply=response),
        items=[Item(number=item_number or "1", to=["pccs"], text=item_text, pcc_response=response)],
        checklist=[ChecklistEntry(label, False)],
    )
    path = tmp_path_factory.mktemp("save") / "draft.toml"
    save_draft(path, draft)
    data = path.read_bytes()
    assert b"\r" not in data
    data.decode("utf-8")  # never a lone surrogate or other text UTF-8 cannot hold
    loaded = load_draft(path)
    assert loaded.warnings == []
    again = loaded.draft
    assert (again.report.title, again.report.summary, again.response.pcc_reply) == tuple(
        clean_text(t) for t in (title, summary, response)
    )
    assert (again.items[0].text, again.items[0].pcc_response) == (clean_text(item_text), clean_text(response))
    assert again.items[0].number == clean_text(item_number or "1").strip()
    assert again.checklist[0].label == clean_text(label)
