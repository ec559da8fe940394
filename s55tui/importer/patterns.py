"""The shapes of the lines that start, end and annotate items in real reports and responses.

Each test looks at one line with Markdown heading marks and bold stripped (``bare``), so a
report pasted from a web page, a .md file and a Word document all read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from s55tui.importer.addressees import addressees, split_to_phrase

_KIND_WORD = r"(?P<kind>recommendation|cause\s+of\s+concern|area\s+for\s+improvement|AFI)"
_NUMBER = r"(?P<num>\d{1,4}[a-z]?(?:\.\d{1,3})?)"
_HEADING = re.compile(rf"^{_KIND_WORD}(?:\s+(?:no\.?\s*|number\s+)?{_NUMBER}(?!\w))?(?P<rest>.*)$", re.I)
_SECTION = re.compile(
    r"^(?P<kind>recommendations|causes\s+of\s+concern|areas\s+for\s+improvement)\s*:?$", re.I
)
_NOTES = re.compile(rf"^notes?(?:\s+(?:to|on|for)\s+{_KIND_WORD}\s+{_NUMBER})?\s*:?$", re.I)
_NUMBERED = re.compile(rf"^{_NUMBER}[.)]\s+(?P<text>\S.*)$")
_RECORD_LABEL = re.compile(r"^(recommendations|causes of concern|areas for improvement)\t+(.*)$", re.I)
_RESPONSE_WORD = re.compile(r"\b(?:responses?|comments?|reply|replies)\b", re.I)
# What follows a label in a tracker or committee minutes: a status, not an item's text.
_STATUS_ONLY = re.compile(
    r"^(?:complete[d]?|closed|open|ongoing|in\s+progress|discharged|achieved|not\s+started|superseded"
    r"|green|amber|red|rag|on\s+track|delayed|partially\s+(?:complete[d]?|met)|met|not\s+met)\W*$",
    re.I,
)
_KIND_PLURAL = r"(?P<kind>recommendations?|causes?\s+of\s+concern|areas?\s+for\s+improvement|AFIs?)"
# A sentence that introduces a list of items: the kind within its last words before the colon.
_INTRODUCES = re.compile(
    rf"\b{_KIND_PLURAL}(?:\s+(?:\w+\s+){{0,3}}?(?:are|is|were|was|as\s+follows|below|for\s+\S+(?:\s+\S+){{0,3}}))?\s*:$",
    re.I,
)
_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*+\u2022\u25cf\u25aa]\s+(?P<text>\S.*)$")
_SHOULD = re.compile(r"\bshould\b", re.I)
_WHOLE_REPORT = re.compile(r"\b(?:report|recommendations|overall|general|summary|inspection)\b", re.I)
# A paragraph about the items, not one of them: "These recommendations are designed to help ..."
_ABOUT_ITEMS = re.compile(
    r"^(?:these|this|the|our|all|both)\s+(?:\w+\s+)?(?:recommendations?|areas?\s+for\s+improvement"
    r"|causes?\s+of\s+concern)\s+(?:are|is|were|was|will|would|aim|seek|have|has)\b",
    re.I,
)
_PARENTHESES = re.compile(r"^\((?P<inner>[^()]*)\)\s*")
# A register or tracker id printed after the number: "Recommendation 1 (5310)", "(A1)".
_REGISTER_ID = re.compile(r"^\((?:[A-Z]{0,4}[-/]?\d{1,6}[a-z]?)\)\s*")
_NUMBERED_PART = re.compile(r"^(?:annex|appendix|chapter|part)\s+[A-Z0-9]{1,3}\b.{0,60}$", re.I)
_SEPARATORS = ".:-\u2013\u2014"
# Section headings that end the list of items in the documents offices write.
_KNOWN_STOPS = {
    "end",
    "for office use only",
    "key findings",
    "summary",
    "background",
    "introduction",
    "conclusion",
    "conclusions",
    "next steps",
    "our findings",
    "findings",
    "what we found",
    "main findings",
    "about this inspection",
    "about the inspection",
    "methodology",
    "foreword",
    "overall summary",
    "our judgments",
    "our judgment",
    "background to the inspection",
    "appendix",
    "annex",
    "glossary",
    "contents",
    "signed",
}

KINDS = {
    "recommendation": "recommendation",
    "recommendations": "recommendation",
    "afi": "area-for-improvement",
    "area for improvement": "area-for-improvement",
    "areas for improvement": "area-for-improvement",
    "cause of concern": "cause-of-concern",
    "causes of concern": "cause-of-concern",
}


def kind_of(words: str) -> str:
    """The draft file's kind for "Area  for improvement", "AFI", "Causes of concern" ..."""
    return KINDS[" ".join(words.lower().split())]


