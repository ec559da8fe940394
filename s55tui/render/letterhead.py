"""An office's letterhead made fit to carry a published response, and what in it is not.

A letterhead's own styles win over the reference's, which is the point of it (the office's
fonts and colours), and a style it lacks is the reference's: a letterhead made in Word from a
blank document defines no "Heading 1", "Quote" or "List Paragraph" until one is used (Word
keeps them latent), and such a letterhead was refused. Three things must hold whatever it
says: the text is British English (a letterhead made on a US machine turned every export's
spelling checks to US English), the pages are numbered (a response is printed and read in
order: "Page N of M" goes into its footer where it has none), and what a reader cannot see is
said before the export: a picture without alt text, a heading colour below 4.5:1 contrast on
white (WCAG 1.4.3).
"""

from __future__ import annotations

from typing import Any

_LANGUAGE = "en-GB"
# The styles the response's body is written in (``docx_writer``): a letterhead's own, else the reference's.
BODY_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "List Paragraph",
    "Quote",
    "Table Grid",
    "Hyperlink",
)
_HEADINGS = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4")
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def fit_letterhead(document: Any, reference: Any = None) -> None:
    """The reference's styles where the letterhead has none, British English throughout, and
    page numbers in the footer if no footer has them."""
    if reference is not None:
        borrow_styles(document, reference)
    _british(document)
    section = document.sections[0]
    if not any(_numbers_pages(part) for part in _header_footer_parts(document)):
        add_page_numbers(section)


def borrow_styles(document: Any, reference: Any) -> list[str]:
    """Copy into ``document`` each style the response's body uses that it does not define,
    from ``reference``; the names copied. A copied style's links to styles the letterhead
    lacks (its character twin, the style after it) are dropped, a base it lacks becomes the
    letterhead's own normal style, and its typeface is left to that style: a heading borrowed
    is the reference's size and colour in the letterhead's font."""
    import copy

    from docx.enum.style import WD_STYLE_TYPE

    names = {style.name for style in document.styles}
    ids = {style.style_id for style in document.styles}
    normal = next(
        (s.style_id for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH and s.element.default),
        None,
    )
    styles = document.styles.element
    copied = []
    for style in reference.styles:
        if style.name not in BODY_STYLES or style.name in names:
            continue
        element = copy.deepcopy(style.element)
        own_id = style.style_id
        if own_id in ids:  # the id is taken by a style of another name
            own_id = f"S55{own_id}"
            element.set(f"{{{_WORD}}}styleId", own_id)
        element.attrib.pop(f"{{{_WORD}}}default", None)  # the letterhead keeps its own defaults
        for fonts in element.findall(f"{{{_WORD}}}rPr/{{{_WORD}}}rFonts"):  # the letterhead's typeface
            fonts.getparent().remove(fonts)
        for tag in ("link", "next", "basedOn"):
            pointer = element.find(f"{{{_WORD}}}{tag}")
            if pointer is None or pointer.get(f"{{{_WORD}}}val") in ids | {own_id}:
                continue
            if tag == "basedOn" and normal is not None and style.type == WD_STYLE_TYPE.PARAGRAPH:
                pointer.set(f"{{{_WORD}}}val", normal)
            else:
                element.remove(pointer)
        styles.append(element)
        ids.add(own_id)
        copied.append(style.name)
    return copied


def letterhead_warnings(document: Any, name: str) -> list[str]:
    """One line for each thing in the letterhead a reader could miss."""
    warnings = []
    for where, part in _parts_with_pictures(document):
        for picture in part.element.iter(f"{{{_DRAWING}}}docPr"):
            if not (picture.get("descr") or "").strip() and picture.get("hidden") != "1":
                label = picture.get("name") or "a picture"
                warnings.append(
                    f"{name}: {label} in the {where} has no alt text (in Word: right-click it, "
                    "View Alt Text); a screen reader cannot say what it is"
                )
    names = {style.name: style for style in document.styles}
    for heading in _HEADINGS:
        style = names.get(heading)
        colour = _colour(style)
        if colour is not None and contrast(colour, "FFFFFF") < 4.5:
            warnings.append(
                f"{name}: the {heading} style's colour #{colour} has {contrast(colour, 'FFFFFF'):.1f}:1 "
                "contrast on white, under the 4.5:1 that text needs (WCAG 1.4.3)"
            )
    return warnings


