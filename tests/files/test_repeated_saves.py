"""Saving again and again from one session: each save writes exactly what the app holds.

A save leaves alone every item that has not changed since the last save (at 10,000 items
that is most of a save's time). These tests make sure "not changed" is never wrong: an item
changed back to what the file first held, an item moved, removed or added, a box ticked and
unticked, all land in the file, save after save, through the same session.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.model import Item
from s55tui.session import DraftSession


def _fields(draft) -> list[tuple]:
    """What a reader of the file sees: every item's and box's fields, in order."""
    items = [
        (i.kind, i.number, tuple(i.to), i.text, i.cc_response, i.pcc_response, i.status) for i in draft.items
    ]
    boxes = [(b.label, b.done, b.on) for b in draft.checklist]
    return items + boxes


def _session(tmp_path: Path) -> DraftSession:
    path = tmp_path / "draft.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return DraftSession.open(path)


def test_an_item_changed_back_to_what_the_file_first_held_is_saved_back(tmp_path: Path) -> None:
    session = _session(tmp_path)
    first = session.draft.items[1].cc_response
    session.draft.items[1].cc_response = "Changed."
    session.changed()
    session.save_now()
    assert load_draft(session.path).draft.items[1].cc_response == "Changed."
    session.draft.items[1].cc_response = first
    session.changed()
    session.save_now()
    assert load_draft(session.path).draft.items[1].cc_response == first


_STEPS = st.lists(
    st.tuples(
        st.sampled_from(["edit", "restore", "move", "remove", "add", "tick", "save"]),
        st.integers(min_value=0, max_value=50),
        st.sampled_from(["We will.", "", "Agreed.\n\n- one\n- two", "We will."]),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(_STEPS)
def test_every_save_in_a_session_writes_what_the_app_holds(tmp_path_factory, steps) -> None:
    session = _session(tmp_path_factory.mktemp("saves"))
    originals = [dataclasses.replace(item) for item in session.draft.items]
    for action, index, text in steps:
        items = session.draft.items
        if action == "edit" and items:
            items[index % len(items)].pcc_response = text
        elif action == "restore" and items:
            item = items[index % len(items)]
            match = next((o for o in originals if (o.kind, o.number) == (item.kind, item.number)), None)
            if match is not None:
                item.pcc_response, item.cc_response = match.pcc_response, match.cc_response
        elif action == "move" and len(items) > 1:
            items.insert(0, items.pop(index % len(items)))
        elif action == "remove" and items:
            items.pop(index % len(items))
        elif action == "add":
            items.append(
                Item("area-for-improvement", str(100 + index), ["pccs"], "Improve.", pcc_response=text)
            )
        elif action == "tick" and session.draft.checklist:
            box = session.draft.checklist[index % len(session.draft.checklist)]
            box.done = not box.done
            box.on = date(2021, 2, 9) if box.done else None
        session.changed()
        if action == "save":
            session.save_now()
            assert _fields(load_draft(session.path).draft) == _fields(session.draft)
    session.save_now()
    assert _fields(load_draft(session.path).draft) == _fields(session.draft)
