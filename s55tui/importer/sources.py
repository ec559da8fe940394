"""Read a report's text from wherever the officer has it: a paste, .txt, .md, .docx, .pdf,
a web page saved as .html, or the address of the report's page or PDF.

Every way a file can be wrong (missing, a folder, not really a PDF, password-protected, a
scanned image with no text, an old .doc) ends in one ``S55Error`` line that names the file
and says what to do, never a traceback. The kind of file is judged by its first bytes as
well as its name, because reports are often saved with the wrong extension.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from s55tui.errors import S55Error
from s55tui.importer.webpage import looks_like_html, page_text

STDIN = "-"
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".eml", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FETCH_SECONDS = 20  # an address that does not answer in this time is given up, with a line saying so
FETCH_LIMIT = 50_000_000  # bytes: no report is larger; a page that is would fill the memory
_PDF_MAGIC = b"%PDF"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Word .doc, and Outlook .msg


class ImportSourceError(S55Error):
    """A source the importer cannot read, explained in one line."""


@dataclass
class Source:
    """The text of a source, what it was called, and how it was read ("text", "docx", "pdf")."""

    text: str
    label: str
    kind: str


def read_source(name: str | Path, stdin: BinaryIO | None = None) -> Source:
    """The text of ``name``, or of standard input when ``name`` is ``-`` (a paste)."""
    if str(name) == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _checked(Source(decode(stream.read(), "pasted text"), "pasted text", "text"))
    if str(name).lower().startswith(("http://", "https://")):
        return _checked(fetch(str(name)))
    path = Path(name)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except FileNotFoundError:
        raise ImportSourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportSourceError(f"{path}: is a folder; give the report's file") from None
    except OSError as error:
        raise ImportSourceError(f"{path}: cannot be read ({error.strerror or error})") from None
    suffix = path.suffix.lower()
    if suffix == ".pdf" or head.startswith(_PDF_MAGIC):
        if _PDF_MAGIC not in head:
            raise ImportSourceError(f"{path}: not a PDF file (it does not start like one)")
        return _checked(Source(pdf_text(path), str(path), "pdf"))
    if head.startswith(_OLE_MAGIC) or suffix in (".doc", ".rtf", ".odt"):
        raise ImportSourceError(f"{path}: this kind of file cannot be read; save it as .docx, .pdf or .txt")
    if suffix == ".docx" or head.startswith(_ZIP_MAGIC):
        if not head.startswith(_ZIP_MAGIC):
            raise ImportSourceError(f"{path}: not a Word .docx file (it does not start like one)")
        return _checked(Source(docx_text(path), str(path), "docx"))
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and b"\x00" in head:
        raise ImportSourceError(f"{path}: not a text file; give a .txt, .md, .html, .docx or .pdf file")
    text = decode(path.read_bytes(), str(path))
    if suffix in HTML_SUFFIXES or looks_like_html(text):
        return _checked(Source(page_text(text), str(path), "web page"))
    return _checked(Source(text, str(path), "text"))


def fetch(address: str) -> Source:
    """The report's page or PDF at ``address``, read as a saved one would be; one line naming
    the address and the reason when it cannot be fetched (offline, not found, too slow)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(address, headers={"User-Agent": "s55tui (report import)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_SECONDS) as response:
            kind = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or ""
            data = response.read(FETCH_LIMIT + 1)
    except urllib.error.HTTPError as error:
        raise ImportSourceError(
            f"{address}: could not be fetched (the site answered {error.code} {error.reason})"
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise ImportSourceError(f"{address}: could not be fetched ({reason}); are you online?") from None
    if len(data) > FETCH_LIMIT:
        raise ImportSourceError(
            f"{address}: larger than {FETCH_LIMIT // 1_000_000} MB; save it and import the file"
        )
    if kind == "application/pdf" or data.startswith(_PDF_MAGIC):
        return Source(pdf_text(data, address), address, "pdf")
    try:
        text = data.decode(charset, errors="replace") if charset else decode(data, address)
    except LookupError:  # a character set Python does not know: read it as a saved file would be
        text = decode(data, address)
    if kind in ("text/html", "application/xhtml+xml") or looks_like_html(text):
        return Source(page_text(text), address, "web page")
    return Source(text, address, "text")


def decode(data: bytes, label: str) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Notepad saves it."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportSourceError(f"{label}: not text (it holds binary data)")
    for encoding in ("utf-8-sig", "utf-16", "cp1252"):
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportSourceError(f"{label}: not readable text (save it as UTF-8)")


def docx_text(path: Path) -> str:
    """The text of a Word document, lists and tables included."""
    import docx  # imported here: slow, and only .docx sources need it

    from s55tui.importer.docxtext import document_text

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a broken package
        raise ImportSourceError(
            f"{path}: not a Word .docx file that can be read ({_reason(error)})"
        ) from None
    return document_text(document)


def pdf_text(path: Path | bytes, label: str = "") -> str:
    """The text of a PDF (a file, or its bytes as fetched), with running headers and broken
    lines cleaned up; ``label`` names it in a message."""
    import io

    import pypdf  # imported here: only .pdf sources need it

    from s55tui.importer.pdfclean import clean_pages

    name = label or str(path)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not the officer's business
    try:
        reader = pypdf.PdfReader(io.BytesIO(path) if isinstance(path, bytes) else str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportSourceError(f"{name}: the PDF is password-protected; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportSourceError:
        raise
    except Exception as error:  # pypdf raises many kinds for damaged files
        raise ImportSourceError(f"{name}: not a PDF that can be read ({_reason(error)})") from None
    if not any(page.strip() for page in pages):
        raise ImportSourceError(
            f"{name}: the PDF has no text to read (a scanned image?); copy the text from its web page instead"
        )
    return clean_pages(pages)


def _checked(source: Source) -> Source:
    if not source.text.strip():
        raise ImportSourceError(f"{source.label}: empty; there is no text to import")
    if source.kind == "text":
        from s55tui.importer.pdfclean import clean_pages, looks_like_pdf_text

        if looks_like_pdf_text(source.text):  # copied from a PDF viewer: lines joined back
            return Source(clean_pages([source.text], pasted=True), source.label, "pdf text")
    return source


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text[:80]}" if text else type(error).__name__
