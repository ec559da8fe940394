"""Golden files: each built-in template's Markdown for its seed draft, byte for byte.

A change to a template or to escaping shows up here as a readable diff. When the change is
meant, regenerate with ``S55TUI_UPDATE_GOLDEN=1 python -m pytest tests/test_render_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os

import pytest
from conftest import DATA, EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.render.environment import render_markdown

GOLDEN = DATA / "render" / "golden"
DRAFTS = {
    "narrative": EXAMPLE,
    "record": DATA / "render" / "staffordshire-record.toml",
    "per-recommendation": DATA / "render" / "force-per-recommendation.toml",
}


@pytest.mark.parametrize("template", list(DRAFTS))
def test_markdown_matches_the_golden_file(template: str) -> None:
    markdown = render_markdown(load_draft(DRAFTS[template]).draft, template)
    golden = GOLDEN / f"{template}.md"
    if os.environ.get("S55TUI_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(markdown, encoding="utf-8", newline="\n")
    assert markdown == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("template", list(DRAFTS))
def test_every_template_renders_every_draft(template: str) -> None:
    """One draft renders into any shape without retyping: no template depends on one draft's fields."""
    for draft in DRAFTS.values():
        assert render_markdown(load_draft(draft).draft, template).strip()
