"""The text of a Word document in reading order, with its lists written out as Markdown.

Word keeps list numbers and bullets out of the text (they come from the numbering part), so
``paragraph.text`` alone would lose "1." from a numbered recommendation and "•" from every
bullet. This writes them back: bullets as ``- ``, numbered paragraphs as ``1.``, ``2.`` with
the counting Word would show, nested levels indented. Tables (the record form offices use)
are read cell by cell, so a "Recommendations" row becomes a heading and its text.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(element: Any, tag: str) -> str | None:
    """The ``w:val`` of the first ``tag`` child of ``element``, if there is one."""
    child = element.find(f"{_W}{tag}") if element is not None else None
    return None if child is None else child.get(f"{_W}val")


class WordLists:
    """Word's list definitions, and the running count of each list as the document is read."""

    def __init__(self, document: Any) -> None:
        try:
            self.root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self.root = None
        self.counts: dict[str, list[int]] = {}

    def _level(self, num_id: str, ilvl: int) -> Any:
        if self.root is None:
            return None
        for num in self.root.iterfind(f"{_W}num"):
            if num.get(f"{_W}numId") == num_id:
                abstract = _val(num, "abstractNumId")
                for definition in self.root.iterfind(f"{_W}abstractNum"):
                    if definition.get(f"{_W}abstractNumId") == abstract:
                        for level in definition.iterfind(f"{_W}lvl"):
                            if level.get(f"{_W}ilvl") == str(ilvl):
                                return level
        return None

    def marker(self, num_id: str, ilvl: int) -> str:
        """``- `` for a bullet, ``3. `` for the third item of a numbered list (indented by level)."""
        level = self._level(num_id, ilvl)
        kind = _val(level, "numFmt") or "bullet"
        indent = "  " * ilvl
        if kind in ("bullet", "none"):
            return f"{indent}- "
        counts = self.counts.setdefault(num_id, [0] * 9)
        if counts[ilvl] == 0:
            start = _val(level, "start")
            counts[ilvl] = int(start) - 1 if start and start.isdigit() else 0
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        return f"{indent}{counts[ilvl]}. "


def list_of(paragraph: Any) -> tuple[str, int] | None:
    """The list a paragraph belongs to, from its own properties or from its style's."""
    sources = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        sources.append(style.element.pPr)
        style = style.base_style
    for ppr in sources:
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            if num_id is None or num_id == "0":
                return None
            ilvl = _val(num_pr, "ilvl")
            return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
    return None


def _heading_marks(paragraph: Any) -> str:
    """``## `` for a "Heading 2" paragraph, so the importer knows where a chapter ends."""
    style = paragraph.style
    while style is not None:
        name = style.name or ""
        if name == "Title":
            return "# "
        if name.startswith("Heading ") and name[8:].isdigit():
            return "#" * min(int(name[8:]), 6) + " "
        style = style.base_style
    return ""


def document_text(document: Any) -> str:
    """Every paragraph and table cell of ``document`` (a python-docx Document) as plain text."""
    from docx.table import Table

    numbering = WordLists(document)
    blocks: list[str] = []
    in_list = False

    def add_paragraph(paragraph: Any) -> None:
        nonlocal in_list
        text = paragraph.text.strip()
        if not text:
            return
        listed = list_of(paragraph)
        if listed is None:
            blocks.append(_heading_marks(paragraph) + text)
        elif in_list:
            blocks[-1] += "\n" + numbering.marker(*listed) + text  # one list, no blank lines
        else:
            blocks.append(numbering.marker(*listed) + text)
        in_list = listed is not None

    def add_table(table: Any) -> None:
        nonlocal in_list
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue  # a merged cell is returned once per grid column it spans
                seen.add(id(cell._tc))
                in_list = False
                for inner in cell.iter_inner_content():
                    (add_table if isinstance(inner, Table) else add_paragraph)(inner)

    for block in document.iter_inner_content():
        (add_table if isinstance(block, Table) else add_paragraph)(block)
    return "\n\n".join(blocks) + "\n"
