"""The Import dialog as an officer uses it: paste or name the report, look, then add or cancel.

Pilot drives a tiny app that opens the dialog on a draft and keeps what it returns. The tests
run each app with ``asyncio.run`` so they need no async plugin for pytest.
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Awaitable, Callable
from pathlib import Path

from apptools import until
from testdata import DATA, NORFOLK
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static, TextArea

from s55tui.importer.merge import merge, summary
from s55tui.model import Draft, Item
from s55tui.tui.dialogs.import_dialog import ImportChoice, ImportDialog, source_name
from s55tui.tui.dialogs.import_found import first_words

REPORT_PDF = DATA / "import" / "report.pdf"
UNSET = object()


class DialogApp(App[None]):
    """Opens the Import dialog on ``draft`` at once and keeps its answer in ``choice``."""

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        self.choice: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(ImportDialog(self.draft), self._chosen)

    def _chosen(self, choice: ImportChoice | None) -> None:
        self.choice = choice


def drive(draft: Draft, steps: Callable[[Pilot[None]], Awaitable[None]]) -> DialogApp:
    """Run the app at the size an officer's terminal has, do ``steps``, and return the app."""
    app = DialogApp(draft)

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await steps(pilot)

    asyncio.run(run())
    return app


async def find(pilot: Pilot[None]) -> None:
    """Press the Find key and wait for the reading thread to finish and its answer to show."""
    await pilot.press("ctrl+f")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def rows(pilot: Pilot[None], ticks: bool = False) -> list[list[str]]:
    """The list of items found, cell by cell; without the "Add" tick column unless asked."""
    table = pilot.app.screen.query_one("#found", DataTable)
    first = 0 if ticks else 1
    return [[str(cell) for cell in table.get_row_at(index)][first:] for index in range(table.row_count)]


