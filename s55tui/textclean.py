"""One sanitiser for every piece of text that enters a draft: on load, on paste and on export.

Officers paste from Word, Outlook and web forms. What comes along breaks things downstream:
lxml refuses control characters when the Word file is written, Textual's TextArea splits
lines on vertical tabs and U+2028, CR survives into TOML as an escape, and Word's bullet
glyphs are not Markdown. Cleaning in one place, the same way each time, means the preview,
the file and the exported document always agree. ``clean_text`` is idempotent.
"""

from __future__ import annotations

import re

# Line breaks from Word and the web: CRLF and CR, Word's manual line break (VT), the Unicode
# line separator and NEL become a newline; a form feed or paragraph separator is a new paragraph.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\u2028": "\n", "\x85": "\n"})
_PARAGRAPH_BREAKS = re.compile("[\x0c\u2029]")

# Everything XML 1.0 cannot hold, plus DEL and the C1 controls, and lone surrogates (which
# cannot even be written as UTF-8). Tab and newline stay. Also the bidirectional embedding,
# override and isolate controls (U+202A-U+202E, U+2066-U+2069): invisible, they make a
# published sentence display in an order other than the one it was written in (the "Trojan
# Source" trick). Right-to-left text itself, and the plain LRM/RLM marks, are kept.
_UNWANTED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)

# Bullet glyphs Word leaves at the start of a pasted line: the bullet, white bullet, small
# square, middle dot, and the Symbol/Wingdings private-use bullets; "o" is Word's second level.
# "o" only before a space (Word puts a tab or a no-break space there) and some text: "o" alone is
# a letter.
_GLYPHS = "\u2022\u25e6\u25aa\u00b7\uf0b7\uf0a7\uf076\uf0d8"
_BULLET = re.compile(f"^([ \t]*)(?:[{_GLYPHS}]|o(?=[ \t\u00a0]+\\S))[ \t\u00a0]*", re.M)


# Printable ASCII, newline and tab: text made only of these has nothing to clean but "o" bullets.
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\n\t"
_O_BULLET_LINE = re.compile(r"\n[ \t]*o[ \t]")
_O_BULLET_FIRST = re.compile(r"[ \t]*o[ \t]")


def clean_text(text: str) -> str:
    """Return ``text`` safe for TOML, Word and the terminal, with Word bullets as Markdown.

    Runs of spaces and the text's words are left exactly as typed: this only removes what
    no reader can see and turns line-break characters into the one newline we use.
    """
    if not text or _nothing_to_clean(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_LINE_BREAKS)
    text = _PARAGRAPH_BREAKS.sub("\n\n", text)
    text = _UNWANTED.sub("", text)
    return _BULLET.sub(lambda m: f"{m.group(1)}- ", text)


def _nothing_to_clean(text: str) -> bool:
    """True for plain ASCII text with no "o" bullet, as nearly every saved text is: found in a
    few microseconds, where cleaning takes a hundred and fifty for a 2 KB answer (a 10,000-item
    draft has 60,000 texts to clean as it opens)."""
    if not text.isascii() or text.encode("ascii").translate(None, _PLAIN_ASCII):
        return False
    return not (_O_BULLET_FIRST.match(text) or _O_BULLET_LINE.search(text))


def clean_line(text: str) -> str:
    """Clean a one-line field (a title or a name): as ``clean_text``, with breaks as spaces."""
    return " ".join(clean_text(text).split("\n")).strip()
