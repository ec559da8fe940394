"""An item's due date, read from the deadline its own text gives.

Reports put the deadline in the item: "By 31 March 2024, chief constables should ...", "By July
2022", "Not later than 31 March 2015", "Within three months", "Within six months of the date
of this report". The words stay in the text; where a date can be worked out from them (a day,
a month, or a period from the report's publication) it is the item's due date, which the
officer tracks after publishing. "Immediately" and "with immediate effect" give no date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_BY = r"\b(?:by|before|not\s+later\s+than|no\s+later\s+than|by\s+the\s+end\s+of)\s+"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"
_DAY = r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
_ON_DAY = re.compile(rf"{_BY}{_DAY}{_MONTH}\s+{_YEAR}", re.I)
_IN_MONTH = re.compile(rf"{_BY}(?:the\s+end\s+of\s+)?{_MONTH}\s+{_YEAR}", re.I)
_WITHIN = re.compile(
    r"\bwithin\s+(?:the\s+next\s+)?(?P<count>\d{1,3}|" + "|".join(_COUNTS) + r")\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\b",
    re.I,
)


@dataclass(frozen=True)
class Due:
    """A deadline found in an item's text: its words, and its date where one can be worked out
    (None for a period when the report's publication date is not known)."""

    words: str
    on: date | None


def find_due(text: str, published: date | None) -> Due | None:
    """The first deadline in ``text`` that gives a date, or None. A period ("within three
    months") counts from ``published``; without it the words are kept and the date is None."""
    found = []
    for pattern in (_ON_DAY, _IN_MONTH, _WITHIN):
        match = pattern.search(text)
        if match is not None:
            found.append(match)
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    words = " ".join(match.group(0).split())
    groups = match.groupdict()
    if groups.get("unit"):
        return Due(words, _after(published, match.group("count"), match.group("unit")))
    year, month = int(match.group("year")), _MONTHS[match.group("month").lower().rstrip(".")]
    if groups.get("day"):
        try:
            return Due(words, date(year, month, int(match.group("day"))))
        except ValueError:  # "By 31 April 2024": a date that does not exist is no date
            return None
    return Due(words, date(year, month, calendar.monthrange(year, month)[1]))


def _after(published: date | None, count: str, unit: str) -> date | None:
    if published is None:
        return None
    number = int(count) if count.isdigit() else _COUNTS[count.lower()]
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return published + timedelta(days=number)
    if unit == "week":
        return published + timedelta(weeks=number)
    months = number * (12 if unit == "year" else 1)
    year, month = divmod(published.month - 1 + months, 12)
    year, month = published.year + year, month + 1
    return date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
