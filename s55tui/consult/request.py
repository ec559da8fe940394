"""The s.55(4) request to the chief constable, as a Word document the force fills in and sends back.

The force's staff will not install s55tui: they get a Word file. Each item the chief
constable must answer is printed whole, with a box under it for the answer, and a last box
takes the overall comments. Each box is a content control tagged with the item's kind and
number (``s55tui:recommendation:4``), so the answers find their items again however the
document is edited around them; each box also sits under a heading naming its item, so a
reply retyped into a fresh document can still be read by its headings. No macros: the boxes
are plain content controls inside a one-cell table, fillable in Word and LibreOffice alike.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from s55tui.deadline import long_date
from s55tui.model import Draft, Item
from s55tui.render.mdtext import escape_plain, prepare_rich
from s55tui.vocab import ITEM_KINDS

TAG_PREFIX = "s55tui"
COMMENTS_TAG = f"{TAG_PREFIX}:cc_comments"
# The request's core "subject": how a reply is known to be one of ours.
SUBJECT = "s55tui consultation"
PLACEHOLDER = "Type the answer here."
_PLURALS = {
    "recommendation": "Recommendations",
    "cause-of-concern": "Causes of concern",
    "area-for-improvement": "Areas for improvement",
}


def item_tag(item: Item) -> str:
    """The content control tag of an item's box: ``s55tui:recommendation:4``."""
    return f"{TAG_PREFIX}:{item.kind}:{item.number}"


def consulted_items(draft: Draft) -> list[Item]:
    """The items whose addressees owe a chief constable's response, in the draft's order."""
    return [item for item in draft.items if item.owes_cc]


def answer_heading(draft: Draft, item: Item) -> str:
    """The heading over an item's box: "Chief Constable's response to recommendation 4"."""
    kind = ITEM_KINDS.get(item.kind, item.kind).lower()
    return f"{cc_title(draft)}'s response to {kind} {item.number}"


def comments_heading(draft: Draft) -> str:
    """The heading over the overall comments' box."""
    return f"{cc_title(draft)}'s overall comments on the report"


def cc_title(draft: Draft) -> str:
    return draft.office.cc_title.strip() or "Chief Constable"


@dataclass(frozen=True)
class RequestText:
    """The words of the request outside the boxes, as Markdown blocks, each with its box (if any)."""

    blocks: list[tuple[str, str | None, str]]  # (markdown, box tag or None, the box's text)


def request_text(draft: Draft, reply_by: date | None) -> RequestText:
    """Everything the request says, in order: the covering note, each item and its box, then
    the box for the overall comments."""
    report = draft.report
    title = " ".join(report.title.split()) or "the inspection report"
    who = draft.office.body or draft.office.pcc_title or "the policing body"
    published = f", published {long_date(report.published)}" if report.published else ""
    by = f" by **{long_date(reply_by, weekday=True)}**" if reply_by else ""
    note = [
        f"# Request for the {cc_title(draft)}'s comments",
        f"**Report:** {escape_plain(title)} ({escape_plain(report.inspectorate or 'HMICFRS')}){published}.",
        f"Under section 55(4) of the Police Act 1996, {escape_plain(who)} invites the "
        f"{cc_title(draft)} to comment on this report. Please write the {cc_title(draft)}'s response "
        "to each item below in the box under it, and the overall comments in the last box, and "
        f"return this document{by}. The comments will be published with the response.",
        "Please type only inside the boxes. Bullets, numbered lists, bold, italic and links are kept.",
    ]
    blocks: list[tuple[str, str | None, str]] = [("\n\n".join(note), None, "")]
    kind = ""
    for item in consulted_items(draft):
        parts = []
        if item.kind != kind:
            kind = item.kind
            parts.append(f"## {_PLURALS.get(kind, kind)}")
        parts.append(f"### {escape_plain(item.label)}")
        text = str(prepare_rich(item.text)).strip()
        if text:
            parts.append("\n".join(f"> {line}" if line else ">" for line in text.splitlines()))
        parts.append(f"#### {answer_heading(draft, item)}")
        blocks.append(("\n\n".join(parts), item_tag(item), item.cc_response))
    heading = f"## {comments_heading(draft)}"
    blocks.append((heading, COMMENTS_TAG, draft.response.cc_comments))
    return RequestText(blocks)


def build_request(draft: Draft, reply_by: date | None, base: Path | None = None) -> bytes:
    """The request as the bytes of a .docx, in the style of ``base`` (the office's letterhead,
    else s55tui's reference document)."""
    from s55tui.render.catalogue import REFERENCE_DOCX
    from s55tui.render.docx_document import drop_leftovers, open_base, set_properties
    from s55tui.render.docx_writer import DocxWriter
    from s55tui.render.letterhead import fit_letterhead

    document = open_base(base or REFERENCE_DOCX)
    fit_letterhead(document)
    writer = DocxWriter(document)
    for number, (markdown, tag, answer) in enumerate(request_text(draft, reply_by).blocks, start=1):
        writer.write(markdown)
        if tag is not None:
            _add_box(document, writer, tag, answer, number)
    set_properties(document, f"Request for comments: {draft.report.title}", draft.office.body or "")
    core = document.core_properties
    core.subject = SUBJECT
    core.title = draft.report.title[:255]
    core.keywords = draft.report.published.isoformat() if draft.report.published else ""
    drop_leftovers(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_box(document: Any, writer: Any, tag: str, answer: str, number: int) -> None:
    """A one-cell bordered table holding a rich-text content control tagged ``tag``, with
    ``answer`` in it already (as Word formatting), or a grey placeholder when there is none."""
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls, qn

    body = document.element.body
    before = len(body)  # the new paragraphs go in before the section settings, the body's last child
    writer.write(str(prepare_rich(answer)) if answer.strip() else PLACEHOLDER)
    added = list(body)[before - 1 : len(body) - 1] if writer.anchor is not None else list(body)[before:]
    empty = "<w:showingPlcHdr/>" if not answer.strip() else ""
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{_attr(tag)}"/><w:tag w:val="{_attr(tag)}"/>'
        f'<w:id w:val="{1000 + number}"/>{empty}</w:sdtPr><w:sdtContent/></w:sdt>'
    )
    content = sdt.find(qn("w:sdtContent"))
    for element in added:
        content.append(element)
    if not answer.strip():
        for run in content.iter(qn("w:r")):
            properties = run.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                run.insert(0, properties)
            properties.append(parse_xml(f'<w:color {nsdecls("w")} w:val="6B7280"/>'))
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="8" w:space="0" w:color="6B7280"/>'
        for side in ("top", "left", "bottom", "right")
    )
    table = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:w="5000" w:type="pct"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="100" w:type="dxa"/><w:left w:w="140" w:type="dxa"/>'
        '<w:bottom w:w="100" w:type="dxa"/><w:right w:w="140" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="9000"/></w:tblGrid>'
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="5000" w:type="pct"/></w:tcPr></w:tc></w:tr></w:tbl>'
    )
    cell = table.find(qn("w:tr")).find(qn("w:tc"))
    cell.append(sdt)
    if writer.anchor is not None:
        writer.anchor.addprevious(table)
    else:
        body.append(table)
    spacer = OxmlElement("w:p")  # Word needs a paragraph between two tables, and it reads better
    if writer.anchor is not None:
        writer.anchor.addprevious(spacer)
    else:
        body.append(spacer)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
