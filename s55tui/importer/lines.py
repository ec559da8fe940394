"""The lines of a report's text as the importer reads them, and an item's text as stored.

Shared by the reader (``recognise``) and the collector (``collect``): web-form ``<p>`` tags
made paragraph breaks, record rows split, and an item's lines tidied into Markdown.
"""

from __future__ import annotations

import html
import re
import textwrap

from s55tui.importer import patterns
from s55tui.textclean import clean_text

_HTML_PARAGRAPH = re.compile(r"[ \t]*</?p\s*>[ \t]*", re.I)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_INTRO_MAX = 200


def prepare(text: str) -> list[str]:
    """Sanitised lines, with web-form ``<p>`` tags as paragraph breaks and record rows split."""
    text = clean_text(text)
    if _HTML_PARAGRAPH.search(text):
        text = html.unescape(_HTML_BREAK.sub("\n", _HTML_PARAGRAPH.sub("\n\n", text)))
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(patterns.split_record_label(line.rstrip()))
    return lines


def tidy(lines: list[str]) -> str:
    """An item's text as Markdown: no outer blank lines, one blank line between paragraphs."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return textwrap.dedent("\n".join(out)).strip("\n")


def is_stem(lines: list[str]) -> bool:
    """Whether a paragraph leads into a list of its own ("... designed to help forces by:"),
    rather than into a section's items ("We found two areas for improvement:")."""
    joined = " ".join(line.strip() for line in lines)
    return joined.endswith(":") and patterns.introduces(joined) is None


def take_intro(lines: list[str], introducing_items: bool = False) -> str:
    """Remove and return a last one-line paragraph ending with ":" that introduces the next
    item (``introducing_items``: only one that introduces a list of items of a kind)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end:
        return ""
    last = lines[end - 1].strip()
    alone = end == 1 or not lines[end - 2].strip()
    if not alone or not last.endswith(":") or len(last) > _INTRO_MAX or last.startswith("-"):
        return ""
    if introducing_items and patterns.introduces(last) is None:
        return ""
    del lines[end - 1 :]
    return last


def as_int(number: str) -> int:
    digits = re.match(r"\d+", number)
    return int(digits.group()) if digits else 0


def first_words(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
