"""Who a recommendation is for, read from the words reports and offices actually print.

Reports say "To chief constables", "To police and crime commissioners (or equivalents)",
"To all recipients of recommendations from this investigation"; offices retype them as
"(Recommendation jointly for Chief Constables and PCC's)" or "for PCC's". All of these are
turned into the draft file's addressee keys (``s55tui.vocab.ADDRESSEES``), in that order.
"""

from __future__ import annotations

import re

from s55tui.vocab import ADDRESSEES

# One actor each; "police" alone is never enough, because every report is full of it.
# "West Loamshire Police", "Borsetshire Constabulary": a force by its name (capitals only).
_NAMED_FORCE = (
    r"(?-i:(?:[A-Z][\w'\u2019&-]+\s+){1,4}(?:Police|Constabulary)(?:\s+Service)?)(?!\s+and\s+Crime)"
)
_CHIEF = (
    rf"chief\s+(?:constables?|officers)|(?<![A-Za-z/])CCs?\b|(?:the\s+|all\s+)?(?:forces?|constabulary)\b"
    rf"|{_NAMED_FORCE}"
)
_PCC = (
    r"police,?\s+(?:fire\s+)?(?:and\s+)?crime\s+commissioners?|(?<![A-Za-z])PF?CC(?:'s|s'|\u2019s|s)?(?![A-Za-z])"
    r"|(?:local\s+)?policing\s+bodies|mayors?\b"
)
_NATIONAL = (
    r"(?:the\s+)?Home\s+(?:Office|Secretary)|(?:the\s+)?NPCC\b"
    r"|(?:the\s+)?National\s+Police\s+Chiefs['\u2019]?\s+Council|(?:the\s+)?College\s+of\s+Policing"
    r"|(?:the\s+)?(?:IOPC|CPS|NCA)\b|(?:the\s+)?Ministry\s+of\s+Justice"
)
_ALL = r"all\s+recipients"

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chief-constables", re.compile(_CHIEF, re.I)),
    ("pccs", re.compile(_PCC, re.I)),
    ("all", re.compile(_ALL, re.I)),
    ("national", re.compile(_NATIONAL, re.I)),
)

_ACTOR = rf"(?:(?:the\s+)?(?:{_CHIEF}|{_PCC}|{_NATIONAL}))(?:\s*\(or\s+(?:their\s+)?equivalents?\))?"
_JOIN = r"\s*(?:,\s*and|,|and|&|/)\s*"
# "all recipients of recommendations from this investigation", with the usual variations.
_ALL_PHRASE = (
    rf"{_ALL}(?:\s+of\s+(?:the\s+|these\s+)?recommendations?)?"
    r"(?:\s+(?:from|in|of)\s+this\s+(?:investigation|inspection|report|super-complaint|review))?"
)
WHO = rf"(?:{_ALL_PHRASE}|{_ACTOR}(?:{_JOIN}{_ACTOR})*)"

# "To chief constables", "to chief constable:", at the start of what follows a heading.
TO_PHRASE = re.compile(
    rf"^to\s+(?P<who>{WHO})(?![\w'\u2019])(?:\s*\((?P<jointly>jointly)\))?\s*[:.\-\u2013\u2014]?\s*", re.I
)
# "Chief constables should ...", "chief constables and police and crime commissioners should",
# and "those forces that use X should" (chief constables, on a condition).
_SHOULD = re.compile(
    rf"(?<![\w'\u2019])(?P<who>{_ACTOR}(?:{_JOIN}{_ACTOR})*)"
    r"(?:\s+(?:that|which|who)\s+[^.;:]{1,80}?)?\s+should\b",
    re.I,
)


def addressees(phrase: str) -> list[str]:
    """The addressee keys named anywhere in ``phrase``, in the draft file's order.

    "all recipients" stands alone: it already means chief constables and PCCs together.
    """
    found = {key for key, pattern in _KINDS if pattern.search(phrase)}
    if "all" in found:
        return ["all"]
    return [key for key in ADDRESSEES if key in found]


def split_to_phrase(rest: str) -> tuple[list[str], str] | None:
    """Split "To chief constables As an interim ..." into addressees and the text after them.

    Returns None when ``rest`` does not begin with a "To ..." addressee phrase.
    """
    match = TO_PHRASE.match(rest)
    if match is None:
        return None
    found = addressees(match.group("who"))
    if not found:
        return None
    return found, rest[match.end() :]


def from_should(text: str) -> list[str]:
    """Addressees from the first "<someone> should" in an item's text, the last resort."""
    match = _SHOULD.search(text)
    return addressees(match.group("who")) if match else []


def describe(keys: list[str]) -> str:
    """Addressees as an officer reads them, for the list shown before importing."""
    if not keys:
        return "(not stated)"
    if set(keys) == {"chief-constables", "pccs"}:
        return "chief constables and PCCs"
    return " and ".join(ADDRESSEES.get(key, key) for key in keys)
