"""Word documents shaped like HMICFRS reports and like an office's record form, for the importer tests.

The tests build the .docx files on the fly with python-docx. The PDFs cannot be made with the
project's own dependencies, so they were made once from ``report_docx`` and ``peel_docx`` with
LibreOffice and are committed as ``report.pdf`` and ``peel.pdf``; run this file to make them again::

    python tests/data/import/build_fixtures.py   # needs `soffice` (libreoffice-writer-nogui)

The recommendation text is the real text of "Safe to share?" (tests/data/seeds); recommendations
2, 3 and 7, which the seeds leave out, are short stand-ins addressed to national bodies.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
PDF = HERE / "report.pdf"
PEEL_PDF = HERE / "peel.pdf"
RUNNING_HEADER = "Safe to share? Liberty and Southall Black Sisters' super-complaint"
FOOTER_URL = "www.justiceinspectorates.gov.uk/hmicfrs"

REC1 = (
    "As an interim measure, pending the outcome of recommendation 2, where officers only have concerns or "
    "doubts about a victim's immigration status, we recommend that they immediately stop sharing information "
    "on domestic abuse victims with Immigration Enforcement. Instead, police officers should link the victim "
    "to a third party that can provide advice and assistance, as set out in recommendation 4 "
    "(on the creation of safe reporting pathways).",
    "This applies where police officers have doubts about a victim's immigration status, not where they have "
    "evidence that an offence has been committed. The College of Policing will immediately develop guidance "
    "for the police service to clarify this aspect of practice.",
)
REC1_NOTES = (
    "This recommendation to stop information sharing only applies to victims of domestic abuse.",
    "Any sharing of information should be done in compliance with Information Commissioner\u2019s Office "
    "(ICO) guidance.",
)
REC4_INTRO = (
    "With reference to recommendation 1, and in consultation/collaboration with local or national specialist "
    "organisations, chief constables should take steps to ensure that all migrant victims and witnesses of "
    "crime are effectively supported through safe reporting pathways to the police and other statutory "
    "agencies."
)
REC4_BULLETS = (
    "ensure there is a proper policy and practice framework in place for officers to work within;",
    "promote awareness within their forces of any existing pathways to specialist organisations for "
    "supporting victims with insecure immigration status;",
    "promote police engagement in regular outreach community work, as highlighted as good practice in this "
    "report.",
)
REC5 = (
    "With reference to recommendation 1, pending the developments outlined in other recommendations, and in "
    "consultation/collaboration with local or national specialist organisations, chief constables and police "
    "and crime commissioners should take steps, through the appropriate channels, to promote migrant "
    "victims\u2019 and witnesses\u2019 confidence in reporting crimes to the police through safe reporting "
    "pathways, without fear of prioritised immigration control."
)
REC6 = (
    "Conduct an assessment of local access to specialist victim support organisations or networks and take "
    "any necessary steps to build up such networks."
)
REC8 = (
    "Provide an update to Her Majesty's Chief Inspector of Constabulary on progress in implementing these "
    "recommendations within six months of the date of publication of this report."
)
# (number, addressee line, paragraphs, bullets); 2, 3 and 7 are stand-ins for national bodies.
RECOMMENDATIONS = (
    ("1", "To chief constables", REC1, ()),
    ("2", "To the Home Office", ("Review the current legal and policy framework within twelve months.",), ()),
    ("3", "To the NPCC", ("Develop a safeguarding protocol on sharing information.",), ()),
    ("4", "To chief constables", (REC4_INTRO, "They should:"), REC4_BULLETS),
    ("5", "To chief constables and police and crime commissioners (or equivalents)", (REC5,), ()),
    ("6", "To police and crime commissioners (or equivalents)", (REC6,), ()),
    ("7", "To the College of Policing", ("Update the guidance on victims with insecure status.",), ()),
    ("8", "To all recipients of recommendations from this investigation", (REC8,), ()),
)
FILLER = (
    "The super-complaint has been raised as the originators felt that some features of policing were "
    "significantly harming the interests of the public. The key areas within the complaint focus on the "
    "police passing victim and witness data to the Home Office for immigration enforcement purposes, and the "
    "perception of a culture of police prioritising immigration enforcement over the investigation of crime."
)


def _page_number_field(paragraph: object) -> None:
    """A PAGE field, so every page of the PDF carries its own number in the footer.

    Written as Word writes a field in runs (begin, instruction, separate, result, end), each
    through the run's public ``element``.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    parts = (
        '<w:fldChar {ns} w:fldCharType="begin"/>',
        '<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
        '<w:fldChar {ns} w:fldCharType="separate"/>',
        "<w:t {ns}>1</w:t>",
        '<w:fldChar {ns} w:fldCharType="end"/>',
    )
    for part in parts:
        paragraph.add_run().element.append(parse_xml(part.format(ns=nsdecls("w"))))  # type: ignore[attr-defined]


