"""The fast run writer must produce exactly the XML python-docx's own API writes."""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor
from lxml import etree

from s55tui.render.docx_runs import add_run

TEXTS = ["plain", " spaced ", "tab\there", "two\nlines\r\nand CR", "", "\n"]
FLAGS = list(itertools.product([False, True], repeat=4))  # bold, italic, strike, monospace


@cache
def _document() -> Any:
    return Document()  # slow to open, so one for every run here


def _new_paragraph() -> Any:
    """A new paragraph's ``w:p`` element, the last in the body (python-docx adds before sectPr)."""
    document = _document()
    document.add_paragraph()
    return document.element.body.findall(qn("w:p"))[-1]


def _by_api(text: str, bold: bool, italic: bool, strike: bool, mono: bool, link: bool) -> bytes:
    paragraph = _document().add_paragraph()
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if strike:
        run.font.strike = True
    if mono:
        run.font.name = "Courier New"
    if link:
        run.font.color.rgb = RGBColor(0x1D, 0x4E, 0xD8)
        run.font.underline = True
    return etree.tostring(run.element)


def test_add_run_matches_python_docx() -> None:
    for text, (bold, italic, strike, mono), link in itertools.product(TEXTS, FLAGS, (False, True)):
        run = add_run(
            _new_paragraph(),
            text,
            font="Courier New" if mono else None,
            bold=bold,
            italic=italic,
            strike=strike,
            colour="1D4ED8" if link else None,
            underline=link,
        )
        assert etree.tostring(run) == _by_api(text, bold, italic, strike, mono, link)


def test_styled_run_matches_python_docx() -> None:
    document = _document()
    expected = document.add_paragraph().add_run("x")
    expected.element.style = "Hyperlink"
    expected.bold = True
    run = add_run(_new_paragraph(), "x", style_id="Hyperlink", bold=True)
    assert etree.tostring(run) == etree.tostring(expected.element)
