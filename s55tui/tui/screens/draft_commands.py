"""The draft screen's commands: one list feeding its keys, its footer, F1 and the palette."""

from __future__ import annotations

from s55tui.tui.commands import Command

DRAFT_COMMANDS: tuple[Command, ...] = (
    Command("draft.next-step", "next_step", "Next step", "Go to the next step", "ctrl+n", "Next"),
    Command(
        "draft.previous-step",
        "previous_step",
        "Previous step",
        "Go back to the previous step",
        "ctrl+b",
        "Back",
    ),
    Command(
        "draft.next-owed",
        "next_owed",
        "Next owed",
        "Jump to the next response still owed, cursor in it",
        "ctrl+g",
        "Next owed",
    ),
    Command(
        "draft.focus-outline",
        "focus_outline",
        "Outline",
        "Move to the outline of steps (then a adds, i imports, delete removes, alt+arrows move items)",
        "ctrl+o",
        "Outline",
    ),
    Command(
        "draft.review", "review", "Review", "Review what is missing, preview and export", "ctrl+r", "Review"
    ),
    Command(
        "draft.save",
        "save_now",
        "Save",
        "Save now (autosave does it a second after you stop typing)",
        "ctrl+s",
        "Save",
    ),
    Command(
        "draft.no-local-action",
        "toggle_no_action",
        "No local action",
        "Mark the item no local action (or open it again), then give the reason",
        "ctrl+l",
    ),
    Command(
        "draft.take-over",
        "take_over",
        "Take over",
        "Take a read-only draft over from whoever has it open (asks first)",
        "ctrl+t",
    ),
    Command(
        "draft.focus-editor",
        "focus_editor",
        "Back to the fields",
        "From the outline back to the step's fields",
        "escape",
    ),
    Command(
        "draft.export", "export", "Export", "Write the Word file, web page and Markdown beside the draft"
    ),
    Command("draft.add-item", "add_item", "Add item", "Add an item after the current one, numbered after it"),
    Command(
        "draft.import-items", "import_items", "Import items", "Bring items in from the report's text or file"
    ),
    Command("draft.remove-item", "remove_item", "Remove item", "Remove the current item (asks first)"),
    Command(
        "draft.move-item-up", "move_item_up", "Move item up", "Move the current item up the report's order"
    ),
    Command(
        "draft.move-item-down",
        "move_item_down",
        "Move item down",
        "Move the current item down the report's order",
    ),
    Command("draft.close", "close_draft", "Open another draft", "Save, and go back to the drafts folder"),
)
