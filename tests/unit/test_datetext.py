"""Dates as officers type them into the app: every plain form is read, nothing is guessed."""

from __future__ import annotations

from datetime import date

import pytest

from s55tui.datetext import DateTextError, read_date


@pytest.mark.parametrize(
    "typed",
    [
        "2020-12-17",
        " 2020-12-17 ",
        "17/12/2020",
        "17/12/ 2020",
        "17.12.2020",
        "17-12-2020",
        "17 December 2020",
        "17 Dec 2020",
        "17th December 2020",
        "Thursday 17 December 2020",
        "thu 17 dec. 2020",
        "17 DECEMBER 2020",
    ],
)
def test_every_plain_form_of_a_date_is_read(typed: str) -> None:
    assert read_date(typed) == date(2020, 12, 17)


def test_numbers_are_read_day_first_as_in_england_and_wales() -> None:
    assert read_date("3/4/2021") == date(2021, 4, 3)
    assert read_date("2021-04-03") == date(2021, 4, 3)


def test_an_empty_field_is_no_date_unless_one_is_needed() -> None:
    assert read_date("   ") is None
    with pytest.raises(DateTextError, match="a date is needed here; write it as 2020-12-17 or 17/12/2020"):
        read_date("", required=True)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("2021-02-30", "there is no day 30 in February 2021"),
        ("31/04/2021", "there is no day 31 in April 2021"),
        ("17/13/2020", "there is no month 13; write it as 2020-12-17 or 17/12/2020"),
        ("17/12/20", "write the year in full (17/12/2020?)"),
        ("17 Dec 20", "write the year in full, as 2020"),
        ("17 Decembre 2020", "“decembre” is not a month; write it as 2020-12-17 or 17/12/2020"),
        ("0001-01-01", "the year must be from 1900 to 2199"),
        ("17/12/9999", "the year must be from 1900 to 2199"),
        ("next Tuesday", "not a date; write it as 2020-12-17 or 17/12/2020"),
        ("20201217", "not a date; write it as 2020-12-17 or 17/12/2020"),
        ("2020-12-1", "not a date; write it as 2020-12-17 or 17/12/2020"),  # half retyped
    ],
)
def test_what_cannot_be_read_says_why_in_plain_words(typed: str, reason: str) -> None:
    with pytest.raises(DateTextError) as caught:
        read_date(typed)
    assert str(caught.value) == reason
