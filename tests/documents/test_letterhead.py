"""An office's letterhead: British English and page numbers whatever it says, and a word about
what a reader cannot see in it.

A letterhead made on a US machine turned the response's language to US English, one without
page numbers in its footer gave a printed response with none, and a logo without alt text went
out silently. Each letterhead here is the reference document changed as a real one would be.
"""

from __future__ import annotations

import base64
import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from testdata import EXAMPLE

from s55tui.cli import main
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.docx_document import build_docx
from s55tui.render.letterhead import contrast

# a 1 x 1 PNG: enough for Word to hold a picture
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def _letterhead(tmp_path: Path, *, us=False, numbers=True, logo=False, pale=False) -> Path:
    document = docx.Document(str(REFERENCE_DOCX))
    if us:
        for lang in document.styles.element.iter(qn("w:lang")):
            lang.set(qn("w:val"), "en-US")
    footer = document.sections[0].footer
    if not numbers:
        for paragraph in list(footer.part.element.findall(qn("w:p"))):
            footer.part.element.remove(paragraph)
        footer.add_paragraph("Northshire OPCC, 1 High Street")
    if logo:
        picture = tmp_path / "logo.png"
        picture.write_bytes(PIXEL)
        document.sections[0].header.paragraphs[0].add_run().add_picture(str(picture))
    if pale:
        document.styles["Heading 2"].font.color.rgb = RGBColor(0x7F, 0xA7, 0xD9)
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def _built(letterhead: Path) -> docx.document.Document:
    return docx.Document(io.BytesIO(build_docx("# A response\n\nSome words.", letterhead, "T", "OPCC")))


def _page_fields(document: docx.document.Document) -> int:
    footer = document.sections[0].footer.part.element
    return sum(f.get(qn("w:instr")).strip() == "PAGE" for f in footer.iter(qn("w:fldSimple")))


def test_a_us_english_letterhead_gives_a_british_english_response(tmp_path: Path) -> None:
    built = _built(_letterhead(tmp_path, us=True))
    languages = {lang.get(qn("w:val")) for lang in built.styles.element.iter(qn("w:lang"))}
    assert languages == {"en-GB"}
    defaults = built.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"


def test_a_letterhead_without_page_numbers_gets_them_and_one_with_them_keeps_its_own(tmp_path: Path) -> None:
    plain = _built(_letterhead(tmp_path, numbers=False))
    assert _page_fields(plain) == 1
    footer_text = [p.text for p in plain.sections[0].footer.paragraphs]
    assert footer_text[0] == "Northshire OPCC, 1 High Street"  # the office's own footer stays
    assert footer_text[-1].startswith("Page ")  # then the PAGE and NUMPAGES fields
    numbered = _built(_letterhead(tmp_path))
    assert _page_fields(numbered) == 1  # not a second "Page N of M"


def test_a_logo_without_alt_text_and_a_pale_heading_are_warned_of(tmp_path: Path, capsys) -> None:
    _letterhead(tmp_path, logo=True, pale=True)
    draft = tmp_path / "response.toml"
    shutil.copy(EXAMPLE, draft)
    profile = tmp_path / "profile.toml"
    profile.write_text('letterhead = "letterhead.docx"\n', encoding="utf-8")
    assert main(["--profile", str(profile), "export", str(draft), "--format", "docx"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert any(
        line.startswith("s55tui: warning: letterhead.docx: ") and "has no alt text" in line for line in err
    )
    assert any("the Heading 2 style's colour #7FA7D9 has 2.5:1 contrast on white" in line for line in err)
    assert draft.with_suffix(".docx").exists()  # warned, and written


def test_the_reference_document_draws_no_warning(tmp_path: Path, capsys) -> None:
    shutil.copy(REFERENCE_DOCX, tmp_path / "letterhead.docx")
    draft = tmp_path / "response.toml"
    shutil.copy(EXAMPLE, draft)
    profile = tmp_path / "profile.toml"
    profile.write_text('letterhead = "letterhead.docx"\n', encoding="utf-8")
    assert main(["--profile", str(profile), "export", str(draft), "--format", "docx"]) == 0
    assert "letterhead.docx" not in capsys.readouterr().err


@pytest.mark.parametrize(("one", "other", "ratio"), [("000000", "FFFFFF", 21.0), ("0B2E4F", "FFFFFF", 13.8)])
def test_contrast_is_wcags(one: str, other: str, ratio: float) -> None:
    assert contrast(one, other) == pytest.approx(ratio, abs=0.05)
