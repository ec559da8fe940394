"""What the draft screen shows in its very first frame, before anything else has happened.

The first frame is caught the way textual offers it: a callback asked for on the draft screen
the moment it is pushed runs once that screen has been refreshed for the first time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from apptools import TODAY, copy_example, run_app, type_text
from screen_text import screen_lines
from testdata import EXAMPLE

import s55tui.tui.app
from s55tui.draftfile import load_draft, save_draft
from s55tui.tui.app import S55App
from s55tui.tui.steps import Step


def _first_frame(path: Path) -> list[str]:
    """The screen's rows as the draft screen's first frame shows them."""
    frames: list[list[str]] = []

    class Watched(S55App):
        CSS_PATH = Path(s55tui.tui.app.__file__).with_name("app.tcss")

        def open_draft(self, draft, item=None):  # type: ignore[no-untyped-def]
            opened = super().open_draft(draft, item)
            self.screen.call_after_refresh(lambda: frames.append(screen_lines(self)))
            return opened

    async def main() -> None:
        app = Watched(path, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()

    asyncio.run(main())
    assert frames, "the draft screen was never painted"
    return frames[0]


def test_the_footer_shows_its_keys_in_the_first_frame(tmp_path: Path) -> None:
    """The keys are there from the start, not a frame later (textual's footer waits for the
    first move of the cursor, then rebuilds itself and the screen's layout)."""
    footer = _first_frame(copy_example(EXAMPLE, tmp_path))[-1]
    assert "^g Next owed" in footer and "^q Quit" in footer and "^p palette" in footer
    # spaced as textual's footer spaces them: each key and its words apart, the palette's
    # key at the right edge
    assert footer.startswith(" ^n Next  ^b Back  ^g Next owed  ^o Outline  ^r Review  ^s Save")
    assert footer.endswith("▏^p palette ")


def test_a_draft_opens_on_the_first_response_owed_with_the_cursor_in_it(tmp_path: Path) -> None:
    """The officer opens the draft where the work is: the example owes Recommendation 4's
    chief constable response first. The first frame shows that item, its box in sight."""
    path = copy_example(EXAMPLE, tmp_path)
    lines = _first_frame(path)
    editor = "\n".join(line[37:] for line in lines)
    assert "Recommendation 4  ·  2 of 4" in editor
    assert "Chief constable's response  (required)" in editor

    async def check(app, pilot) -> None:
        screen = app.screen
        assert screen.step == Step("item", 1) and app.focused.id == "f-cc_response"
        await type_text(pilot, "Typed at once.")
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()

    run_app(path, check)
    items = load_draft(path).draft.items
    assert items[1].number == "4" and items[1].cc_response == "Typed at once."
    before = load_draft(EXAMPLE).draft.items
    assert [i.cc_response for i in items[2:]] == [i.cc_response for i in before[2:]]


def test_a_draft_that_owes_nothing_opens_on_its_details(tmp_path: Path) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    session = load_draft(path)
    for item in session.draft.items:
        item.cc_response = item.cc_response or "Written."
    save_draft(path, session.draft)

    async def check(app, pilot) -> None:
        assert app.screen.step == Step("details") and app.focused.id == "f-report-title"

    run_app(path, check)


def test_details_still_owed_come_first(tmp_path: Path) -> None:
    """A new draft has no title yet: it opens on the details, cursor in the title."""
    path = copy_example(EXAMPLE, tmp_path)
    session = load_draft(path)
    session.draft.report.title = ""
    save_draft(path, session.draft)

    async def check(app, pilot) -> None:
        assert app.screen.step == Step("details") and app.focused.id == "f-report-title"

    run_app(path, check)


def _styles(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every widget's computed styles (and its parts', such as a text box's cursor), by place."""
    found: dict[str, str] = {}
    for number, node in enumerate(app.screen.walk_children(with_self=True)):
        name = f"{number}:{type(node).__name__}#{node.id}"
        found[name] = node.styles.css
        for part in sorted(type(node).COMPONENT_CLASSES):
            found[f"{name}.{part}"] = node.get_component_styles(part).css
    return found


def test_the_draft_screen_is_styled_once_and_right(tmp_path: Path) -> None:
    """The draft screen is not styled again when first shown (textual's second pass cost
    about 30 ms of opening): what it shows then must be what a full restyle gives."""

    async def check(app, pilot) -> None:
        first = _styles(app)
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        again = _styles(app)
        changed = [name for name in first if first[name] != again.get(name)]
        assert not changed, f"styled differently after a restyle: {changed[:5]}"
        assert len(first) > 100  # the whole screen was compared, parts and all

    run_app(copy_example(EXAMPLE, tmp_path), check)
