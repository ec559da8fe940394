"""Build ``s55tui/templates/reference.docx``: the house styles every exported Word file starts from.

Run it after changing a style: ``python scripts/make_reference_docx.py``. It starts from
python-docx's own default document and fixes what is wrong for an English office: US Letter
becomes A4 with 2.5 cm margins, en-US becomes en-GB, Calibri's theme fonts give way to Arial (a
sans-serif every office machine has) at 12 pt, headings lose their blue, and the styles the
writer needs (Heading 1-4, Title, List Paragraph, Quote, Table Grid, Hyperlink) are all there.
The body is left empty: the writer adds the text.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from s55tui.render.letterhead import add_page_numbers

FONT = "Arial"
INK = RGBColor(0x1F, 0x1F, 0x1F)
HEADING_INK = RGBColor(0x0B, 0x2E, 0x4F)  # a dark navy, readable in print and on screen
OUT = Path(__file__).resolve().parent.parent / "s55tui" / "templates" / "reference.docx"


def set_fonts(rpr_parent, name: str = FONT, lang: str | None = None) -> None:
    """Name the font outright (no theme fonts, which would win over it) and, if given, the language."""
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), name)
    if lang:
        node = rpr.find(qn("w:lang"))
        if node is None:
            node = OxmlElement("w:lang")
            rpr.append(node)
        node.set(qn("w:val"), lang)
        node.set(qn("w:eastAsia"), lang)
        node.set(qn("w:bidi"), "ar-SA")


def style_paragraph(document, name: str, size: float, *, bold=False, color=INK, before=0, after=6):
    """Give one paragraph style its font, size, colour and spacing."""
    style = document.styles[name]
    set_fonts(style.element)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = color
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    return style


def main() -> int:
    """Write the reference document and say where."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    section.header_distance = section.footer_distance = Mm(12.5)
    add_page_numbers(section)

    # Document defaults: Arial 12 pt, British English, for every style that does not say otherwise.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    set_fonts(rpr_default, lang="en-GB")
    for node in rpr_default.iter(qn("w:sz"), qn("w:szCs")):
        node.set(qn("w:val"), "24")

    normal = style_paragraph(document, "Normal", 12, after=8)
    normal.paragraph_format.line_spacing = 1.15
    style_paragraph(document, "Title", 20, bold=True, color=HEADING_INK, after=12)
    style_paragraph(document, "Heading 1", 16, bold=True, color=HEADING_INK, before=18, after=8)
    style_paragraph(document, "Heading 2", 14, bold=True, color=HEADING_INK, before=16, after=6)
    style_paragraph(document, "Heading 3", 12, bold=True, color=HEADING_INK, before=12, after=4)
    style_paragraph(document, "Heading 4", 12, bold=True, color=INK, before=10, after=2)  # "Force response"
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        document.styles[name].paragraph_format.keep_with_next = True
    style_paragraph(document, "List Paragraph", 12, after=4)
    # A quotation (the chief constable's comments in a letter) is set in from a rule on its
    # left, upright: a long passage in italics is hard to read.
    quote = style_paragraph(document, "Quote", 12, after=8)
    quote.font.italic = False
    quote.paragraph_format.left_indent = Mm(10)
    rule = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", "C8D1DC")):
        left.set(qn(key), value)
    rule.append(left)
    quote.element.get_or_add_pPr().append(rule)

    # Title's default bottom border is Word-blue: make it the heading colour.
    for border in document.styles["Title"].element.iter(qn("w:bottom")):
        border.set(qn("w:color"), str(HEADING_INK))

    if "Hyperlink" not in [s.name for s in document.styles]:
        link = document.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x1D, 0x4E, 0xD8)
        link.font.underline = True

    table = document.styles["Table Grid"]
    set_fonts(table.element)
    table.font.size = Pt(11)

    core = document.core_properties
    core.author = core.last_modified_by = "s55tui"
    core.title = "Section 55 response"
    core.language = "en-GB"
    core.comments = "Reference styles for s55tui exports"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    document.save(OUT)
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
