"""The journal of edits typed while a big draft's slow save is under way (issue 16, case 12).

Each test stops the session where a kill would (no save, or a save that never landed) and
opens the draft again, as the officer would after s55tui was killed.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from apptools import copy_example
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.journal import field_values, journal_path, write_journal
from s55tui.model import Item
from s55tui.session import DraftSession


def _typed_after_the_last_save(session: DraftSession) -> None:
    draft = session.draft
    draft.report.title = "Safe to share? (revised)"
    draft.items[1].cc_response = "The force accepts this recommendation in full."
    draft.checklist[0].done, draft.checklist[0].on = True, date(2021, 2, 9)
    draft.items.append(Item(number="7", text="A new recommendation.", cc_response="Agreed."))
    session.changed()


def test_edits_kept_in_the_journal_come_back_when_the_draft_is_opened_after_a_kill(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    session = DraftSession.open(path)
    _typed_after_the_last_save(session)
    assert session.journal(session.snapshot())
    del session  # killed: the full save never happened

    again = DraftSession.open(path)
    draft = again.draft
    assert draft.report.title == "Safe to share? (revised)"
    assert draft.items[1].cc_response == "The force accepts this recommendation in full."
    assert (draft.checklist[0].done, draft.checklist[0].on) == (True, date(2021, 2, 9))
    assert (draft.items[-1].number, draft.items[-1].cc_response) == ("7", "Agreed.")
    assert len(draft.items) == len(load_draft(path).draft.items) + 1
    # the title, the answer and the box's date (the example's box was already ticked)
    assert any("brought back 3 edits and 1 new item" in w for w in again.warnings), again.warnings
    assert again.dirty  # so it is saved, and then the journal goes
    again.save_now()
    assert not journal_path(again.path).exists()
    assert load_draft(path).draft.items[1].cc_response == "The force accepts this recommendation in full."


def test_a_field_a_colleague_changed_since_keeps_their_version_and_yours_is_put_aside(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    session = DraftSession.open(path)
    _typed_after_the_last_save(session)
    session.journal(session.snapshot())

    theirs = load_draft(path).draft
    theirs.items[1].cc_response = "Their answer, saved from another computer."
    save_draft(path, theirs)

    again = DraftSession.open(path)
    assert again.draft.items[1].cc_response == "Their answer, saved from another computer."
    assert again.draft.report.title == "Safe to share? (revised)"  # the rest still comes back
    said = " ".join(again.warnings)
    assert (
        "its version of Recommendation 4's chief constable's response was kept, not yours; "
        "yours are in draft.toml.unsaved-edits.json"
    ) in said
    kept = (tmp_path / "draft.toml.unsaved-edits.json").read_text(encoding="utf-8")
    assert "The force accepts this recommendation in full." in kept


def test_a_save_that_landed_just_before_the_kill_does_not_count_as_a_colleagues_change(
    tmp_path: Path,
) -> None:
    """The journal was written while a save was under way; that save landed, then the kill."""
    path = copy_example(EXAMPLE, tmp_path)
    session = DraftSession.open(path)
    draft = session.draft
    draft.items[1].cc_response = "First half"
    draft.items.append(Item(number="7", text="A new one."))
    under_way = session.snapshot()
    in_flight = field_values(under_way.draft)
    draft.items[1].cc_response = "First half, and the second half typed during the save."
    write_journal(session.path, [session.baseline, in_flight], session.snapshot().draft)
    save_draft(path, under_way.draft)  # the save under way lands; the kill comes before the next

    again = DraftSession.open(path)
    items = again.draft.items
    assert items[1].cc_response == "First half, and the second half typed during the save."
    assert [i.number for i in items].count("7") == 1  # the save had already written it
    assert not any("kept, not yours" in w for w in again.warnings), again.warnings


def test_a_journal_whose_edits_are_all_in_the_file_is_removed_without_a_word(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    session = DraftSession.open(path)
    session.draft.report.title = "Retitled"
    session.changed()
    session.journal(session.snapshot())
    saved = load_draft(path).draft
    saved.report.title = "Retitled"
    save_draft(path, saved)  # say, the save landed and only the journal's removal was missed

    again = DraftSession.open(path)
    assert again.warnings == [] and not again.dirty
    assert not journal_path(again.path).exists()


def test_a_damaged_journal_is_left_alone_and_the_draft_opens_as_saved(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    journal = journal_path(path.resolve())
    journal.write_text('{"format": 1, "changes": [{"field": "report.title"', encoding="utf-8")

    again = DraftSession.open(path)
    assert again.draft == load_draft(path).draft
    assert any("is damaged; it was left as it is" in w for w in again.warnings), again.warnings
    assert journal.exists()


def test_a_big_drafts_save_keeps_the_journal_until_the_file_has_every_edit(tmp_path: Path) -> None:
    """Over a megabyte, the first save must parse the file (seconds at 10,000 items) before it
    writes: what was typed goes to the journal first, and the journal goes once it lands."""
    path = copy_example(EXAMPLE, tmp_path)
    big = load_draft(path).draft
    answer = "A long answer, pasted from the force's email. " * 200
    big.items = [dataclasses.replace(big.items[0], number=str(n), cc_response=answer) for n in range(150)]
    save_draft(path, big)
    assert path.stat().st_size > 1_000_000

    session = DraftSession.open(path)
    assert session.slow_to_save()
    session.draft.items[120].pcc_response = "Typed just before the save."
    session.changed()
    snap = session.snapshot()
    session.write(snap)
    journal = json.loads(journal_path(session.path).read_text(encoding="utf-8"))
    assert [c["field"] for c in journal["changes"]] == ["items@120.pcc_response"]
    session.landed(snap)
    assert not journal_path(session.path).exists()
    assert load_draft(path).draft.items[120].pcc_response == "Typed just before the save."


def test_the_journal_of_named_edits_keeps_each_one_until_a_save_with_it_lands(tmp_path: Path) -> None:
    """The app names the item or box each edit was to, so a big draft is not compared in full;
    an edit made after a save's snapshot stays in the journal when that save lands."""
    path = copy_example(EXAMPLE, tmp_path)
    session = DraftSession.open(path)
    first, second = session.draft.items[1], session.draft.items[2]
    first.cc_response = "Typed first."
    session.changed(first)
    under_way = session.snapshot()
    second.pcc_response = "Typed while that save ran."
    session.changed(second)
    session.draft.checklist[1].on = date(2021, 2, 1)
    session.changed(session.draft.checklist[1])
    assert session.journal()  # the live draft, as the app journals while a save runs

    def journaled() -> list[str]:
        body = json.loads(journal_path(session.path).read_text(encoding="utf-8"))
        return sorted(c["field"] for c in body["changes"])

    assert journaled() == ["checklist@1.on", "items@1.cc_response", "items@2.pcc_response"]
    session.write(under_way)
    session.landed(under_way)  # the journal went up to later edits than this save: it stays
    assert journal_path(session.path).exists()
    assert session.journal()
    assert journaled() == ["checklist@1.on", "items@2.pcc_response"]  # the first is in the file now

    again = DraftSession.open(path)
    assert again.draft.items[1].cc_response == "Typed first."
    assert again.draft.items[2].pcc_response == "Typed while that save ran."
    assert again.draft.checklist[1].on == date(2021, 2, 1)
