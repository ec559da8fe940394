"""The draft screen's commands: one list feeding its keys, its footer, F1 and the palette.

The commands that move the cursor to another step or box have priority: the app runs them as
their key arrives, so the keys typed after them wait for the box they open (see
``StepNavigator.hold``). Without it the key went first to the text box with the cursor and
only then up to the screen, and the words typed hard after ctrl+g had gone into the old box.
"""

from __future__ import annotations

from s55tui.tui.commands import Command

DRAFT_COMMANDS: tuple[Command, ...] = (
    Command(
        "draft.next-step", "next_step", "Next step", "Go to the next step", "ctrl+n", "Next", priority=True
    ),
    Command(
        "draft.previous-step",
        "previous_step",
        "Previous step",
        "Go back to the previous step",
        "ctrl+b",
        "Back",
        priority=True,
    ),
    Command(
        "draft.next-owed",
        "next_owed",
        "Next owed",
        "Jump to the next response still owed, cursor in it",
        "ctrl+g",
        "Next owed",
        priority=True,
    ),
    Command(
        "draft.focus-outline",
        "focus_outline",
        "Outline",
        "Move to the outline of steps (then a adds, i imports, delete removes, alt+arrows move items)",
        "ctrl+o",
        "Outline",
        priority=True,
    ),
    Command(
        "draft.review",
        "review",
        "Review",
        "Review what is missing, preview and export",
        "ctrl+r",
        "Review",
        priority=True,
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
        priority=True,
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
    Command(
        "draft.add-update",
        "add_update",
        "Add progress update",
        "Add a progress update to the item (date, status, what was done): after publication",
        "f2",
        "Update",
    ),
    Command(
        "draft.consult",
        "consult",
        "Consult the chief constable",
        "Write the request for the chief constable's comments (a Word file beside the draft)",
    ),
    Command(
        "draft.read-reply",
        "read_reply",
        "Read the chief constable's reply",
        "Fill the chief constable's answers in from the Word file the force sent back",
    ),
    Command("draft.close", "close_draft", "Open another draft", "Save, and go back to the drafts folder"),
)
