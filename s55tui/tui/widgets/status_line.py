"""The line under the editor that is always visible: the deadline, progress, and save state.

An officer should never have to wonder whether the work is saved or how long is left: the
days left turn yellow two weeks out and red in the last three days, and the save state says
"saved 14:03:22", "unsaved" while a change waits, or NOT SAVED with the reason.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from s55tui.deadline import last_day, long_date
from s55tui.model import Draft
from s55tui.progress import Progress, progress


def deadline_markup(draft: Draft, today: date | None = None) -> str:
    """ "Last day Wed 10 Feb 2021 · 12 days left", coloured by how near it is."""
    if draft.report.published is None:
        return "[$warning]No publication date: set it in Report details[/]"
    # last_day, not deadline(): the bank-holiday warnings are for the details step and the
    # check, and building the holiday calendar would cost the first frame ~0.2 s
    end = last_day(draft.report.published)
    days_left = (end - (today or date.today())).days
    when = long_date(end, weekday=True)
    if days_left < 0:
        return f"Last day {when} · [b $error]passed {-days_left:,} days ago[/]"
    if days_left == 0:
        return f"Last day {when} · [b $error]today[/]"
    colour = "$error" if days_left <= 3 else "$warning" if days_left <= 14 else "$success"
    plural = "s" if days_left != 1 else ""
    return f"Last day {when} · [b {colour}]{days_left:,} day{plural} left[/]"


# The save state's min-width in the CSS below.
SAVE_STATE_WIDTH = 16


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

    _shown: tuple[str, object] | None = None
    _save_shown: tuple[str, bool, bool] | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="deadline")
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
        yield Label("", id="progress-words")
        yield Label("", id="save-state")

    def show_draft(self, draft: Draft, today: date | None = None, done: Progress | None = None) -> None:
        """Refresh the deadline and the progress from the draft (only what changed is redrawn);
        ``done`` is the progress when the caller knows it, sparing a sum over every item."""
        done = progress(draft) if done is None else done
        shown = (deadline_markup(draft, today), done)
        if shown == self._shown:
            return
        self._shown = shown
        self.query_one("#deadline", Label).update(shown[0])
        self.query_one("#progress", ProgressBar).update(total=max(done.owed, 1), progress=done.written)
        self.query_one("#progress-words", Label).update(f"{done.text} written")

    def show_save_state(self, words: str, *, failed: bool = False, dirty: bool = False) -> None:
        """Say whether the draft is saved."""
        if (words, failed, dirty) == self._save_shown:
            return
        before = self._save_shown[0] if self._save_shown else ""
        self._save_shown = (words, failed, dirty)
        label = self.query_one("#save-state", Label)
        # The label keeps its min-width while the words fit it ("unsaved", "saved 14:03:22"):
        # then a layout of the screen, at every save and the keystroke after, would change nothing.
        label.update(words, layout=max(cell_len(words), cell_len(before)) > SAVE_STATE_WIDTH)
        label.set_class(failed, "-failed")
        label.set_class(dirty and not failed, "-dirty")
