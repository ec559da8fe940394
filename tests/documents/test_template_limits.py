"""An office's own template that is wrong, sly, runs on or writes too much: one clear line, never a hang.

Each failure is a ``TemplateError`` naming the template file and line, from the command line
(exit 2, nothing written) and from a worker thread as the app renders; the time and size
limits are parameters (``RenderLimits``) so the app's preview can pass tighter ones.
"""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from folder_state import folder_state
from testdata import EXAMPLE

from s55tui.cli import main
from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.catalogue import TemplateError
from s55tui.render.environment import render_markdown
from s55tui.render.export import ExportSettings, render_all
from s55tui.render.limits import RenderLimits

QUICK = RenderLimits(seconds=0.5)
DOUBLING = "{% set ns = namespace(s='ab') %}{% for i in range(100) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"


def draft(items: int = 3) -> Draft:
    return Draft(
        Report(title="Safe to share?", type="super-complaint", published=date(2020, 12, 17)),
        Office(force="Norfolk Constabulary", body="Norfolk Police and Crime Commissioner"),
        Response(pcc_comments="I welcome the report."),
        items=[
            Item("recommendation", str(n), ["all"], "Act.", cc_response="Done.") for n in range(1, items + 1)
        ],
    )


def render(tmp_path: Path, source: str, limits: RenderLimits = QUICK) -> tuple[Path, str]:
    """Render ``source`` as the office template ``ours``; return its path and the error line."""
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    path = folder / "ours.md.j2"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_markdown(draft(), "ours", folder, limits)
    message = str(caught.value)
    assert "\n" not in message
    return path, message


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# {{ report.title }}\n{% for item in items %}\n", "2: template error: Unexpected end of template."),
        ("{{ report.title }}\n\n{{ reprot.title }}\n", "3: template error: 'reprot' is undefined"),
        ("{{ report.colour }}\n", "1: template error: report has no field 'colour'"),
        ("{{ report.title | shout }}\n", "1: template error: No filter named 'shout'."),
        ("{{ lipsum(10**7) }}\n", "1: template error: 'lipsum' is undefined"),
    ],
    ids=["syntax", "undefined-name", "missing-field", "unknown-filter", "lipsum"],
)
def test_a_template_mistake_names_the_file_and_line(tmp_path: Path, source: str, message: str) -> None:
    path, said = render(tmp_path, source)
    assert said.startswith(f"{path}:{message}"), said


@pytest.mark.parametrize(
    "escape",
    [
        "''.__class__.__mro__",
        "''.__class__.__mro__[1].__subclasses__()",
        "(0).__class__.__base__.__subclasses__()",
        "self.__init__.__globals__",
        "cycler.__init__.__globals__.os",
        "joiner.__init__.__globals__",
        "namespace.__init__.__globals__",
        "report.__class__.__init__.__globals__",
        "items.__class__",
        "''|attr('__class__')",
        "'{0.__class__}'.format('')",
        "range.__self__.__import__('os')",
        "report.title.format.__globals__",
    ],
)
def test_the_sandbox_keeps_python_out_of_reach(tmp_path: Path, escape: str) -> None:
    path, said = render(tmp_path, f"{{{{ {escape} }}}}\n")
    assert said.startswith(f"{path}:1: template error: "), said
    assert any(word in said for word in ("unsafe", "undefined", "no field", "has no attribute")), said


@pytest.mark.parametrize(
    ("source", "stopped"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "template error: Range too big"),
        (
            "{% for i in range(100000) %}\n{% for j in range(100000) %}{% endfor %}\n{% endfor %}",
            "template stopped: ran for more than 0.5 seconds; does a loop run on without end?",
        ),
        (
            "{% for a in items %}{% for b in items %}{% for c in items %}{% for d in items %}"
            "{% for e in items %}{% for f in items %}{% for g in items %}{% for h in items %}"
            "{% for i in items %}{% for j in items %}{% for k in items %}{% for l in items %}"
            + "{% endfor %}"
            * 12,
            "template stopped: ran for more than 0.5 seconds",
        ),
        (
            "{% set s = 'x' * 1000000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
            "template stopped: ran for more than 0.5 seconds",
        ),
        (
            "{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}{{ again(0) }}",
            "template error: calls itself",
        ),
    ],
    ids=["huge-range", "nested-ranges", "nested-items", "nested-string", "recursion"],
)
def test_a_runaway_loop_stops_within_its_time(tmp_path: Path, source: str, stopped: str) -> None:
    path, said = render(tmp_path, source + "\n")
    assert said.startswith(f"{path}:"), said
    assert stopped in said, said


