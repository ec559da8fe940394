"""Build the Word file: start from the reference .docx (or the office letterhead), add the text.

Starting from a real document rather than python-docx's default is what makes the file an
English office's: A4, en-GB, the office's fonts, and for a letterhead its header, footer and
logo, which live in the section and its parts and survive because only the body's paragraphs
and tables are replaced. A style the writer uses that a letterhead lacks is the reference's;
the styles are then checked, so a base without one gets a message naming it, not a KeyError.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from s55tui.errors import S55Error
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.letterhead import borrow_styles, fit_letterhead, letterhead_warnings

REQUIRED_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Paragraph", "Quote", "Table Grid")


class DocxError(S55Error):
    """A reference or letterhead .docx that cannot be used."""


def open_base(path: Path) -> Any:
    """The reference or letterhead document with its body emptied (section settings kept)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except PackageNotFoundError:
        raise DocxError(f"{path}: not found, or not a Word .docx file") from None
    except (OSError, KeyError, ValueError) as error:
        raise DocxError(f"{path}: cannot be read as a Word .docx file ({error})") from None
    body = document.element.body
    for child in list(body):
        if child.tag.endswith("}p") or child.tag.endswith("}tbl"):
            body.remove(child)
    if path.resolve() != REFERENCE_DOCX.resolve():  # a letterhead: what it lacks, the reference has
        borrow_styles(document, Document(str(REFERENCE_DOCX)))
    missing = missing_styles(document)
    if missing:
        raise DocxError(
            f"{path}: missing the Word style{'s' if len(missing) > 1 else ''} {', '.join(missing)}; "
            "add them in Word (Styles pane) or use the reference.docx that ships with s55tui"
        )
    return document


def missing_styles(document: Any) -> list[str]:
    """The styles the writer needs that ``document`` does not define."""
    names = {style.name for style in document.styles}
    return [name for name in REQUIRED_STYLES if name not in names]


def set_properties(document: Any, title: str, author: str) -> None:
    """Title, author (the office) and language in the file's core properties."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    core = document.core_properties
    core.title = title[:255]
    core.author = author[:255]
    core.last_modified_by = author[:255]
    core.language = "en-GB"
    core.subject = "Section 55 response"
    core.keywords = "Section 55; HMICFRS"
    core.comments = ""
    core.category = ""
    core.created = now
    core.modified = now
    core.revision = 1


# What the file says made it, with none of the base's counts of pages and words (they were
# python-docx's default template's: "Microsoft Macintosh Word", 1 page, 0 words).
_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>s55tui</Application><DocSecurity>0</DocSecurity></Properties>"
)


def drop_leftovers(document: Any) -> None:
    """Take out what the base file carried that says nothing true of this document: its
    thumbnail (a picture of another page), its application and page and word counts, and a
    bibliography store nobody cites. A letterhead's other custom data stays: it may feed its
    header."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rid]
    for rid, rel in list(document.part.rels.items()):
        bibliography = not rel.is_external and b"<b:Sources" in rel.target_part.blob[:500]
        if rel.reltype == RT.CUSTOM_XML and bibliography:
            del document.part.rels[rid]
    app = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _APP_XML, package)
    package.relate_to(app, RT.EXTENDED_PROPERTIES)


def base_warnings(base: Path) -> list[str]:
    """What a reader could miss in the letterhead (or reference) ``base``: one line each."""
    return letterhead_warnings(open_base(base), base.name)


def build_docx(markdown: str, base: Path, title: str, author: str) -> bytes:
    """The finished Word file for ``markdown`` as bytes, ready to be written atomically."""
    from s55tui.render.docx_writer import DocxWriter

    document = open_base(base)
    fit_letterhead(document)
    DocxWriter(document).write(markdown)
    set_properties(document, title, author)
    drop_leftovers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
