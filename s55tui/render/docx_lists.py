"""Real Word lists: bullets and numbers, nested, and every numbered list starting again at 1.

Word numbers a paragraph through ``w:numPr`` (a ``w:num`` id and a level). Paragraphs that
share a ``w:num``, or two ``w:num`` that point at one ``w:abstractNum`` without an override,
keep counting from one list to the next: that is python-docx issue 25, where the stock
"List Number" style numbers a second list 4, 5, 6. Here each Markdown list gets its own
``w:num`` with a ``w:startOverride`` on its level, so it starts where Markdown says (1, or
the number the officer typed). Two abstract definitions (bullets, decimals) are added to the
document once; the reference .docx or a letterhead does not need to bring any.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml.etree import SubElement

LEVELS = 9
INDENT_TWIPS = 567  # 1 cm per level
HANGING_TWIPS = 340
_BULLETS = ("\u2022", "\u2013", "\u25aa")  # bullet, en dash, small square, repeating by level


def _level_xml(level: int, ordered: bool) -> str:
    left = INDENT_TWIPS * (level + 1)
    if ordered:
        fmt, text = ("decimal", f"%{level + 1}.") if level % 2 == 0 else ("lowerLetter", f"%{level + 1})")
    else:
        fmt, text = "bullet", _BULLETS[level % len(_BULLETS)]
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{HANGING_TWIPS}"/></w:pPr></w:lvl>'
    )


class Numbering:
    """Makes a fresh ``w:num`` for each list in one document."""

    def __init__(self, document: Any) -> None:
        self._numbering = document.part.numbering_part.element
        # Ids are counted here rather than re-read from the XML for every list (quadratic).
        self._last = {
            "w:abstractNum": self._max_id("w:abstractNum", "w:abstractNumId"),
            "w:num": self._max_id("w:num", "w:numId"),
        }
        self._abstract: dict[bool, int] = {}
        for ordered in (False, True):
            self._abstract[ordered] = self._add_abstract(ordered)

    def _max_id(self, tag: str, attr: str) -> int:
        return max((int(node.get(qn(attr))) for node in self._numbering.iter(qn(tag))), default=0)

    def _next_id(self, tag: str) -> int:
        self._last[tag] += 1
        return self._last[tag]

    def _add_abstract(self, ordered: bool) -> int:
        abstract_id = self._next_id("w:abstractNum")
        levels = "".join(_level_xml(level, ordered) for level in range(LEVELS))
        node = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
        )
        # The schema wants every abstractNum before the first num.
        first_num = self._numbering.find(qn("w:num"))
        if first_num is None:
            self._numbering.append(node)
        else:
            first_num.addprevious(node)
        return abstract_id

    def new_list(self, ordered: bool, level: int, start: int = 1) -> int:
        """A new ``w:num`` for one list at ``level``, starting at ``start``; returns its id."""
        num_id = self._next_id("w:num")
        node = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{self._abstract[ordered]}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            "</w:num>"
        )
        self._numbering.append(node)
        return num_id


# What may come before w:numPr in a w:pPr. A new list paragraph holds only its w:pStyle, so the
# numbering can simply be appended; searching the schema's long list of successors for where it
# goes (python-docx's insert_element_before) was a fifth of a Word export's time.
_BEFORE_NUMPR = {
    qn(tag)
    for tag in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl")
}


def number_paragraph(paragraph: Any, num_id: int, level: int) -> None:
    """Put ``paragraph`` in list ``num_id`` at ``level`` (0 = top)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = SubElement(ppr, qn("w:numPr")) if all(child.tag in _BEFORE_NUMPR for child in ppr) else None
    if numpr is not None:
        SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), str(level))
        SubElement(numpr, qn("w:numId")).set(qn("w:val"), str(num_id))
        return
    ppr.insert_element_before(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'),
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    )