@dataclass
class Heading:
    """A line that starts an item: "Recommendation 1. To chief constables", "AFI 3", ..."""

    kind: str
    number: str
    to: list[str]
    text: str


def bare(line: str) -> str:
    """The line without Markdown heading marks, list-free bold wrapping, or outer spaces."""
    text = line.strip()
    text = re.sub(r"^#{1,6}\s+", "", text)
    for mark in ("**", "__"):
        if text.startswith(mark) and mark in text[2:]:
            end = text.index(mark, 2)
            text = (text[2:end] + text[end + 2 :]).strip()
    return text


def heading(text: str) -> Heading | None:
    """An item heading, or None; the kind word must be capitalised as headings are.

    A mention such as "Recommendation 5 is being taken forward by ..." is not a heading:
    after the number there must be nothing, a separator, "To <addressee>" or "(<addressee>)".
    """
    match = _HEADING.match(text)
    if match is None or not text[0].isupper():
        return None
    rest = match.group("rest").strip()
    number = match.group("num") or ""
    if number:
        rest = _REGISTER_ID.sub("", rest)  # an id is never the item's number, nor its text
    has_separator = bool(rest) and rest[0] in _SEPARATORS
    if not number and rest.rstrip(":"):
        # an unnumbered label stands alone ("Cause of concern"), or runs on into a sentence of
        # its own ("Cause of concern The backlog of vetting checks is ...")
        running = rest.lstrip(":").strip()
        if match.group("kind").lower().endswith("s") or not running[:1].isupper() or len(running.split()) < 4:
            return None
        return Heading(kind_of(match.group("kind")), "", [], running)
    if has_separator:
        rest = rest.lstrip(_SEPARATORS).strip()
        if _STATUS_ONLY.match(rest):
            return None  # "Recommendation 3 – complete": a tracker's status line
    to: list[str] = []
    parens = _PARENTHESES.match(rest)
    split = split_to_phrase(rest)
    if parens and addressees(parens.group("inner")):
        to, rest = addressees(parens.group("inner")), rest[parens.end() :]
    elif split is not None:
        to, rest = split
    elif rest and not has_separator:
        return None
    return Heading(kind_of(match.group("kind")), number, to, rest.strip())


def introduces(text: str) -> str | None:
    """The kind of items a sentence introduces ("The inspector made three recommendations:",
    "We identified two areas for improvement:"), or None ("... designed to help forces by:")."""
    match = _INTRODUCES.search(text.strip())
    if match is None:
        return None
    words = " ".join(match.group("kind").lower().split())
    singular = {"recommendations": "recommendation", "afis": "afi"}.get(words, words)
    singular = singular.replace("causes of", "cause of").replace("areas for", "area for")
    return kind_of(singular)


def bullet(line: str) -> tuple[int, str] | None:
    """(indent, text) of a bulleted line ("- ...", "• ...", "* ..."), else None."""
    match = _BULLET.match(line.replace("\t", "    "))
    return (len(match.group("indent")), match.group("text")) if match else None


def stem(text: str) -> bool:
    """Whether a paragraph under a section heading is an item's own sentence: it says who
    "should" act ("Within three months, the force should:", "There should be ...")."""
    return bool(_SHOULD.search(text)) and not text.rstrip().endswith("?")


def looks_like_heading(text: str) -> bool:
    """A short line of a few capitalised words with no closing stop, no number and no bullet
    ("Our approach", "Domestic abuse"): standing alone after an item's text, a heading."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and text[0].isupper()
        and text[-1] not in ".:;,!?)\"'\u201d\u2019"
        and not any(c.isdigit() for c in text)
        and bullet(text) is None
    )


def about_items(text: str) -> bool:
    """Whether a paragraph speaks about the items ("These recommendations are designed to
    help forces by:"): it ends the item above and is none of them."""
    return bool(_ABOUT_ITEMS.match(text.strip()))


def is_response_heading(text: str) -> bool:
    """A short heading that introduces one item's answer ("Force response", "PCC's
    comments"); not the answer to the whole report ("Chief Constable response to report and
    any recommendations"), which speaks of every item and belongs to none."""
    core = text.rstrip(":").strip()
    if _WHOLE_REPORT.search(core):
        return False
    return len(core.split()) <= 8 and bool(_RESPONSE_WORD.search(core))


_PARAGRAPH_NUMBER = re.compile(r"^\d{1,2}\.\d{1,3}\s+(?=\S)")
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)


