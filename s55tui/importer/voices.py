"""Who is speaking: the report, the chief constable (the force) or the commissioner.

A response that quotes the items (a letter, a force's tracker, an office's earlier response)
follows each quoted item with its answer, in another voice: "Surrey Police has ...", "We will
...", "I welcome ...", "The force response is ...", or under a heading ("Force response",
"PCC response"). That text is an answer, never part of the item: REPORTS.md section 4.
"""

from __future__ import annotations

import re

CC, PCC = "cc", "pcc"

_NAME = r"[A-Z][\w'\u2019&-]+"
_FORCE = rf"(?:the\s+)?(?:force|constabulary)|(?-i:{_NAME}(?:\s+{_NAME})*\s+(?:Police|Constabulary))"
_ACTS = (
    r"(?:has|have|had|is|are|was|will|would|welcomes?|accepts?|agrees?|acknowledges?|recognises?"
    r"|continues?|already|currently|fully|response|responded)"
)
# A paragraph that opens in the force's voice, or the commissioner's.
_CC_VOICE = re.compile(
    rf"^(?:(?:{_FORCE})(?:['\u2019]s)?\s+{_ACTS}\b"
    r"|we\s+(?:will|have|are|accept|agree|welcome|continue|already|acknowledge|recognise|fully)\b"
    r"|our\s+(?:response|action|plan|work)\b"
    r"|(?:the\s+)?(?:chief\s+constable|cc)(?:['\u2019]s)?\s+(?:response|has|will|welcomes?|accepts?)\b"
    r"|(?:force|chief\s+constable(?:['\u2019]s)?)\s+response\b"
    r"|(?:agreed|accepted|complete|completed|ongoing|in\s+progress)\s*[.:\u2013-]"
    r"|response\s*:)",
    re.I,
)
_PCC_VOICE = re.compile(
    r"^(?:i\s+(?:welcome|have|will|am|note|support|accept|agree|expect|share|recognise|remain|want|"
    r"look|asked|intend|continue|fully|was|would)\b"
    r"|i['\u2019](?:m|ve|ll)\b"
    r"|my\s+office\b|as\s+(?:the\s+)?(?:pcc|commissioner)\b"
    r"|(?:the\s+)?(?:pcc|pfcc|opcc|commissioner|mayor)(?:['\u2019]s)?\s+(?:response|has|will|welcomes?|accepts?)\b)",
    re.I,
)
_HEADING_CC = re.compile(r"\b(?:chief\s+constable|force|constabulary|cc)\b", re.I)
_HEADING_PCC = re.compile(
    r"\b(?:pf?cc['\u2019]?s?|o?pf?cc|commissioner|mayor|police\s+and\s+crime|policing\s+body)\b", re.I
)
_IN_RESPONSE = re.compile(r"^in\s+response\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|my\s+office|me)\b")


def voice(paragraph: str) -> str | None:
    """CC or PCC for a paragraph that opens in the force's or the commissioner's voice, else
    None (the report's own voice: "We found ...", "We recommend ...", "Forces should ...")."""
    text = paragraph.strip().lstrip("*_").strip()
    if _PCC_VOICE.match(text):
        return PCC
    if _IN_RESPONSE.match(text):  # "In response to recommendation 5, my office ..." / "... the force has"
        first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        return PCC if _FIRST_PERSON.search(first) else CC
    if _CC_VOICE.match(text):
        return CC
    return None


def heading_voice(heading: str) -> str | None:
    """Whose answer a response heading introduces: "Force response", "Chief Constable's
    comments" (CC); "PCC response", "Commissioner's comment" (PCC); None when it does not say."""
    pcc, cc = _HEADING_PCC.search(heading), _HEADING_CC.search(heading)
    if pcc and not cc:
        return PCC
    if cc and not pcc:
        return CC
    return None
