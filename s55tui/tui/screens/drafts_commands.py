"""The drafts list's commands: one list feeding its keys, its footer, F1 and the palette."""

from __future__ import annotations

from s55tui.tui.commands import Command

DRAFTS_COMMANDS: tuple[Command, ...] = (
    Command(
        "drafts.new",
        "new_draft",
        "New draft",
        "Start a new draft (a form prefilled from your office profile)",
        "n",
        "New",
    ),
    Command("drafts.open", "open_draft", "Open draft", "Open the highlighted draft (Enter does it too)"),
    Command(
        "drafts.duplicate",
        "duplicate_draft",
        "Duplicate draft",
        "Copy the highlighted draft under a new name",
        "d",
        "Duplicate",
    ),
    Command(
        "drafts.archive",
        "archive_draft",
        "Archive draft",
        "Move the highlighted draft into archive/ (asks first)",
        "a",
        "Archive",
    ),
    Command(
        "drafts.refresh", "refresh_drafts", "Refresh drafts", "Read the drafts folder again", "r", "Refresh"
    ),
    Command(
        "drafts.tracker",
        "show_tracker",
        "Tracker",
        "Every item of every draft here, most urgent first (Enter opens the draft at the item)",
        "t",
        "Tracker",
    ),
)
