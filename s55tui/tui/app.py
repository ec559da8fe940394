"""The s55tui app: the drafts folder, and the guided draft screen.

``build_app`` takes everything from outside (paths, the office profile, today's date), so
tests and benchmarks never touch a real home folder or depend on the calendar.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import Screen

from s55tui.errors import S55Error
from s55tui.profile import Profile
from s55tui.session import DraftSession


class S55App(App[None]):
    """Draft Section 55 responses, one step at a time."""

    CSS_PATH = "app.tcss"
    TITLE = "s55tui"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", tooltip="This list of keys", id="app.help"),
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Save everything and quit", id="app.quit"),
    ]

    def __init__(
        self,
        draft: Path | DraftSession | None = None,
        *,
        drafts_dir: Path | None = None,
        profile: Profile | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.start_draft = draft
        self.profile = profile or Profile()
        self.drafts_dir = drafts_dir or self.profile.drafts or Path("drafts")
        self.today = today

    # Keys the terminal sends hard on the heels of a paste are the paste's own text read as
    # keys: a copied text holding the terminal's end-of-paste sequence ends the paste early,
    # and what follows (a Delete, a ctrl key, a "y") would act on the draft. Nobody types a
    # key within this many seconds of the one before, so keys that follow a paste each this
    # close to the last (a burst) are dropped, except printable ones, which go in as the text
    # they were. Measured from key to key, not from the paste: the terminal's reader makes
    # the keys of one burst up to 70 ms apart when the app is busy (a Backspace 32 ms after
    # the paste was obeyed, and took the last letter typed after it).
    PASTE_TAIL_SECONDS: ClassVar[float] = 0.02
    _pasted_at: float = float("-inf")
    _burst_at: float = float("-inf")  # the last key of the burst that followed the paste
    _warned_at: float = float("-inf")

    async def on_event(self, event: events.Event) -> None:
        """Drop keys that are the tail of a paste (see ``PASTE_TAIL_SECONDS``), and a paste the
        draft screen has no text box for (it says so), then go on as usual. Keys and pastes
        that come while a step is opening wait for it (see ``StepNavigator.hold``)."""
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded and self._held(event):
            return
        if isinstance(event, events.Paste):
            self._pasted_at = self._burst_at = event.time
            if not event.is_forwarded and self._paste_refused():
                return
        elif isinstance(event, events.Key) and not event.is_forwarded and self._in_paste_tail(event):
            if event.is_printable:
                await super().on_event(event)
                return
            if self._warned_at != self._pasted_at:  # once a paste, however many keys
                self._warned_at = self._pasted_at
                self.notify(
                    "Keys that came inside the paste were ignored (Delete, arrows, ctrl keys): the "
                    "copied text held a terminal control sequence. Check the pasted text.",
                    severity="warning",
                    timeout=10,
                )
            return
        await super().on_event(event)

    def _in_paste_tail(self, event: events.Key) -> bool:
        """Whether ``event`` comes in the burst of keys that followed the last paste (each key
        within ``PASTE_TAIL_SECONDS`` of the one before); such a key carries the burst on."""
        if event.time - self._burst_at >= self.PASTE_TAIL_SECONDS:
            return False
        self._burst_at = max(self._burst_at, event.time)
        return True

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run a command (a key, the palette, F1); one that fails on an unexpected error is
        reported in a notification after every open draft is saved and the details logged,
        and the officer goes on working. (Under a test harness the error is left to textual,
        so the test sees it.)"""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except Exception as error:
            if self.is_headless:
                raise
            saved, where = self._save_and_log(error)
            self.notify(
                f"That command stopped on an unexpected error ({type(error).__name__}: {error}). "
                f"{saved}; {where}. You can go on working.",
                title="Unexpected error",
                severity="error",
                timeout=30,
            )
            return True

    def _handle_exception(self, error: Exception) -> None:
        """An error nobody expected anywhere but in a command (inside a widget's own handling,
        where textual stops that widget, so going on would leave a box that ignores keys) ends
        the app: every open draft is saved first, the details go to a log file, and the officer
        gets one line saying so, not a screen of traceback. (Textual's own hook; under a test
        harness, which has no terminal, the error is left to textual so the test sees it.)"""
        if self.is_headless:
            super()._handle_exception(error)
            return
        saved, where = self._save_and_log(error)
        self.exit(
            return_code=1,
            message=f"s55tui stopped on an unexpected error ({type(error).__name__}: {error}). "
            f"{saved}; {where}.",
        )

    def _save_and_log(self, error: BaseException) -> tuple[str, str]:
        """Save every open draft and log ``error``; the two say how each went, for the officer."""
        import traceback

        from s55tui.paths import error_log_dir
        from s55tui.tui.hangup import save_everything

        saved = "Your drafts were saved"
        try:
            save_everything(self)
        except Exception:  # the error is being reported: say the save did not finish
            saved = "Saving the drafts did not finish (check them, and the .bak beside each)"
        where = "no log could be written"
        try:
            folder = error_log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            log = folder / "errors.log"
            with log.open("a", encoding="utf-8") as out:
                out.write("".join(traceback.format_exception(error)) + "\n")
            where = f"details are in {log}"
        except OSError:
            pass
        return saved, where

    def _held(self, event: events.Key | events.Paste) -> bool:
        """Whether the draft screen showing keeps ``event`` until the step asked for is open."""
        screen = self._draft_screen()
        return screen is not None and screen.nav.hold(event)

    def _paste_refused(self) -> bool:
        """Whether the screen showing refuses a paste (the cursor is in no text box of the step)."""
        screen = self._draft_screen()
        return screen is not None and screen.refuse_paste()

    def _draft_screen(self) -> Any:
        """The draft screen, if it is the one showing (its module is loaded once one is open)."""
        module = sys.modules.get("s55tui.tui.screens.draft_screen")
        return self.screen if module is not None and isinstance(self.screen, module.DraftScreen) else None

    def on_mount(self) -> None:
        from s55tui.tui.hangup import install

        install(self)  # a closed terminal window saves, rather than losing the last second
        if self.start_draft is not None:
            self.open_draft(self.start_draft)
        else:
            self.show_drafts()

    # -- screens -----------------------------------------------------------------------------
    def show_drafts(self) -> None:
        """Show the drafts folder as a table."""
        from s55tui.tui.screens.drafts_screen import DraftsScreen

        self.push_screen(DraftsScreen(self.drafts_dir, self.profile, self.today or date.today()))

    def open_draft(self, draft: Path | DraftSession, item: int | None = None) -> bool:
        """Open one draft (a path, or a session already read) on the draft screen.

        A file that cannot be read is explained in a notification instead.
        """
        from s55tui.tui.screens.draft_screen import DraftScreen

        if isinstance(draft, DraftSession):
            session = draft
        else:
            try:
                session = DraftSession.open(draft)
            except S55Error as error:
                self.notify(str(error), title="Cannot open", severity="error", timeout=15)
                return False
        session.acquire_lock()
        self.push_screen(DraftScreen(session, self.profile, self.today, item=item))
        return True

    def on_drafts_screen_open_draft(self, message) -> None:
        """The drafts list (or its tracker) asked to open a draft, perhaps at one item."""
        self.open_draft(message.path, message.item)

    # -- commands ----------------------------------------------------------------------------
    def action_help(self) -> None:
        """F1: list every key."""
        from s55tui.tui.commands import palette_only
        from s55tui.tui.screens.help_screen import HelpScreen
        from s55tui.tui.widgets.outline import Outline

        screen = self.screen
        groups: list[tuple[str, list[BindingType]]] = [("Everywhere", list(self.BINDINGS))]
        groups.append(("Command palette", [Binding("ctrl+p", "command_palette", "Every command, by name")]))
        if screen.BINDINGS:
            groups.append((type(screen).__name__.replace("Screen", " screen"), list(screen.BINDINGS)))
        commands = getattr(screen, "COMMANDS_LIST", ())
        if type(screen).__name__ == "DraftScreen":
            groups.append(("In the outline of steps", list(Outline.BINDINGS)))
        by_name: list[BindingType] = [
            Binding(c.title, c.action, c.title, tooltip=c.help) for c in palette_only(commands)
        ]
        if by_name:
            groups.append(("By name in the command palette (ctrl+p)", by_name))
        self.push_screen(HelpScreen(groups))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: the app's own commands, then the current screen's."""
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help: keys", "List every key (F1)", self.action_help)
        commands = getattr(screen, "commands", None)
        if commands is not None:
            yield from commands()

    @work(exclusive=True, group="quit")  # a worker: it may wait for the officer's answer
    async def action_quit(self) -> None:  # type: ignore[override]
        """Save every open draft, then quit; stay if a draft could not be saved and you say so."""
        from s55tui.tui.screens.draft_screen import DraftScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, DraftScreen) and not await screen.close_draft():
                return
        self.exit()


def build_app(
    draft: Path | DraftSession | None = None,
    *,
    drafts_dir: Path | None = None,
    profile: Profile | None = None,
    today: date | None = None,
) -> S55App:
    """The app, opened on ``draft`` (a path, or a session the caller already read) or on the drafts folder."""
    return S55App(draft, drafts_dir=drafts_dir, profile=profile, today=today)