# What a web page copied from a browser prints around the report (REPORTS.md section 5).
_PAGE_CHROME = re.compile(
    r"^(?:share\s+this\s+page|was\s+this\s+page\s+useful\??|report\s+a\s+problem(?:\s+with\s+this\s+page)?"
    r"|back\s+to\s+top|print\s+this\s+page|skip\s+to\s+(?:main\s+)?content|(?:\u00a9|\(c\))\s*crown\s+copyright.*"
    r"|cookies?(?:\s+(?:policy|settings))?|accept\s+(?:all\s+)?cookies|related\s+(?:content|publications|links))$",
    re.I,
)
# A tracker's or form's line of fields ("Status: Complete | RAG: Green | Owner: ..."), or a rule.
_RECORD_FIELDS = re.compile(r"^(?:\s*[A-Z][\w /()&'\u2019-]{0,30}:[^|]{0,120}\|){1,}[^|]*$")
_RULE = re.compile(r"^[-=_*\u2013\u2014]{5,}$")


def page_chrome(text: str) -> bool:
    """A web page's own furniture ("Share this page", "© Crown copyright"): the report has ended."""
    return bool(_PAGE_CHROME.match(text.strip()))


def record_line(text: str) -> bool:
    """A tracker's line of fields, or a ruled line between its records: not an item's words."""
    return bool(_RECORD_FIELDS.match(text.strip()) or _RULE.match(text.strip()))


def page_number(text: str) -> bool:
    """A line that is only a page number ("Page 5 of 31", "22"): never part of an item."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def paragraph_numbered(text: str) -> bool:
    """A report's own numbered paragraph ("9.3 We also looked at ..."): the report speaks again."""
    return bool(_PARAGRAPH_NUMBER.match(text))


def item_heading(text: str) -> Heading | None:
    """An item heading, also after a report's paragraph number ("1.5 Cause of concern The
    backlog ..."), which is never the item's number."""
    return heading(text) or heading(_PARAGRAPH_NUMBER.sub("", text, count=1))


def section(text: str) -> str | None:
    """The kind listed under a "Recommendations" / "Areas for improvement" heading."""
    match = _SECTION.match(text)
    return kind_of(match.group("kind")) if match else None


def notes(text: str) -> tuple[str, str] | None:
    """("recommendation", "1") for "Notes to recommendation 1"; ("", "") for a bare "Notes"."""
    match = _NOTES.match(text)
    if match is None:
        return None
    if match.group("kind") is None:
        return "", ""
    return kind_of(match.group("kind")), match.group("num")


def numbered(text: str) -> tuple[str, str] | None:
    """("3", "text") for a numbered paragraph "3. text" or "3) text"."""
    match = _NUMBERED.match(text)
    return (match.group("num"), match.group("text")) if match else None


def addressee_line(text: str) -> list[str]:
    """Addressees from a line of its own under a heading.

    Either wholly in brackets, "(Recommendation jointly for Chief Constables and PCC's)", or
    a bare "To chief constables" as reports print it on the line after "Recommendation 1".
    """
    parens = _PARENTHESES.match(text)
    if parens is not None and parens.end() == len(text):
        return addressees(parens.group("inner"))
    split = split_to_phrase(text)
    if split is not None and not split[1].strip():
        return split[0]
    return []


def is_stop(line: str, text: str) -> bool:
    """Whether a line ends the items: a response heading, an all-capitals heading, "End".

    ``line`` is the raw line (a Markdown heading that is not an item always stops);
    ``text`` is its bare form. Short lines only, so wrapped sentences never stop an item.
    """
    if line.lstrip().startswith("#"):
        return True
    core = text.rstrip(":").strip()
    if not core or len(core) > 100:
        return False
    if core.lower() in _KNOWN_STOPS or _NUMBERED_PART.match(core):
        return True
    if core[-1] in ".;,!?" or not core[0].isupper():
        return False
    words = core.split()
    if len(words) <= 8 and _RESPONSE_WORD.search(core):
        return True
    letters = [c for c in core if c.isalpha()]
    return len(words) >= 2 and len(letters) >= 4 and all(c.isupper() for c in letters)


def split_record_label(line: str) -> list[str]:
    """A record form's "Recommendations<TAB>text" row as a heading line and its text."""
    match = _RECORD_LABEL.match(line)
    if match is None:
        return [line]
    return [match.group(1), match.group(2)] if match.group(2).strip() else [match.group(1)]
