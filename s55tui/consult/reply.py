"""Read the chief constable's reply: which answer belongs to which item, and what cannot be placed.

The tagged boxes of the request are read first: their tag names the item whatever happened
around them. Where the force retyped the request, or pasted its answers into a fresh document
(so no box survived), the answers are found under the headings that name each item
("Recommendation 4", "Chief Constable's response to recommendation 4", "Overall comments").
Text that sits under no such heading is listed as not placed, never dropped or guessed at.

A reply that is not a Word file, is damaged, is the request sent back unanswered, or answers
another report, is refused with one line naming the file, and nothing is changed.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from s55tui.consult.request import COMMENTS_TAG, PLACEHOLDER, SUBJECT, TAG_PREFIX, request_text
from s55tui.consult.wordtext import MarkdownReader
from s55tui.errors import S55Error
from s55tui.model import Draft, Item
from s55tui.vocab import ITEM_KINDS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
COMMENTS = "cc_comments"  # the key of the overall comments among the answers

_KIND_WORDS = {
    "recommendation": "recommendation",
    "recommendations": "recommendation",
    "cause of concern": "cause-of-concern",
    "causes of concern": "cause-of-concern",
    "area for improvement": "area-for-improvement",
    "areas for improvement": "area-for-improvement",
    "afi": "area-for-improvement",
}
_LABEL = re.compile(
    r"\b(recommendations?|causes? of concern|areas? for improvement|afi)\s*(?:no\.?\s*)?"
    r"(\d+(?:\.\d+)*[a-z]?)\b",  # "4", "4a", "1.1"
    re.IGNORECASE,
)
_CC_COMMENTS = re.compile(r"^(?:the\s+)?(?:chief constable|force)['’]?s?\s+comments\s*:?$", re.IGNORECASE)
_HEADING_WORDS = frozenset(
    [
        "the",
        "chief",
        "constable",
        "constable's",
        "s",
        "response",
        "responses",
        "to",
        "for",
        "of",
        "on",
        "and",
        "force",
        "answer",
        "comments",
        "overall",
        "general",
        "report",
        "cc",
        "reply",
    ]
)
_COMMENTS_HEADING = re.compile(
    r"\b(overall comments|comments on the report|general comments)\b", re.IGNORECASE
)


class ReplyError(S55Error):
    """A reply that cannot be read, or is not a reply to this draft."""


@dataclass
class Reply:
    """The answers a reply holds, by item key (kind, number) or ``COMMENTS``, and what it could not place."""

    path: Path
    answers: dict[tuple[str, str] | str, str] = field(default_factory=dict)
    unplaced: list[str] = field(default_factory=list)
    by_boxes: bool = True  # read from the tagged boxes; False: from the headings


def key_of(item: Item) -> tuple[str, str]:
    """An item's identity in a reply: its kind and its number as printed, without spaces or case."""
    return item.kind, re.sub(r"\s+", "", item.number.lower())


def read_reply(path: Path, draft: Draft) -> Reply:
    """The answers in the reply at ``path`` for ``draft``; ``ReplyError`` with one line if it
    cannot be used. Nothing is changed here."""
    document = _open(path)
    core = document.core_properties
    if (core.subject or "") == SUBJECT and _norm(core.title or "") != _norm(draft.report.title):
        raise ReplyError(
            f"{path}: a reply about “{core.title}”, not this draft's report "
            f"(“{draft.report.title}”); nothing was changed"
        )
    reader = MarkdownReader(document)
    reply = Reply(path)
    boxes = [sdt for sdt in document.element.body.iter(f"{_W}sdt") if _tag(sdt).startswith(f"{TAG_PREFIX}:")]
    if boxes:
        for sdt in boxes:
            _read_box(reply, reader, sdt)
        _read_outside_boxes(reply, reader, document, draft)
    else:
        reply.by_boxes = False
        _read_headings(reply, reader, document, draft)
    _check_against(reply, draft)
    return reply


