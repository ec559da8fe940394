"""The line under the editor that is always visible: the deadline, progress, and save state.

An officer should never have to wonder whether the work is saved or how long is left: the
days left turn yellow two weeks out and red in the last three days, and the save state says
"saved 14:03:22", "unsaved" while a change waits, or NOT SAVED with the reason.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from s55tui.deadline import deadline, long_date
from s55tui.model import Draft
from s55tui.progress import progress


def deadline_markup(draft: Draft, today: date | None = None) -> str:
    """ "Last day Wed 10 Feb 2021 · 12 days left", coloured by how near it is."""
    if draft.report.published is None:
        return "[$warning]No publication date: set it in Report details[/]"
    due = deadline(draft.report.published, today)
    when = long_date(due.last_day, weekday=True)
    if due.days_left < 0:
        return f"Last day {when} · [b $error]passed {-due.days_left:,} days ago[/]"
    if due.days_left == 0:
        return f"Last day {when} · [b $error]today[/]"
    colour = "$error" if due.days_left <= 3 else "$warning" if due.days_left <= 14 else "$success"
    plural = "s" if due.days_left != 1 else ""
    return f"Last day {when} · [b {colour}]{due.days_left:,} day{plural} left[/]"


class StatusLine(Horizontal):
    """Deadline, a bar of responses written against owed, and the save state."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; padding: 0 1; }
    StatusLine #deadline { width: 1fr; }
    StatusLine ProgressBar { width: auto; margin: 0 1; }
    StatusLine #progress-words { width: auto; margin-right: 2; }
    StatusLine #save-state { width: auto; min-width: 16; text-align: right; }
    StatusLine #save-state.-failed { color: $error; text-style: bold; }
    StatusLine #save-state.-dirty { color: $warning; }
    """

    def compose(self) -> ComposeResult:
        yield Label("", id="deadline")
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
        yield Label("", id="progress-words")
        yield Label("", id="save-state")

    def show_draft(self, draft: Draft, today: date | None = None) -> None:
        """Refresh the deadline and the progress from the draft."""
        self.query_one("#deadline", Label).update(deadline_markup(draft, today))
        done = progress(draft)
        self.query_one("#progress", ProgressBar).update(total=max(done.owed, 1), progress=done.written)
        self.query_one("#progress-words", Label).update(f"{done.text} written")

    def show_save_state(self, words: str, *, failed: bool = False, dirty: bool = False) -> None:
        """Say whether the draft is saved."""
        label = self.query_one("#save-state", Label)
        label.update(words)
        label.set_class(failed, "-failed")
        label.set_class(dirty and not failed, "-dirty")
