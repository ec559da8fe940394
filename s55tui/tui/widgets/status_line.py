"""The line under the editor that is always visible: the deadline, progress, and save state.

An officer should never have to wonder whether the work is saved or how long is left: the
days left turn yellow two weeks out and red in the last three days, and the save state says
"saved 14:03:22", "unsaved" while a change waits, or NOT SAVED with the reason.

The three parts never run into each other. The save state and the progress keep their
width; the deadline takes what is left and says as much as fits there, from "Last day
Wednesday 10 February 2021 · 21 days left" down to "21 days left" on a narrow terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.visual import VisualType
from textual.widgets import Label, ProgressBar

from s55tui.consultation import consultation_state
from s55tui.deadline import last_day, long_date
from s55tui.model import Draft
from s55tui.progress import Progress, progress
from s55tui.tui.widgets.laid_out import content_width
from s55tui.vocab import CLOSED_STATUSES


def deadline_forms(draft: Draft, today: date | None = None) -> tuple[str, ...]:
    """The deadline as markup, longest first, each form shorter than the one before.

    The days left (or how long ago the last day passed) are in every form: they are what the
    officer needs at a glance; the last day's date is dropped first, a word at a time.
    """
    if draft.report.published is None:
        return (
            "[$warning]No publication date: set it in Report details[/]",
            "[$warning]No publication date[/]",
            "[$warning]No date[/]",
        )
    out = draft.response.published
    if out is not None:  # published: the deadline is history, and nothing is awaited
        return (
            f"Response published {long_date(out, weekday=True)}",
            f"Response published {out.day} {out:%b %Y}",
            f"Published {out.day} {out:%b %Y}",
            f"Published {out:%d/%m/%y}",
        )
    # last_day, not deadline(): the bank-holiday warnings are for the details step and the
    # check, and building the holiday calendar would cost the first frame ~0.2 s
    end = last_day(draft.report.published)
    days_left = (end - (today or date.today())).days
    if days_left < 0:
        left, short = f"[b $error]passed {-days_left:,} days ago[/]", f"[b $error]{-days_left:,} days late[/]"
    elif days_left == 0:
        left, short = "[b $error]today[/]", "[b $error]last day today[/]"
    else:
        colour = "$error" if days_left <= 3 else "$warning" if days_left <= 14 else "$success"
        plural = "s" if days_left != 1 else ""
        left = short = f"[b {colour}]{days_left:,} day{plural} left[/]"
    forms = (
        f"Last day {long_date(end, weekday=True)} · {left}",
        f"Last day {end:%a} {end.day} {end:%b %Y} · {left}",
        f"Last day {end.day} {end:%b %Y} · {left}",
        f"{end.day} {end:%b %Y} · {left}",
        *((left, short) if days_left else (short,)),
    )
    return _with_consultation(forms, draft, today or date.today())


def _with_consultation(forms: tuple[str, ...], draft: Draft, today: date) -> tuple[str, ...]:
    """The deadline's forms, led by longer ones that also say when the chief constable's
    comments are due while they are awaited; once late, even the shortest forms say so."""
    state = consultation_state(draft, today)
    if not state.waiting or state.due is None:
        return forms
    due = state.due
    if state.overdue:
        late = -(state.days_left or 0)
        long = f"[b $error]chief constable's comments {late:,} day{'s' if late != 1 else ''} late[/]"
        short = "[b $error]CC comments late[/]"
        return (
            *(f"{form} · {long}" for form in forms[:2]),
            *(f"{form} · {short}" for form in forms),
            short,
        )
    long = f"chief constable's comments due by {due:%a} {due.day} {due:%b}"
    short = f"CC comments due {due.day} {due:%b}"
    return (*(f"{form} · {long}" for form in forms[:2]), *(f"{form} · {short}" for form in forms[:4]), *forms)


def deadline_markup(draft: Draft, today: date | None = None) -> str:
    """ "Last day Wednesday 10 February 2021 · 12 days left", coloured by how near it is."""
    return deadline_forms(draft, today)[0]


def open_items(draft: Draft) -> tuple[int, int] | None:
    """Once the response is published: how many items are not yet closed, of how many."""
    if draft.response.published is None:
        return None
    still = sum(1 for item in draft.items if item.current_status not in CLOSED_STATUSES | {"no-local-action"})
    return still, len(draft.items)


class FittingLabel(Label):
    """A one-line label showing the longest of its forms that fits its width.

    The label's width is set by the layout (``1fr``), never by its text, so choosing a form
    when painting cannot change the layout; a narrower terminal simply paints a shorter form.
    """

    DEFAULT_CSS = """
    FittingLabel { text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _forms: tuple[Content, ...] = ()

    def show_forms(self, forms: tuple[str, ...]) -> None:
        """Show the longest of ``forms`` (markup, longest first) that fits."""
        self._forms = tuple(Content.from_markup(form) for form in forms)
        self.update(self._forms[0] if self._forms else "", layout=False)

    def render(self) -> VisualType:
        """The longest form that fits the width the layout gave the label."""
        if not self._forms:
            return super().render()
        width = content_width(self)
        return next((form for form in self._forms if form.cell_length <= width), self._forms[-1])


@dataclass(frozen=True)
class SaveState:
    """What the save state says: "saved 14:03:22", "unsaved", or NOT SAVED and why."""

    words: str = ""
    failed: bool = False
    dirty: bool = False


# The save state's min-width in the CSS below.
SAVE_STATE_WIDTH = 16


class StatusLine(Horizontal):
    """Deadline, a bar of responses written against owed, and the save state."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; padding: 0 1; }
    StatusLine #deadline { width: 1fr; margin-right: 1; }
    StatusLine ProgressBar { width: auto; margin: 0 1 0 0; }
    StatusLine #progress-words { width: auto; margin-right: 2; }
    StatusLine #save-state { width: auto; min-width: 16; text-align: right; }
    StatusLine #save-state.-failed { color: $error; text-style: bold; }
    StatusLine #save-state.-dirty { color: $warning; }
    """

    # What the line shows, as reactives: setting one to what it already holds redraws nothing
    # (textual compares), and each part is redrawn by its own watcher.
    deadline: reactive[tuple[str, ...]] = reactive((), init=False)
    done: reactive[Progress | None] = reactive(None, init=False)
    save_state: reactive[SaveState] = reactive(lambda: SaveState(), init=False)
    open_items: reactive[tuple[int, int] | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        yield FittingLabel("", id="deadline")
        yield ProgressBar(show_eta=False, show_percentage=False, id="progress")
        yield Label("", id="progress-words")
        yield Label("", id="save-state")

    def show_draft(self, draft: Draft, today: date | None = None, done: Progress | None = None) -> None:
        """Show the deadline and the progress of ``draft``; ``done`` is the progress when the
        caller knows it, sparing a sum over every item."""
        self.deadline = deadline_forms(draft, today)
        self.open_items = open_items(draft)
        self.done = progress(draft) if done is None else done

    def show_save_state(self, words: str, *, failed: bool = False, dirty: bool = False) -> None:
        """Say whether the draft is saved."""
        self.save_state = SaveState(words, failed, dirty)

    def watch_deadline(self, forms: tuple[str, ...]) -> None:
        self.query_one("#deadline", FittingLabel).show_forms(forms)

    def watch_done(self, done: Progress | None) -> None:
        if done is not None:
            self.query_one("#progress", ProgressBar).update(total=max(done.owed, 1), progress=done.written)
            self._progress_words()

    def watch_open_items(self, counts: tuple[int, int] | None) -> None:
        self._progress_words()

    def _progress_words(self) -> None:
        """Responses written while drafting; once published, the items still open."""
        found = self.query("#progress-words")
        if not found or self.done is None:
            return
        counts = self.open_items
        words = f"{self.done.text} written" if counts is None else f"{counts[0]} of {counts[1]} open"
        found.first(Label).update(words)

    def watch_save_state(self, before: SaveState, state: SaveState) -> None:
        found = self.query("#save-state")
        if not found:  # a save landing while the screen is taken apart: nothing left to show it
            return
        label = found.first(Label)
        # The label keeps its min-width while the words fit it ("unsaved", "saved 14:03:22"):
        # then a layout of the screen, at every save and the keystroke after, would change nothing.
        widest = max(cell_len(state.words), cell_len(before.words))
        label.update(state.words, layout=widest > SAVE_STATE_WIDTH)
        label.set_class(state.failed, "-failed")
        label.set_class(state.dirty and not state.failed, "-dirty")
