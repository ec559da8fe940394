"""Export a draft: render its Markdown once, turn it into the formats asked for, write each atomically.

Everything is rendered in memory before anything is written, so a template or letterhead
error leaves no file behind; every file is then written in full to a temporary name in the
same folder before any is moved into place, so a full disk changes none of them and a reader
never sees half a document.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from s55tui.draftfile.atomic import write_files_atomic
from s55tui.errors import S55Error
from s55tui.model import Draft
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.environment import render_markdown
from s55tui.render.formats import FORMATS
from s55tui.render.limits import DEFAULT_LIMITS, RenderLimits
from s55tui.render.mdtext import portable_breaks
from s55tui.textclean import clean_line


class ExportError(S55Error):
    """An export that cannot be written where it was asked to go."""


@dataclass(frozen=True)
class ExportSettings:
    """Where an office's own templates and letterhead are, from its profile (both optional),
    and how long and how much a template may render (the app may pass tighter limits)."""

    templates: Path | None = None
    letterhead: Path | None = None
    limits: RenderLimits = DEFAULT_LIMITS
    fragment: bool = False  # the web page's text alone, to paste into the office's own page
    today: date | None = None  # the day a web page of an unsigned response says it was updated


def document_title(draft: Draft) -> str:
    """The title a Word file and a web page carry: who responds, to which report.

    Cleaned like every printed field: a control character here would make Word's core
    properties unwritable (lxml refuses it), whatever the model was given.
    """
    who = clean_line(draft.office.body) or clean_line(draft.office.force)
    title = " ".join(clean_line(draft.report.title).split()) or "an inspection report"
    return f"{who} response to {title}" if who else f"Response to {title}"


def web_page_date(draft: Draft, today: date | None = None) -> tuple[str, date]:
    """What the web page says of its date: published on the day the response was signed, else
    updated today (the page is a draft's until it is signed)."""
    if draft.response.signed_on is not None:
        return "Published", draft.response.signed_on
    return "Updated", today or date.today()


def document_author(draft: Draft) -> str:
    """The author a Word file carries: the office, by the first of its names that is filled in."""
    office = draft.office
    return next((name for name in map(clean_line, (office.body, office.force, office.short)) if name), "")


def output_paths(
    draft_path: Path, formats: Sequence[str], where: str | Path | None, style: str = ""
) -> dict[str, Path]:
    """Where each format goes: beside the draft by default; ``where`` is a folder or a file name.

    ``where`` is taken as typed: a trailing slash means a folder, which must exist. ``style``
    names a house style other than the draft's own: its files are NAME.STYLE.docx and so on,
    so an export in a second style never replaces the first.
    """
    stem = f"{draft_path.stem}.{style}" if style else draft_path.stem
    if where is None:
        return {fmt: draft_path.with_name(f"{stem}.{fmt}") for fmt in formats}
    output = Path(where)
    if str(where).endswith(("/", os.sep)) and not output.is_dir():
        raise ExportError(f"{where}: the folder does not exist")
    if output.is_dir():
        base = output / stem
    elif len(formats) == 1 and output.suffix:
        if output.suffix.lower() != f".{formats[0]}":
            raise ExportError(f"{output}: a --format {formats[0]} export needs a name ending .{formats[0]}")
        return {formats[0]: output}
    else:
        base = output.with_suffix("") if output.suffix.lower() in {f".{f}" for f in FORMATS} else output
    return {fmt: base.with_name(f"{base.name}.{fmt}") for fmt in formats}


def render_all(
    draft: Draft,
    formats: Sequence[str],
    template: str | None,
    settings: ExportSettings,
    stem: str = "response",
) -> dict[str, bytes]:
    """Every requested format's bytes, from one Markdown text (``stem`` names the Word file
    in a message about the PDF)."""
    markdown = render_markdown(draft, template, settings.templates, settings.limits)
    title = document_title(draft)
    out: dict[str, bytes] = {}
    word: dict[str, bytes] = {}  # the Word file, made once for both .docx and .pdf
    for fmt in formats:
        if fmt == "md":
            out[fmt] = portable_breaks(markdown).encode("utf-8")
        elif fmt == "html":
            from s55tui.render.html_writer import build_html

            dated = web_page_date(draft, settings.today)
            out[fmt] = build_html(markdown, title, settings.fragment, dated).encode("utf-8")
        elif fmt in ("docx", "pdf"):
            if "docx" not in word:
                from s55tui.render.docx_document import build_docx

                base = settings.letterhead or REFERENCE_DOCX
                word["docx"] = build_docx(markdown, base, title, document_author(draft))
            if fmt == "docx":
                out[fmt] = word["docx"]
            else:
                from s55tui.render.pdf import docx_to_pdf

                out[fmt] = docx_to_pdf(word["docx"], f"{stem}.docx")
        else:
            raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)} or all")
    return out


def export(
    draft: Draft,
    draft_path: Path,
    formats: Sequence[str],
    template: str | None = None,
    output: str | Path | None = None,
    settings: ExportSettings | None = None,
) -> list[Path]:
    """Render and write ``formats`` for ``draft``; returns the paths written, in order."""
    style = template if template and template != draft.response.template else ""
    paths = output_paths(draft_path, formats, output, style)
    settings = settings or ExportSettings()
    if settings.fragment and "html" in paths and output is None:  # beside the whole page, not over it
        paths["html"] = paths["html"].with_suffix(".fragment.html")
    for fmt, path in paths.items():
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise ExportError(f"{path}: cannot write: the folder {folder} does not exist")
        if path.is_dir():
            raise ExportError(f"{path}: is a folder; give a file name or a folder ending in /")
        if path.resolve() == draft_path.resolve():
            raise ExportError(f"{path}: refusing to write the {fmt} export over the draft itself")
    rendered = render_all(draft, formats, template, settings, draft_path.stem)
    write_files_atomic({path: rendered[fmt] for fmt, path in paths.items()}, error=ExportError)
    return list(paths.values())