def _open(path: Path) -> Any:
    """The reply as a python-docx document, or a one-line reason it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ReplyError(
            f"{path}: an old Word .doc file; open it in Word and save it as .docx, then read that"
        )
    if suffix != ".docx":
        raise ReplyError(f"{path}: not a Word .docx file; the reply must be the .docx the force sent back")
    if not path.is_file():
        raise ReplyError(f"{path}: no such file")
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReplyError(
            f"{path}: cannot be read as a Word document (damaged, or not Word: {error})"
        ) from None
    except Exception as error:  # lxml's syntax errors inside a damaged part
        raise ReplyError(f"{path}: cannot be read as a Word document (damaged: {error})") from None


def _tag(sdt: Any) -> str:
    """A box's tag; else its title (LibreOffice keeps the title, ``w:alias``, and drops the tag)."""
    properties = sdt.find(f"{_W}sdtPr")
    if properties is None:
        return ""
    for name in ("tag", "alias"):
        found = properties.find(f"{_W}{name}")
        if found is not None and found.get(f"{_W}val"):
            return str(found.get(f"{_W}val"))
    return ""


def _read_box(reply: Reply, reader: MarkdownReader, sdt: Any) -> None:
    """One tagged box's answer, placeholder left out.

    The box sits alone in a table cell, and the whole cell is read: LibreOffice saves a box as
    an inline control inside the cell's first paragraph, so paragraphs typed after it in the
    same cell are outside the control but are the answer all the same.
    """
    tag = _tag(sdt)
    cell = _cell_of(sdt)
    content = sdt.find(f"{_W}sdtContent")
    if cell is not None:
        text = _without_placeholder(reader.paragraphs(child for child in cell if child.tag != f"{_W}tcPr"))
    elif content is None or _showing_placeholder(sdt):
        text = ""
    elif content.find(f"{_W}p") is None and content.find(f"{_W}tbl") is None:
        text = _without_placeholder(reader.inline(content).strip())  # an inline box
    else:
        text = _without_placeholder(reader.paragraphs(content))
    if tag == COMMENTS_TAG:
        key: tuple[str, str] | str = COMMENTS
    else:
        _, kind, number = [*tag.split(":", 2), "", ""][:3]
        key = (kind, re.sub(r"\s+", "", number.lower()))
    if text:
        reply.answers[key] = text
    else:
        reply.answers.setdefault(key, "")


def _showing_placeholder(sdt: Any) -> bool:
    properties = sdt.find(f"{_W}sdtPr")
    return properties is not None and properties.find(f"{_W}showingPlcHdr") is not None


def _cell_of(sdt: Any) -> Any:
    """The table cell the box is the only box of, if it is in one."""
    parent = sdt.getparent()
    while parent is not None and parent.tag != f"{_W}tc":
        if parent.tag == f"{_W}body":
            return None
        parent = parent.getparent()
    if parent is None:
        return None
    tagged = [box for box in parent.iter(f"{_W}sdt") if _tag(box).startswith(f"{TAG_PREFIX}:")]
    return parent if len(tagged) == 1 else None


def _without_placeholder(text: str) -> str:
    """The box's text less the request's "Type the answer here.", wherever it was left (typing
    after it without selecting it first leaves it in front of the answer)."""
    blocks = [block.replace(PLACEHOLDER, "").strip() for block in text.split("\n\n")]
    return "\n\n".join(block for block in blocks if block)


def _sent_parts(draft: Draft) -> set[str]:
    """The words of every paragraph the request itself holds, to tell them from the force's;
    a long one also by its first eight words, as its reply-by date may have changed since."""
    blocks = request_text(draft, None).blocks
    parts = {_norm(part) for markdown, _, _ in blocks for part in _plain_parts(markdown)}
    return parts | {_opening(part) for part in parts if len(part.split()) > 8}


def _ours(words: str, sent: set[str]) -> bool:
    """Whether a paragraph's words are the request's own (``sent`` from ``_sent_parts``)."""
    return words in sent or (len(words.split()) > 8 and _opening(words) in sent)