def report_docx(path: Path, *, running_header: bool = True) -> Path:
    """A report: chapters of findings, then the recommendations with notes, bullets and AFIs."""
    import docx

    document = docx.Document()
    if running_header:
        section = document.sections[0]
        section.header.paragraphs[0].text = RUNNING_HEADER
        section.footer.paragraphs[0].text = FOOTER_URL
        page = section.footer.add_paragraph("Page ")
        _page_number_field(page)
    document.add_heading("Safe to share?", level=0)
    document.add_heading("Summary", level=1)
    for _ in range(6):
        document.add_paragraph(FILLER)
    document.add_heading("Recommendations", level=1)
    for number, to, paragraphs, bullets in RECOMMENDATIONS:
        document.add_heading(f"Recommendation {number}", level=2)
        document.add_paragraph(to)
        for text in paragraphs:
            document.add_paragraph(text)
        for text in bullets:
            document.add_paragraph(text, style="List Bullet")
        if number == "1":
            document.add_heading("Notes to recommendation 1", level=3)
            for text in REC1_NOTES:
                document.add_paragraph(text, style="List Bullet")
    document.add_heading("Areas for improvement", level=1)
    for text in AFIS:
        document.add_paragraph(text, style="List Number")
    document.add_heading("About the investigation", level=1)
    document.add_paragraph(FILLER)
    document.save(str(path))
    return path


AFIS = (
    "The force should make sure that its officers understand the guidance on sharing information.",
    "The force should record when information about a victim is shared with Immigration Enforcement.",
)


def record_docx(path: Path) -> Path:
    """An office's record form: a two-column table whose "Recommendations" row holds the items."""
    import docx

    document = docx.Document()
    document.add_paragraph("PCC and CC Force Supercomplaint response record")
    table = document.add_table(rows=0, cols=2)
    for label, values in (
        ("Force", ["Staffordshire"]),
        ("Recommendations", ["Recommendation 6. To police and crime commissioners (or equivalents)", REC6]),
        ("Areas for improvement", []),
        ("Chief Constable\u2019s response", ["Staffordshire Police have recorded a series of 20 actions."]),
    ):
        cells = table.add_row().cells
        cells[0].text = label
        if values:
            cells[1].text = values[0]
            for value in values[1:]:
                cells[1].add_paragraph(value)
    document.save(str(path))
    return path


# A PEEL-shaped report in our own words (REPORTS.md section 1): a cause of concern with its
# recommendation as a stem and bullets, unnumbered areas for improvement as bullets under their
# heading, a numbered one, paragraph numbers, a footnote mark glued to a word, and a findings
# chapter after them; long enough that the running header falls inside the items.
PEEL_FINDING = (
    "4.{n} We reviewed 60 incident logs from the force control room and found that callers12 who had called "
    "before were not always identified, so the risk they faced was assessed without their history. Staff "
    "told us they did not have the time to search the force systems while the caller was on the line."
)
PEEL_COC = "The force is not answering emergency and non-emergency calls quickly enough."
PEEL_REC_STEM = "Within three months, Loamshire Police should:"
PEEL_REC_BULLETS = (
    "make sure that it has enough call handlers at the busiest times of the day and week;",
    "monitor how many callers abandon their call before it is answered; and",
    "contact again every vulnerable caller who abandons a call.",
)
PEEL_AFI_BULLETS = (
    "The force should improve how it records the risk assessment it makes at the first contact.",
    "The force should make sure that its neighbourhood teams know the repeat victims in their area.",
)
PEEL_AFI_3 = "By March 2025, the force should review how it supervises the investigation of stalking."


def peel_docx(path: Path) -> Path:
    """A PEEL report chapter: findings, a cause of concern and its recommendation, areas for
    improvement as bullets and numbered, then a findings chapter."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "PEEL 2024: An inspection of Loamshire Police"
    page = section.footer.paragraphs[0]
    page.text = "Page "
    _page_number_field(page)
    document.add_heading("Responding to the public", level=1)
    for n in range(1, 9):
        document.add_paragraph(PEEL_FINDING.format(n=n))
    document.add_heading("Cause of concern", level=2)
    document.add_paragraph(PEEL_COC)
    document.add_heading("Recommendations", level=3)
    document.add_paragraph(PEEL_REC_STEM)
    for text in PEEL_REC_BULLETS:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Areas for improvement", level=2)
    for text in PEEL_AFI_BULLETS:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Area for improvement 3", level=2)
    document.add_paragraph(PEEL_AFI_3)
    document.add_heading("Our findings", level=2)
    for n in range(9, 14):
        document.add_paragraph(PEEL_FINDING.format(n=n))
    document.save(str(path))
    return path


def make_pdf() -> None:
    """Convert ``report_docx`` and ``peel_docx`` to PDFs with LibreOffice (run by hand, then commit)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    for build, target in ((report_docx, PDF), (peel_docx, PEEL_PDF)):
        with tempfile.TemporaryDirectory() as folder:
            source = build(Path(folder) / target.with_suffix(".docx").name)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
                check=True,
                capture_output=True,
            )
            shutil.copyfile(Path(folder) / target.name, target)
        print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    make_pdf()
