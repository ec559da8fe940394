"""Markdown to one standalone, accessible web page for the office website.

The page needs no other file: the styles are inline in ``<head>``. It declares
``lang="en-GB"``, has a ``<title>``, keeps the Markdown's real headings, marks table header
cells with their scope (the record's facts are a data table, never a layout table), and
the ticks already carry their meaning in words ("done"), so a screen reader loses nothing.
"""

from __future__ import annotations

from html import escape

from s55tui.render.mdtext import parser

_STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 1rem; line-height: 1.5;
       color: #1f1f1f; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { color: #0b2e4f; line-height: 1.25; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.4rem; margin-top: 2rem; } h3 { font-size: 1.15rem; }
a { color: #1d4ed8; } a:focus { outline: 3px solid #ffbf47; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }
thead th { background: #eef2f6; }
blockquote { margin: 1rem 0 1rem 1rem; padding-left: 1rem; border-left: 4px solid #c8d1dc;
             font-style: italic; }
@media print { body { max-width: none; margin: 0; } a { color: inherit; } }
""".strip()


def html_body(markdown: str) -> str:
    """The HTML of ``markdown`` alone, as the shared parser reads it (raw HTML shown as text)."""
    html = parser().render(markdown)
    return html.replace("<th>", '<th scope="col">').replace("<th style=", '<th scope="col" style=')


def build_html(markdown: str, title: str) -> str:
    """A whole page: doctype, language, title, inline styles and the rendered text in ``<main>``."""
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
        "</body>\n"
        "</html>\n"
    )
