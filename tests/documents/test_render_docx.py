"""The Word file, read back with python-docx: styles, real lists, bold, tables, properties, A4.

These check the structure Word and screen readers rely on, not just the words: headings are
Heading styles, list paragraphs carry numbering, each numbered list starts at 1 (python-docx
issue 25), the record layout is a real table, the core properties name the office.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from testdata import DATA, EXAMPLE

from s55tui.draftfile import load_draft
from s55tui.errors import S55Error
from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.catalogue import REFERENCE_DOCX
from s55tui.render.docx_document import REQUIRED_STYLES, build_docx, missing_styles
from s55tui.render.environment import render_markdown

STAFFORDSHIRE = DATA / "render" / "staffordshire-record.toml"


def word(markdown: str, base: Path = REFERENCE_DOCX) -> docx.document.Document:
    """Build the Word file for ``markdown`` and open it again from its bytes."""
    return docx.Document(io.BytesIO(build_docx(markdown, base, "A title", "Norfolk OPCC")))


def with_xml(document: docx.document.Document) -> list[tuple[Paragraph, Any]]:
    """Each body paragraph with its XML element (``w:p``), read through the document's public ``element``."""
    return list(zip(document.paragraphs, document.element.body.findall(qn("w:p")), strict=True))


def numbering(element: Any) -> tuple[int, int] | None:
    """(numId, ilvl) of a paragraph's ``w:p`` element in a list, else None."""
    num_pr = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num_pr is None:
        return None
    return int(num_pr.find(qn("w:numId")).get(qn("w:val"))), int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))


