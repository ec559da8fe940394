"""Undo what PDF text extraction does to a report, so its items read as the report prints them.

Extracted text comes one printed line at a time: sentences are broken at the page width,
paragraphs lose their blank lines, every page repeats its running header, footer, page
number and web address, and ligatures arrive as single characters. This joins the broken
lines, puts paragraph breaks back where a short line ends a sentence, keeps bullets on their
own lines (``•`` becomes ``- `` through the one sanitiser), and drops what repeats on every
page. Curly quotes and dashes are the report's own and are kept.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from s55tui.importer.patterns import addressee_line, bare, heading, paragraph_numbered
from s55tui.textclean import clean_text

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\ufeff": None, "\u00a0": " "})
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]$", re.I
)
_URL = re.compile(r"^\S*(?:https?://|www\.)\S*$", re.I)
_BULLET_ONLY = re.compile(r"^[-\u2022\u25e6\u25aa\u00b7\uf0b7\uf0a7\u2013]$")
_LIST_START = re.compile(r"^(?: {2})?(?:- |\d{1,3}[.)]\s|[a-z][.)]\s|\([a-z0-9]{1,3}\)\s)")
# Word's second-level bullet, "o" (or a white bullet), as PDFs print it: a bullet inside a bullet.
_SECOND_LEVEL = re.compile(r"(?m)^[ \t]*[o\u25e6][ \t]+(?=\S)")
# A word broken at the line's end ("eli-" / "gible"): joined again without the hyphen.
_BROKEN_WORD = re.compile(r"[a-z]{2}-$")
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u201d\u2019)]*$")
_CLOSING = re.compile(r"[.!?:;,][\"'\u201d\u2019)]*$")
_EDGE = 2  # lines at the top and at the bottom of a page that may be a header or footer


def _shape(line: str) -> str:
    """A line with its numbers blanked, so "Page 3 of 40" and "Page 4 of 40" look the same,
    and without a page number at its end (a running header printed with and without one)."""
    return re.sub(r"\s*#$", "", re.sub(r"\d+", "#", " ".join(line.lower().split())))


def _repeated_in_one(lines: list[str]) -> set[str]:
    """In text pasted from a PDF (one "page" of many): the shapes of lines that recur and are
    not sentences ("Standing by victims: an inspection ... 22"), its running headers."""
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for line in lines:
        if len(line.strip()) >= 30 and not _CLOSING.search(line.strip()):
            shape = _shape(line)
            counts[shape] += 1
            example.setdefault(shape, line.strip())
    return {shape for shape, count in counts.items() if count >= 2 and heading(bare(example[shape])) is None}


def _repeated(pages: list[list[str]], pasted: bool = False) -> set[str]:
    """Shapes of header, footer and web-address lines that recur on at least half the pages
    (``pasted``: that recur at all in the one text, whose pages are not known)."""
    if pasted:
        return _repeated_in_one([line for lines in pages for line in lines])
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for lines in pages:
        candidates = lines[:_EDGE] + lines[-_EDGE:] + [line for line in lines if _URL.match(line.strip())]
        shapes = {_shape(line): line for line in candidates}
        example.update(shapes)
        counts.update(shapes.keys())
    needed = max(2, -(-len(pages) * 3 // 5))  # on three pages in five, rounded up
    # An item heading at the top of every page is content, not a running header.
    return {
        shape
        for shape, count in counts.items()
        if count >= needed and shape and heading(bare(example[shape])) is None
    }


def _strip_page(lines: list[str], repeated: set[str], pasted: bool = False) -> list[str]:
    """The page's own lines, without running headers, footers, page numbers and repeated URLs.

    ``pasted``: the pages of a paste are not known, so a running header (and the page number
    beside it) is taken out wherever it falls."""
    lines = [line for line in lines if line.strip()]
    keep = []
    for index, line in enumerate(lines):
        at_edge = pasted or index < _EDGE or index >= len(lines) - _EDGE
        shape = _shape(line)
        if shape in repeated and (at_edge or _URL.match(line.strip())):
            continue
        if at_edge and _PAGE_NUMBER.match(line.strip()) and (not pasted or repeated):
            continue
        keep.append(line)
    return keep


def _heading_like(line: str, width: int) -> bool:
    """A short line that starts with a capital and ends without punctuation: a title."""
    return (
        bool(line)
        and line[0].isupper()
        and len(line) < 0.7 * width
        and not _LIST_START.match(line)
        and not _CLOSING.search(line)
    )


def _joins(previous: str, line: str, last_length: int, width: int) -> bool:
    """Whether ``line`` continues the paragraph that ``previous`` broke off at the page width."""
    # a report's numbered paragraph ("6.3 Most victims ...") always starts a paragraph
    if not previous or _LIST_START.match(line) or paragraph_numbered(line):
        return False
    if heading(bare(previous)) or addressee_line(bare(previous)):
        return False  # "Recommendation 5" and "To chief constables ..." stand alone
    if line[0].islower() or line[0] in ",;)":
        return True
    if last_length < 0.7 * width:
        return False  # a short line ends its paragraph
    return not (_SENTENCE_END.search(previous) and _heading_like(line, width))


def clean_pages(pages: list[str], pasted: bool = False) -> str:
    """One text from the pages of a PDF, reflowed into paragraphs and bullets; ``pasted``:
    the text was copied from a PDF viewer, so its page breaks are not known."""
    texts = [_SECOND_LEVEL.sub("    - ", page.translate(_LIGATURES).translate(_INVISIBLE)) for page in pages]
    split = [[line.rstrip() for line in clean_text(text).split("\n")] for text in texts]
    repeated = _repeated([[line for line in lines if line.strip()] for lines in split], pasted)
    lines = [_nested(line) for page in split for line in _strip_page(page, repeated, pasted)]
    return reflow(lines)


def looks_like_pdf_text(text: str) -> bool:
    """Whether a pasted text was copied from a PDF: many of its lines break off mid-sentence
    and go on at the start of the next (text from Word or a web page keeps a paragraph on one
    line)."""
    lines = [line.strip() for line in text.split("\n")]
    printed = [line for line in lines if line]
    if len(printed) < 8:
        return False
    broken = sum(
        1
        for line, after in itertools.pairwise(lines)
        if line and after and after[0].islower() and not _SENTENCE_END.search(line)
    )
    return broken >= 0.2 * len(printed)


def _nested(line: str) -> str:
    """The line without its indent, but a bullet inside a bullet keeps two spaces before it."""
    if re.match(r"^\s{2,}- \S", line):
        return "  " + line.strip()
    return line.strip()


def reflow(lines: list[str]) -> str:
    """Join lines broken mid-sentence; a short line that ends a sentence ends its paragraph.

    A short line with no closing punctuation, standing after the end of a paragraph, is a
    heading the PDF lost the style of ("About the investigation"); it is marked ``##`` so
    the importer knows the item above it has ended.
    """
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[str] = []
    last_length = 0  # of the last printed line, not of the paragraph it was joined into
    pending_bullet = False
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if _BULLET_ONLY.match(line):
            pending_bullet = True
            continue
        if pending_bullet:
            line, pending_bullet = f"- {line}", False
        previous = out[-1] if out else ""
        if _joins(previous, line, last_length, width):
            if _BROKEN_WORD.search(previous) and line[0].islower():  # "eli-" / "gible"
                out[-1] = previous[:-1] + line
            else:
                glue = "" if previous.endswith(("-", "/")) and not previous.endswith(" -") else " "
                out[-1] = previous + glue + line
        else:
            if previous and _blank_between(previous, line, last_length, width):
                out.append("")
            out.append(line)
        last_length = len(line)
    return "\n".join(_mark_headings(out, width)).strip("\n") + "\n"


def _blank_between(previous: str, line: str, last_length: int, width: int) -> bool:
    """Whether a paragraph ends between two printed lines that are not joined."""
    previous_listed, listed = bool(_LIST_START.match(previous)), bool(_LIST_START.match(line))
    if previous_listed:
        return not listed  # the items of one list stay together
    if listed and previous.endswith(":"):
        return False  # "They should:" and its bullets
    return bool(_SENTENCE_END.search(previous)) and last_length < 0.7 * width


def _mark_headings(lines: list[str], width: int) -> list[str]:
    marked: list[str] = []
    for line in lines:
        before = marked[-1] if marked else ""
        after_paragraph = not before or before.startswith("#") or bool(_SENTENCE_END.search(before))
        if after_paragraph and _heading_like(line, width) and not addressee_line(line):
            line = f"## {line}"
        marked.append(line)
    return marked