def status(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#status", Static).render())


def norfolk_draft() -> Draft:
    """A draft where the officer has already typed recommendation 4 in their own words and answered it."""
    return Draft(
        items=[Item(number="4", to=["chief-constables"], text="Our own wording of 4.", cc_response="Done.")]
    )


def test_pasted_report_shows_its_recommendations_and_adds_them() -> None:
    seen: list[list[str]] = []

    async def steps(pilot: Pilot[None]) -> None:
        # Posted to the app, as a terminal's bracketed paste arrives; straight to the TextArea it lands twice.
        pilot.app.post_message(events.Paste(NORFOLK.read_text(encoding="utf-8")))
        await pilot.pause()
        await find(pilot)
        seen.extend(rows(pilot))
        assert status(pilot).startswith("Found 4 items in pasted text")
        assert pilot.app.screen.focused is pilot.app.screen.query_one("#found", DataTable)
        await pilot.press("ctrl+s")

    app = drive(Draft(), steps)
    assert [row[0] for row in seen] == [
        "Recommendation 1",
        "Recommendation 4",
        "Recommendation 5",
        "Recommendation 6",
    ]
    assert [row[1] for row in seen] == [
        "chief constables",
        "chief constables",
        "chief constables and PCCs",
        "police and crime commissioners",
    ]
    assert {row[2] for row in seen} == {"new"}
    assert seen[3][3].startswith("Conduct an assessment of local access")
    assert isinstance(app.choice, ImportChoice)
    assert app.choice.source == "pasted text"
    assert [(item.kind, item.number, item.to) for item in app.choice.items] == [
        ("recommendation", "1", ["chief-constables"]),
        ("recommendation", "4", ["chief-constables"]),
        ("recommendation", "5", ["chief-constables", "pccs"]),
        ("recommendation", "6", ["pccs"]),
    ]
    assert app.choice.items[3].intro == "A specific recommendation is also included for PCC's:"
    assert app.draft.items == []  # the dialog only returns items; the screen that opened it merges


def test_a_report_file_is_read_and_ctrl_s_adds_its_items(tmp_path: Path) -> None:
    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#path", Input).value = str(REPORT_PDF)
        await pilot.pause()
        await find(pilot)
        assert len(rows(pilot)) == 10
        await pilot.press("ctrl+s")

    app = drive(Draft(), steps)
    assert isinstance(app.choice, ImportChoice)
    assert app.choice.source == str(REPORT_PDF)
    labels = [item.label for item in app.choice.items]
    assert labels[-2:] == ["Area for improvement 1", "Area for improvement 2"]
    report = merge(app.draft, app.choice.items)
    assert summary(report) == "Added 10 items."


def test_a_missing_file_gives_the_importers_one_line_and_the_dialog_stays_open(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pdf"

    async def steps(pilot: Pilot[None]) -> None:
        await pilot.press("tab")  # from the paste box to the file path
        pilot.app.screen.query_one("#path", Input).value = str(missing)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert status(pilot) == f"{missing}: no such file"
        assert pilot.app.screen.query_one("#status").has_class("-error")
        assert pilot.app.screen.query_one("#add", Button).disabled
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, ImportDialog)

    app = drive(Draft(), steps)
    assert app.choice is UNSET


def test_text_with_no_items_says_so_plainly_and_keeps_the_dialog_open() -> None:
    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = "Thank you for your letter of 3 May.\n"
        await find(pilot)
        assert status(pilot).startswith(
            "No recommendations, causes of concern or areas for improvement found in pasted text."
        )
        await pilot.press("ctrl+s")
        assert isinstance(pilot.app.screen, ImportDialog)

    assert drive(Draft(), steps).choice is UNSET


def test_an_empty_paste_box_gives_the_importers_message() -> None:
    async def steps(pilot: Pilot[None]) -> None:
        await find(pilot)
        assert status(pilot) == "pasted text: empty; there is no text to import"

    drive(Draft(), steps)


def test_escape_returns_none_and_leaves_the_draft_alone() -> None:
    draft = norfolk_draft()
    before = copy.deepcopy(draft)

    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = NORFOLK.read_text(encoding="utf-8")
        await find(pilot)
        assert len(rows(pilot)) == 4
        await pilot.press("escape")

    app = drive(draft, steps)
    assert app.choice is None
    assert draft == before


def test_the_preview_keeps_an_answered_item_in_the_officers_own_words() -> None:
    draft = norfolk_draft()
    before = copy.deepcopy(draft)
    seen: list[list[str]] = []
    notes: list[str] = []

    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = NORFOLK.read_text(encoding="utf-8")
        await find(pilot)
        seen.extend(rows(pilot))
        notes.append(status(pilot))

    drive(draft, steps)
    will = {row[0]: row[2] for row in seen}
    assert will["Recommendation 4"] == "kept yours (text differs)"
    assert will["Recommendation 1"] == "new"
    assert "3 new, 1 differs from yours (yours is kept)" in notes[0]
    assert draft == before  # worked out on a copy


def test_editing_after_finding_means_finding_again() -> None:
    text = "Recommendation 1\n\nChief constables should stop.\n"

    async def steps(pilot: Pilot[None]) -> None:
        area = pilot.app.screen.query_one("#paste", TextArea)
        area.text = text
        await find(pilot)
        assert not pilot.app.screen.query_one("#add", Button).disabled
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("x")
        assert pilot.app.screen.query_one("#add", Button).disabled
        assert not pilot.app.screen.query_one("#found").display
        await pilot.press("ctrl+s")  # finds again rather than adding what no longer matches the text
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ImportDialog)
        assert rows(pilot)[0][0] == "Recommendation 1"

    drive(Draft(), steps)


def test_doubts_are_listed_with_their_lines() -> None:
    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = "Recommendation 3\n\nReview the guidance.\n"
        await find(pilot)
        notes = str(pilot.app.screen.query_one("#notes", Static).render())
        assert "Check: line 1: Recommendation 3: no addressee found; fill in who it is for" in notes

    drive(Draft(), steps)


def test_a_short_terminal_still_shows_what_each_item_will_do() -> None:
    app = DialogApp(Draft())

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            pilot.app.screen.query_one("#path", Input).value = str(REPORT_PDF)
            await find(pilot)
            table = pilot.app.screen.query_one("#found", DataTable)
            labels = [str(column.label) for column in table.columns.values()]
            assert labels[:4] == ["Add", "Item", "To", "Will"]
            assert table.virtual_size.width <= table.size.width
            assert table.size.height >= 5

    asyncio.run(run())


