"""Hypothesis strategies for pasted text: Word's control characters, Markdown traps, template syntax.

Shared by the round-trip, export and importer property tests, so each is tried on the same
awkward pieces: every line-break character Word and the web produce, lone surrogates, the
Markdown that surprises (``2019. was``, ``# x``, ``---``, ``<p>``), Jinja syntax, and the
headings real reports use, mixed with arbitrary text.
"""

from __future__ import annotations

from hypothesis import strategies as st

TRICKY = [
    "'''",
    '"""',
    '""',
    '"',
    "\\",
    "\\n",
    "\r\n",
    "\r",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1b[2J",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u2022\t",
    "\ud800",
    "\udfff",
    "\ufeff",
    "\ufffe",
    "\t",
    "\n",
    "\n\n",
    " ",
    "{{ 7*7 }}",
    "{% for i in range(10**9) %}",
    "{#",
    "# heading",
    "2019. was",
    "---",
    "===",
    "- ",
    "* ",
    "1) ",
    "> ",
    "    code",
    "```",
    "`",
    "<p>",
    "</p>",
    "<script>",
    "<!--",
    "<https://example.org>",
    "[link](http://x)",
    "![image](x.png)",
    "| a | b |\n|---|---|",
    "**",
    "_",
    "~~",
    "&amp;",
    "&#0;",
    "\\*",
    "✓",
    "“”–—",
    "\U0001f44d",
    "\u202e",
]
REPORT_LINES = [
    "Recommendation 1",
    "Recommendation 4a. To chief constables",
    "Recommendations",
    "Area for improvement 3",
    "Areas for improvement:",
    "Cause of concern 2",
    "AFI 7",
    "To all recipients of recommendations from this investigation",
    "By 30 June 2021, chief constables should",
    "Notes to recommendation 1",
    "Force response",
    "CHIEF CONSTABLE RESPONSE",
    "Key findings",
    "End",
    "1. ",
    "(a) ",
    "Page 3 of 40",
    "Recommendations\tAreas for improvement",
    "<p>",
]
texts = st.lists(st.sampled_from(TRICKY) | st.text(max_size=12), max_size=12).map("".join)
report_texts = st.lists(
    st.sampled_from(REPORT_LINES) | st.sampled_from(TRICKY) | st.text(max_size=20), max_size=30
).map("\n".join)
