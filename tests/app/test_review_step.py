"""The review step's preview: the document's top at once, the rest after, reading as the whole.

The top is written before the step's first frame, into a preview built while the officer was
elsewhere (so out of sight, with no width yet); the rest comes on a thread from a copy of the
draft, starting after the sections already shown. These tests hold the joins: nothing shown
twice, nothing missed, every line at the preview's own width, and a template that fails
(at the top or further down) said in the preview, with the check still shown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apptools import copy_example, run_app, until
from testdata import EXAMPLE

from s55tui.draftfile import load_draft, save_draft
from s55tui.profile import Profile
from s55tui.render.environment import render_markdown
from s55tui.tui.steps import Step
from s55tui.tui.widgets.preview import DocumentPreview, layout_markdown


def _whole(markdown: str, width: int) -> str:
    return "\n".join(strip.text.rstrip() for strip in layout_markdown(markdown, width))


async def _open_review(app, pilot) -> DocumentPreview:
    """Once the review is ready ahead of need, ctrl+r, then wait for its preview and check."""
    screen = app.screen
    await until(pilot, lambda: screen.nav.has_editor("review"))  # built out of sight meanwhile
    await pilot.press("ctrl+r")
    await until(pilot, lambda: screen.step == Step("review"))
    await until(pilot, lambda: str(screen.query_one("#check-summary").render()).strip())
    await app.workers.wait_for_complete()
    await pilot.pause(0.2)
    return screen.query_one(DocumentPreview)


@pytest.mark.parametrize("template", ["narrative", "per-recommendation"])
def test_the_preview_reads_as_the_whole_document_at_its_own_width(tmp_path: Path, template: str) -> None:
    path = copy_example(EXAMPLE, tmp_path)
    draft = load_draft(path).draft
    draft.response.template = template
    save_draft(path, draft)
    expected = render_markdown(draft)
    assert len(expected) > 6_000  # longer than the top written before the first frame

    async def session(app, pilot) -> None:
        preview = await _open_review(app, pilot)
        whole = _whole(expected, preview.layout_width).split("\n")
        assert preview.layout_width > 60  # laid out at the step's width, not a hidden box's
        assert preview.text().split("\n") == whole
        shown = [preview.render_line(y).text.rstrip() for y in range(preview.size.height)]
        assert shown == whole[: preview.size.height]

    run_app(path, session)


@pytest.mark.parametrize("where", ["at the top", "further down"])
def test_a_template_that_fails_is_said_in_the_preview_and_the_check_still_shows(
    tmp_path: Path, where: str
) -> None:
    office = tmp_path / "office"
    office.mkdir()
    opening = "# Opening\n\n" + "Words of the opening. " * 300 + "\n\n# Next\n\n"  # more than the top
    filler = "" if where == "at the top" else opening
    (office / "narrative.md.j2").write_text(filler + "{{ report.colour }}\n", encoding="utf-8")
    path = copy_example(EXAMPLE, tmp_path)

    async def session(app, pilot) -> None:
        preview = await _open_review(app, pilot)
        text = preview.text()
        assert text.startswith("The preview cannot be shown.")
        assert "report has no field 'colour'" in text
        assert "Words of the opening" not in text  # no half document left above the reason
        summary = str(app.screen.query_one("#check-summary").render())
        assert summary.startswith(("Ready", "Not ready"))

    run_app(path, session, profile=Profile(templates=office))
