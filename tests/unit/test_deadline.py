"""The 56-day deadline: publication day is day 1; weekends and bank holidays warn, not move."""

from __future__ import annotations

from datetime import date

from s55tui.deadline import deadline, last_day, long_date


def test_safe_to_share_last_day_is_10_february_2021() -> None:
    assert last_day(date(2020, 12, 17)) == date(2021, 2, 10)


def test_a_bank_holiday_last_day_is_kept_and_warned_about() -> None:
    due = deadline(date(2022, 11, 2), today=date(2022, 11, 10))
    assert due.last_day == date(2022, 12, 27)
    assert due.days_left == 47
    assert due.state == "open"
    assert due.warnings == [
        "the last day, Tuesday 27 December 2022, is a bank holiday (Christmas Day (observed))"
    ]


def test_a_weekend_last_day_is_warned_about() -> None:
    saturday = deadline(date(2024, 4, 7), today=date(2024, 4, 8))
    assert saturday.last_day == date(2024, 6, 1)
    assert saturday.warnings == ["the last day, Saturday 1 June 2024, falls at a weekend"]


def test_a_weekday_last_day_has_no_warning() -> None:
    assert deadline(date(2020, 12, 17), today=date(2021, 1, 4)).warnings == []


def test_days_left_today_and_passed() -> None:
    assert deadline(date(2020, 12, 17), today=date(2021, 2, 10)).state == "today"
    passed = deadline(date(2020, 12, 17), today=date(2021, 2, 12))
    assert passed.state == "passed"
    assert passed.days_left == -2
    assert "the last day, 10 February 2021, has passed" in passed.warnings
    assert passed.summary == "last day Wednesday 10 February 2021: passed 2 days ago"


def test_long_date_is_written_as_offices_write_it() -> None:
    assert long_date(date(2021, 2, 1)) == "1 February 2021"
    assert long_date(date(2021, 2, 10), weekday=True) == "Wednesday 10 February 2021"
