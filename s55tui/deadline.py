"""The 56-day deadline of s.55(5A) and what an officer should be warned about.

The period begins with the day the report is published, so publication day is day 1 and the
last day is ``published + 55 days``. Weekends and bank holidays do not move it; they only
mean the office is shut that day, which is worth a warning while there is still time.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

PERIOD_DAYS = 56


@dataclass(frozen=True)
class Deadline:
    """Where a draft stands against its statutory deadline on a given day."""

    published: date
    last_day: date
    today: date
    days_left: int
    warnings: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        """One word for the state: ``open``, ``today`` or ``passed``."""
        if self.days_left < 0:
            return "passed"
        return "today" if self.days_left == 0 else "open"

    @property
    def summary(self) -> str:
        """A sentence for the check report and the status bar."""
        last = long_date(self.last_day, weekday=True)
        if self.days_left < 0:
            ago = -self.days_left
            return f"last day {last}: passed {ago:,} day{'s' if ago != 1 else ''} ago"
        if self.days_left == 0:
            return f"last day {last}: today"
        left = self.days_left
        return f"last day {last}: {left:,} day{'s' if left != 1 else ''} left"


def last_day(published: date) -> date:
    """The last day of the 56 days beginning with ``published``."""
    return published + timedelta(days=PERIOD_DAYS - 1)


def deadline(published: date, today: date | None = None, *, bank_holidays: bool = True) -> Deadline:
    """Work out the last day, the days left and the warnings for a report.

    ``bank_holidays=False`` leaves out the bank-holiday warning, whose calendar takes about
    0.2 s to build the first time: the app shows the rest at once and the warning after.
    """
    today = today or date.today()
    end = last_day(published)
    warnings: list[str] = []
    holiday = bank_holiday_name(end) if bank_holidays else None
    if holiday:
        warnings.append(f"the last day, {long_date(end, weekday=True)}, is a bank holiday ({holiday})")
    elif end.weekday() >= 5:
        warnings.append(f"the last day, {long_date(end, weekday=True)}, falls at a weekend")
    days_left = (end - today).days
    if days_left < 0:
        warnings.append(f"the last day, {long_date(end)}, has passed")
    return Deadline(published, end, today, days_left, warnings)


def bank_holiday_name(day: date) -> str | None:
    """The name of the England and Wales bank holiday on ``day``, or None."""
    with _calendar_lock:  # two threads asking at once build the calendar once, not twice
        return _holidays(day.year).get(day)


_calendar_lock = threading.Lock()


@lru_cache(maxsize=16)
def _holidays(year: int) -> dict[date, str]:
    """England's bank holidays for one year (Wales has the same ones)."""
    from s55tui.holiday_cache import england_holidays

    return england_holidays(year)


def long_date(day: date, weekday: bool = False) -> str:
    """A date as offices write it: "10 February 2021", or "Wednesday 10 February 2021"."""
    text = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {text}" if weekday else text
