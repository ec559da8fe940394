"""The preview shows the document section by section, and reads exactly as the whole document.

The review lays out only the sections scrolled to (issue 17: the first screen of a 1,000-item
document at once); what the officer reads must still be what the export prints, so every
check here compares the sectioned document with the one rendered and laid out whole.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from testdata import EXAMPLE
from textual.app import App, ComposeResult

from s55tui.draftfile import load_draft
from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.environment import render_markdown, tidy
from s55tui.render.sections import markdown_sections, split_sections, take_sections
from s55tui.tui.widgets import preview as preview_module
from s55tui.tui.widgets.preview import DocumentPreview, layout_markdown

TRICKY = """# Title

Text with a #hashtag and a line that starts
#hashtag too.

```text
# not a heading: inside a fence
```

~~~~
```
# still inside the tilde fence
~~~~

    # indented: code, not a heading

## Second



Last words.
"""


def test_sections_begin_only_at_real_headings_however_the_text_arrives() -> None:
    one_piece = list(split_sections([TRICKY]))
    by_character = list(split_sections(list(TRICKY)))
    assert one_piece == by_character
    assert [section.splitlines()[0] for section in one_piece] == ["# Title", "## Second"]
    assert "\n".join(one_piece) == tidy(TRICKY)


def test_take_sections_stops_once_it_has_enough_and_ends_with_an_empty_list() -> None:
    sections = iter(["a" * 10, "b" * 10, "c" * 10])
    assert take_sections(sections, 15) == ["a" * 10, "b" * 10]
    assert take_sections(sections, 15) == ["c" * 10]
    assert take_sections(sections, 15) == []


def _coded_draft() -> Draft:
    """Items whose answers hold a fenced block with a heading line in it, lists and a quote."""
    answer = "We will:\n\n- review\n- report\n\n```\n# kept as written\n```\n\n> quoted\n"
    return Draft(
        Report(title="Sections", type="thematic", published=date(2024, 3, 5)),
        Office(force="Norfolk Constabulary", body="Norfolk Police and Crime Commissioner"),
        Response(pcc_comments="I welcome it.\n\n# A heading the officer typed"),
        items=[
            Item("recommendation", str(n), ["all"], "Act.", cc_response=answer, pcc_response=answer)
            for n in range(1, 8)
        ],
    )


@pytest.mark.parametrize("template", ["narrative", "record", "per-recommendation", "letter"])
@pytest.mark.parametrize("which", ["example", "coded"])
def test_the_sections_joined_are_the_rendered_document(template: str, which: str) -> None:
    draft = load_draft(EXAMPLE).draft if which == "example" else _coded_draft()
    sections = list(markdown_sections(draft, template))
    assert len(sections) > 3
    assert "\n".join(sections) == render_markdown(draft, template)


class _PreviewApp(App[None]):
    def compose(self) -> ComposeResult:
        yield DocumentPreview(id="preview")


def _whole(markdown: str, width: int) -> str:
    return "\n".join(strip.text.rstrip() for strip in layout_markdown(markdown, width))


@pytest.mark.parametrize("which", ["example", "coded"])
def test_the_preview_reads_as_the_document_laid_out_whole(which: str) -> None:
    asyncio.run(_reads_as_whole(which))


async def _reads_as_whole(which: str) -> None:
    draft = load_draft(EXAMPLE).draft if which == "example" else _coded_draft()
    sections = list(markdown_sections(draft))
    async with _PreviewApp().run_test(size=(90, 30)) as pilot:
        preview = pilot.app.query_one(DocumentPreview)
        preview.show_sections(sections[:2], replace=True)
        preview.show_sections(sections[2:])
        await pilot.pause()
        assert preview.text() == _whole(render_markdown(draft), preview.layout_width)
        assert preview.line_count == len(preview.text().split("\n"))  # every height now known


def test_a_long_document_scrolls_to_its_last_words_and_follows_a_new_width() -> None:
    asyncio.run(_scrolls_to_the_end())


