"""Dates as officers type them: ISO, the British day-first forms, and the date written out.

A date field in the app used to take only ``2020-12-17``; an officer who typed ``17/12/2020``
(the way every British form asks for it) was refused, and one who cleared the field saved a
draft with no publication date, which no longer opened. Here every form an officer would
type is read as the date it plainly is; what cannot be read gets a reason in plain words,
and the caller keeps the last good date.

Day-first is the only numeric order read: ``03/04/2021`` is 3 April, as it is in England
and Wales. A two-digit year is refused rather than guessed, and the ISO form must be whole
(``2020-12-1`` is a date half retyped, not 1 December), since the field is read as it is
typed and the draft is saved from it.
"""

from __future__ import annotations

import re
from datetime import date

from s55tui.draftfile.schema import FIRST_YEAR, LAST_YEAR

__all__ = ["DateTextError", "read_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")  # in full: "2020-12-1" is a date being typed
_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d+)")
_WRITTEN = re.compile(
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
    r"(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d+)"
)
HOW = "write it as 2020-12-17 or 17/12/2020"


class DateTextError(ValueError):
    """A typed date that cannot be read; ``str()`` is the reason, for the line under the field."""


def read_date(text: str, *, required: bool = False) -> date | None:
    """The date ``text`` means, or None when it is empty and not ``required``.

    Raises ``DateTextError`` with a plain reason: empty but required, not a date at all, a
    day that does not exist (30 February), a two-digit year, or a year outside 1900-2199
    (the years a draft file accepts).
    """
    typed = " ".join(text.split()).lower()
    if not typed:
        if required:
            raise DateTextError(f"a date is needed here; {HOW}")
        return None
    found = _ISO.fullmatch(typed)
    if found:
        year, month, day = (int(part) for part in found.groups())
    elif found := _DAY_FIRST.fullmatch(typed):
        day, month, year = (int(part) for part in found.groups())
        if len(found.group(3)) != 4:
            raise DateTextError(f"write the year in full ({day}/{month}/20{found.group(3)[-2:]:0>2}?)")
    elif found := _WRITTEN.fullmatch(typed):
        month_number = _MONTHS.get(found.group(2))
        if month_number is None:
            raise DateTextError(f"“{found.group(2)}” is not a month; {HOW}")
        day, month, year = int(found.group(1)), month_number, int(found.group(3))
        if len(found.group(3)) != 4:
            raise DateTextError("write the year in full, as 2020")
    else:
        raise DateTextError(f"not a date; {HOW}")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateTextError(f"the year must be from {FIRST_YEAR} to {LAST_YEAR}")
    try:
        return date(year, month, day)
    except ValueError:
        if not 1 <= month <= 12:
            raise DateTextError(f"there is no month {month}; {HOW}") from None
        raise DateTextError(f"there is no day {day} in {date(year, month, 1):%B %Y}") from None
