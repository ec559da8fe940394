"""The text of a report's web page, saved from a browser (.html) or fetched by its address.

The HMICFRS website wraps a report in a skip link, menus, breadcrumbs ("Part of: ..."), a
cookie banner, share buttons and a footer. None of that is the report: scripts, styles, the
page's navigation, header, footer, forms and anything whose id or class says cookie, banner,
breadcrumb, menu, nav, share or skip are left out. Headings come out as Markdown headings
(so an item ends where the page's next section starts), list items as bullets, paragraphs
apart. The standard library's parser is enough, so no dependency is added for it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIPPED = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "head",
}
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base", "embed", "track"}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "tr",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "details",
    "summary",
}
_CHROME = re.compile(
    r"cookie|consent|banner|breadcrumb|\bmenu|\bnav|navigation|share|social|skip|search|feedback|site-header"
    r"|site-footer|masthead",
    re.I,
)


class _PageText(HTMLParser):
    """Collects the page's own text as lines; see the module's docstring for what is left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.skipping: list[str] = []  # the tags of the left-out element being read, nested
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self.skipping:
                self.flush()
            return
        if self.skipping:
            self.skipping.append(tag)
            return
        marks = " ".join(
            value or "" for name, value in attrs if name in ("id", "class", "role", "aria-label")
        )
        if tag in _SKIPPED or (
            marks and _CHROME.search(marks) and tag not in ("main", "article", "body", "html")
        ):
            self.skipping.append(tag)
            return
        if tag in _BLOCKS or re.fullmatch(r"h[1-6]|li|td|th", tag):
            self.flush()
            if tag not in ("td", "th", "li", "ul", "ol"):  # a list stays with the words that lead into it
                self.lines.append("")
        if re.fullmatch(r"h[1-6]", tag):
            self.prefix = "## "
        elif tag == "li":
            self.prefix = "- "

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:  # close up to the matching tag, forgiving unclosed ones
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag in _BLOCKS or re.fullmatch(r"h[1-6]|li", tag):
            self.flush()
        elif tag in ("td", "th"):
            self.line.append(" | ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.line.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.line).split()).strip(" |")
        if text:
            self.lines.append(self.prefix + text)
        self.line, self.prefix = [], ""


def page_text(html: str) -> str:
    """The report's own text in a web page's HTML, as lines of plain text and Markdown marks."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    parser.flush()
    out: list[str] = []
    for line in parser.lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def looks_like_html(text: str) -> bool:
    """Whether text (of a file named .txt, or pasted) is really a web page's source."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)
