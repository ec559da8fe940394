"""Paragraphs of a Word document back into the Markdown a draft holds, formatting and all.

The chief constable's staff write their answers in Word: bold, italic, bullets, numbered
lists and links must come back as the Markdown the officer would have typed, or the published
response loses them. Tracked insertions are read as written, tracked deletions are left out,
and text inside fields and inline content controls is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from s55tui.importer.docxtext import WordLists, list_of

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Characters that would turn plain words into formatting when read as Markdown.
_SPECIAL = re.compile(r"([\\`*_])")
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}\s|>|[-+]\s)")
_ORDERED_START = re.compile(r"^(\s*\d+)([.)]\s)")  # "1. " typed by hand: escaped as "1\. "


@dataclass(frozen=True)
class _Span:
    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


def _on(run_properties: Any, tag: str) -> bool:
    """Whether a run property (bold, italic) is switched on: present and not ``w:val="0"``."""
    if run_properties is None:
        return False
    element = run_properties.find(f"{_W}{tag}")
    if element is None:
        return False
    return element.get(f"{_W}val", "true") not in ("0", "false", "off")


class MarkdownReader:
    """Turns paragraphs of one document into Markdown, counting its numbered lists as Word does."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.lists = WordLists(document)
        self.rels = document.part.rels

    def paragraphs(self, elements: Iterable[Any]) -> str:
        """The Markdown of a run of ``w:p`` elements (tables inside are read cell by cell)."""
        from docx.text.paragraph import Paragraph

        blocks: list[str] = []
        in_list = ""  # the Word list the last paragraph was in
        for element in _unwrapped(elements):
            if element.tag == f"{_W}tbl":
                for cell_p in element.iter(f"{_W}p"):
                    text = self.inline(cell_p)
                    if text.strip():
                        blocks.append(text.strip())
                in_list = ""
                continue
            if element.tag != f"{_W}p":
                continue
            text = self.inline(element).strip()
            if not text:
                continue
            listed = list_of(Paragraph(element, self.document._body))
            if listed is None:
                text = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1)
                blocks.append(_ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text, count=1))
            elif in_list == listed[0]:  # the same list goes on: no blank line between its items
                blocks[-1] += "\n" + self.lists.marker(*listed) + text
            else:
                blocks.append(self.lists.marker(*listed) + text)
            in_list = listed[0] if listed is not None else ""
        return "\n\n".join(blocks)

    def inline(self, paragraph: Any) -> str:
        """One paragraph's text with bold, italic and links as Markdown."""
        return _join(list(self._spans(paragraph, "")))

    def _spans(self, parent: Any, link: str) -> Iterable[_Span]:
        for child in parent:
            tag = child.tag
            if tag == f"{_W}r":
                yield from self._run(child, link)
            elif tag == f"{_W}hyperlink":
                rid = child.get(f"{_R}id")
                target = ""
                if rid and rid in self.rels and self.rels[rid].is_external:
                    target = self.rels[rid].target_ref
                yield from self._spans(child, target or link)
            elif tag in (f"{_W}ins", f"{_W}smartTag", f"{_W}fldSimple", f"{_W}customXml"):
                yield from self._spans(child, link)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from self._spans(content, link)

    def _run(self, run: Any, link: str) -> Iterable[_Span]:
        properties = run.find(f"{_W}rPr")
        bold, italic = _on(properties, "b"), _on(properties, "i")
        for part in run:
            if part.tag == f"{_W}t":
                yield _Span(part.text or "", bold, italic, link)
            elif part.tag == f"{_W}tab":
                yield _Span(" ", bold, italic, link)
            elif part.tag in (f"{_W}br", f"{_W}cr"):
                yield _Span("\n", bold, italic, link)


def _unwrapped(elements: Iterable[Any]) -> Iterable[Any]:
    """Block-level content controls replaced by what they hold, so their paragraphs are read."""
    for element in elements:
        if element.tag == f"{_W}sdt":
            content = element.find(f"{_W}sdtContent")
            if content is not None:
                yield from _unwrapped(content)
        else:
            yield element


def _join(spans: list[_Span]) -> str:
    """Spans with the same formatting merged, then written as Markdown."""
    merged: list[_Span] = []
    for span in spans:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (
            span.bold,
            span.italic,
            span.link,
        ):
            merged[-1] = _Span(merged[-1].text + span.text, span.bold, span.italic, span.link)
        else:
            merged.append(span)
    out: list[str] = []
    for span in merged:
        text = span.text
        if span.link:
            label = text.strip()
            out.append(f"<{span.link}>" if label in (span.link, "") else f"[{_escaped(label)}]({span.link})")
            continue
        core = text.strip()
        if not core or not (span.bold or span.italic):
            out.append(_escaped(text))
            continue
        mark = "***" if span.bold and span.italic else "**" if span.bold else "*"
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{mark}{_escaped(core)}{mark}{trail}")
    return "".join(out).replace("\n", "  \n")


def _escaped(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)