def _opening(words: str) -> str:
    return "… " + " ".join(words.split()[:8])


def _read_outside_boxes(reply: Reply, reader: MarkdownReader, document: Any, draft: Draft) -> None:
    """Text the force typed outside every box (under an item, below a table) is not an answer
    anyone can place for sure: it is listed as not placed, never dropped in silence."""
    sent = _sent_parts(draft) | {_norm(line) for item in draft.items for line in item.text.splitlines()}
    for element in _blocks(document.element.body, skip_boxes=True):
        markdown = reader.paragraphs([element])
        plain = _plain(markdown)
        words = _norm(plain)
        if not words or _ours(words, sent) or plain.strip() == PLACEHOLDER:
            continue
        if any(_quotes(plain, item.text) for item in draft.items):
            continue  # a line of an item's own text (a bullet of it, say), as the request printed it
        if _is_heading(element, plain):
            continue
        reply.unplaced.append(markdown)


def _read_headings(reply: Reply, reader: MarkdownReader, document: Any, draft: Draft) -> None:
    """A reply without boxes: each answer is what follows its item's heading, less the item's own text."""
    sent = _sent_parts(draft)
    items = {key_of(item): item for item in draft.items}
    target: tuple[str, str] | str | None = None
    for element in _blocks(document.element.body):
        markdown = reader.paragraphs([element])
        if not markdown.strip():
            continue
        plain = _plain(markdown)
        if _is_heading(element, plain):
            target = _heading_target(plain)
            if target is not None:
                reply.answers.setdefault(target, "")
            continue
        if _ours(_norm(plain), sent) or plain.strip() == PLACEHOLDER:
            continue
        item = items.get(target) if isinstance(target, tuple) else None
        if item is not None and _quotes(plain, item.text):
            continue  # the item's own words, quoted back
        if target is None:
            reply.unplaced.append(markdown)
        else:
            before = reply.answers.get(target, "")
            reply.answers[target] = f"{before}\n\n{markdown}".strip()


def _quotes(plain: str, item_text: str) -> bool:
    """Whether a paragraph is the item's own text (or a sizeable part of it) quoted back."""
    words, text = _norm(plain), _norm(item_text)
    return bool(words) and (words == text or (len(words) >= 20 and words in text))


def _blocks(body: Any, *, skip_boxes: bool = False) -> list[Any]:
    """The body's paragraphs in reading order, table cells' paragraphs included; with
    ``skip_boxes``, none inside a table cell that holds one of the request's boxes."""
    out = []
    for element in body:
        if element.tag == f"{_W}p":
            out.append(element)
        elif element.tag in (f"{_W}tbl", f"{_W}sdt"):
            for paragraph in element.iter(f"{_W}p"):
                if skip_boxes and _in_box_cell(paragraph):
                    continue
                out.append(paragraph)
    return out


def _in_box_cell(paragraph: Any) -> bool:
    """Whether ``paragraph`` is inside one of the request's boxes, or the table cell holding one."""
    node = paragraph.getparent()
    while node is not None and node.tag != f"{_W}body":
        if node.tag == f"{_W}sdt" and _tag(node).startswith(f"{TAG_PREFIX}:"):
            return True
        if node.tag == f"{_W}tc" and any(
            _tag(box).startswith(f"{TAG_PREFIX}:") for box in node.iter(f"{_W}sdt")
        ):
            return True
        node = node.getparent()
    return False


