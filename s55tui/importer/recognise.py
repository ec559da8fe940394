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

from s55tui.importer import patterns, voices
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
    bulleted: int | None = None  # the indent of the bullet it was printed as, under a section heading

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


def _is_stem(lines: list[str]) -> bool:
    """Whether a paragraph leads into a list of its own ("... designed to help forces by:"),
    rather than into a section's items ("We found two areas for improvement:")."""
    joined = " ".join(line.strip() for line in lines)
    return joined.endswith(":") and patterns.introduces(joined) is None


def _take_intro(lines: list[str], introducing_items: bool = False) -> str:
    """Remove and return a last one-line paragraph ending with ":" that introduces the next
    item (``introducing_items``: only one that introduces a list of items of a kind)."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    if not end:
        return ""
    last = lines[end - 1].strip()
    alone = end == 1 or not lines[end - 2].strip()
    if not alone or not last.endswith(":") or len(last) > _INTRO_MAX or last.startswith("-"):
        return ""
    if introducing_items and patterns.introduces(last) is None:
        return ""
    del lines[end - 1 :]
    return last


class _Reader:
    """The state of one pass over the text; ``run`` returns what was found."""

    def __init__(self, source: str, published: date | None = None) -> None:
        self.result = ImportResult(source)
        self.published = published
        self.current: _Draft | None = None
        self.mode = "outside"  # outside | item | notes | response | answer
        self.answer: tuple[Found, str] | None = None  # the item being answered, and by whom
        self.answer_lines: list[str] = []
        self.after_blank = True  # the line before was blank: a new paragraph starts
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
            self.feed(number, line, number == len(lines) or not lines[number].strip())
        self.end_paragraph()
        self.finish()
        return self.result

    def feed(self, number: int, line: str, alone: bool = False) -> None:
        """Read one line; ``alone``: the line after it is blank (or there is none)."""
        text = patterns.bare(line)
        if not text:
            self.blank(line)
            self.after_blank = True
            return
        new_paragraph, self.after_blank = self.after_blank, False
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
            self.stop(text)
            return
        current = self.current
        if (
            self.mode == "item"
            and current is not None
            and new_paragraph
            and alone
            and patterns.looks_like_heading(text)
            and tidy(current.text)
        ):  # a paragraph of its own of a few words, after the item's text: a heading
            self.stop(text)
            return
        para = patterns.numbered(text)
        if para is not None and self.mode in ("outside", "response") and self.paragraph:
            self.end_paragraph()  # it may introduce the list
        current = self.current
        if para is not None and self.mode == "item" and current is not None and not current.numbered:
            # "... made three recommendations:" ends the item above, and starts a list
            listed = _take_intro(current.text, introducing_items=True)
            if listed:
                self.finish()
                self.section = patterns.introduces(listed)
        if para is not None and self.section and self.starts_numbered(para[0]):
            self.end_paragraph()
            self.finish()
            self.current = _Draft(self.section, para[0], number, text=[para[1]], numbered=True)
            self.mode = "item"
            return
        if self.bullet_item(number, line):
            return
        if new_paragraph and self.mode == "item" and patterns.about_items(text):
            self.finish()  # "These recommendations are designed to help forces by:"
            self.mode, self.section = "response", None
        if new_paragraph and self.change_of_voice(text):
            self.answer_lines.append(line)
            return
        if self.section and self.mode == "outside" and not self.paragraph and patterns.stem(text):
            # an unnumbered item's own sentence: "Within three months, the force should:"
            self.current = _Draft(self.section, "", number, text=[line])
            self.mode = "item"
            return
        self.text_line(number, line, text)

    def stop(self, text: str) -> None:
        """A heading that ends the items; a response heading ("Force response", "PCC's
        comments") right after an item starts that item's answer."""
        self.end_paragraph()
        answering = self.current is not None or self.mode in ("notes", "answer")
        target = self.answer[0] if self.answer is not None else None
        self.finish()
        if answering and target is None and self.result.found:
            target = self.result.found[-1]
        who = voices.heading_voice(text) if patterns.is_response_heading(text) else None
        self.section, self.last_paragraph = None, []
        if target is not None and who is not None:
            self.mode, self.answer = "answer", (target, who)
        else:
            self.mode = "response"

    def bullet_item(self, number: int, line: str) -> bool:
        """Under a section heading ("Areas for improvement"), each bullet with no stem above it
        is an item of its own; bullets after a stem ("... should:") are that item's."""
        bullet = patterns.bullet(line)
        if bullet is None or not self.section:
            return False
        indent, text = bullet
        current = self.current
        if self.mode == "item" and current is not None and current.bulleted is not None:
            if indent > current.bulleted:
                return False  # a bullet inside the item's own
        elif self.mode != "outside" or self.paragraph or _is_stem(self.last_paragraph):
            return False
        self.end_paragraph()
        self.finish()
        self.current = _Draft(self.section, "", number, text=[text], bulleted=indent)
        self.mode = "item"
        return True

    def change_of_voice(self, text: str) -> bool:
        """A paragraph after an item's text, or after an answer, in the force's or the
        commissioner's voice: that item's answer begins (REPORTS.md section 4)."""
        who = voices.voice(text)
        if who is None:
            return False
        if self.mode == "answer" and self.answer is not None:
            if who == self.answer[1]:
                return False
            target = self.answer[0]
            self.finish()
            self.mode, self.answer = "answer", (target, who)
            return True
        current = self.current
        if self.mode != "item" or current is None or not tidy(current.text) or current.bulleted is not None:
            return False
        self.finish()
        if not self.result.found:
            return False
        self.mode, self.answer = "answer", (self.result.found[-1], who)
        return True

    def blank(self, line: str) -> None:
        if self.mode == "answer":
            self.answer_lines.append("")
        elif self.mode == "item" and self.current is not None:
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
        elif self.mode == "answer":
            self.answer_lines.append(line)
        elif self.mode in ("outside", "response"):
            if not self.paragraph:
                self.paragraph_line = number
            self.paragraph.append(line)

    def end_paragraph(self) -> None:
        """Close a paragraph read outside any item: it may name the default addressees."""
        if not self.paragraph:
            return
        joined = " ".join(part.strip() for part in self.paragraph)
        listed = patterns.introduces(joined)  # "The inspector made three recommendations:"
        if listed is not None:
            self.section = listed
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
        current = self.current
        if (
            self.mode == "item"
            and current is not None
            and (current.kind, current.number.lower()) == (head.kind, head.number.lower())
            and not tidy(current.text)
        ):  # the label printed twice: "Recommendation 2" / "Recommendation 2: Forces should ..."
            current.to = current.to or head.to
            if head.text:
                current.text.append(head.text)
            return
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
        """Close the item being read, and any notes read for an item closed earlier, and any
        answer being read: it goes to its item's response, added after any before it."""
        if self.answer is not None:
            found, who = self.answer
            answer = tidy(self.answer_lines)
            if answer:
                name = "cc_response" if who == voices.CC else "pcc_response"
                before = getattr(found.item, name)
                setattr(found.item, name, f"{before}\n\n{answer}" if before else answer)
            self.answer, self.answer_lines = None, []
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