def test_a_dropped_file_name_loses_its_quotes_and_tilde() -> None:
    assert source_name("  '/tmp/My Report.pdf' ") == "/tmp/My Report.pdf"
    assert source_name('"report.docx"') == "report.docx"
    assert source_name("~/r.pdf") == str(Path.home() / "r.pdf")
    assert source_name("   ") == ""


def test_first_words_cut_at_a_word() -> None:
    assert first_words("Conduct an  assessment\nof local access", 22) == "Conduct an assessment…"
    assert first_words("Conduct an assessment of local access", 20) == "Conduct an…"
    assert first_words("short", 22) == "short"
    assert first_words("", 10) == "(no text)"


def test_space_leaves_an_item_out_and_only_the_ticked_ones_are_added() -> None:
    shown: dict[str, object] = {}

    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = NORFOLK.read_text(encoding="utf-8")
        await find(pilot)
        await pilot.press("down", "space")  # the list has the cursor: leave Recommendation 4 out
        await pilot.pause()
        shown["ticks"] = [row[0] for row in rows(pilot, ticks=True)]
        shown["status"] = status(pilot)
        await pilot.press("space", "space")  # back in, and out again
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = drive(Draft(), steps)
    assert shown["ticks"] == ["yes", "no", "yes", "yes"]
    assert "(1 item left out): 3 new" in str(shown["status"])
    assert isinstance(app.choice, ImportChoice)
    assert [item.number for item in app.choice.items] == ["1", "5", "6"]


def test_leaving_every_item_out_adds_nothing_and_says_why() -> None:
    async def steps(pilot: Pilot[None]) -> None:
        area = pilot.app.screen.query_one("#paste", TextArea)
        area.text = "Recommendation 1\n\nChief constables should stop.\n"
        await find(pilot)
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ImportDialog)
        assert "none ticked to add" in status(pilot)

    app = drive(Draft(), steps)
    assert app.choice is UNSET


QUOTING = (
    "Recommendation 1\n\nBy July 2024, chief constables should review their vetting of every officer "
    "and member of staff, and publish what they find.\n\n"
    "Borsetshire Police has reviewed its vetting and found no gaps.\n\n"
    "Recommendation:\n\nThe force should train its call handlers.\n"
)


def test_the_highlighted_item_is_shown_whole_with_the_answer_found_after_it() -> None:
    shown: dict[str, str] = {}

    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = QUOTING
        await find(pilot)
        shown["detail"] = str(pilot.app.screen.query_one("#detail", Static).render())

    drive(Draft(), steps)
    assert "publish what they find." in shown["detail"]  # the whole text, not its first words
    assert "Found after it, as the chief constable's response:" in shown["detail"]
    assert "Borsetshire Police has reviewed its vetting and found no gaps." in shown["detail"]


def test_enter_puts_an_items_kind_number_and_addressees_right_before_it_is_added() -> None:
    shown: dict[str, object] = {}

    async def steps(pilot: Pilot[None]) -> None:
        pilot.app.screen.query_one("#paste", TextArea).text = QUOTING
        await find(pilot)
        await pilot.press("down", "enter")  # the unnumbered one, numbered 2 by the importer
        await until(pilot, lambda: pilot.app.screen.query("#fix-number"))
        pilot.app.screen.query_one("#fix-number").value = "1"  # taken by the other recommendation
        await pilot.press("enter")
        await pilot.pause()
        shown["refused"] = str(pilot.app.screen.query_one("#fix-error", Static).render())
        pilot.app.screen.query_one("#fix-kind").value = "area-for-improvement"
        pilot.app.screen.query_one("#fix-to-pccs").value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen.query("#found"))
        shown["rows"] = rows(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = drive(Draft(), steps)
    assert "Another item found is recommendation 1" in str(shown["refused"])
    assert [row[:2] for row in shown["rows"]] == [  # type: ignore[index]
        ["Recommendation 1", "chief constables"],
        ["Area for improvement 1", "chief constables and PCCs"],
    ]
    assert isinstance(app.choice, ImportChoice)
    fixed = app.choice.items[1]
    assert (fixed.kind, fixed.number, fixed.to, fixed.text) == (
        "area-for-improvement",
        "1",
        ["chief-constables", "pccs"],
        "The force should train its call handlers.",
    )
