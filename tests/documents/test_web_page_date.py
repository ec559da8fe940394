"""The web page says when it was published, or, before the response is signed, when it was
written: a reader of an office's site must know how current the response is."""

from __future__ import annotations

from datetime import date

from testdata import DATA

from s55tui.draftfile import load_draft
from s55tui.render.export import ExportSettings, render_all


def _page(draft, **settings) -> str:
    return render_all(draft, ["html"], None, ExportSettings(**settings))["html"].decode("utf-8")


def test_a_signed_response_says_it_was_published_the_day_it_was_signed() -> None:
    draft = load_draft(DATA / "render" / "letter-custody.toml").draft  # signed on 2 May 2025
    page = _page(draft, today=date(2026, 1, 15))
    assert '<footer>\n<p>Published <time datetime="2025-05-02">2 May 2025</time></p>\n</footer>' in page
    assert page.index("</main>") < page.index("<footer>") < page.index("</body>")
    assert "2026" not in page


def test_an_unsigned_response_says_when_it_was_last_written() -> None:
    draft = load_draft(DATA / "render" / "letter-custody.toml").draft
    draft.response.signed_on = None
    assert '<p>Updated <time datetime="2026-01-15">15 January 2026</time></p>' in _page(
        draft, today=date(2026, 1, 15)
    )


def test_a_fragment_for_the_offices_own_page_carries_no_date() -> None:
    draft = load_draft(DATA / "render" / "letter-custody.toml").draft
    page = _page(draft, today=date(2026, 1, 15), fragment=True)
    assert "<footer>" not in page and "Published" not in page