def _is_heading(paragraph: Any, plain: str) -> bool:
    """A heading by its style, or a short line that names an item or the overall comments."""
    properties = paragraph.find(f"{_W}pPr")
    style = properties.find(f"{_W}pStyle") if properties is not None else None
    name = (style.get(f"{_W}val") or "").lower() if style is not None else ""
    if name.startswith("heading") or name == "title":
        return True
    line = plain.strip()
    if (
        len(line) > 90
        or "\n" in line
        or not (_LABEL.search(line) or _COMMENTS_HEADING.search(line) or _CC_COMMENTS.match(line))
    ):
        return False
    # Unstyled: a line made of nothing but an item's label and the words of a heading
    # ("Chief Constable's response to recommendation 4:"); or one that begins with the label
    # and then a colon or a dash and a title ("Recommendation 4 – safe reporting pathways"),
    # or is bold throughout (a heading typed by hand). "Recommendation 4 is accepted in
    # full." is an answer and must not be taken for one.
    rest = set(re.findall(r"[a-z]+", _LABEL.sub(" ", line.lower()).replace("’", "'"))) - _HEADING_WORDS
    if not rest:
        return True
    label = _LABEL.match(line)
    if label is None:
        return False
    titled = bool(re.match(r"\s*[:–—-]", line[label.end() :]))
    return titled or _all_bold(paragraph)


def _all_bold(paragraph: Any) -> bool:
    """Whether every run of ``paragraph`` that has words is bold."""
    runs = [
        run for run in paragraph.iter(f"{_W}r") if "".join(t.text or "" for t in run.iter(f"{_W}t")).strip()
    ]
    if not runs:
        return False
    for run in runs:
        properties = run.find(f"{_W}rPr")
        bold = properties.find(f"{_W}b") if properties is not None else None
        if bold is None or bold.get(f"{_W}val", "true") in ("0", "false", "off"):
            return False
    return True


def _heading_target(heading: str) -> tuple[str, str] | str | None:
    """What a heading says the text under it answers: an item, the overall comments, or nothing."""
    found = _LABEL.search(heading)
    if found:
        kind = _KIND_WORDS.get(re.sub(r"\s+", " ", found.group(1).lower()))
        if kind in ITEM_KINDS:
            return kind, found.group(2).lower()
    if _COMMENTS_HEADING.search(heading) or _CC_COMMENTS.match(heading.strip()):
        return COMMENTS
    return None


def _check_against(reply: Reply, draft: Draft) -> None:
    """Refuse a reply naming items this draft does not have, or holding nothing new."""
    known = {key_of(item): item for item in draft.items}
    for key in reply.answers:
        if isinstance(key, tuple) and key not in known:
            label = f"{ITEM_KINDS.get(key[0], key[0])} {key[1]}"
            raise ReplyError(
                f"{reply.path}: it answers {label}, which this draft does not have; is it the reply "
                "to another report? Nothing was changed"
            )
    new = [
        key
        for key, text in reply.answers.items()
        if text.strip() and _norm(text) != _norm(_current(draft, known, key))
    ]
    if not new and not reply.unplaced:
        raise ReplyError(
            f"{reply.path}: no answers in it: every box is empty or holds what the draft already has "
            "(is it the request as it was sent?); nothing was changed"
        )


def _current(draft: Draft, known: dict[tuple[str, str], Item], key: tuple[str, str] | str) -> str:
    if key == COMMENTS:
        return draft.response.cc_comments
    item = known.get(key) if isinstance(key, tuple) else None
    return item.cc_response if item is not None else ""


def _plain_parts(markdown: str) -> list[str]:
    return [_plain(part) for part in markdown.split("\n\n") if part.strip()]


def _plain(markdown: str) -> str:
    """Markdown with its marks taken out, for comparing words."""
    text = re.sub(r"^\s*(?:#{1,6}\s|>\s?|[-+*]\s|\d+[.)]\s)", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\\([\\`*_#>+\-.)\[\]])|[*_`]", lambda m: m.group(1) or "", text).strip()


def same_words(one: str, other: str) -> bool:
    """Whether two texts say the same words, whatever their spacing, marks and punctuation."""
    return _norm(one) == _norm(other)


def _norm(text: str) -> str:
    """Words alone: case, spacing, quotes and punctuation set aside."""
    return " ".join(re.sub(r"[^\w]+", " ", _plain(text).casefold()).split())
