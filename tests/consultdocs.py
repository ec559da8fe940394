"""Replies to a consultation request, made the way a force's staff make them in Word.

``fill_box`` types into one tagged box of the request (as Word does, the placeholder goes);
``write_fresh_reply`` makes a document with no boxes at all, as when answers are retyped.
A run is ``(text, how)``: how is "" for plain, "b" bold, "i" italic, or a web address for a link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

Runs = list[tuple[str, str]]


def fill_box(document: Any, tag: str, paragraphs: list[tuple[str, Runs]]) -> None:
    """Replace what the box tagged ``tag`` holds with ``paragraphs`` of (style name, runs)."""
    sdt = next(
        sdt
        for sdt in document.element.body.iter(qn("w:sdt"))
        if sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val")) == tag
    )
    properties = sdt.find(qn("w:sdtPr"))
    placeholder = properties.find(qn("w:showingPlcHdr"))
    if placeholder is not None:
        properties.remove(placeholder)
    content = sdt.find(qn("w:sdtContent"))
    for child in list(content):
        content.remove(child)
    for style, runs in paragraphs:
        element = OxmlElement("w:p")
        content.append(element)
        _write(document, Paragraph(element, document._body), style, runs)


def write_fresh_reply(path: Path, paragraphs: list[tuple[str, str]]) -> None:
    """A new Word document of (style name, text) paragraphs, with no content controls."""
    document = Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style or None)
    document.save(str(path))


def _write(document: Any, paragraph: Paragraph, style: str, runs: Runs) -> None:
    if style:
        paragraph.style = document.styles[style]
    for text, how in runs:
        if how.startswith("http"):
            rid = document.part.relate_to(how, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
            link = OxmlElement("w:hyperlink")
            link.set(qn("r:id"), rid)
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = text
            run.append(t)
            link.append(run)
            paragraph._p.append(link)
            continue
        run = paragraph.add_run(text)
        run.bold = how == "b" or None
        run.italic = how == "i" or None
