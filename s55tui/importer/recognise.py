"""Find the recommendations, causes of concern and areas for improvement in a report's text.

The text is read line by line, the way an officer reads it: a heading ("Recommendation 4",
"Area for improvement 3", a numbered paragraph under "Recommendations") starts an item; what
follows is its text, with its bullet points, until the next heading or a heading that starts
something else ("Force response", "CHIEF CONSTABLE RESPONSE ...", "End"). Text that answers an
item is never part of it. Addressees come from the heading, from a line such as "A specific
recommendation is also included for PCC's:" (kept as the item's intro), from "chief
constables should ..." in the text, or from "the following recommendations are directed at
Chief Constables" above the list, in that order of trust.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date

from s55tui.importer import patterns
from s55tui.importer.addressees import addressees, from_should
from s55tui.importer.due import find_due
from s55tui.importer.found import Found, ImportResult, Note
from s55tui.model import Item
from s55tui.textclean import clean_text
from s55tui.vocab import ITEM_KINDS

_CONTEXT = re.compile(
    r"\b(?:following|these|below)\s+recommendations?\b.*\b(?:directed|addressed|made|aimed|for)\b", re.I
)
_HTML_PARAGRAPH = re.compile(r"[ \t]*</?p\s*>[ \t]*", re.I)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)
_INTRO_MAX = 200


@dataclass
class _Draft:
    """An item being read: its heading facts and the lines seen so far."""

    kind: str
    number: str
    line: int
    to: list[str] = field(default_factory=list)
    intro: str = ""
    text: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    numbered: bool = False

    @property
    def label(self) -> str:
        return f"{ITEM_KINDS[self.kind]} {self.number}".strip()


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


def _take_intro(lines: list[str]) -> str:
    """Remove and return a last one-line paragraph ending with ":" that introduces the next item."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end:
        return ""
    last = lines[end - 1].strip()
    alone = end == 1 or not lines[end - 2].strip()
    if not alone or not last.endswith(":") or len(last) > _INTRO_MAX or last.startswith("-"):
        return ""
    del lines[end - 1 :]
    return last


