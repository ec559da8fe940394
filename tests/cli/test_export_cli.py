"""``s55tui export`` and ``s55tui templates`` as an officer runs them.

The three files land beside the draft and their paths are printed; every failure is one line
on stderr with exit status 2; a failed export leaves what was on disk untouched and no
temporary files behind; the web page stands alone and is accessible.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from testdata import DATA, EXAMPLE

from s55tui.cli import main

# These tests are about the .md, .docx and .html (the PDF has its own, in
# tests/documents/test_export_pdf.py): "all" is the same three on every machine.
pytestmark = pytest.mark.usefixtures("without_programs")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example draft in a folder of its own."""
    path = tmp_path / "drafts" / "safe-to-share.toml"
    path.parent.mkdir()
    shutil.copy(EXAMPLE, path)
    return path


def test_export_all_writes_three_files_beside_the_draft(example: Path, capsys) -> None:
    assert main(["export", str(example), "--format", "all"]) == 0
    out, err = capsys.readouterr()
    expected = [example.with_suffix(f".{fmt}") for fmt in ("md", "docx", "html")]
    assert out.splitlines() == [str(p) for p in expected]
    assert err.splitlines() == [  # no PDF here, and the example still owes two answers: said
        f"s55tui: note: {example}: no PDF: LibreOffice is not installed. Install it (libreoffice.org; "
        "Debian or Ubuntu: apt-get install libreoffice-writer) and export again, or open "
        "safe-to-share.docx in Word and save it as PDF",
        f"s55tui: warning: {example}: not ready to publish: Recommendation 4: no chief constable response",
        f"s55tui: warning: {example}: not ready to publish: Recommendation 5: no chief constable response",
    ]
    assert all(p.stat().st_size > 1000 for p in expected)
    assert sorted(p.name for p in example.parent.iterdir()) == sorted(
        ["safe-to-share.toml", "safe-to-share.md", "safe-to-share.docx", "safe-to-share.html"]
    )


