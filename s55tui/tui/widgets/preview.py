"""A preview of the finished document that stays quick on a long draft.

Textual's Markdown widget builds a widget per block and takes seconds on a 100-item
response. Here the Markdown is laid out by rich on a worker thread, into lines of the
preview's width, and this widget only paints the lines on screen: scrolling a 2,000-line
document costs what scrolling twenty does.
"""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


def layout_markdown(markdown: str, width: int) -> list[Strip]:
    """The document as screen lines of ``width`` cells; safe to call on any thread."""
    width = max(width, 20)
    console = Console(width=width, force_terminal=True, color_system="truecolor", legacy_windows=False)
    options = console.options.update_width(width)
    lines = console.render_lines(_with_line_breaks(Markdown(markdown, hyperlinks=False)), options, pad=True)
    return [Strip(Segment.simplify(line), width) for line in lines]


def _with_line_breaks(document: Markdown) -> Markdown:
    """Keep a single newline as a line break, as the Word and web exports do (DESIGN 5).

    rich joins such lines with a space, as Markdown viewers do; officers' line breaks (and
    the templates' "Inspection title:" / "Date published:" block) would run together.
    """
    for token in document.parsed:
        for child in token.children or ():
            if child.type == "softbreak":
                child.type = "hardbreak"
    return document


class DocumentPreview(ScrollView, can_focus=True):
    """Scrollable, pre-laid-out lines of the rendered document."""

    DEFAULT_CSS = """
    DocumentPreview { height: 1fr; border: round $primary-lighten-2; padding: 0 1; }
    DocumentPreview:focus { border: round $accent; }
    """

    class NewWidth(Message):
        """The preview changed width (the terminal was resized): its lines need laying out again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lines: list[Strip] = []
        self.laid_out_width = 0

    @property
    def layout_width(self) -> int:
        """The width to lay the document out at: the preview's, less its scrollbar."""
        return max(self.size.width - 2, 40)

    def on_resize(self, event: events.Resize) -> None:
        """Ask for the lines again when they no longer fit the width (whoever laid them out
        knows the document; the preview only paints lines)."""
        if self._lines and self.layout_width != self.laid_out_width:
            self.post_message(self.NewWidth())

    def show_lines(self, lines: list[Strip], width: int) -> None:
        """Show lines laid out for ``width``; the caller lays them out off the app's thread."""
        self._lines = lines
        self.laid_out_width = width
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    @property
    def line_count(self) -> int:
        """How many lines the document takes (for tests and the status of the preview)."""
        return len(self._lines)

    def text(self) -> str:
        """The preview as plain text, as a reader sees it."""
        return "\n".join(strip.text.rstrip() for strip in self._lines)

    def render_line(self, y: int) -> Strip:
        """Paint one screen line: the document's line at the scroll offset."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index >= len(self._lines):
            return Strip.blank(self.size.width, self.rich_style)
        return self._lines[index].crop(scroll_x, scroll_x + self.size.width)
