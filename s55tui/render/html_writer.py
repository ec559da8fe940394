"""Markdown to one standalone, accessible web page for the office website.

The page needs no other file: the styles are inline in ``<head>``. It declares
``lang="en-GB"``, has a ``<title>``, keeps the Markdown's real headings, marks table header
cells with their scope (the record's facts are a data table, never a layout table: in a
two-column table headed "Field", each row's label is its row header), and the ticks already
carry their meaning in words ("done"), so a screen reader loses nothing. Long words and web
addresses wrap, so a phone never scrolls sideways (WCAG 1.4.10); printed, a heading stays
with its text and a link prints its address. The page says when it was published (the day
the response was signed) or, unsigned, when it was last written. A fragment (the body alone, in a ``<div>``
that keeps the language) is for pasting into the office's own web page.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from s55tui.deadline import long_date
from s55tui.render.mdtext import parser

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5;
       color: #1f1f1f; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { color: #0b2e4f; line-height: 1.25; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.4rem; margin-top: 2rem; } h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; color: #1f1f1f; margin-bottom: 0.25rem; }
a { color: #1d4ed8; } a:focus { outline: 3px solid #ffbf47; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
blockquote { margin: 1rem 0 1rem 1rem; padding-left: 1rem; border-left: 4px solid #c8d1dc; }
main, td, li, a { overflow-wrap: anywhere; }
th { overflow-wrap: break-word; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
footer { margin-top: 2rem; border-top: 1px solid #c8d1dc; color: #3d3d3d; font-size: 0.9rem; }
@page { size: A4; margin: 20mm 18mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; } }
@media print {
  body { max-width: none; margin: 0; }
  a { color: inherit; }
  a[href^="http"]:not(.bare)::after { content: " (" attr(href) ")"; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  tr, blockquote { break-inside: avoid; }
}
""".strip()


def html_body(markdown: str) -> str:
    """The HTML of ``markdown`` alone, as the shared parser reads it (raw HTML shown as text)."""
    md = parser()
    tokens = md.parse(markdown)
    _scope_header_cells(tokens)
    _mark_bare_links(tokens)
    return str(md.renderer.render(tokens, md.options, {}))


def _mark_bare_links(tokens: list[Any]) -> None:
    """A link written as its own address (``<https://...>``) is marked ``bare``, so print does
    not add the address again after it."""
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open" and child.markup in ("autolink", "linkify"):
                child.attrSet("class", "bare")


def _scope_header_cells(tokens: list[Any]) -> None:
    """Column headers get ``scope="col"``; in a table whose first column is headed "Field"
    (the record's facts), each row's first cell becomes its row header."""
    labelled = close_next = False
    for at, token in enumerate(tokens):
        first_in_row = at > 0 and tokens[at - 1].type == "tr_open"
        if token.type == "table_open":
            labelled = False
        elif token.type == "th_open":
            token.attrSet("scope", "col")
            if first_in_row and tokens[at + 1].content.strip() == "Field":
                labelled = True
        elif token.type == "td_open" and labelled and first_in_row:
            token.tag = "th"
            token.attrSet("scope", "row")
            close_next = True
        elif token.type == "td_close" and close_next:
            token.tag = "th"
            close_next = False


def build_html(
    markdown: str, title: str, fragment: bool = False, dated: tuple[str, date] | None = None
) -> str:
    """A whole page: doctype, language, title, inline styles, the rendered text in ``<main>``
    and, where ``dated`` is given as ("Published", the day), that line in its ``<footer>``; or,
    as a ``fragment``, the text alone for the office's own page (which dates its pages itself)."""
    if fragment:
        return f'<div lang="en-GB">\n{html_body(markdown)}</div>\n'
    footer = ""
    if dated is not None:
        words, day = dated
        when = f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'
        footer = f"<footer>\n<p>{escape(words)} {when}</p>\n</footer>\n"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f"<style>\n{_STYLE}\n</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{html_body(markdown)}"
        "</main>\n"
        f"{footer}"
        "</body>\n"
        "</html>\n"
    )
