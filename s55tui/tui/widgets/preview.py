"""A preview of the finished document that stays quick on a long draft.

Textual's Markdown widget builds a widget per block and takes seconds on a 100-item
response, and even rich's layout of a whole 1,000-item document took twenty seconds and a
hundred megabytes of screen lines. Here the document arrives as sections, each beginning at
a heading (``s55tui.render.sections``), and a section is laid out by rich into lines of the
preview's width only when it first scrolls into view; the few dozen laid out last are kept.
Until then its height is estimated from its text, so the scroll bar is right to within a few
lines, and corrected when it is laid out. Scrolling a 100,000-line document costs what
scrolling twenty does, and the first screen shows as soon as the first sections are written.
"""

from __future__ import annotations

import bisect
import math
from collections import OrderedDict

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip


def layout_markdown(markdown: str, width: int) -> list[Strip]:
    """The document as screen lines of ``width`` cells; safe to call on any thread."""
    width = max(width, 20)
    console = Console(width=width, force_terminal=True, color_system="truecolor", legacy_windows=False)
    options = console.options.update_width(width)
    lines = console.render_lines(_with_line_breaks(Markdown(markdown, hyperlinks=False)), options, pad=True)
    # Every segment styled, if only with nothing: NO_COLOR's filter reads each one's colour
    # (rich leaves padding unstyled, and the review failed with a traceback under NO_COLOR=1).
    plain = Style()
    styled = ([Segment(text, style or plain, control) for text, style, control in line] for line in lines)
    return [Strip(Segment.simplify(line), width) for line in styled]


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
    """Scrollable sections of the rendered document, each laid out when first shown."""

    DEFAULT_CSS = """
    DocumentPreview { height: 1fr; border: round $primary-lighten-2; padding: 0 1; }
    DocumentPreview:focus { border: round $accent; }
    """

    KEEP = 48  # sections kept laid out; one scrolled back to is laid out again

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sections: list[str] = []
        self._heights: list[int] = []  # each section's lines: laid out, or estimated until then
        self._starts: list[int] = [0]  # the first line of each section, and the total last
        # The last sections laid out, by their text, the width and whether first (no blank line
        # above): a new document (after an edit) lays out again only the sections it changed.
        self._laid: OrderedDict[tuple[str, int, bool], list[Strip]] = OrderedDict()
        self.laid_out_width = 0

    @property
    def layout_width(self) -> int:
        """The width to lay the document out at: the preview's, less its scrollbar."""
        return self.layout_width_for(self.size.width)

    @staticmethod
    def layout_width_for(width: int) -> int:
        """The width a preview ``width`` cells wide (inside its border) lays out at."""
        return max(width - 2, 40)

    def show_sections(self, sections: list[str], *, replace: bool = False) -> None:
        """Add the next sections of the document, or (``replace``) begin a new document with
        them; the old one stays on screen until the new one's first sections arrive."""
        if replace:
            self._sections, self._heights = [], []
            self.scroll_to(0, 0, animate=False, immediate=True)
        if not self._sections:  # the width every section is estimated and laid out at
            self.laid_out_width = self.layout_width
        for section in sections:
            self._heights.append(self._estimate(section, len(self._sections)))
            self._sections.append(section)
        self._heights_changed()

    def on_resize(self, event: events.Resize) -> None:
        """A new width: every section is laid out again, when next shown."""
        self._fit_width()

    def _fit_width(self, *, later: bool = False) -> None:
        if self._sections and self.size.width and self.layout_width != self.laid_out_width:
            self.laid_out_width = self.layout_width
            self._heights = [self._estimate(text, n) for n, text in enumerate(self._sections)]
            self._heights_changed(later=later)

    @property
    def line_count(self) -> int:
        """How many lines the document takes (some estimated until they are shown)."""
        return self._starts[-1]

    def text(self) -> str:
        """The whole preview as plain text, as a reader sees it (lays out every section)."""
        lines = [strip.text.rstrip() for n in range(len(self._sections)) for strip in self._lines(n)]
        return "\n".join(lines)

    def render_line(self, y: int) -> Strip:
        """Paint one screen line: the document's line at the scroll offset."""
        # Sections given while the preview was hidden (the review step not yet shown) were
        # estimated at another width: lay them out at this one already in the step's first
        # frame, not in the frame after the resize event.
        self._fit_width(later=True)
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        if index < self._starts[-1]:
            section = bisect.bisect_right(self._starts, index) - 1
            lines = self._lines(section)
            offset = index - self._starts[section]
            if offset < len(lines):
                return lines[offset].crop(scroll_x, scroll_x + self.size.width)
        return Strip.blank(self.size.width, self.rich_style)

    # -- laying out ----------------------------------------------------------------------------
    def _lines(self, section: int) -> list[Strip]:
        """The section's screen lines (a blank line first, between it and the one before)."""
        lines = self._laid_out(
            self._sections[section], self.laid_out_width or self.layout_width, section == 0
        )
        if len(lines) != self._heights[section]:  # the estimate was off: the sections below move
            self._heights[section] = len(lines)
            self._heights_changed(later=True)
        return lines

    def _laid_out(self, text: str, width: int, first: bool) -> list[Strip]:
        key = (text, width, first)
        lines = self._laid.get(key)
        if lines is not None:
            self._laid.move_to_end(key)
            return lines
        lines = layout_markdown(text, width)
        if not first:  # styled, if only with nothing: NO_COLOR's filter reads every line's colour
            lines.insert(0, Strip.blank(width, Style()))
        self._laid[key] = lines
        if len(self._laid) > self.KEEP:
            self._laid.popitem(last=False)
        return lines

    def lay_out_ahead(self, sections: list[str], width: int) -> None:
        """Lay out the top of a document for a preview ``width`` cells wide, before it is shown
        (out of sight, it has no width yet): shown at that width, its first frame has them."""
        for number, text in enumerate(sections):
            self._laid_out(text, self.layout_width_for(width), number == 0)

    def _estimate(self, text: str, section: int) -> int:
        """Lines the section will take, from its text: each line wrapped at the width."""
        width = max((self.laid_out_width or self.layout_width) - 4, 16)
        lines = sum(max(1, math.ceil(len(line) / width)) for line in text.split("\n"))
        return lines + (1 if section else 0)

    def _heights_changed(self, *, later: bool = False) -> None:
        """Where each section starts, and the document's size (after the frame being painted)."""
        starts = [0]
        for height in self._heights:
            starts.append(starts[-1] + height)
        self._starts = starts
        if later:
            self.call_later(self._resize_document)
        else:
            self._resize_document()

    def _resize_document(self) -> None:
        self.virtual_size = Size(self.laid_out_width or self.layout_width, self._starts[-1])
        self.refresh()
