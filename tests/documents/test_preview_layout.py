"""The review step's preview lays the document out as the Word file and web page show it."""

from __future__ import annotations

from s55tui.tui.widgets.preview import layout_markdown


def _text(markdown: str, width: int = 60) -> list[str]:
    return [line.text.rstrip() for line in layout_markdown(markdown, width)]


def test_a_single_newline_stays_a_line_break_as_in_the_exports() -> None:
    shown = _text("**Inspection title:** Safe to share?\n**Date published:** 17 December 2020\n")
    assert shown[:2] == ["Inspection title: Safe to share?", "Date published: 17 December 2020"]


def test_paragraphs_and_bullets_keep_their_shape_and_long_lines_wrap() -> None:
    shown = _text("We will:\n\n- review every file\n- report by March\n\n" + "word " * 30)
    assert shown[0] == "We will:"
    assert [line.strip() for line in shown[2:4]] == ["• review every file", "• report by March"]
    assert all(len(line) <= 60 for line in shown)
    assert sum("word" in line for line in shown) >= 3  # 150 characters over 60 columns
