"""A text area for long answers that cleans what is pasted into it.

Officers paste the chief constable's email and Word paragraphs straight in. Word brings
vertical tabs, bullet glyphs and invisible controls that break the Word export later, and
TextArea itself would split lines on them. The paste goes through the same sanitiser the file
and the exports use, so what is shown is what is saved and printed.

The box grows with its text up to its max height, then scrolls. Textual lays out the whole
screen each time the wrapped text gains or loses a line (``virtual_size`` asks for a layout),
which in the item form is a pause of ~10 ms on every line typed into a long answer; once the
box is at its max height and stays there, its size cannot change, so only the box is redrawn.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Selection

from s55tui.draftfile.schema import LONG_TEXT
from s55tui.textclean import clean_text

LONG_PASTE = LONG_TEXT  # characters: the length a draft reports as "far longer than any response"


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

    def __init__(
        self, text: str = "", *, id: str | None = None, placeholder: str = "", read_from_start: bool = False
    ) -> None:
        """``read_from_start``: a box read more than written (the report's own text) keeps the
        cursor at its start when the cursor arrives; any other goes after its text."""
        self.read_from_start = read_from_start
        super().__init__(
            text,
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
        )

    def on_focus(self, event: events.Focus) -> None:
        """The cursor arriving in a written answer by Tab or a jump, never placed there yet (it
        is at the very start), goes after the text: a word typed then adds to the answer
        instead of going in front of its first word. A click places it after this."""
        if not self.read_from_start and self.text and tuple(self.selection) == ((0, 0), (0, 0)):
            self.move_cursor(self.document.end)

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Keep cursor moves to this box: nothing above it listens, and each container the
        message bubbled through would cost every keystroke a hop."""
        event.stop()

    def edit(self, edit: Edit) -> EditResult:
        """Perform an edit, then bring the cursor into view if the text changed height.

        TextArea (textual 8.x) scrolls to the cursor before it takes the new height, so Enter
        on the last line of a full box left the cursor one line below the box.
        """
        height = self.virtual_size.height
        result = super().edit(edit)
        if self.virtual_size.height != height:
            self.scroll_cursor_visible()
        return result

    def _refresh_size(self) -> None:
        """Take the wrapped text's new height, without a layout of the screen when the box is
        already at its max height and remains there (overflowing before and after).

        Overrides TextArea's private hook (textual 8.x), doing what the layout would have done
        for this box: the scroll range and the scrollbar follow the new height.
        """
        if self.soft_wrap:
            old = self.virtual_size
            new = Size(0, self.wrapped_document.height)
            window = self.scrollable_content_region.height
            if new != old and self.show_vertical_scrollbar and min(old.height, new.height) > window > 0:
                self.set_reactive(Widget.virtual_size, new)
                self._scroll_update(new)
                self.refresh()
                return
        self._clamp_selection()
        super()._refresh_size()

    def _clamp_selection(self) -> None:
        """Bring a selection left beyond the end of the text back inside it.

        Undoing a paste takes the text away before TextArea moves the cursor back, and its size
        refresh in between scrolled to the old cursor, past the end of the shorter text: a 20-line
        paste into an empty box, then ctrl+z, ended the app with a ValueError.
        """
        document = self.document
        last = document.line_count - 1

        def inside(location: tuple[int, int]) -> tuple[int, int]:
            row = min(max(location[0], 0), last)
            return row, min(max(location[1], 0), len(document.get_line(row)))

        start, end = self.selection
        if (inside(start), inside(end)) != (start, end):
            self.selection = Selection(inside(start), inside(end))

    def on_resize(self, event: events.Resize) -> None:
        """A box that grew as it was typed into can reach past the bottom of the form: scroll
        the form so the cursor's line (and the box below it) shows."""
        if self.has_focus:
            self.call_after_refresh(self._show_cursor_in_form)

    def _show_cursor_in_form(self) -> None:
        if not self.has_focus:
            return
        top = self.cursor_screen_offset.y
        height = max(1, self.region.bottom - top)  # the cursor's line down to the box's edge
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.allow_vertical_scroll:
                # screen rows to the scrolling form's own (virtual) rows
                y = top - ancestor.scrollable_content_region.y + round(ancestor.scroll_y)
                ancestor.scroll_to_region(Region(0, y, 1, height), animate=False, immediate=True)
                return

    async def _on_paste(self, event: events.Paste) -> None:
        """Insert the pasted text cleaned, where TextArea would insert it raw.

        A paste over ``LONG_PASTE`` characters is asked about first: the text box takes about
        3 s a million characters to lay out (a 20 MB paste froze the app for two minutes), and
        a paste that long is nearly always the wrong thing copied.
        """
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = clean_text(event.text)
        if len(text) <= LONG_PASTE:
            self._insert_pasted(text, self.selection)
            return
        from s55tui.tui.dialogs.confirm import ConfirmDialog

        selection = self.selection
        question = (
            f"This paste is {len(text):,} characters long, far longer than any response "
            f"(it takes the app about {max(1, len(text) // 300_000)} s to lay it out). "
            "Was that what you meant to copy?"
        )

        def answered(paste: bool | None) -> None:
            if paste:
                self._insert_pasted(text, selection)
            else:
                self.notify("Nothing was pasted.", timeout=4)

        self.app.push_screen(ConfirmDialog(question, "Paste it", "Don't paste"), answered)

    def _insert_pasted(self, text: str, selection: Selection) -> None:
        if result := self._replace_via_keyboard(text, *selection):
            self.move_cursor(result.end_location)
            self.focus()
