"""The web page as a reader gets it: on a 320 px phone, printed, and pasted into a site.

A long web address made the page 1,050 px wide on a phone (WCAG 1.4.10 asks for no sideways
scrolling at 320 px); printed, headings were stranded at page feet and links lost their
address; the record's row labels were plain cells. The browser tests use Chromium where it is
installed (Debian: ``apt-get install chromium``) and are skipped with that reason elsewhere.
"""

from __future__ import annotations

import html
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from s55tui.cli import main
from s55tui.draftfile import save_draft
from s55tui.model import Draft, Item, Office, Report, Response
from s55tui.render.export import ExportSettings, render_all

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)"
)
ADDRESS = (
    "https://www.justiceinspectorates.gov.uk/hmicfrs/publications/safe-to-share-liberty-and-southall-"
    "black-sisters-super-complaint-on-policing-and-immigration-status/?utm_source=a-long-tracking-value"
)


def _draft(template: str = "narrative") -> Draft:
    answer = (
        f"The report is at <{ADDRESS}>; see also {ADDRESS}, "
        "[the force's plan](https://northshire.example/plan) and Supercalifragilisticexpialidociousness."
    )
    return Draft(
        report=Report(title="An inspection", published=date(2024, 3, 5), url=ADDRESS),
        office=Office(force="Northshire Police", body="Northshire PCC"),
        response=Response(template=template, pcc_comments="I welcome the report."),
        items=[Item("recommendation", "1", ["chief-constables"], "Act.", cc_response=answer)],
    )


def _page(template: str = "narrative") -> str:
    return render_all(_draft(template), ["html"], template, ExportSettings())["html"].decode("utf-8")


def _chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / "chromium-profile"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout


@needs_chromium
def test_on_a_320_px_phone_nothing_is_wider_than_the_screen(tmp_path: Path) -> None:
    # headless Chromium's window is at least 500 px wide: the page goes in a 320 px frame
    outer = tmp_path / "phone.html"
    outer.write_text(
        f'<!DOCTYPE html><html><body><iframe id="f" width="320" height="600" '
        f'srcdoc="{html.escape(_page(), quote=True)}"></iframe><script>'
        'document.getElementById("f").addEventListener("load", () => {'
        ' const page = document.getElementById("f").contentDocument.documentElement;'
        ' document.body.setAttribute("data-width", String(page.scrollWidth)); });'
        "</script></body></html>",
        encoding="utf-8",
    )
    dom = _chromium(tmp_path, "--virtual-time-budget=5000", "--dump-dom", outer.as_uri())
    width = int(dom.split('data-width="')[1].split('"')[0])
    assert width <= 320, f"the page is {width} px wide in a 320 px screen"


@needs_chromium
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_printed_a_link_shows_its_address_once_and_the_pages_are_a4_and_numbered(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(), encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())  # the address wraps anywhere on the page
    assert "theforce'splan(https://northshire.example/plan)" in flat.replace("\u2019", "'")
    assert f"{ADDRESS}({ADDRESS}" not in flat  # a link that is its own address is not printed twice
    assert "Page 1 of" in text
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "pts (A4)" in info  # not US Letter


def test_the_records_row_labels_are_row_headers() -> None:
    page = _page("record")
    assert '<th scope="row">Force</th>' in page
    assert '<th scope="col">Field</th>' in page
    assert "<td>Force</td>" not in page


def test_a_fragment_is_the_text_alone_and_goes_beside_the_whole_page(tmp_path: Path, capsys) -> None:
    draft = tmp_path / "northshire.toml"
    save_draft(draft, _draft())
    assert main(["export", str(draft), "--format", "html"]) == 0
    assert main(["export", str(draft), "--format", "html", "--fragment"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == str(tmp_path / "northshire.fragment.html")
    whole = (tmp_path / "northshire.html").read_text(encoding="utf-8")
    fragment = (tmp_path / "northshire.fragment.html").read_text(encoding="utf-8")
    assert whole.startswith("<!DOCTYPE html>")
    assert fragment.startswith('<div lang="en-GB">') and "<html" not in fragment and "<style" not in fragment
    assert "<h3>Recommendation 1</h3>" in fragment
