"""The Markdown rules every output shares: how plain text is escaped and how Markdown is read.

One parser configuration (CommonMark with tables and strikethrough, a single newline as a line
break, raw HTML off) is used for the DOCX writer, the HTML writer, the tests and the app's
preview, so the three outputs read a response exactly the same way. Escaping lives here too:
the template environment applies ``escape_plain`` to every plain value it prints, and
``prepare_rich`` to the rich fields (responses, summary) so raw HTML in them shows as text in
any Markdown reader, not only ours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from s55tui.textclean import clean_line, clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


class Rich(str):
    """Text that is Markdown on purpose (a response, the summary): printed without escaping.

    It is a ``str`` so templates can test and compare it; any string operation returns a
    plain ``str`` again, which the environment escapes, so the safe way stays the default.
    """

    __slots__ = ()


# Characters that mean something anywhere in a CommonMark line (with GFM tables and
# strikethrough): emphasis, code, links, autolinks and raw HTML, table cells, escapes.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# An entity reference would be decoded ("&amp;" -> "&"): escape the ampersand that starts one.
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What turns the start of a line into a block: headings, list markers, setext underlines,
# block quotes (already escaped above) and ordered lists ("2019. was a good year").
_LINE_START = re.compile(r"^(\s*)([#+=-])")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])")

# A raw HTML tag or comment in rich text: "<p>", "</p>", "<br/>", "<span class=x>", "<!--".
# Autolinks ("<https://...>", "<name@host>") do not match, so they keep working.
_HTML_TAG = re.compile(r"<(?=/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|!--)")


def escape_plain(value: object) -> str:
    """Make a plain value (a title, a name) print as exactly those characters in Markdown.

    Line breaks become spaces: a plain field is one line, and a newline in a title must not
    start a new paragraph in the middle of a heading.
    """
    text = clean_line(str(value))
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _ORDERED_START.sub(r"\1\\\2", text)


def prepare_rich(text: str) -> Rich:
    """Clean rich text for printing: the one sanitiser, then raw HTML made visible as text.

    Trailing blank lines are dropped so the template alone decides the spacing between blocks.
    """
    text = clean_text(text or "").strip("\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return Rich(_HTML_TAG.sub(r"\\<", text))


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The shared markdown-it parser: CommonMark + tables + strikethrough, breaks on, HTML off."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"breaks": True, "html": False}).enable(["table", "strikethrough"])


def portable_breaks(markdown: str) -> str:
    """``markdown`` with every line break inside a paragraph written as a hard break (a
    trailing backslash), so the .md file reads as s55tui prints it in any CommonMark reader.

    s55tui reads a single newline as a line break (officers' answers, the report's facts,
    the signature), as Word does; CommonMark, pandoc and GitHub join such lines into one. The
    same goes for an underlined heading's lines. A newline inside a code span is no break
    and stays as it is; a paragraph whose breaks do not match its lines (a link title over
    two lines) is left as written.
    """
    lines = markdown.split("\n")
    tokens = parser().parse(markdown)
    for at, token in enumerate(tokens):
        opener = tokens[at - 1] if at else None
        if token.type != "inline" or not token.map or opener is None:
            continue
        first, end = token.map
        underlined = opener.type == "heading_open" and opener.markup in ("=", "-")  # its text's lines
        if opener.type != "paragraph_open" and not underlined:
            continue
        in_code = _newlines_in_code("\n".join(lines[first:end]))
        ends = [n for n in range(first, end - 1) if n - first not in in_code]
        if sum(child.type in ("softbreak", "hardbreak") for child in token.children or []) != len(ends):
            continue
        for number in ends:
            line = lines[number]
            if not line.endswith("  ") and (len(line) - len(line.rstrip("\\"))) % 2 == 0:
                # two spaces where a backslash could change what the line is: after an
                # emphasis mark (it could open) or in a row of cells (one cell more)
                risky = line.endswith(("*", "_", "~")) or "|" in line
                lines[number] = line + ("  " if risky else "\\")
    return "\n".join(lines)


def _newlines_in_code(text: str) -> set[int]:
    """Which line ends of ``text`` (0 for the first) fall inside a code span: a run of n
    backticks up to the next run of exactly n (CommonMark 6.1); an escaped one opens none."""
    inside: set[int] = set()
    at = 0
    while at < len(text):
        if text[at] == "\\":
            at += 2
            continue
        if text[at] != "`":
            at += 1
            continue
        run = len(text[at:]) - len(text[at:].lstrip("`"))
        close = re.search(rf"(?<!`)`{{{run}}}(?!`)", text[at + run :])
        if close is None:
            at += run
            continue
        span_end = at + run + close.end()
        inside.update(text.count("\n", 0, n) for n in range(at, span_end) if text[n] == "\n")
        at = span_end
    return inside


def plain_text(markdown: str) -> str:
    """The words a reader sees in ``markdown``, blocks separated by newlines.

    Ordered list items keep their numbers ("1. ..."), so a comparison with a source document
    that printed them still works; emphasis, escapes and link targets disappear.
    """
    out: list[str] = []
    counters: list[int | None] = []
    for token in parser().parse(markdown):
        if token.type == "ordered_list_open":
            counters.append(int(token.attrGet("start") or 1))
        elif token.type == "bullet_list_open":
            counters.append(None)
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            counters.pop()
        elif token.type == "list_item_open" and counters and counters[-1] is not None:
            out.append(f"{counters[-1]}. ")
            counters[-1] += 1
        elif token.type == "inline":
            out.append(_inline_text(token.children or []) + "\n")
        elif token.type in ("fence", "code_block"):
            out.append(token.content)
    return "".join(out)


def _inline_text(children: list) -> str:
    """The text of one inline token's children, with line breaks as spaces."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)