@pytest.mark.parametrize(
    ("source", "stopped"),
    [
        ("{{ 'x' * 10**10 }}", "text of 10,000,000,000 characters is more than a document may hold"),
        ("{{ (items * 10**8)|length }}", "a list of 300,000,000 items is more than a template may build"),
        ("{{ 10**(10**10) }}", "a number of more than 4,300 digits is too long to print"),
        ("{{ 'x'.center(10**10) }}", "text of 10,000,000,000 characters"),
        ("{{ 'x'|center(10**10) }}", "text of 10,000,000,000 characters"),
        ("{{ ('a\\n' * 1000)|indent(10**7) }}", "text of 10,010,002,000 characters"),
        ("{{ '{:>10000000000}'.format(1) }}", "text of 10,000,000,015 characters"),
        ("{{ '%10000000000s' % 'x' }}", "text of 10,000,000,013 characters"),
        ("{{ '%10000000000s'|format('x') }}", "text of 10,000,000,013 characters"),
        ("{{ ('x' * 1000000).replace('', 'y' * 100000) }}", "text of 100,001,100,000 characters"),
        ("{{ range(100000)|join('x' * 1000000) }}", "text of 100,000,100,000 characters"),
        (DOUBLING, "text of 33,554,432 characters"),
        (
            "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}",
            "the document would be longer than 20,000,000",
        ),
    ],
    ids=[
        "string-times",
        "list-times",
        "power",
        "center-method",
        "center-filter",
        "indent",
        "format-method",
        "percent",
        "format-filter",
        "replace",
        "join",
        "doubling",
        "huge-output",
    ],
)
def test_huge_text_is_refused_before_it_is_built(tmp_path: Path, source: str, stopped: str) -> None:
    path, said = render(tmp_path, source + "\n", RenderLimits())
    assert said.startswith(f"{path}:"), said
    assert f"template stopped: {stopped}" in said, said


def test_a_list_that_keeps_growing_is_stopped(tmp_path: Path) -> None:
    source = (
        "{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% for j in range(100000) %}"
        "{% set _ = ns.l.append(j) %}{{ ns.l|length }}{% endfor %}{% endfor %}\n"
    )
    path, said = render(tmp_path, source, RenderLimits(max_items=10_000))
    assert (
        said
        == f"{path}:1: template stopped: a list of 10,001 items is more than a template may build (10,000)"
    )


def test_the_limits_are_a_parameter_of_every_render(tmp_path: Path) -> None:
    small = ExportSettings(limits=RenderLimits(max_chars=200))
    with pytest.raises(
        TemplateError, match=r"narrative\.md\.j2: template stopped: the document would be longer"
    ):
        render_all(draft(), ["md"], "narrative", small)
    assert render_all(draft(), ["md"], "narrative", ExportSettings())["md"].startswith(b"# ")


def test_a_runaway_template_stops_on_a_worker_thread(tmp_path: Path) -> None:
    """The app renders off its UI thread, where signal.alarm cannot reach: the bound still holds."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "ours.md.j2").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n", encoding="utf-8"
    )
    caught: list[BaseException] = []

    def work() -> None:
        try:
            render_markdown(draft(), "ours", folder, QUICK)
        except BaseException as error:
            caught.append(error)

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=60)  # a generous bound, only so that a limit that failed cannot hang the suite
    assert not worker.is_alive()
    assert [type(e) for e in caught] == [TemplateError]
    assert "template stopped: ran for more than 0.5 seconds" in str(caught[0])


def test_a_1000_item_draft_renders_well_within_the_default_limits() -> None:
    for template in ("narrative", "record", "per-recommendation"):
        markdown = render_markdown(draft(1000), template)
        assert markdown.count("Act.") == 1000


def test_export_with_a_runaway_template_is_one_line_and_writes_nothing(tmp_path: Path, capsys) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    shutil.copyfile(EXAMPLE, drafts / "safe-to-share.toml")
    office = tmp_path / "templates"
    office.mkdir()
    template = office / "narrative.md.j2"
    template.write_text("# {{ report.title }}\n{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}\n")
    profile = tmp_path / "s55tui.toml"
    profile.write_text(f'templates = "{office.as_posix()}"\n', encoding="utf-8")
    before = folder_state(drafts)
    assert main(["--profile", str(profile), "export", str(drafts / "safe-to-share.toml")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"s55tui: {template}: template stopped: the document would be longer than 20,000,000 characters\n"
    )
    assert folder_state(drafts) == before


def test_an_office_template_edited_between_renders_is_read_again(tmp_path: Path) -> None:
    """Compiled templates are kept for the next render, but an edit on disk is never missed."""
    (tmp_path / "mine.md.j2").write_text("First: {{ report.title }}\n", encoding="utf-8")
    assert render_markdown(draft(), "mine", tmp_path) == "First: Safe to share?\n"
    assert render_markdown(draft(), "mine", tmp_path) == "First: Safe to share?\n"
    (tmp_path / "mine.md.j2").write_text("Later: {{ report.title }}\n", encoding="utf-8")
    assert render_markdown(draft(), "mine", tmp_path) == "Later: Safe to share?\n"
