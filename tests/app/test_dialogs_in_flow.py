"""The app's yes/no and choice dialogs answered before they have finished opening.

On a loaded machine a key typed fast after the one that opens a dialog (delete, then y, in the
outline) can answer it while it is still being built. That must answer it, as it would a moment
later, and never end the app: the dialogs focused their safe button in ``on_mount``, which then
ran after the answer had closed them and their buttons were gone (NoMatches, found twice by the
long random walks).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date

from testdata import EXAMPLE
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Static

from s55tui.draftfile import load_draft
from s55tui.tui.dialogs.choice import ChoiceDialog
from s55tui.tui.dialogs.confirm import ConfirmDialog
from s55tui.tui.dialogs.import_dialog import ImportDialog
from s55tui.tui.dialogs.new_draft import NewDraftDialog


def _answered_while_opening(dialog: ModalScreen, answer: Callable[[], None]) -> list:
    """Open ``dialog`` and answer it at once, before it has run a single message: what it
    answered, with the app still running afterwards (a crash ends the app and raises here)."""
    answers: list = []

    class Behind(App[None]):
        def compose(self):
            yield Static("the draft behind the dialog")

    async def main() -> list:
        app = Behind()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.push_screen(dialog, answers.append)
            answer()
            for _ in range(100):
                if answers and app.screen is not dialog:
                    break
                await pilot.pause(0.01)
            await pilot.pause(0.1)  # the dialog's own opening runs now, after its answer
            assert app.is_running
            assert isinstance(app.screen.query_one(Static), Static)  # back on the screen behind
        return answers

    return asyncio.run(main())


def test_a_yes_given_while_the_confirm_dialog_opens_answers_it_and_the_app_runs_on() -> None:
    dialog = ConfirmDialog("Remove recommendation 2?", "Remove", "Keep")
    assert _answered_while_opening(dialog, dialog.action_answer_yes) == [True]


def test_a_no_given_while_the_confirm_dialog_opens_answers_it_and_the_app_runs_on() -> None:
    dialog = ConfirmDialog("Remove recommendation 2?", "Remove", "Keep")
    assert _answered_while_opening(dialog, dialog.action_answer_no) == [False]


def test_a_choice_made_while_its_dialog_opens_answers_it_and_the_app_runs_on() -> None:
    dialog = ChoiceDialog(
        "The draft changed on disk.", [("k", "Keep mine", "mine"), ("t", "Open theirs", "theirs")]
    )
    assert _answered_while_opening(dialog, lambda: dialog.dismiss("theirs")) == ["theirs"]


def test_a_new_draft_dialog_cancelled_while_it_opens_leaves_the_app_running(tmp_path) -> None:
    dialog = NewDraftDialog(tmp_path, date(2024, 3, 1))
    assert _answered_while_opening(dialog, dialog.action_cancel_new_draft) == [None]


def test_an_import_dialog_cancelled_while_it_opens_leaves_the_app_running() -> None:
    dialog = ImportDialog(load_draft(EXAMPLE).draft)
    assert _answered_while_opening(dialog, dialog.action_cancel_import) == [None]
