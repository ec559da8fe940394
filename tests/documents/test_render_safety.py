"""The template environment is safe by default: user text is data, plain text is escaped.

A response containing template syntax prints as typed; a title full of Markdown characters
prints as exactly those characters; raw HTML in a response is shown, not obeyed; a template
mistake is one line naming the template file and line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from s55tui.errors import S55Error
from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.catalogue import find_template, list_templates
from s55tui.render.environment import render_markdown
from s55tui.render.html_writer import html_body
from s55tui.render.mdtext import escape_plain, plain_text, prepare_rich


def draft(**response: str) -> Draft:
    """A small draft; keyword arguments go to the overall response."""
    return Draft(
        Report(title="Safe to share?", type="super-complaint", published=date(2020, 12, 17)),
        Office(force="Norfolk Constabulary", body="Norfolk Police and Crime Commissioner"),
        Response(**response),
        items=[Item("recommendation", "1", ["chief-constables"], "Stop sharing.", cc_response="Done.")],
    )


@pytest.mark.parametrize("template", ["narrative", "record", "per-recommendation"])
def test_template_syntax_in_user_text_prints_as_typed(template: str) -> None:
    text = "We scored {{ 7*7 }} and {% if true %}yes{% endif %} {# note #}"
    markdown = render_markdown(draft(pcc_comments=text, cc_comments=text, pcc_reply=text), template)
    assert "{{ 7*7 }}" in markdown
    assert "49" not in markdown
    assert "{% if true %}yes{% endif %} {# note #}" in markdown


@pytest.mark.parametrize(
    "title",
    [
        "2019. was a good year",
        "# Not a heading",
        "- not a list",
        "*Safe* to _share_? [link](http://x) <b>bold</b> | pipe ` tick ~~gone~~ \\ back &amp; &",
        "+ plus",
        "=== under",
    ],
)
def test_plain_fields_print_exactly_their_characters(title: str) -> None:
    assert plain_text(escape_plain(title)).strip() == title


def test_a_plain_title_cannot_turn_the_heading_into_markdown() -> None:
    d = draft()
    d.report.title = "**Bold** claim\n# and a new line"
    words = plain_text(render_markdown(d, "narrative"))
    assert "Inspection title: **Bold** claim # and a new line" in words


def test_raw_html_in_rich_text_is_shown_as_text() -> None:
    rich = prepare_rich("<p>Her Majesty's Inspectorate</p> and <script>alert(1)</script>")
    assert "<p>Her Majesty's Inspectorate</p> and <script>alert(1)</script>" in plain_text(rich)
    html = html_body(rich)
    assert "<script>" not in html
    assert "&lt;p&gt;Her Majesty" in html


def test_autolinks_and_markdown_in_rich_text_still_work() -> None:
    html = html_body(prepare_rich("See <https://www.gov.uk> and **this**.\n\n1. one\n2. two"))
    assert '<a href="https://www.gov.uk" class="bare">https://www.gov.uk</a>' in html
    assert "<strong>this</strong>" in html
    assert "<ol>" in html


def test_control_characters_are_cleaned_on_export() -> None:
    markdown = render_markdown(draft(pcc_comments="One\x0bTwo\x00\x1f three\r\nfour"), "narrative")
    assert "One\nTwo three\nfour" in markdown
    assert not any(ord(c) < 9 or 13 < ord(c) < 32 for c in markdown)


def office_template(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "office-templates"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.md.j2").write_text(text, encoding="utf-8")
    return folder


def test_a_missing_field_names_the_template_file_and_line(tmp_path: Path) -> None:
    folder = office_template(tmp_path, "ours", "# {{ report.title }}\n\n{{ report.colour }}\n")
    with pytest.raises(S55Error) as caught:
        render_markdown(draft(), "ours", folder)
    message = str(caught.value)
    assert message.startswith(f"{folder / 'ours.md.j2'}:3: template error:")
    assert "colour" in message
    assert "\n" not in message


def test_a_syntax_error_names_the_template_file_and_line(tmp_path: Path) -> None:
    folder = office_template(tmp_path, "broken", "# Title\n\n{% for item in items %}\n{{ item.label }}\n")
    with pytest.raises(S55Error, match=r"broken\.md\.j2:\d+: template error: .*endfor"):
        render_markdown(draft(), "broken", folder)


def test_the_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    folder = office_template(tmp_path, "sly", "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(S55Error, match=r"sly\.md\.j2:1: template error"):
        render_markdown(draft(), "sly", folder)


def test_an_unknown_template_lists_the_ones_there_are() -> None:
    with pytest.raises(S55Error, match=r"no template called 'memo'; there are: .*narrative"):
        render_markdown(draft(), "memo")


def test_an_office_template_replaces_a_built_in_one_and_says_so(tmp_path: Path) -> None:
    folder = office_template(tmp_path, "narrative", "{# Our narrative #}\nOURS {{ report.title }}\n")
    assert render_markdown(draft(), None, folder) == "OURS Safe to share?\n"
    listed = {(info.name, info.origin): info for info in list_templates(folder)}
    assert listed[("narrative", "office")].description == "Our narrative"
    assert listed[("narrative", "built in")].shadowed
    assert find_template("record", folder).origin == "built in"


def test_a_missing_office_template_folder_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(S55Error, match="office templates folder does not exist"):
        render_markdown(draft(), None, tmp_path / "nowhere")


def test_importing_the_renderer_is_free() -> None:
    """The CLI imports these at start; the heavy libraries wait until a document is rendered."""
    import subprocess
    import sys

    code = (
        "import sys, s55tui.render.export, s55tui.render.environment, s55tui.cli.export_cmd, "
        "s55tui.cli.templates_cmd; "
        "print(sorted(m for m in ('textual', 'docx', 'jinja2', 'markdown_it') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
