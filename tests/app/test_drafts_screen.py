"""The start screen as an officer uses it: read the list, open, start, copy and archive drafts."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import shutil
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from testdata import DATA, EXAMPLE
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from textual.worker import WorkerCancelled

from s55tui import library
from s55tui.draftfile import load_draft
from s55tui.errors import DraftError
from s55tui.model import Office
from s55tui.profile import Profile
from s55tui.tui.dialogs.confirm import ConfirmDialog
from s55tui.tui.dialogs.new_draft import NewDraftDialog
from s55tui.tui.screens.drafts_screen import DraftsScreen

TODAY = date(2021, 2, 13)  # three days after "Safe to share?"'s last day
SIZE = (120, 40)


class StartApp(App[None]):
    """The smallest app around the drafts screen: it records what the screen asks of it."""

    def __init__(self, folder: Path, profile: Profile | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.profile = profile or Profile(office=Office(force="Norfolk Constabulary"))
        self.opened: list[Path] = []
        self.notes: list[tuple[str, str, str]] = []

    def on_mount(self) -> None:
        self.push_screen(DraftsScreen(self.folder, self.profile, TODAY))

    def on_drafts_screen_open_draft(self, message: DraftsScreen.OpenDraft) -> None:
        self.opened.append(message.path)

    def notify(self, message: str, *, title: str = "", severity: Any = "information", **kwargs: Any) -> None:
        self.notes.append((title, message, severity))
        super().notify(message, title=title, severity=severity, **kwargs)


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test with asyncio.run, so no pytest plugin is needed."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two drafts: "Safe to share?" (passed 3 days ago, 3 of 5 written) and a custody report."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copy(EXAMPLE, drafts / "safe-to-share.toml")
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index('title = "Safe to share?')
    end = text.index("\n", start)
    custody = text[:start] + 'title = "Custody suites [unannounced]"' + text[end:]
    custody = custody.replace("published = 2020-12-17", "published = 2021-01-20")
    (drafts / "custody.toml").write_text(custody, encoding="utf-8")
    return drafts


async def settle(pilot: Pilot[None]) -> None:
    """Let the folder scan (a thread) finish and the screen redraw."""
    await pilot.pause()
    while scans := [w for w in pilot.app.workers if w.group == "drafts-scan" and not w.is_finished]:
        with contextlib.suppress(WorkerCancelled):  # replaced by a newer scan
            await scans[0].wait()
    await pilot.pause()


def table_rows(app: App[None]) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


def headers(app: App[None]) -> list[str]:
    return [str(column.label) for column in app.screen.query_one(DataTable).columns.values()]


def text_of(app: App[None], selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


@sync
async def test_the_table_lists_drafts_most_urgent_first(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert headers(app) == ["Report", "Force", "Published", "Last day", "Days left", "Progress"]
        rows = table_rows(app)
        assert rows[0][0].startswith("Safe to share? Report on Liberty")
        assert rows[0][1:] == [
            "Norfolk Constabulary",
            "17 Dec 2020",
            "Wed 10 Feb 2021",
            "passed 3 days ago",
            "3/5",
        ]
        assert rows[1][0] == "Custody suites [unannounced]"  # brackets shown, not markup
        assert rows[1][3:5] == ["Tue 16 Mar 2021", "31 days left"]
        assert text_of(app, "#drafts-heading") == f"Drafts in {folder} (2)"
        detail = text_of(app, "#drafts-detail")
        assert "safe-to-share.toml: last day Wednesday 10 February 2021: passed 3 days ago" in detail


@sync
async def test_narrow_terminal_keeps_the_title_readable(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert headers(app) == ["Report", "Last day", "Days left", "Progress"]
        assert table_rows(app)[0][0].startswith("Safe to share? Report on")


@sync
async def test_enter_opens_the_highlighted_draft(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.opened == [folder / "custody.toml"]


@sync
async def test_a_broken_draft_is_listed_with_its_error(folder: Path) -> None:
    shutil.copy(DATA / "broken" / "misspelt-addressee.toml", folder / "vetting.toml")
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = table_rows(app)
        assert len(rows) == 3
        assert rows[2][0].startswith("vetting.toml: items[3].to: unknown")
        assert rows[2][4] == "cannot read"
        await pilot.press("down", "down")
        await pilot.pause()
        detail = text_of(app, "#drafts-detail")
        assert detail.startswith(
            'Cannot read vetting.toml: items[3].to: unknown addressee "cheif-constables"'
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened == []
        assert app.notes[-1][0] == "Cannot open this draft" and app.notes[-1][2] == "error"


@sync
async def test_an_empty_folder_says_how_to_start(tmp_path: Path) -> None:
    app = StartApp(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert text_of(app, "#drafts-message") == f"No drafts in {tmp_path} yet. Press n to start one."
        assert not app.screen.query_one(DataTable).display
        shown = {key for key, active in app.screen.active_bindings.items() if active.binding.show}
        assert {"n", "r"} <= shown and not {"enter", "d", "a"} & shown


@sync
async def test_a_missing_folder_is_made_by_the_first_new_draft(tmp_path: Path) -> None:
    folder = tmp_path / "not-yet"
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "does not exist yet. Press n to start a draft" in text_of(app, "#drafts-message")
        assert not folder.exists()
        await pilot.press("n")
        await pilot.pause()
        await type_text(pilot, "Safe to share?")
        await pilot.press("enter")
        await type_text(pilot, "2020-12-17")
        await pilot.click("#create")
        await settle(pilot)
        assert (folder / "safe-to-share.toml").is_file()
        assert app.opened == [folder / "safe-to-share.toml"]


@sync
async def test_new_draft_shows_the_last_day_then_creates_and_opens_it(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewDraftDialog)
        await type_text(pilot, "Safe to share? Again")
        assert app.screen.query_one("#file", Input).value == "safe-to-share-2.toml"
        await pilot.press("enter")
        await type_text(pilot, "2020-12-17")
        await pilot.pause()
        assert text_of(app, "#published-note") == (
            "Last day: Wednesday 10 February 2021 (note: the last day, 10 February 2021, has passed)"
        )
        await pilot.press("enter", "tab")  # to the report type, and past it (left as "Other")
        await type_text(pilot, "https://example.org/r")
        await pilot.press("enter", "enter")  # to the file name, then create
        await settle(pilot)
        path = folder / "safe-to-share-2.toml"
        assert app.opened == [path]
        draft = load_draft(path).draft
        assert draft.report.title == "Safe to share? Again"
        assert draft.report.published == date(2020, 12, 17)
        assert draft.report.url == "https://example.org/r"
        assert draft.office.force == "Norfolk Constabulary"  # from the office profile
        assert isinstance(app.screen, DraftsScreen)
        assert len(table_rows(app)) == 3


@sync
async def test_new_draft_warns_of_a_bank_holiday_last_day(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", "tab")
        await type_text(pilot, "2021-10-29")  # + 55 days = Thursday 23 December; try Boxing Day week
        await pilot.pause()
        assert text_of(app, "#published-note") == "Last day: Thursday 23 December 2021"
        app.screen.query_one("#published", Input).value = "2021-11-01"
        await pilot.pause()
        note = text_of(app, "#published-note")
        assert note.startswith("Last day: Sunday 26 December 2021 (note: the last day")
        assert "Boxing Day" in note or "weekend" in note


@sync
async def test_new_draft_says_what_is_wrong_beside_each_field(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#create")
        await pilot.pause()
        assert text_of(app, "#title-note") == "Title: give the report's title as printed"
        assert text_of(app, "#published-note") == "Published date: write it as 2020-12-17 or 17/12/2020"
        await type_text(pilot, "Custody")
        await pilot.press("enter")
        await type_text(pilot, "17/12/20")
        await pilot.press("enter")  # a bad date keeps the cursor on the field
        await pilot.pause()
        assert text_of(app, "#published-note") == "Published date: write it as 2020-12-17 or 17/12/2020"
        assert app.screen.focused is app.screen.query_one("#published", Input)
        assert text_of(app, "#title-note") == ""
        app.screen.query_one("#published", Input).value = "2021-01-20"
        app.screen.query_one("#file", Input).value = "custody.toml"
        await pilot.click("#create")
        await pilot.pause()
        assert text_of(app, "#file-note") == "File name: custody.toml already exists; choose another name"
        assert isinstance(app.screen, NewDraftDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DraftsScreen)
        assert sorted(p.name for p in folder.iterdir()) == ["custody.toml", "safe-to-share.toml"]
        assert app.opened == []


@sync
async def test_a_title_pasted_over_several_lines_is_kept_whole(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        app.post_message(events.Paste("Safe to share?\r\nReport on Liberty\x0b and\x00 Southall "))
        await pilot.pause()
        title = app.screen.query_one("#title", Input).value
        assert title == "Safe to share? Report on Liberty and Southall"


@sync
async def test_a_file_name_typed_by_hand_is_kept(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "PEEL")
        file = app.screen.query_one("#file", Input)
        assert file.value == "peel.toml"
        file.value = "peel-2023.toml"
        await pilot.pause()
        app.screen.query_one("#title", Input).value = "PEEL 2023-25"
        await pilot.pause()
        assert file.value == "peel-2023.toml"


@sync
async def test_a_failed_save_says_why_and_reopens_the_form(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, draft: object) -> None:
        raise DraftError(f"{path}: cannot save: the folder {path.parent} is read-only (permission denied)")

    monkeypatch.setattr(library, "create_draft", refuse)
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await type_text(pilot, "Vetting")
        await pilot.press("enter")
        await type_text(pilot, "2022-11-02")
        await pilot.click("#create")
        await pilot.pause()
        assert app.notes[-1][0] == "Could not create the draft"
        assert "is read-only (permission denied)" in app.notes[-1][1]
        assert isinstance(app.screen, NewDraftDialog)  # reopened, with what was typed
        assert app.screen.query_one("#title", Input).value == "Vetting"
        assert app.screen.query_one("#published", Input).value == "2022-11-02"
        assert app.opened == []


@sync
async def test_d_duplicates_and_moves_to_the_copy(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        copy = folder / "safe-to-share copy.toml"
        assert copy.read_bytes() == (folder / "safe-to-share.toml").read_bytes()
        rows = table_rows(app)
        assert len(rows) == 3
        # Two drafts now share a title, so the file name shows beside it.
        assert sorted(row[0].split("  ")[-1] for row in rows[:2]) == [
            "safe-to-share",
            "safe-to-share copy",
        ]
        assert "safe-to-share copy.toml: last day" in text_of(app, "#drafts-detail")
        assert app.notes[-1][1] == "Copied safe-to-share.toml to safe-to-share copy.toml"


@sync
async def test_a_asks_first_then_archives(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Archive “Safe to share?" in text_of(app, "#confirm-question")
        await pilot.press("n")
        await settle(pilot)
        assert (folder / "safe-to-share.toml").exists()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # the focus starts on "Keep": enter is safe
        await settle(pilot)
        assert (folder / "safe-to-share.toml").exists()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert not (folder / "safe-to-share.toml").exists()
        assert (folder / "archive" / "safe-to-share.toml").is_file()
        rows = table_rows(app)
        assert [row[0] for row in rows] == ["Custody suites [unannounced]"]


@sync
async def test_r_reads_the_folder_again(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (folder / "custody.toml").unlink()
        await pilot.press("r")
        await settle(pilot)
        assert len(table_rows(app)) == 1


@sync
async def test_footer_shows_every_key(folder: Path) -> None:
    app = StartApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = {
            key: binding.binding.description
            for key, binding in app.screen.active_bindings.items()
            if binding.binding.show
        }
        assert {
            "enter": "Open",
            "n": "New",
            "d": "Duplicate",
            "a": "Archive",
            "r": "Refresh",
        }.items() <= shown.items()


def test_the_drafts_list_commands_are_in_the_command_palette(folder: Path) -> None:
    """The drafts list's keys reached neither the palette nor F1's list by name; now one list
    of commands feeds both screens' keys, footer and palette."""
    from apptools import run_app, until
    from textual.widgets import OptionList

    def offered(app) -> list[str]:
        found = app.screen.query(OptionList)
        if not found:
            return []
        options = found.first()
        return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

    async def walk(app, pilot) -> None:
        await until(pilot, lambda: app.screen.query("#drafts-table").first().display)
        await pilot.press("ctrl+p", *"draft")
        await until(pilot, lambda: any("Duplicate draft" in o for o in offered(app)))
        assert {"New draft", "Open draft", "Duplicate draft", "Archive draft"} <= {
            o.split("\n")[0] for o in offered(app)
        }
        await pilot.press(*["backspace"] * 5, *"duplicate")
        await until(pilot, lambda: offered(app) and offered(app)[0].startswith("Duplicate draft"))
        await pilot.press("enter")
        await until(pilot, lambda: len(list(folder.glob("*copy*.toml"))) == 1)

    run_app(None, walk, drafts_dir=folder)
