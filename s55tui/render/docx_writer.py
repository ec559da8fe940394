"""Markdown to Word: walk the markdown-it tokens and write python-docx paragraphs, runs and tables.

The writer knows nothing about drafts or templates: it turns the one rendered Markdown text
into Word, so the .docx says exactly what the .md says. Headings use Heading 1-3, lists are
real Word lists (see ``docx_lists``), quotations use Quote, the record's facts become a Table
Grid table, and links are real hyperlinks. Styles come from the document it is given (the
reference .docx or an office letterhead), so the look is the office's, not the code's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from s55tui.render.docx_lists import Numbering, number_paragraph
from s55tui.render.docx_runs import add_run, set_paragraph_style
from s55tui.render.mdtext import parser

MONOSPACE = "Courier New"
LINK_COLOUR = RGBColor(0x1D, 0x4E, 0xD8)
HEADER_FILL = "E8EDF3"  # a pale blue-grey behind a table's header row


@dataclass
class _ListState:
    num_id: int
    level: int
    fresh: bool = False  # the next paragraph is the first of a new item: it gets the number


@dataclass
class _Format:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    link: Any = None  # the w:hyperlink element runs go into, inside a link


@dataclass
class _Table:
    rows: list[list[tuple[Any, bool]]] = field(default_factory=list)  # (inline token, is header)


class DocxWriter:
    """Appends the blocks of one Markdown text to a python-docx ``Document``."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.numbering = Numbering(document)
        self.lists: list[_ListState] = []
        self.quote_depth = 0
        self.paragraph: Any = None
        self.table: _Table | None = None
        self.last_list_paragraph: Any = None
        self.anchor = document.element.body.find(qn("w:sectPr"))
        # Style ids looked up once: python-docx resolves a style name by scanning every style,
        # which made a 1,000-item export take a minute.
        self.style_ids = {style.name: style.style_id for style in document.styles}
        self.styles = set(self.style_ids)
        self._has_heading_4 = "Heading 4" in self.styles
        # Each link's relationship, made here: python-docx looks for an existing one, and for a
        # free id, by scanning all of them, so 20,000 links took minutes.
        self.link_ids: dict[str, str] = {}
        self.next_rel = 1 + max(
            (int(rid[3:]) for rid in document.part.rels if rid.startswith("rId") and rid[3:].isdigit()),
            default=0,
        )

    def write(self, markdown: str) -> None:
        """Add every block of ``markdown`` to the end of the document."""
        for token in parser().parse(markdown):
            handler = getattr(self, f"_on_{token.type}", None)
            if handler is not None:
                handler(token)

    # Blocks ---------------------------------------------------------------------------------

    def _on_heading_open(self, token: Any) -> None:
        # Heading 4 (a response's label under its item) where the base has it, as the
        # reference does; a letterhead without it gets Heading 3, the deepest it must have.
        level = min(int(token.tag[1]), 4 if self._has_heading_4 else 3)
        self.paragraph = self._add_paragraph(f"Heading {level}")

    def _on_paragraph_open(self, token: Any) -> None:
        style = "Quote" if self.quote_depth else None
        if self.lists:
            state = self.lists[-1]
            self.paragraph = self._add_paragraph("List Paragraph")
            # in a quotation the list is indented as far again as the quotation is
            quoted = Pt(28.35 * self.quote_depth)
            if state.fresh:
                number_paragraph(self.paragraph, state.num_id, state.level)
                if self.quote_depth:
                    self.paragraph.paragraph_format.left_indent = quoted + Pt(28.35 * (state.level + 1))
            else:  # a second paragraph in the same item: indent it under the item's text
                self.paragraph.paragraph_format.left_indent = quoted + Pt(28.35 * (state.level + 1))
            state.fresh = False
            self.last_list_paragraph = self.paragraph
            return
        self.paragraph = self._add_paragraph(style)

    def _add_paragraph(self, style: str | None = None) -> Any:
        """A new paragraph at the end of the body, in ``style`` (by its cached id)."""
        # Not document.add_paragraph(): it looks for the body's sectPr by scanning every child,
        # which is quadratic over a long document. The sectPr found once is the anchor.
        element = OxmlElement("w:p")
        if self.anchor is None:
            self.document.element.body.append(element)
        else:
            self.anchor.addprevious(element)
        if style is not None:
            set_paragraph_style(element, self.style_ids[style])
        return Paragraph(element, self.document._body)

    def _on_bullet_list_open(self, token: Any) -> None:
        self._open_list(ordered=False, start=1)

    def _on_ordered_list_open(self, token: Any) -> None:
        self._open_list(ordered=True, start=int(token.attrGet("start") or 1))

    def _open_list(self, ordered: bool, start: int) -> None:
        level = len(self.lists)
        self.lists.append(_ListState(self.numbering.new_list(ordered, level, start), level))

    def _on_bullet_list_close(self, token: Any) -> None:
        self.lists.pop()
        if not self.lists and self.last_list_paragraph is not None:
            # A little air between a list and the paragraph after it, as Word's own lists have.
            self.last_list_paragraph.paragraph_format.space_after = Pt(8)

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Any) -> None:
        self.lists[-1].fresh = True

    def _on_blockquote_open(self, token: Any) -> None:
        self.quote_depth += 1

    def _on_blockquote_close(self, token: Any) -> None:
        self.quote_depth -= 1

    def _on_hr(self, token: Any) -> None:
        paragraph = self._add_paragraph()
        rule = '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="999999"/>'
        border = parse_xml(f"<w:pBdr {nsdecls('w')}>{rule}</w:pBdr>")
        paragraph._p.get_or_add_pPr().append(border)

    def _on_fence(self, token: Any) -> None:
        paragraph = self._add_paragraph()
        lines = token.content.rstrip("\n").split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.font.name = MONOSPACE
            if index < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    _on_code_block = _on_fence

    # Tables ---------------------------------------------------------------------------------

    def _on_table_open(self, token: Any) -> None:
        self.table = _Table()

    def _on_tr_open(self, token: Any) -> None:
        assert self.table is not None
        self.table.rows.append([])

    def _on_th_open(self, token: Any) -> None:
        self._cell_header = True

    def _on_td_open(self, token: Any) -> None:
        self._cell_header = False

    def _on_table_close(self, token: Any) -> None:
        """The table, filled row by row through its XML: python-docx's ``table.cell(r, c)`` and
        ``row.cells`` each walk the whole table, which made a 250-row table take 8 seconds."""
        assert self.table is not None
        rows, self.table = self.table.rows, None
        columns = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        if "Table Grid" in self.styles:
            table.style = self.document.styles["Table Grid"]
        trs = table._tbl.tr_lst
        for row, tr in zip(rows, trs, strict=True):
            for c, ((inline, header), tc) in enumerate(zip(row, tr.tc_lst, strict=False)):
                paragraph = Paragraph(tc.p_lst[0], table)
                self._inline(paragraph, inline.children or [], bold=header or (c == 0 and columns == 2))
        if rows and rows[0] and rows[0][0][1]:
            _repeat_header(trs[0])
            for tc in trs[0].tc_lst:
                shading = f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/>'
                tc.get_or_add_tcPr().append(parse_xml(shading))
        if columns == 2:
            _set_widths(table, self.document.sections[-1], (0.32, 0.68))
        self._add_paragraph()  # Word runs a following paragraph into the table otherwise

    # Inline ---------------------------------------------------------------------------------

    def _on_inline(self, token: Any) -> None:
        if self.table is not None:
            self.table.rows[-1].append((token, self._cell_header))
            return
        if self.paragraph is None:
            self.paragraph = self._add_paragraph()
        self._inline(self.paragraph, token.children or [])
        self.paragraph = None

    def _inline(self, paragraph: Any, children: list, bold: bool = False) -> None:
        fmt = _Format(bold=int(bold))
        for child in children:
            kind = child.type
            if kind == "text":
                self._run(paragraph, child.content, fmt)
            elif kind in ("softbreak", "hardbreak"):
                self._run(paragraph, "\n", fmt)  # a run holding only a line break
            elif kind == "strong_open":
                fmt.bold += 1
            elif kind == "strong_close":
                fmt.bold -= 1
            elif kind == "em_open":
                fmt.italic += 1
            elif kind == "em_close":
                fmt.italic -= 1
            elif kind == "s_open":
                fmt.strike += 1
            elif kind == "s_close":
                fmt.strike -= 1
            elif kind == "code_inline":
                self._run(paragraph, child.content, fmt, font=MONOSPACE)
            elif kind == "link_open":
                fmt.link = self._hyperlink(paragraph, child.attrGet("href") or "")
            elif kind == "link_close":
                fmt.link = None
            elif kind == "image":
                self._run(paragraph, child.content, fmt)

    def _run(self, paragraph: Any, text: str, fmt: _Format, font: str | None = None) -> Any:
        """One run of ``text`` in the current formatting, inside the open link if there is one."""
        link_style = self.style_ids.get("Hyperlink") if fmt.link is not None else None
        plain_link = fmt.link is not None and link_style is None
        return add_run(
            paragraph._p if fmt.link is None else fmt.link,
            text,
            style_id=link_style,
            font=font,
            bold=bool(fmt.bold),
            italic=bool(fmt.italic),
            strike=bool(fmt.strike),
            colour=str(LINK_COLOUR) if plain_link else None,
            underline=plain_link,
        )

    def _hyperlink(self, paragraph: Any, url: str) -> Any:
        """A ``w:hyperlink`` to ``url`` at the end of ``paragraph``; runs are then added into it."""
        rel_id = self.link_ids.get(url)
        if rel_id is None:
            rel_id = self.link_ids[url] = f"rId{self.next_rel}"
            self.next_rel += 1
            paragraph.part.rels.add_relationship(RELATIONSHIP_TYPE.HYPERLINK, url, rel_id, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        paragraph._p.append(link)
        return link


def _set_widths(table: Any, section: Any, shares: tuple[float, ...]) -> None:
    """Fix column widths (label narrow, entry wide) in the grid and in every cell.

    Word reads the cells' widths, LibreOffice the grid's: set both, and turn autofit off so
    neither program re-balances the columns to 50/50.
    """
    usable = section.page_width - section.left_margin - section.right_margin
    widths = [int(usable * share) for share in shares]
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width // 635))  # EMU -> twentieths of a point
    for tr in table._tbl.tr_lst:  # not ``row.cells``, which walks the whole table for each row
        for tc, width in zip(tr.tc_lst, widths, strict=False):
            tc.width = width


def _repeat_header(tr: Any) -> None:
    """Mark a table's first row (``w:tr``) as a header that repeats on each page (and for screen readers)."""
    trpr = tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))