def test_strict_writes_nothing_for_a_draft_not_ready_and_exits_1(example: Path, capsys) -> None:
    text = example.read_text(encoding="utf-8")
    example.write_text(text.replace('pcc_comments = """', 'pcc_comments = """TBC. ', 1), encoding="utf-8")
    assert main(["export", str(example), "--strict"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "placeholder text left in: 'TBC'" in err
    assert err.splitlines()[-1] == f"s55tui: {example}: nothing written (--strict)"
    assert sorted(p.name for p in example.parent.iterdir()) == ["safe-to-share.toml"]


def test_a_ready_draft_exports_without_a_word_on_stderr(example: Path, capsys) -> None:
    text = example.read_text(encoding="utf-8")
    for number in ("4", "5"):  # give the two items that owe a chief constable's answer one
        at = text.index(f'number = "{number}"')
        text = text[:at] + text[at:].replace('cc_response = ""', 'cc_response = "Agreed."', 1)
    example.write_text(text, encoding="utf-8")
    assert main(["export", str(example), "--strict", "--format", "md"]) == 0
    assert capsys.readouterr().err == ""


def test_another_house_style_is_written_beside_the_first_not_over_it(example: Path, capsys) -> None:
    assert main(["export", str(example), "--format", "docx"]) == 0
    first = example.with_suffix(".docx").read_bytes()
    assert main(["export", str(example), "--format", "docx", "--template", "record"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == str(example.with_name("safe-to-share.record.docx"))
    assert example.with_suffix(".docx").read_bytes() == first
    assert main(["export", str(example), "--format", "md", "--template", "narrative"]) == 0  # its own
    assert capsys.readouterr().out.splitlines() == [str(example.with_suffix(".md"))]


def test_one_markdown_text_feeds_every_format(example: Path) -> None:
    main(["export", str(example)])
    markdown = example.with_suffix(".md").read_text(encoding="utf-8")
    html = example.with_suffix(".html").read_text(encoding="utf-8")
    document = docx.Document(str(example.with_suffix(".docx")))
    last = "through the governance meetings held both internally and externally."
    assert last in markdown and last in html
    assert any(p.text.endswith(last) for p in document.paragraphs)


def test_the_web_page_is_standalone_and_accessible(example: Path) -> None:
    main(["export", str(example), "--format", "html"])
    html = example.with_suffix(".html").read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert re.search(r"<title>Norfolk Police and Crime Commissioner response to Safe to share\?", html)
    assert html.count("<h1>") == 1 and "<h2>Key findings</h2>" in html and "<h3>Recommendation 1</h3>" in html
    assert "\u2713 Response forwarded to Chief Constable (done)" in html
    assert not re.search(r"<(link|script|img|iframe)\b", html)
    assert "<table" not in html  # the narrative has no data table, so no table at all


def test_the_record_page_table_has_header_scopes(tmp_path: Path) -> None:
    draft = tmp_path / "record.toml"
    shutil.copy(EXAMPLE, draft)
    main(["export", str(draft), "--format", "html", "--template", "record"])
    html = draft.with_name("record.record.html").read_text(encoding="utf-8")  # not the draft's own style
    assert '<th scope="col">Field</th>' in html


def test_output_to_a_folder_and_to_a_file(example: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", str(example), "-o", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "safe-to-share.docx",
        "safe-to-share.html",
        "safe-to-share.md",
    ]
    assert main(["export", str(example), "--format", "docx", "-o", str(tmp_path / "final.docx")]) == 0
    assert (tmp_path / "final.docx").is_file()
    assert (
        main(["export", str(example), "--format", "md", "--template", "record", "-o", str(tmp_path / "r")])
        == 0
    )
    assert (
        (tmp_path / "r.md")
        .read_text(encoding="utf-8")
        .startswith("# PCC and Chief Constable response record")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "docx", "-o", "{tmp}/x.md"],
            r"x\.md: a --format docx export needs a name ending \.docx",
        ),
        (["-o", "{tmp}/missing/"], r"missing/: the folder does not exist"),
        (
            ["--template", "memo"],
            r"no template called 'memo'; there are: letter, narrative, per-recommendation, record",
        ),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(example: Path, capsys, args: list[str], message: str) -> None:
    args = [a.replace("{tmp}", str(example.parent)) for a in args]
    assert main(["export", str(example), *args]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert re.search(message, err), err


def test_a_draft_that_cannot_be_read_is_one_line(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('format = 1\n[report]\ntitle = "x\n', encoding="utf-8")
    assert main(["export", str(broken)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and str(broken) in err
    assert main(["export", str(tmp_path / "none.toml")]) == 2
    assert not list(tmp_path.glob("*.md"))


def test_a_failed_export_leaves_old_files_and_no_temporary_ones(
    example: Path, tmp_path: Path, capsys
) -> None:
    main(["export", str(example)])
    before = {p.name: p.read_bytes() for p in example.parent.iterdir()}
    office = tmp_path / "office"
    office.mkdir()
    (office / "narrative.md.j2").write_text("# {{ report.title }}\n{{ report.colour }}\n", encoding="utf-8")
    (example.parent / "s55tui.toml").write_text(f'templates = "{office.as_posix()}"\n', encoding="utf-8")
    assert main(["--profile", str(example.parent / "s55tui.toml"), "export", str(example)]) == 2
    err = capsys.readouterr().err
    assert f"{office / 'narrative.md.j2'}:2: template error: report has no field 'colour'" in err
    after = {p.name: p.read_bytes() for p in example.parent.iterdir() if p.name != "s55tui.toml"}
    assert after == before


def test_a_letterhead_from_the_profile_is_used(example: Path, tmp_path: Path) -> None:
    from s55tui.render.catalogue import REFERENCE_DOCX

    letterhead = docx.Document(str(REFERENCE_DOCX))
    letterhead.sections[0].header.paragraphs[0].text = "OPCC Norfolk letterhead"
    letterhead.save(str(tmp_path / "letterhead.docx"))
    profile = tmp_path / "profile.toml"
    profile.write_text('letterhead = "letterhead.docx"\n', encoding="utf-8")
    assert main(["--profile", str(profile), "export", str(example), "--format", "docx"]) == 0
    document = docx.Document(str(example.with_suffix(".docx")))
    assert document.sections[0].header.paragraphs[0].text == "OPCC Norfolk letterhead"


def test_templates_lists_every_template_with_its_origin(tmp_path: Path, capsys) -> None:
    office = tmp_path / "office"
    office.mkdir()
    (office / "record.md.j2").write_text("{# Our own record form #}\n# Record\n", encoding="utf-8")
    profile = tmp_path / "profile.toml"
    profile.write_text('templates = "office"\n', encoding="utf-8")
    assert main(["--profile", str(profile), "templates"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^record +\(office, replaces the built-in one\) +.*office/record\.md\.j2$", out, re.M)
    assert "Our own record form" in out
    assert re.search(r"^record +\(built in, replaced by the office's\)", out, re.M)
    assert re.search(r"^narrative +\(built in\) ", out, re.M)


def test_export_does_not_import_textual() -> None:
    code = (
        "import sys, tempfile, shutil, pathlib; from s55tui.cli import main; "
        f"d = pathlib.Path(tempfile.mkdtemp()) / 'x.toml'; shutil.copy({str(EXAMPLE)!r}, d); "
        "main(['export', str(d)]); print('textual' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stderr.strip().splitlines()[-1] == "False"


def test_a_letter_prints_no_checklist_so_an_unticked_box_is_not_warned_of(tmp_path: Path, capsys) -> None:
    """The same unticked box is a warning in a house style that prints the checklist."""
    draft = tmp_path / "letter.toml"
    shutil.copy(DATA / "render" / "letter-custody.toml", draft)
    assert main(["export", str(draft), "--format", "md"]) == 0
    assert "Copy sent to the Home Secretary" not in capsys.readouterr().err
    assert main(["export", str(draft), "--format", "md", "--template", "narrative"]) == 0
    err = capsys.readouterr().err
    assert "not ready to publish: Checklist: not done yet: Copy sent to the Home Secretary" in err
