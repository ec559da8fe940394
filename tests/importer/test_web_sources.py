"""A report's web page, saved from a browser or fetched by its address, and its PDF by address.

The page's menus, breadcrumbs, cookie banner and footer are not the report; the items in it
are found as in any other source. Fetching is tried against a server on this machine, never
the internet: an address that answers with an error, or none at all, is one line naming it.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from testdata import DATA

from s55tui.cli.main import main
from s55tui.errors import S55Error
from s55tui.importer import recognise
from s55tui.importer.sources import read_source

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><title>Loamshire PEEL 2023 - HMICFRS</title>
<script>var tracking = "Recommendation 9: not an item";</script>
<style>.x { color: red }</style></head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<div id="cookie-banner"><p>We use cookies. Recommendation 8: accept them all.</p><button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/pubs">Publications</a></li></ul></nav></header>
<div class="breadcrumbs">Part of: <a href="/peel">PEEL 2023</a></div>
<main id="main">
<h1>PEEL 2023: Loamshire Police</h1>
<p>Last updated 03/05/2023</p>
<h2>Areas for improvement</h2>
<h3>Area for improvement 1</h3>
<p>The force should answer <strong>101</strong> calls more quickly.</p>
<h3>Area for improvement 2</h3>
<p>Within six months, the force should:</p>
<ul><li>review how it records crime; and</li><li>train its staff in the new standard.</li></ul>
<h2>Our findings</h2>
<p>The force is good at keeping people safe.</p>
</main>
<footer><p>Recommendation 7: see our privacy notice.</p></footer>
</body></html>
"""


def _check_page_items(text: str) -> None:
    found = recognise(text).items
    assert [(i.label, i.to) for i in found] == [
        ("Area for improvement 1", ["chief-constables"]),
        ("Area for improvement 2", ["chief-constables"]),
    ]
    assert found[0].text == "The force should answer 101 calls more quickly."
    assert found[1].text == (
        "Within six months, the force should:\n"
        "- review how it records crime; and\n"
        "- train its staff in the new standard."
    )


def test_a_saved_web_page_gives_the_reports_items_and_none_of_its_menus(tmp_path: Path) -> None:
    saved = tmp_path / "Loamshire PEEL 2023.html"
    saved.write_text(PAGE, encoding="utf-8")
    source = read_source(saved)
    assert source.kind == "web page"
    for chrome in ("Skip to content", "cookies", "Publications", "Part of", "privacy", "tracking"):
        assert chrome not in source.text
    _check_page_items(source.text)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A web server on this machine serving ``tmp_path``; its address."""
    (tmp_path / "peel.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes((DATA / "import" / "report.pdf").read_bytes())

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)

        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_report_page_is_fetched_by_its_address(server: str) -> None:
    source = read_source(f"{server}/peel.html")
    assert (source.kind, source.label) == ("web page", f"{server}/peel.html")
    _check_page_items(source.text)


def test_a_report_pdf_is_fetched_by_its_address_and_read_as_a_pdf(server: str) -> None:
    fetched = read_source(f"{server}/report.pdf")
    assert fetched.kind == "pdf"
    assert fetched.text == read_source(DATA / "import" / "report.pdf").text


def test_an_address_that_fails_is_one_line_naming_it(server: str, capsys) -> None:
    with pytest.raises(
        S55Error,
        match=r"^http://127\.0\.0\.1:\d+/missing\.html: could not be fetched \(the site answered 404",
    ):
        read_source(f"{server}/missing.html")
    with socket.socket() as unused:  # a port nothing listens on: as good as being offline
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    assert main(["import", f"http://127.0.0.1:{port}/report"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"s55tui: http://127.0.0.1:{port}/report: could not be fetched (")
    assert "\n" not in err and "Traceback" not in err
