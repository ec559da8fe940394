"""The PDF offices publish: a tagged PDF with title and language, made from the Word file by
LibreOffice where it is installed, and one line saying how to get one where it is not.

The PDF tests run LibreOffice where it is installed (Debian: ``apt-get install
libreoffice-writer``) and are skipped with that reason elsewhere.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
from testdata import EXAMPLE

from s55tui.cli import main
from s55tui.render.pdf import libreoffice

needs_libreoffice = pytest.mark.skipif(
    libreoffice() is None, reason="LibreOffice is not installed (Debian: apt-get install libreoffice-writer)"
)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "safe-to-share.toml"
    shutil.copy(EXAMPLE, path)
    return path


@needs_libreoffice
def test_a_pdf_is_tagged_titled_in_british_english_and_reads_in_order(example: Path, capsys) -> None:
    assert main(["export", str(example), "--format", "pdf"]) == 0
    pdf = example.with_suffix(".pdf")
    assert capsys.readouterr().out.splitlines() == [str(pdf)]
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert root["/MarkInfo"]["/Marked"]  # tagged: headings and paragraphs for a screen reader
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title.startswith("Norfolk Police and Crime Commissioner response to Safe to")
    assert abs(float(reader.pages[0].mediabox.width) - 595.3) < 1  # A4
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        order = ["Key findings", "Recommendations", "Recommendation 1", "Chief Constable response to report"]
        at = [next(n for n, line in enumerate(lines) if line.startswith(words)) for words in order]
        assert at == sorted(at)
        assert any(line.startswith("Page 1 of ") for line in lines)


@needs_libreoffice
def test_all_formats_include_the_pdf_where_libreoffice_is_installed(example: Path, capsys) -> None:
    assert main(["export", str(example)]) == 0
    written = capsys.readouterr().out.splitlines()
    assert [Path(p).suffix for p in written] == [".md", ".docx", ".html", ".pdf"]


def test_without_libreoffice_a_pdf_is_one_line_saying_how_to_get_one(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no soffice anywhere on it
    assert libreoffice() is None
    assert main(["export", str(example), "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "s55tui: no PDF: LibreOffice is not installed. Install it (libreoffice.org; Debian or Ubuntu: "
        "apt-get install libreoffice-writer) and export again, or open safe-to-share.docx in Word and "
        "save it as PDF"
    ]
    assert not example.with_suffix(".pdf").exists()
    assert main(["export", str(example)]) == 0  # the other three are still written, with a note
    out, err = capsys.readouterr()
    assert [Path(p).suffix for p in out.splitlines()] == [".md", ".docx", ".html"]
    assert f"s55tui: note: {example}: no PDF: LibreOffice is not installed." in err
