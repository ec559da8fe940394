"""The rendered document as sections, each starting at a heading, as the template writes them.

The review's preview of a 1,000-item draft is five megabytes of Markdown: laid out whole, it
took seconds before the officer saw a line. Cut at its headings, the document can be shown as
soon as its first section is written, and each section laid out only when it scrolls into
view. A heading at the start of a line (not indented, not inside a fenced code block) always
begins a new block in Markdown, so the sections laid out one by one and joined with one blank
line read exactly as the whole does; each is tidied as ``render_markdown`` tidies the whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from s55tui.model import Draft
from s55tui.render.environment import iter_markdown, tidy
from s55tui.render.limits import DEFAULT_LIMITS, RenderLimits

_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def split_sections(chunks: Iterable[str]) -> Iterator[str]:
    """Markdown in any pieces -> whole sections, each from a heading to the next (tidied)."""
    section: list[str] = []
    fence = ""  # the open code fence's marker, while inside one
    pending = ""
    for chunk in chunks:
        pending += chunk
        *lines, pending = pending.split("\n")
        for line in lines:
            found = _FENCE.match(line)
            if fence:
                if found and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence):
                    fence = ""
            elif found:
                fence = found.group(1)
            elif _HEADING.match(line) and any(text.strip() for text in section):
                yield _finish(section)
                section = []
            section.append(line)
    section.append(pending)
    if any(text.strip() for text in section):
        yield _finish(section)


def _finish(lines: list[str]) -> str:
    return tidy("\n".join(lines))


def markdown_sections(
    draft: Draft,
    template: str | None = None,
    office_dir: Path | None = None,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> Iterator[str]:
    """``render_markdown``'s document as its sections, each given as soon as it is written.

    Raises ``TemplateError`` as ``render_markdown`` does, when the failing part is reached.
    """
    return split_sections(iter_markdown(draft, template, office_dir, limits))


def take_sections(sections: Iterator[str], at_least: int) -> list[str]:
    """The next sections, until they hold ``at_least`` characters or the document ends
    (an empty list at its end): work for one trip to a thread."""
    taken: list[str] = []
    size = 0
    for section in sections:
        taken.append(section)
        size += len(section)
        if size >= at_least:
            break
    return taken
