"""What an import would do, worked out before the officer confirms, and said in one line after."""

from __future__ import annotations

import copy

import pytest

from s55tui.importer import merge as merge_module
from s55tui.importer.merge import item_key, merge, outcome, preview, summary
from s55tui.model import Draft, Item


def draft() -> Draft:
    return Draft(
        items=[
            Item(number="1", to=["chief-constables"], text="Stop sharing.", cc_response="Done."),
            Item(number="4", to=["chief-constables"], text="Our own wording of 4.", cc_response="Done."),
            Item(number="5", to=["chief-constables", "pccs"], text=""),
        ]
    )


IMPORTED = [
    Item(number="1", to=["chief-constables"], text="Stop sharing."),
    Item(number="4", to=["chief-constables"], text="The report's wording of 4.", notes="A note."),
    Item(number="5", to=["chief-constables", "pccs"], text="Work together."),
    Item(number="8", to=["all"], text="Provide an update."),
]


def test_preview_says_what_happens_to_each_item_and_changes_nothing() -> None:
    ours = draft()
    before = copy.deepcopy(ours)
    assert [outcome(report) for report in preview(ours, IMPORTED)] == [
        "already the same",
        # another wording of 4 may be another report's 4: nothing of it goes into the officer's item
        "kept yours (text differs)",
        "fills empty text",
        "new",
    ]
    assert ours == before


def test_an_answer_found_with_another_wording_of_the_item_is_never_put_into_the_officers_item() -> None:
    """Another report's recommendation 4, with the force's answer after it, imported into this
    draft by mistake: the answer would have filled the empty response of this draft's 4."""
    ours = Draft(items=[Item(number="4", to=["chief-constables"], text="This report's 4.")])
    theirs = Item(number="4", to=["chief-constables"], text="Another report's 4.", cc_response="We have.")
    report = merge(ours, [theirs])
    assert ours.items[0].cc_response == "" and ours.items[0].text == "This report's 4."
    assert report.differs == [(ours.items[0], ["text"])] and not report.filled


def test_preview_agrees_with_the_merge_itself() -> None:
    reports = preview(draft(), IMPORTED)
    merged = merge(draft(), IMPORTED)
    assert sum(len(r.added) for r in reports) == len(merged.added)
    assert sum(len(r.filled) for r in reports) == len(merged.filled)
    assert sum(len(r.differs) for r in reports) == len(merged.differs)
    assert sum(len(r.unchanged) for r in reports) == len(merged.unchanged)


def test_summary_fits_a_notification() -> None:
    assert summary(merge(draft(), IMPORTED)) == (
        "Added 1 item, filled in 1, kept 1 of yours, 1 already the same."
    )
    assert summary(merge(Draft(), IMPORTED)) == "Added 4 items."
    assert summary(merge(draft(), IMPORTED[:1])) == "Nothing to add: the draft already has all of these."
    only_ours = merge(draft(), [Item(number="4", to=["chief-constables"], text="Other words.")])
    assert summary(only_ours) == "Added no new items, kept 1 of yours."


def test_a_thousand_items_merge_in_order_without_freezing_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = Draft(items=[Item(number=str(n), text=f"Ours {n}.") for n in range(2, 2001, 2)])
    imported = [Item(number=str(n), text=f"Theirs {n}.") for n in range(2000, 0, -1)]
    keyed: list[Item] = []

    def counting_key(item: Item) -> tuple[str, str]:
        keyed.append(item)
        return item_key(item)

    monkeypatch.setattr(merge_module, "item_key", counting_key)
    reports = preview(ours, imported)
    report = merge(ours, imported)
    # each item's number is read once a merge (it took 15 s when every match re-read every number)
    assert len(keyed) == 2 * (1000 + 2000)
    assert [item.number for item in ours.items] == [str(n) for n in range(1, 2001)]
    assert len(report.added) == 1000 and len(report.differs) == 1000
    assert [outcome(r) for r in reports[:2]] == ["kept yours (text differs)", "new"]
