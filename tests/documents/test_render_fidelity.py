"""Every paragraph of three real responses comes out of the Markdown export, in order.

Each seed in tests/data/seeds is kept as a draft (Norfolk's is the example in drafts/), rendered
with the template of its shape, and read back as the words a reader sees. Each line of the
seed, after normalising whitespace, quotes, dashes, case and the ``<p>``/``**`` leftovers,
must appear after the one before it. The few lines a template deliberately prints otherwise
are listed with the reason, and the list is checked so it cannot go stale.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from testdata import DATA, EXAMPLE, SEEDS

from s55tui.draftfile import load_draft
from s55tui.render.environment import render_markdown
from s55tui.render.mdtext import plain_text

RENDER = DATA / "render"

# (draft, seed file, template, the seed's lines the export words differently, and why)
CASES = {
    "norfolk": (EXAMPLE, "000_b8aae3716b7af463.txt", "narrative", {}),
    "staffordshire": (
        RENDER / "staffordshire-record.toml",
        "001_7081fd9a0583bb8c.txt",
        "record",
        {
            "PCC and CC Force Supercomplaint response record": "the template's own title",
            "Police Crime and Commissioner's initial response": "their form's typo; printed with pcc_title",
            "Police Crime and Commissioner's overall comments": "their form's typo; printed with pcc_title",
            "*2011 census data": "a footnote a page break moved; the draft keeps it after its paragraph",
            "------------------------------\t--": "the empty table of a web form",
        },
    ),
    "force": (
        RENDER / "force-per-recommendation.toml",
        "003_5d3773e54a66fdb4.txt",
        "per-recommendation",
        {"End": "the force's end-of-document marker"},
    ),
}

_QUOTES = re.compile("['\u2018\u2019\u201a\u201b\"\u201c\u201d`]")
_DASHES = re.compile("[-\u2010\u2011\u2012\u2013\u2014\u2015]")
_SEED_MARKERS = re.compile(r"^\s*(?:[-\u2022]\s+)+")


def normal(text: str) -> str:
    """Lower case, no quotes, dashes as spaces, no ``<p>`` or ``*``, one space between words."""
    text = text.replace("<p>", " ").replace("</p>", " ").replace("*", "")
    text = _DASHES.sub(" ", _QUOTES.sub("", text))
    return " ".join(text.casefold().split()).rstrip(":").strip()


def seed_lines(seed: str, skipped: dict[str, str]) -> list[str]:
    """The seed's non-empty lines, list markers removed, normalised, skipping the listed ones."""
    lines = []
    for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines():
        if line.strip() in skipped or line in skipped:
            continue
        text = normal(_SEED_MARKERS.sub("", line))
        if text:
            lines.append(text)
    return lines


def exported_words(draft: Path, template: str) -> str:
    """The Markdown export as a reader sees it, normalised like the seed."""
    markdown = render_markdown(load_draft(draft).draft, template)
    return normal(plain_text(markdown).replace("\n", " "))


@pytest.mark.parametrize("case", list(CASES))
def test_every_paragraph_of_the_seed_is_in_the_export_in_order(case: str) -> None:
    draft, seed, template, skipped = CASES[case]
    words = exported_words(draft, template)
    position = 0
    lines = seed_lines(seed, skipped)
    assert len(lines) >= 20
    for line in lines:
        found = words.find(line, position)
        assert found >= 0, f"{case}: not found after position {position}: {line[:100]!r}"
        position = found + len(line)


@pytest.mark.parametrize("case", list(CASES))
def test_every_skipped_line_is_really_in_the_seed(case: str) -> None:
    _, seed, _, skipped = CASES[case]
    lines = {line.strip() for line in (SEEDS / seed).read_text(encoding="utf-8").splitlines()}
    lines |= set((SEEDS / seed).read_text(encoding="utf-8").splitlines())
    assert set(skipped) <= lines


def test_the_drafts_name_their_templates() -> None:
    for draft, _, template, _ in CASES.values():
        assert load_draft(draft).draft.response.template == template
