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

import re
from datetime import date

from s55tui.importer import patterns, voices
from s55tui.importer.addressees import addressees, split_to_phrase
from s55tui.importer.collect import Collector, ItemDraft
from s55tui.importer.found import Found, ImportResult, Note
from s55tui.importer.lines import as_int, first_words, is_stem, prepare, take_intro, tidy
from s55tui.vocab import ITEM_KINDS

_CONTEXT = re.compile(
    r"\b(?:following|these|below)\s+recommendations?\b.*\b(?:directed|addressed|made|aimed|for)\b", re.I
)


class _Reader:
    """The state of one pass over the text; ``run`` returns what was found."""

    def __init__(self, source: str, published: date | None = None) -> None:
        self.result = ImportResult(source)
        self.items = Collector(self.result, published)
        self.current: ItemDraft | None = None
        self.mode = "outside"  # outside | item | notes | response | answer
        self.answer: tuple[Found, str] | None = None  # the item being answered, and by whom
        self.answer_lines: list[str] = []
        self.after_blank = True  # the line before was blank: a new paragraph starts
        self.notes_into: ItemDraft | Found | None = None
        self.notes_buffer: list[str] = []
        self.section: str | None = None
        self.paragraph: list[str] = []  # the paragraph being read outside any item
        self.paragraph_line = 0
        self.last_paragraph: list[str] = []  # the one before it, if nothing came between

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
        if patterns.page_number(text):
            return  # a page's number, in text copied from a PDF
        new_paragraph, self.after_blank = self.after_blank, False
        head = patterns.item_heading(text)
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
        if patterns.is_stop(line, text) or patterns.page_chrome(text) or patterns.record_line(text):
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
        if para is not None and alone and patterns.looks_like_heading(para[1]):
            self.stop(para[1])  # a numbered chapter heading: "7. Next steps"
            return
        if self.mode in ("item", "answer") and patterns.paragraph_numbered(text) and self.has_text():
            self.finish()  # "9.3 We also looked at ...": the report's own paragraphs again
            self.mode = "outside"
        if para is not None and self.mode in ("outside", "response") and self.paragraph:
            self.end_paragraph()  # it may introduce the list
        current = self.current
        if para is not None and self.mode == "item" and current is not None and not current.numbered:
            # "... made three recommendations:" ends the item above, and starts a list
            listed = take_intro(current.text, introducing_items=True)
            if listed:
                self.finish()
                self.section = patterns.introduces(listed)
        if para is not None and self.section and self.starts_numbered(para[0]):
            self.end_paragraph()
            self.finish()
            self.current = ItemDraft(self.section, para[0], number, text=[para[1]], numbered=True)
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
            self.current = ItemDraft(self.section, "", number, text=[line])
            self.mode = "item"
            return
        self.text_line(number, line, text)

    def has_text(self) -> bool:
        """Whether the item (or answer) being read has any text yet."""
        if self.mode == "answer":
            return bool(tidy(self.answer_lines))
        return self.current is not None and bool(tidy(self.current.text))

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
        elif self.mode != "outside" or self.paragraph or is_stem(self.last_paragraph):
            return False
        self.end_paragraph()
        self.finish()
        self.current = ItemDraft(self.section, "", number, text=[text], bulleted=indent)
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
                split = split_to_phrase(text)  # "To all recipients of recommendations: Review ..."
                if split is not None:
                    self.current.to, line = split[0], split[1]
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
            self.items.default_to = addressees(joined[context.start() :])
        elif self.section and any(c.isalpha() for c in joined) and not joined.endswith(":"):
            self.result.unplaced.append(
                Note(self.paragraph_line, f"not part of any item: {first_words(joined)}")
            )
        self.last_paragraph, self.paragraph = self.paragraph, []

    def starts_numbered(self, number: str) -> bool:
        """A numbered paragraph starts an item unless it is a list inside a headed item."""
        current = self.current
        if current is None or self.mode != "item":
            return True
        return current.numbered and as_int(number) == as_int(current.number) + 1

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
            intro = take_intro(self.current.text)
        elif self.mode == "notes":
            intro = take_intro(self.note_lines())
        else:
            self.end_paragraph()
            intro = take_intro(self.last_paragraph) if self.mode == "outside" else ""
        self.finish()
        self.current = ItemDraft(head.kind, head.number, number, to=head.to, intro=intro)
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
        earlier = self.items.by_key.get((kind, wanted.lower()))
        if earlier is not None:
            self.notes_into, self.mode = earlier, "notes"
        else:
            label = f"{ITEM_KINDS[kind]} {wanted}"
            self.result.unplaced.append(Note(number, f"notes to {label}, which was not found; left out"))
            self.mode = "response"

    def note_lines(self) -> list[str]:
        """Where the notes being read go: the item being read, or a buffer for an earlier one."""
        if isinstance(self.notes_into, ItemDraft):
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
            self.items.add(current)


def recognise(text: str, source: str = "<text>", published: date | None = None) -> ImportResult:
    """Every item found in ``text`` (a report, or a response quoting one), with what was
    doubtful; a deadline of a period ("within three months") counts from ``published``."""
    return _Reader(source, published).run(prepare(text))
