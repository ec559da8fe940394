"""Golden files: each built-in template's Markdown for its seed draft, byte for byte.

A change to a template or to escaping shows up here as a readable diff. When the change is
meant, renew them with ``python -m pytest tests/documents/test_render_golden.py --update-golden``
and read the diff before committing it. A missing golden file fails with that command.
"""

from __future__ import annotations

import pytest
from golden import compare_golden
from testdata import DATA, EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.render.environment import render_markdown

GOLDEN = DATA / "render" / "golden"
DRAFTS = {
    "narrative": EXAMPLE,
    "record": DATA / "render" / "staffordshire-record.toml",
    "per-recommendation": DATA / "render" / "force-per-recommendation.toml",
    "letter": DATA / "render" / "letter-custody.toml",
}


@pytest.mark.parametrize("template", list(DRAFTS))
def test_markdown_matches_the_golden_file(request: pytest.FixtureRequest, template: str) -> None:
    markdown = render_markdown(load_draft(DRAFTS[template]).draft, template)
    compare_golden(request, GOLDEN / f"{template}.md", markdown)


@pytest.mark.parametrize("template", list(DRAFTS))
def test_every_template_renders_every_draft(template: str) -> None:
    """One draft renders into any shape without retyping: no template depends on one draft's fields."""
    for draft in DRAFTS.values():
        assert render_markdown(load_draft(draft).draft, template).strip()