class _Reader:
    """The state of one pass over the text; ``run`` returns what was found."""

    def __init__(self, source: str, published: date | None = None) -> None:
        self.result = ImportResult(source)
        self.published = published
        self.current: _Draft | None = None
        self.mode = "outside"  # outside | item | notes | response
        self.notes_into: _Draft | Found | None = None
        self.notes_buffer: list[str] = []
        self.section: str | None = None
        self.default_to: list[str] = []
        self.paragraph: list[str] = []  # the paragraph being read outside any item
        self.paragraph_line = 0
        self.last_paragraph: list[str] = []  # the one before it, if nothing came between
        # Items found so far by kind and number, and the highest number of each kind: looked
        # up for every new item, so a report of thousands is read in linear time.
        self.by_key: dict[tuple[str, str], Found] = {}
        self.highest: dict[str, int] = {}

    def run(self, lines: list[str]) -> ImportResult:
        for number, line in enumerate(lines, start=1):
            self.feed(number, line)
        self.end_paragraph()
        self.finish()
        return self.result

    def feed(self, number: int, line: str) -> None:
        text = patterns.bare(line)
        if not text:
            self.blank(line)
            return
        head = patterns.heading(text)
        if head is not None:
            self.start(number, head)
            return
        target = patterns.notes(text)
        if target is not None and (target[1] or self.current is not None):
            self.start_notes(number, target)
            return
        kind = patterns.section(text)
        if kind is not None:
            self.end_paragraph()
            self.finish()
            self.section, self.mode, self.last_paragraph = kind, "outside", []
            return
        if patterns.is_stop(line, text):
            self.end_paragraph()
            self.finish()
            self.section, self.mode, self.last_paragraph = None, "response", []
            return
        para = patterns.numbered(text)
        if para is not None and self.section and self.starts_numbered(para[0]):
            self.end_paragraph()
            self.finish()
            self.current = _Draft(self.section, para[0], number, text=[para[1]], numbered=True)
            self.mode = "item"
            return
        self.text_line(number, line, text)

    def blank(self, line: str) -> None:
        if self.mode == "item" and self.current is not None:
            self.current.text.append("")
        elif self.mode == "notes":
            self.note_lines().append("")
        else:
            self.end_paragraph()

    def text_line(self, number: int, line: str, text: str) -> None:
        if self.mode == "item" and self.current is not None:
            if not self.current.to and not tidy(self.current.text):
                found = patterns.addressee_line(text)
                if found:
                    self.current.to = found
                    return
            self.current.text.append(line)
        elif self.mode == "notes":
            self.note_lines().append(line)
        elif self.mode in ("outside", "response"):
            if not self.paragraph:
                self.paragraph_line = number
            self.paragraph.append(line)

    def end_paragraph(self) -> None:
        """Close a paragraph read outside any item: it may name the default addressees."""
        if not self.paragraph:
            return
        joined = " ".join(part.strip() for part in self.paragraph)
        context = _CONTEXT.search(joined)
        if context and addressees(joined[context.start() :]):
            self.default_to = addressees(joined[context.start() :])
        elif self.section and any(c.isalpha() for c in joined) and not joined.endswith(":"):
            self.result.unplaced.append(Note(self.paragraph_line, f"not part of any item: {_start(joined)}"))
        self.last_paragraph, self.paragraph = self.paragraph, []

    def starts_numbered(self, number: str) -> bool:
        """A numbered paragraph starts an item unless it is a list inside a headed item."""
        current = self.current
        if current is None or self.mode != "item":
            return True
        return current.numbered and _as_int(number) == _as_int(current.number) + 1

    def start(self, number: int, head: patterns.Heading) -> None:
        intro = ""
        if self.mode == "item" and self.current is not None:
            intro = _take_intro(self.current.text)
        elif self.mode == "notes":
            intro = _take_intro(self.note_lines())
        else:
            self.end_paragraph()
            intro = _take_intro(self.last_paragraph) if self.mode == "outside" else ""
        self.finish()
        self.current = _Draft(head.kind, head.number, number, to=head.to, intro=intro)
        if head.text:
            self.current.text.append(head.text)
        self.mode = "item"

    def start_notes(self, number: int, target: tuple[str, str]) -> None:
        kind, wanted = target
        current = self.current
        if current is not None and (
            not wanted or (kind, wanted.lower()) == (current.kind, current.number.lower())
        ):
            self.notes_into, self.mode = current, "notes"
            return
        self.finish()
        earlier = self.by_key.get((kind, wanted.lower()))
        if earlier is not None:
            self.notes_into, self.mode = earlier, "notes"
        else:
            label = f"{ITEM_KINDS[kind]} {wanted}"
            self.result.unplaced.append(Note(number, f"notes to {label}, which was not found; left out"))
            self.mode = "response"

    def note_lines(self) -> list[str]:
        """Where the notes being read go: the item being read, or a buffer for an earlier one."""
        if isinstance(self.notes_into, _Draft):
            return self.notes_into.notes
        return self.notes_buffer

    def finish(self) -> None:
        """Close the item being read, and any notes read for an item closed earlier."""
        if isinstance(self.notes_into, Found):
            item = self.notes_into.item
            item.notes = tidy([*item.notes.split("\n"), "", *self.notes_buffer])
        self.notes_buffer = []
        current, self.current, self.notes_into = self.current, None, None
        if current is not None:
            self.add(current)

    def add(self, draft: _Draft) -> None:
        result = self.result
        text, notes = tidy(draft.text), tidy(draft.notes)
        if not draft.number:
            draft.number = str(self.highest.get(draft.kind, 0) + 1)
            result.doubts.append(
                Note(draft.line, f"{draft.label}: printed without a number; numbered it {draft.number}")
            )
        existing = self.by_key.get((draft.kind, draft.number.lower()))
        if existing is not None:
            if existing.item.text != text:
                result.unplaced.append(
                    Note(
                        draft.line,
                        f"a second {draft.label}, unlike the one on line {existing.line}; left out",
                    )
                )
            return
        to, how = draft.to, "heading"
        for candidate, source in (
            (addressees(draft.intro), "intro"),
            (from_should(text), "text"),
            (self.default_to, "context"),
        ):
            if not to:
                to, how = list(candidate), source
        if not to:
            how = ""
            result.doubts.append(
                Note(draft.line, f"{draft.label}: no addressee found; fill in who it is for")
            )
        if not text:
            result.doubts.append(Note(draft.line, f"{draft.label}: no text found under the heading"))
        # a period ("within three months") gives a date only from a known publication date: a
        # draft always has one, so importing into it dates every item that can be dated
        due = find_due(text, self.published)
        item = Item(
            kind=draft.kind,
            number=draft.number,
            to=to,
            text=text,
            notes=notes,
            intro=draft.intro,
            due=due.on if due is not None else None,
        )
        found = Found(item, draft.line, how)
        result.found.append(found)
        self.by_key[(draft.kind, draft.number.lower())] = found
        self.highest[draft.kind] = max(self.highest.get(draft.kind, 0), _as_int(draft.number))


def _as_int(number: str) -> int:
    digits = re.match(r"\d+", number)
    return int(digits.group()) if digits else 0


def _start(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def recognise(text: str, source: str = "<text>", published: date | None = None) -> ImportResult:
    """Every item found in ``text`` (a report, or a response quoting one), with what was
    doubtful; a deadline of a period ("within three months") counts from ``published``."""
    return _Reader(source, published).run(prepare(text))