def contrast(one: str, other: str) -> float:
    """The contrast ratio of two sRGB colours given as RRGGBB (WCAG 2 relative luminance)."""
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def add_page_numbers(section: Any) -> None:
    """ "Page N of M", centred and small, as a paragraph of its own at the foot of the footer."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    footer = section.footer
    footer.is_linked_to_previous = False  # a footer of its own, made if the section had none
    paragraphs = footer.part.element.findall(qn("w:p"))
    if len(paragraphs) == 1 and not "".join(paragraphs[0].itertext()).strip():
        footer.part.element.remove(paragraphs[0])  # the empty paragraph a new footer comes with
    small = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    runs = "".join(
        f'<w:r>{small}<w:t xml:space="preserve">{text}</w:t></w:r>'
        if kind == "text"
        else f'<w:fldSimple w:instr="{text}"><w:r>{small}<w:t>1</w:t></w:r></w:fldSimple>'
        for kind, text in (("text", "Page "), ("field", "PAGE"), ("text", " of "), ("field", "NUMPAGES"))
    )
    paragraph = f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>'
    footer.part.element.append(parse_xml(paragraph))


def _british(document: Any) -> None:
    """Every language setting of the styles, and the document default, made en-GB."""
    from docx.oxml import OxmlElement

    styles = document.styles.element
    for lang in styles.iter(f"{{{_WORD}}}lang"):
        lang.set(f"{{{_WORD}}}val", _LANGUAGE)
    defaults = styles.find(f"{{{_WORD}}}docDefaults")
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_default = _child(defaults, "rPrDefault")
    run_properties = _child(run_default, "rPr")
    if run_properties.find(f"{{{_WORD}}}lang") is None:
        lang = OxmlElement("w:lang")
        lang.set(f"{{{_WORD}}}val", _LANGUAGE)
        run_properties.append(lang)


def _child(parent: Any, tag: str) -> Any:
    from docx.oxml import OxmlElement

    found = parent.find(f"{{{_WORD}}}{tag}")
    if found is None:
        found = OxmlElement(f"w:{tag}")
        parent.append(found)
    return found


def _header_footer_parts(document: Any) -> list[Any]:
    parts = []
    for section in document.sections:
        for piece in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not piece.is_linked_to_previous:
                parts.append(piece.part)
    return parts


def _parts_with_pictures(document: Any) -> list[tuple[str, Any]]:
    found = [("body", document.part)]
    for section in document.sections:
        for where, piece in (("header", section.header), ("footer", section.footer)):
            if not piece.is_linked_to_previous:
                found.append((where, piece.part))
        for where, piece in (
            ("first page's header", section.first_page_header),
            ("first page's footer", section.first_page_footer),
        ):
            if not piece.is_linked_to_previous:
                found.append((where, piece.part))
    return found


def _numbers_pages(part: Any) -> bool:
    element = part.element
    simple = any("PAGE" in (f.get(f"{{{_WORD}}}instr") or "") for f in element.iter(f"{{{_WORD}}}fldSimple"))
    return simple or any("PAGE" in (t.text or "") for t in element.iter(f"{{{_WORD}}}instrText"))


def _colour(style: Any) -> str | None:
    """The style's text colour as RRGGBB, if it sets one (a theme colour is taken as set)."""
    while style is not None:
        color = style.font.color
        if color.type is not None:  # set here: a theme colour cannot be judged, so is let be
            return str(color.rgb) if color.rgb is not None else None
        style = style.base_style
    return None


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[at : at + 2], 16) for at in (0, 2, 4))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