def list_format(document, num_id: int, level: int) -> tuple[str, int]:
    """(numFmt, start) Word will use for ``num_id`` at ``level``, overrides included."""
    root = document.part.numbering_part.element
    num = next(n for n in root.iter(qn("w:num")) if int(n.get(qn("w:numId"))) == num_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in root.iter(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl = next(x for x in abstract.iter(qn("w:lvl")) if int(x.get(qn("w:ilvl"))) == level)
    start = int(lvl.find(qn("w:start")).get(qn("w:val")))
    for override in num.iter(qn("w:lvlOverride")):
        if int(override.get(qn("w:ilvl"))) == level and override.find(qn("w:startOverride")) is not None:
            start = int(override.find(qn("w:startOverride")).get(qn("w:val")))
    return lvl.find(qn("w:numFmt")).get(qn("w:val")), start


@pytest.fixture(scope="module")
def norfolk() -> docx.document.Document:
    return word(render_markdown(load_draft(EXAMPLE).draft, "narrative"))


def test_headings_use_heading_styles(norfolk) -> None:
    styles = [(p.style.name, p.text) for p in norfolk.paragraphs if p.style.name.startswith("Heading")]
    assert styles[0][0] == "Heading 1"
    assert styles[0][1].startswith("Norfolk Police and Crime Commissioner (PCC) response")
    assert ("Heading 2", "Key findings") in styles
    assert ("Heading 3", "Recommendation 4") in styles
    assert ("Heading 2", "For office use only") in styles


def test_list_paragraphs_carry_numbering_and_nest(norfolk) -> None:
    listed = [(p.text, numbering(x)) for p, x in with_xml(norfolk) if numbering(x)]
    assert len(listed) >= 20
    texts = {text: where for text, where in listed}
    assert texts["Develop clear and consistent policy and guidance"][1] == 0
    nested = texts[
        "are clear about the circumstances in which information will be shared by police with "
        "immigration enforcement;"
    ]
    assert nested[1] == 1
    assert list_format(norfolk, *nested)[0] == "bullet"
    first = texts[
        "The police passing victim and witness data to the Home Office for immigration enforcement "
        "purposes, and,"
    ]
    assert list_format(norfolk, *first) == ("decimal", 1)


def test_a_numbered_list_in_each_of_two_responses_starts_at_1() -> None:
    draft = Draft(
        Report(title="T", published=date(2020, 12, 17)),
        Office(force="F", body="B"),
        Response(template="per-recommendation"),
        items=[
            Item(
                "recommendation",
                "1",
                ["chief-constables"],
                "One.",
                cc_response="1. first\n2. second\n3. third",
            ),
            Item("recommendation", "2", ["chief-constables"], "Two.", cc_response="1. again\n2. and again"),
        ],
    )
    document = word(render_markdown(draft))
    numbered = {p.text: numbering(x) for p, x in with_xml(document) if numbering(x)}
    assert list_format(document, *numbered["first"]) == ("decimal", 1)
    assert list_format(document, *numbered["again"]) == ("decimal", 1)
    assert numbered["first"][0] != numbered["again"][0]  # separate lists, so separate counters
    assert numbered["second"][0] == numbered["third"][0] == numbered["first"][0]


def test_a_list_that_starts_elsewhere_keeps_its_number() -> None:
    document = word("Text\n\n4. four\n5. five\n")
    num = next(numbering(x) for p, x in with_xml(document) if p.text == "four")
    assert list_format(document, *num) == ("decimal", 4)


def test_bold_runs_are_bold() -> None:
    document = word(render_markdown(load_draft(STAFFORDSHIRE).draft, "record"))
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert any(text.startswith("\u201cHow many victims reported the crime") for text in bold)
    assert "Work with partners and DA victims" in " ".join(bold)


def test_the_record_layout_is_a_table_of_labelled_fields() -> None:
    document = word(render_markdown(load_draft(STAFFORDSHIRE).draft, "record"))
    assert len(document.tables) == 1
    table = document.tables[0]
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Field", "Entry"]
    assert ["Force", "Staffordshire"] in rows
    assert ["T/Chief Constable", "Emma Barnett"] in rows
    assert all(run.bold for run in table.rows[2].cells[0].paragraphs[0].runs)
    first_row = document.element.body.find(qn("w:tbl")).find(qn("w:tr"))
    assert first_row.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_core_properties_name_the_office_and_the_language(norfolk) -> None:
    core = norfolk.core_properties
    assert core.title == "A title"
    assert core.author == "Norfolk OPCC"
    assert core.language == "en-GB"
    assert core.author != "python-docx"


def test_the_page_is_a4_with_british_english_and_a_sans_serif_body(norfolk) -> None:
    section = norfolk.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    defaults = norfolk.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    assert norfolk.styles["Normal"].font.name == "Arial"
    assert norfolk.styles["Normal"].font.size.pt == 12


def test_links_are_real_hyperlinks() -> None:
    document = word("Read [the report](https://www.justiceinspectorates.gov.uk/hmicfrs/) today.\n")
    paragraph, element = with_xml(document)[0]
    links = element.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.target_ref == "https://www.justiceinspectorates.gov.uk/hmicfrs/"
    assert paragraph.text == "Read the report today."


def test_each_link_goes_where_it_says_and_a_repeated_address_is_one_relationship() -> None:
    document = word(
        "[One](https://example.org/1), [two](https://example.org/2) and [one again](https://example.org/1).\n\n"
        "| Field | Entry |\n|---|---|\n| Report | [on the web](https://example.org/2) |\n"
    )
    body = document.element.body
    targets = [document.part.rels[link.get(qn("r:id"))].target_ref for link in body.iter(qn("w:hyperlink"))]
    assert targets == [
        "https://example.org/1",
        "https://example.org/2",
        "https://example.org/1",
        "https://example.org/2",
    ]
    hyperlinks = [rel for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    assert sorted(rel.target_ref for rel in hyperlinks) == ["https://example.org/1", "https://example.org/2"]


def test_italic_strike_and_line_breaks() -> None:
    document = word("An *italic* and ~~struck~~ word\nnext line\n")
    runs = document.paragraphs[0].runs
    assert any(r.italic and r.text == "italic" for r in runs)
    assert any(r.font.strike and r.text == "struck" for r in runs)
    assert with_xml(document)[0][1].findall(f".//{qn('w:br')}")


def test_the_reference_docx_has_every_style_the_writer_needs() -> None:
    assert missing_styles(docx.Document(str(REFERENCE_DOCX))) == []


def test_a_letterhead_made_from_a_blank_word_document_borrows_the_styles_it_lacks(tmp_path: Path) -> None:
    """Word defines "Heading 1", "Quote" or "List Paragraph" in a document only once they are
    used, so a letterhead made from a blank document has none of them: it was refused. Now it
    borrows the reference's, in its own typeface; its own styles and header stay."""
    letterhead = docx.Document(str(REFERENCE_DOCX))
    for name in (
        "Title",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "Heading 4",
        "Quote",
        "List Paragraph",
        "Table Grid",
    ):
        element = letterhead.styles[name].element
        element.getparent().remove(element)
    letterhead.styles["Normal"].font.name = "Georgia"
    letterhead.sections[0].header.paragraphs[0].text = "Northshire OPCC"
    path = tmp_path / "letterhead.docx"
    letterhead.save(str(path))
    markdown = "# Title\n\n## Heading\n\n- a point\n\n> quoted\n\n| Field | Value |\n|---|---|\n| a | b |\n"
    document = docx.Document(io.BytesIO(build_docx(markdown, path, "T", "A")))
    styles = [p.style.name for p in document.paragraphs]
    assert styles[:4] == ["Heading 1", "Heading 2", "List Paragraph", "Quote"]
    assert document.tables[0].style.name == "Table Grid"
    assert missing_styles(document) == []
    assert document.styles["Normal"].font.name == "Georgia"  # the letterhead's own style stays
    heading = document.styles["Heading 2"]
    assert heading.font.name is None and heading.base_style.name == "Normal"  # so it is in Georgia
    assert heading.font.size == docx.Document(str(REFERENCE_DOCX)).styles["Heading 2"].font.size
    assert document.sections[0].header.paragraphs[0].text == "Northshire OPCC"
    assert set(REQUIRED_STYLES) >= {"Quote", "List Paragraph"}


def test_a_letterhead_keeps_its_header_and_footer(tmp_path: Path) -> None:
    letterhead = docx.Document(str(REFERENCE_DOCX))
    letterhead.sections[0].header.paragraphs[0].text = "Office of the Police and Crime Commissioner"
    letterhead.sections[0].footer.paragraphs[0].text = "Registered address"
    letterhead.add_paragraph("Placeholder body text that must go")
    path = tmp_path / "letterhead.docx"
    letterhead.save(str(path))
    document = word("# Response\n\nBody.\n", path)
    assert document.sections[0].header.paragraphs[0].text == "Office of the Police and Crime Commissioner"
    assert document.sections[0].footer.paragraphs[0].text == "Registered address"
    assert [p.text for p in document.paragraphs] == ["Response", "Body."]


def test_a_file_that_is_not_word_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "letterhead.docx"
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(S55Error, match=r"letterhead\.docx: .*Word"):
        build_docx("Text\n", path, "T", "A")


def test_pasted_control_characters_do_not_break_word() -> None:
    draft = load_draft(EXAMPLE).draft
    draft.response.pcc_comments = "Pasted\x0bfrom Word\x0c with \x01 controls \ufffe and a tab\there"
    document = word(render_markdown(draft))
    assert any("Pasted" in p.text for p in document.paragraphs)


def test_the_file_carries_nothing_of_the_template_it_was_built_from() -> None:
    """python-docx's default template left a thumbnail of another page, "Microsoft Macintosh
    Word" with 1 page and 0 words, and a bibliography store in every file."""
    import zipfile

    data = build_docx("# A title\n\nSome words.", REFERENCE_DOCX, "A title", "Norfolk OPCC")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode("utf-8")
        types = package.read("[Content_Types].xml").decode("utf-8")
    assert not [name for name in names if "thumbnail" in name or name.startswith("customXml/")]
    assert "<Application>s55tui</Application>" in app
    assert not any(tag in app for tag in ("<Pages>", "<Words>", "Macintosh", "<Template>"))
    assert "customXml" not in types and "jpeg" not in types
    assert docx.Document(io.BytesIO(data)).paragraphs[1].text == "Some words."  # it opens


def test_a_responses_label_under_its_item_is_a_heading_kept_with_its_text(tmp_path: Path) -> None:
    """ "Force response:" was a bold Normal paragraph: stranded at a page foot, missing from
    Word's navigation pane. It is Heading 4 now, under the item's Heading 3."""
    markdown = "### Recommendation 1. To chief constables\n\nAct.\n\n#### Force response\n\nAgreed."
    styles = {p.text: p.style for p in word(markdown).paragraphs}
    assert styles["Recommendation 1. To chief constables"].name == "Heading 3"
    assert styles["Force response"].name == "Heading 4"
    assert styles["Force response"].paragraph_format.keep_with_next
    # a letterhead without Heading 4 borrows the reference's, kept with its text too
    base = docx.Document(str(REFERENCE_DOCX))
    heading_4 = base.styles["Heading 4"].element
    heading_4.getparent().remove(heading_4)
    letterhead = tmp_path / "letterhead.docx"
    base.save(str(letterhead))
    in_letterhead = {p.text: p.style for p in word(markdown, letterhead).paragraphs}
    assert in_letterhead["Force response"].name == "Heading 4"
    assert in_letterhead["Force response"].paragraph_format.keep_with_next
