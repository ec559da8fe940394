"""The one sanitiser: what officers paste from Word must come out as plain, safe Markdown."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from s55tui.textclean import clean_line, clean_text


def test_line_endings_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree\x0bfour\u2028five") == "one\ntwo\nthree\nfour\nfive"


def test_page_and_paragraph_breaks_become_blank_lines() -> None:
    assert clean_text("one\x0ctwo\u2029three") == "one\n\ntwo\n\nthree"


def test_control_characters_and_lone_surrogates_go() -> None:
    assert clean_text("a\x00b\x07c\x1fd\x7fe\ufffff\ud800g") == "abcdefg"


def test_controls_that_reorder_what_a_reader_sees_go_but_right_to_left_text_stays() -> None:
    """U+202E would print "we will fund it" as "ti dnuf lliw ew" in the published document."""
    pasted = "We \u202ewill fund\u202c it; \u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u200f(Hebrew)"
    assert clean_text(pasted) == "We will fund it; \u05e9\u05dc\u05d5\u05dd \u200f(Hebrew)"
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert clean_line(f"a{control}b") == "ab"


def test_tabs_quotes_ticks_and_dashes_stay() -> None:
    text = "Title\tvalue “quoted” – em — ✓ it’s"
    assert clean_text(text) == text


def test_word_bullets_become_markdown_bullets() -> None:
    pasted = "\u2022\tfirst\n\uf0b7 second\n\u00b7 third\n    o\tnested\n\u25aa square"
    assert clean_text(pasted) == "- first\n- second\n- third\n    - nested\n- square"


def test_a_word_starting_with_o_is_not_a_bullet() -> None:
    assert clean_text("overall\no'clock") == "overall\no'clock"


def test_a_letter_o_with_nothing_after_it_is_kept_not_taken_for_a_bullet() -> None:
    """Found by the PDF property test: a line "o " (a PDF's no-break space) lost its "o"."""
    assert clean_text("o \nsee o\t") == "o \nsee o\t"
    assert clean_text("o\u00a0\no\u00a0nested") == "o\u00a0\n- nested"  # Word's no-break space after "o"


def test_clean_line_joins_lines() -> None:
    assert clean_line("  Safe to\r\nshare?\x00 ") == "Safe to share?"


@given(st.text())
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text())
def test_cleaned_text_is_xml_safe(text: str) -> None:
    cleaned = clean_text(text)
    assert "\r" not in cleaned
    assert all(
        ch in "\t\n"
        or 0x20 <= ord(ch) < 0x7F
        or 0xA0 <= ord(ch) < 0xD800
        or 0xE000 <= ord(ch) < 0xFFFE
        or ord(ch) > 0xFFFF
        for ch in cleaned
    )


@given(st.text(alphabet="o-x \t\n\r\x0b\x0c\x00\x7f", max_size=12))
@example("o first\n  o\tsecond")
@example("We will:\no review")
def test_plain_looking_text_is_cleaned_as_fully_as_any(text: str) -> None:
    """ASCII text takes a quick look first (a big draft opens with 60,000 texts to clean):
    whatever it lets through has no control character and no Word "o" bullet left."""
    cleaned = clean_text(text)
    assert not any(ch in cleaned for ch in "\r\x0b\x0c\x00\x7f")
    assert not re.search(r"^[ \t]*o[ \t]+\S", cleaned, re.M)
