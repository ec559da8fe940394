"""The width the layout gave a widget's content, for widgets whose rendering depends on it."""

from __future__ import annotations

from textual.widget import Widget


def content_width(widget: Widget) -> int:
    """The width of ``widget``'s content, from the size the last layout set on it.

    Not ``content_size``: that asks the screen's compositor for the widget's region, and asked
    from ``render`` while the screen is being laid out (a label's height is found by rendering
    it), it laid the whole screen out a second time, 30 ms and more at start-up.
    """
    return widget.outer_size.width - widget.styles.gutter.width
