"""A text area for long answers that cleans what is pasted into it.

Officers paste the chief constable's email and Word paragraphs straight in. Word brings
vertical tabs, bullet glyphs and invisible controls that break the Word export later, and
TextArea itself would split lines on them. The paste goes through the same sanitiser the file
and the exports use, so what is shown is what is saved and printed.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from s55tui.textclean import clean_text


class ResponseArea(TextArea):
    """A soft-wrapping Markdown text area whose pastes are sanitised."""

    DEFAULT_CSS = """
    ResponseArea {
        height: auto;
        min-height: 5;
        max-height: 16;
    }
    ResponseArea.-tall { max-height: 30; }
    """

    def __init__(self, text: str = "", *, id: str | None = None, placeholder: str = "") -> None:
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
        )

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Keep cursor moves to this box: nothing above it listens, and each container the
        message bubbled through would cost every keystroke a hop."""
        event.stop()

    async def _on_paste(self, event: events.Paste) -> None:
        """Insert the pasted text cleaned, where TextArea would insert it raw."""
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = clean_text(event.text)
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)
            self.focus()
