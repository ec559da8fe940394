"""The start screen: every draft in the folder, the nearest deadline first, and what to do next.

The folder is read in a worker thread, so a folder of 1,000-item drafts never freezes the
keyboard; until it is read the screen says so. Opening a draft is the app's business: the
screen posts ``DraftsScreen.OpenDraft`` and the app pushes the draft screen. New, duplicate
and archive happen here, each through ``s55tui.library``, which never overwrites a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from s55tui import library
from s55tui.deadline import deadline, long_date
from s55tui.draftfile.atomic import backup_path
from s55tui.errors import S55Error
from s55tui.library import DraftRow
from s55tui.model import Report
from s55tui.profile import Profile
from s55tui.tui.commands import bindings, palette
from s55tui.tui.dialogs.confirm import ConfirmDialog
from s55tui.tui.dialogs.new_draft import NewDraftChoice, NewDraftDialog
from s55tui.tui.screens.drafts_commands import DRAFTS_COMMANDS
from s55tui.tui.screens.drafts_table import DraftsTable
from s55tui.tui.widgets.key_footer import KeyFooter


class DraftsScreen(Screen[None]):
    """The drafts in ``folder`` as a table, with keys to open, start, copy and archive drafts."""

    CSS_PATH = "drafts_screen.tcss"

    BINDINGS: ClassVar[list[BindingType]] = bindings(DRAFTS_COMMANDS)
    COMMANDS_LIST = DRAFTS_COMMANDS

    class OpenDraft(Message):
        """The officer chose a draft to work on; the app should open ``path``."""

        def __init__(self, path: Path, item: int | None = None) -> None:
            super().__init__()
            self.path = path
            self.item = item

    def __init__(self, folder: Path, profile: Profile, today: date) -> None:
        """``today`` is passed in (not read from the clock) so tests can fix the days left."""
        super().__init__()
        self.folder = folder
        self.profile = profile
        self.today = today
        self._select_after_scan: Path | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(f"Drafts in {self.folder}"), id="drafts-heading")
        yield Static(Content(f"Reading drafts in {self.folder}..."), id="drafts-message")
        table = DraftsTable(id="drafts-table")
        table.display = False
        yield table
        yield Static("", id="drafts-detail")
        yield KeyFooter()

    # -- reading the folder -------------------------------------------------------------------

    def on_screen_resume(self) -> None:
        """Read the folder whenever the screen comes back: a draft may have changed meanwhile."""
        self.action_refresh_drafts()

    def action_refresh_drafts(self) -> None:
        """Read the folder again (in a thread; the table stays usable meanwhile)."""
        if not self.query_one(DraftsTable).drafts:
            self._message(f"Reading drafts in {self.folder}...")
        self._scan()

    @work(thread=True, exclusive=True, group="drafts-scan")
    def _scan(self) -> None:
        worker = get_current_worker()
        try:
            rows, problem = library.scan(self.folder, self.today), ""
        except S55Error as error:
            rows, problem = [], str(error)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, rows, problem)

    def _show(self, rows: list[DraftRow], problem: str = "") -> None:
        """Fill the table with ``rows``, keeping the cursor on the same draft where possible."""
        table = self.query_one(DraftsTable)
        table.display = bool(rows)
        table.show(rows, select=self._select_after_scan)
        self._select_after_scan = None
        count = f" ({len(rows)})" if rows else ""
        self.query_one("#drafts-heading", Static).update(Content(f"Drafts in {self.folder}{count}"))
        if problem:
            self._message(problem, error=True)
        elif not rows:
            self._message(self._empty_text())
        else:
            self._message("")
            table.focus()
        self._show_detail()
        self.refresh_bindings()

    def _empty_text(self) -> str:
        if self.folder.exists() and not self.folder.is_dir():
            return f"{self.folder} is a file, not a folder. Start s55tui with --drafts FOLDER."
        if not self.folder.exists():
            return f"The folder {self.folder} does not exist yet. Press n to start a draft; it will be made."
        return f"No drafts in {self.folder} yet. Press n to start one."

    def _message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#drafts-message", Static)
        message.update(Content(text))
        message.display = bool(text)
        message.set_class(error, "-error")

    @property
    def drafts(self) -> list[DraftRow]:
        """The drafts as last read, most urgent first."""
        return self.query_one(DraftsTable).drafts

    def _current_row(self) -> DraftRow | None:
        table = self.query_one(DraftsTable)
        return table.current_row if table.display else None

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        """Under the table, the highlighted draft in full: its file and deadline, or its error."""
        detail = self.query_one("#drafts-detail", Static)
        row = self._current_row()
        detail.set_class(bool(row and row.error), "-error")
        if row is None:
            detail.update("")
        elif row.error:
            reason = row.error.removeprefix(f"{row.path}:").strip()
            detail.update(Content(f"Cannot read {row.name}: {reason}"))
        elif row.published is None:
            detail.update(Content(f"{row.title}\n{row.name}: no publication date"))
        elif row.response_published is not None:
            out = long_date(row.response_published, weekday=True)
            detail.update(Content(f"{row.title}\n{row.name}: response published {out}"))
        else:
            due = deadline(row.published, self.today)
            lines = [row.title, f"{row.name}: {due.summary}"]
            lines += [f"Note: {w}" for w in due.warnings if "has passed" not in w]  # passed: said above
            if row.cc_due is not None:
                late = row.cc_days_left is not None and row.cc_days_left < 0
                when = f"{-(row.cc_days_left or 0):,} days late, no reply yet" if late else "awaited"
                due_by = long_date(row.cc_due, weekday=True)
                lines.append(f"Chief constable's comments due by {due_by}: {when}")
            detail.update(Content("\n".join(lines)))

    @on(DataTable.RowSelected)
    def _row_clicked(self) -> None:
        self.action_open_draft()

    def commands(self) -> Iterable[SystemCommand]:
        """The commands that can run now, for the command palette (ctrl+p)."""
        return palette(self, DRAFTS_COMMANDS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Open, duplicate and archive need a draft under the cursor; without one they leave the footer."""
        needs_a_draft = action in ("open_draft", "duplicate_draft", "archive_draft")
        return self._current_row() is not None or not needs_a_draft

    # -- the actions ----------------------------------------------------------------------------

    def action_open_draft(self) -> None:
        """Ask the app to open the highlighted draft (a broken one only says why it cannot)."""
        row = self._current_row()
        if row is None:
            return
        if row.error:
            self.notify(row.error, title="Cannot open this draft", severity="error")
            return
        self.post_message(self.OpenDraft(row.path))

    @work(exclusive=True, group="drafts-dialog")
    async def action_new_draft(self) -> None:
        """Ask for the report's details, make the draft from the office profile, then open it."""
        choice: NewDraftChoice | None = None
        while True:
            choice = await self.app.push_screen_wait(NewDraftDialog(self.folder, self.today, choice))
            if choice is None:
                return
            report = Report(title=choice.title, type=choice.type, published=choice.published, url=choice.url)
            try:
                library.create_draft(choice.path, self.profile.new_draft(report))
            except S55Error as error:
                # Say why and reopen the form with everything typed, so nothing is lost.
                self.notify(str(error), title="Could not create the draft", severity="error")
                continue
            self.notify(f"Created {choice.path.name}", title="New draft")
            self._select_after_scan = choice.path
            self.action_refresh_drafts()
            self.post_message(self.OpenDraft(choice.path))
            return

    def action_duplicate_draft(self) -> None:
        """Copy the highlighted draft beside itself as "NAME copy.toml" and move to the copy."""
        row = self._current_row()
        if row is None:
            return
        try:
            copy = library.duplicate(row.path)
        except S55Error as error:
            self.notify(str(error), title="Could not duplicate", severity="error")
            return
        self.notify(f"Copied {row.name} to {copy.name}", title="Duplicated")
        self._select_after_scan = copy
        self.action_refresh_drafts()

    def action_show_tracker(self) -> None:
        """Every item of every draft in the folder, most urgent first."""
        from s55tui.tui.screens.tracker_screen import TrackerScreen

        self.app.push_screen(TrackerScreen(self.folder, self.today))

    @work(exclusive=True, group="drafts-dialog")
    async def action_archive_draft(self) -> None:
        """After confirming, move the highlighted draft into the folder's archive/."""
        row = self._current_row()
        if row is None:
            return
        name = row.title or row.name
        backup = " with its backup" if backup_path(row.path).exists() else ""
        question = (
            f"Archive “{name}”?\n\n{row.name} moves{backup} to {self.folder / library.ARCHIVE}. "
            "Nothing is deleted; move it back by hand to restore it."
        )
        if not await self.app.push_screen_wait(ConfirmDialog(question, "Archive", "Keep", title="Archive")):
            return
        try:
            moved = library.archive(row.path)
        except S55Error as error:
            self.notify(str(error), title="Could not archive", severity="error")
            return
        self.notify(f"{row.name} is now in {moved.parent}", title="Archived")
        self.action_refresh_drafts()
