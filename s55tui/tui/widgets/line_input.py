"""The one-line field used for every line of the draft: a title, a number, a date.

Two things Textual's Input does by default would lose an officer's words:
- it selects all its text when the cursor arrives, so the next key typed replaces a
  113-character title, and Input has no undo;
- it keeps only the first line of a paste, and a title copied from a PDF usually breaks
  over two or three lines.
Here the cursor arrives at the end of the text, and a paste's lines are joined with single
spaces after going through the sanitiser (Word's line breaks and control characters go).
A date field asks for ``select_on_focus=True``: a date is typed over whole, and one that
cannot be read leaves the draft with its last good date.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from s55tui.textclean import clean_line


class LineInput(Input):
    """A one-line field that keeps what it holds when the cursor arrives, and a pasted line whole."""

    def __init__(self, value: str | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, **kwargs)

    def on_focus(self, event: events.Focus) -> None:
        """The cursor arrives after the text, where a word typed adds to it."""
        if self.selection.is_empty:
            self.cursor_position = len(self.value)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # instead of Input's first-line-only paste
        event.stop()
        line = " ".join(clean_line(event.text).split())  # a wrapped title has runs of spaces
        if not line:
            return
        if self.selection.is_empty:
            self.insert_text_at_cursor(line)
        else:
            self.replace(line, *self.selection)