async def _scrolls_to_the_end() -> None:
    sections = [f"## Recommendation {n}\n\n" + f"Answer {n}, word by word. " * 40 for n in range(1, 301)]
    async with _PreviewApp().run_test(size=(90, 30)) as pilot:
        preview = pilot.app.query_one(DocumentPreview)
        preview.show_sections(sections, replace=True)
        await pilot.pause()
        preview.scroll_end(animate=False, immediate=True)
        for _ in range(5):  # the heights met on the way settle the end of the document
            await pilot.pause()
            preview.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        shown = [preview.render_line(y).text for y in range(preview.size.height)]
        assert any("Answer 300, word by word." in line for line in shown)
        assert not any("Answer 1," in line for line in shown)
        narrow = preview.text()
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert preview.text() != narrow
        assert preview.text() == _whole("\n".join(sections), preview.layout_width)


def test_an_items_list_reads_like_the_tuple_it_was_in_a_template(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ours.md.j2").write_text(
        "{{ items|length }} {{ items[-1].number }} {{ items[1:]|length }} {{ (items + items)|length }} "
        "{{ recommendations|length }} {{ items|map(attribute='number')|join(',') }} "
        "{{ items[0] in items }}\n",
        encoding="utf-8",
    )
    draft = _coded_draft()
    assert render_markdown(draft, "ours", folder) == "7 7 6 14 7 1,2,3,4,5,6,7 True\n"


def test_the_preview_paints_in_a_terminal_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR set (as some officers' terminals have it): every line painted, no traceback."""
    monkeypatch.setenv("NO_COLOR", "1")
    asyncio.run(_reads_as_whole("example"))


def test_a_new_document_lays_out_again_only_the_sections_that_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Back at the review after an edit to one item: the other sections on screen are not laid
    out again (each layout of a section is milliseconds of the step's first frame)."""
    laid: list[str] = []
    real = preview_module.layout_markdown

    def counted(markdown: str, width: int) -> list:
        laid.append(markdown)
        return real(markdown, width)

    monkeypatch.setattr(preview_module, "layout_markdown", counted)
    asyncio.run(_lays_out_changes_only(laid))


async def _lays_out_changes_only(laid: list[str]) -> None:
    before = [f"## Recommendation {n}\n\nAnswer {n}." for n in range(1, 6)]
    after = [*before[:2], "## Recommendation 3\n\nAnswer 3, edited.", *before[3:]]
    async with _PreviewApp().run_test(size=(90, 30)) as pilot:
        preview = pilot.app.query_one(DocumentPreview)
        preview.show_sections(before, replace=True)
        await pilot.pause()
        assert sorted(laid) == sorted(before)
        laid.clear()
        preview.show_sections(after, replace=True)
        await pilot.pause()
        assert laid == ["## Recommendation 3\n\nAnswer 3, edited."]
        assert preview.text() == _whole("\n".join(after), preview.layout_width)


def test_a_top_laid_out_ahead_at_the_width_shown_is_not_laid_out_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    laid: list[int] = []
    real = preview_module.layout_markdown
    monkeypatch.setattr(
        preview_module, "layout_markdown", lambda text, width: laid.append(width) or real(text, width)
    )
    asyncio.run(_laid_out_ahead(laid))


async def _laid_out_ahead(laid: list[int]) -> None:
    sections = [f"## Recommendation {n}\n\n" + f"Answer {n}, word by word. " * 20 for n in range(1, 4)]
    async with _PreviewApp().run_test(size=(90, 30)) as pilot:
        preview = pilot.app.query_one(DocumentPreview)
        await pilot.pause()
        preview.lay_out_ahead(sections, preview.size.width)
        ahead = list(laid)
        preview.show_sections(sections, replace=True)
        await pilot.pause()
        assert ahead == [preview.layout_width] * 3 and laid == ahead  # nothing more at the frame
        assert preview.text() == _whole("\n".join(sections), preview.layout_width)
