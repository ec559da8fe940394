"""A draft file with nothing hand-made in it is saved by writing its text straight out.

The canonical writer must lay a file out exactly as the comment-keeping writer lays out a new
one (so a file never changes shape depending on which wrote it), read back as the same draft,
and be used only where there is nothing to keep: a comment or an unknown key sends the save
through the comment-keeping writer, which keeps them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from text_strategies import texts

from s55tui.draftfile import changed_on_disk, dumps_draft, load_draft, parse_draft, save_draft
from s55tui.draftfile.canonical import canonical_text, is_canonical
from s55tui.draftfile.writer import _kept_text
from s55tui.model import ChecklistEntry, Consultation, Draft, Item, Office, Report, Response, Update
from s55tui.session import DraftSession
from s55tui.vocab import ADDRESSEES, ITEM_KINDS, REPORT_TYPES, STATUSES, UPDATE_STATUSES

dates = st.dates(date(1900, 1, 1), date(2199, 12, 31))


@st.composite
def updates(draw: st.DrawFn) -> Update:
    return Update(
        on=draw(dates),
        status=draw(st.sampled_from(sorted(UPDATE_STATUSES))),
        text=draw(texts),
        evidence=draw(st.lists(texts.filter(bool), max_size=2)),
    )


@st.composite
def items(draw: st.DrawFn) -> Item:
    return Item(
        kind=draw(st.sampled_from(sorted(ITEM_KINDS))),
        number=draw(texts).strip() or "1",
        to=draw(st.lists(st.sampled_from(sorted(ADDRESSEES)), min_size=1, max_size=3, unique=True)),
        text=draw(texts),
        notes=draw(texts),
        intro=draw(texts),
        cc_response=draw(texts),
        pcc_response=draw(texts),
        status=draw(st.sampled_from(sorted(STATUSES))),
        due=draw(st.none() | dates),
        updates=draw(st.lists(updates(), max_size=2)),
    )


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    return Draft(
        Report(
            title=draw(texts).strip() or "Title",
            type=draw(st.sampled_from(sorted(REPORT_TYPES))),
            published=draw(dates),
            inspectorate=draw(texts),
            url=draw(texts),
            summary=draw(texts),
            grade=draw(texts),
        ),
        Office(*(draw(texts) for _ in range(7))),
        Response(
            template="narrative",
            version=draw(texts),
            cc_comments=draw(texts),
            pcc_comments=draw(texts),
            pcc_reply=draw(texts),
            signed_by=draw(texts),
            signed_on=draw(st.none() | dates),
            published=draw(st.none() | dates),
        ),
        consultation=Consultation(sent_to=draw(texts), invited=draw(st.none() | dates)),
        items=draw(st.lists(items(), max_size=3)),
        checklist=draw(
            st.lists(st.builds(ChecklistEntry, texts, st.booleans(), st.none() | dates), max_size=2)
        ),
    )


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_a_new_file_is_laid_out_as_the_comment_keeping_writer_lays_one_out(draft: Draft) -> None:
    assert canonical_text(draft) == _kept_text(draft, None)


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_the_canonical_text_reads_back_as_the_draft_and_is_known_for_canonical(draft: Draft) -> None:
    text = canonical_text(draft)
    assert canonical_text(parse_draft(text).draft) == text  # the values written are the values read
    assert is_canonical(text)


@settings(max_examples=60, deadline=None)
@given(drafts(), st.data())
def test_each_save_after_edits_writes_every_edit(draft: Draft, data: st.DataObject) -> None:
    """The items a save laid out are kept for the next: an edit of any kind, in place or not,
    must still reach the text (each text compared with the comment-keeping writer's)."""
    draft.items.append(Item("recommendation", "9", ["all"], "Twin."))
    draft.items.append(Item("recommendation", "9", ["all"], "Twin."))  # the same content twice
    assert canonical_text(draft) == _kept_text(draft, None)
    for _ in range(data.draw(st.integers(1, 5))):
        item = data.draw(st.sampled_from(draft.items))
        edit = data.draw(st.sampled_from(["cc_response", "due", "to", "update", "update text", "status"]))
        if edit == "cc_response":
            item.cc_response = data.draw(texts)
        elif edit == "due":
            item.due = data.draw(st.none() | dates)
        elif edit == "to":
            item.to.append(data.draw(st.sampled_from(sorted(set(ADDRESSEES) - set(item.to)) or ["all"])))
        elif edit == "update":
            item.updates.append(data.draw(updates()))  # the same list, longer
        elif edit == "update text" and item.updates:
            item.updates[0].evidence.append(data.draw(texts.filter(bool)))  # deep inside, in place
        else:
            item.status = data.draw(st.sampled_from(sorted(STATUSES)))
        assert canonical_text(draft) == _kept_text(draft, None)


def _example(tmp_path: Path) -> Path:
    path = tmp_path / "draft.toml"
    draft = Draft(
        Report(title="Vetting", published=date(2024, 3, 5)),
        Office(force="Norfolk Constabulary"),
        Response(pcc_comments="I welcome the report."),
        items=[Item("recommendation", str(n), ["all"], f"Act {n}.") for n in range(1, 4)],
    )
    save_draft(path, draft)
    return path


def test_a_file_s55tui_wrote_is_saved_as_its_new_text_after_an_edit(tmp_path: Path) -> None:
    path = _example(tmp_path)
    draft = load_draft(path).draft
    draft.items[1].cc_response = "We accept it: \\d, 'quoted', \"double\"."
    draft.items.insert(0, draft.items.pop())
    save_draft(path, draft, loaded_from=path)
    text = path.read_text(encoding="utf-8")
    assert is_canonical(text)
    again = load_draft(path).draft
    assert [item.number for item in again.items] == ["3", "1", "2"]
    assert again.items[2].cc_response == "We accept it: \\d, 'quoted', \"double\"."


def test_a_comment_or_an_unknown_key_is_kept_by_a_save(tmp_path: Path) -> None:
    path = _example(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("[[items]]", "# our note on the first item\n[[items]]", 1)
    text = text.replace("[office]\n", '[office]\nour_ref = "OPCC/2024/17"\n', 1)
    path.write_text(text, encoding="utf-8")
    assert not is_canonical(text)
    draft = load_draft(path).draft
    draft.items[0].cc_response = "Accepted."
    save_draft(path, draft, loaded_from=path)
    saved = path.read_text(encoding="utf-8")
    assert "# our note on the first item\n[[items]]" in saved
    assert 'our_ref = "OPCC/2024/17"' in saved
    assert load_draft(path).draft.items[0].cc_response == "Accepted."


def test_saving_twice_writes_the_same_text(tmp_path: Path) -> None:
    path = _example(tmp_path)
    draft = load_draft(path).draft
    first = dumps_draft(draft)
    assert dumps_draft(draft) == first == path.read_text(encoding="utf-8")


def test_after_a_save_from_a_snapshot_the_live_draft_knows_the_file_it_wrote(tmp_path: Path) -> None:
    """The app saves a copy of the draft on a thread; the draft being edited must not then
    take the file it saved for a colleague's change ("changed on disk")."""
    path = _example(tmp_path)
    session = DraftSession(path, load_draft(path).draft)
    session.draft.items[0].cc_response = "Accepted."
    session.write(session.snapshot())
    assert not changed_on_disk(path, session.draft)
    session.draft.items[0].cc_response = "Accepted in full."
    session.write(session.snapshot())
    assert load_draft(path).draft.items[0].cc_response == "Accepted in full."
