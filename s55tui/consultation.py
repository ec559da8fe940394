"""The s.55(4) consultation: when the chief constable's comments are due, and whether they are late.

The law has the policing body invite the chief constable to comment by a date it sets, then
publish those comments with its own within the 56 days. An office that sets no date gets a
default of three weeks before the last day, which leaves time to write the commissioner's
reply (s.55(5)(c)); a date set after the last day is never used, as the comments would come
too late to publish. Nothing here imports textual: the check, the status line and the drafts
list all say the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from s55tui.deadline import last_day, long_date
from s55tui.model import Draft

REPLY_DAYS_BEFORE_LAST_DAY = 21


def default_reply_by(published: date) -> date:
    """Three weeks before the last day of the 56."""
    return last_day(published) - timedelta(days=REPLY_DAYS_BEFORE_LAST_DAY)


def reply_by(draft: Draft) -> date | None:
    """The date the chief constable's comments are due: the one the office set, else the
    default; never after the last day. None without a publication date or a set date."""
    published = draft.report.published
    chosen = draft.consultation.reply_by
    if published is None:
        return chosen
    end = last_day(published)
    return min(chosen or default_reply_by(published), end)


def reply_by_problem(draft: Draft, chosen: date) -> str:
    """Why ``chosen`` cannot be the reply-by date of ``draft`` ("" when it can)."""
    published = draft.report.published
    if published is not None and chosen > last_day(published):
        return (
            f"{long_date(chosen)} is after the last day, {long_date(last_day(published))}: "
            "the comments would come too late to publish"
        )
    return ""


def reply_by_passed(draft: Draft, today: date) -> str:
    """A warning when the request would ask for a reply by a day already gone ("" otherwise)."""
    due = reply_by(draft)
    if due is None or due >= today:
        return ""
    return (
        f"the reply-by date, {long_date(due)}, has already passed; set a later one "
        "(s55tui consult --reply-by, or reply_by in [consultation])"
    )


@dataclass(frozen=True)
class ConsultationState:
    """Where the consultation stands on a day, in the officer's words."""

    due: date | None
    invited: date | None
    received: date | None
    days_left: int | None  # until ``due``; negative once it has passed
    published: bool = False  # the response is out: nothing is awaited any more

    @property
    def overdue(self) -> bool:
        """Invited, the date has passed, and no reply has come."""
        return self.waiting and self.days_left is not None and self.days_left < 0

    @property
    def waiting(self) -> bool:
        """Invited and no reply yet: the date is worth showing wherever the deadline is."""
        return (
            not self.published and self.invited is not None and self.received is None and self.due is not None
        )

    @property
    def summary(self) -> str:
        """ "chief constable's comments due by Tuesday 19 January 2021 (3 days left)", or
        "received ...", or "not yet invited; comments to be due by ..."."""
        if self.received is not None:
            return f"chief constable's comments received {long_date(self.received)}"
        if self.due is None:
            return "chief constable not yet invited to comment"
        due = long_date(self.due, weekday=True)
        if self.invited is None:
            return f"chief constable not yet invited to comment; comments would be due by {due}"
        left = self.days_left or 0
        if left < 0:
            return f"chief constable's comments due by {due}: {_days(-left)} late, no reply yet"
        when = "today" if left == 0 else f"{_days(left)} left"
        return f"chief constable's comments due by {due} ({when})"


def consultation_state(draft: Draft, today: date) -> ConsultationState:
    """The consultation of ``draft`` as it stands on ``today``."""
    due = reply_by(draft)
    consultation = draft.consultation
    return ConsultationState(
        due=due,
        invited=consultation.invited,
        received=consultation.received,
        days_left=None if due is None else (due - today).days,
        published=draft.response.published is not None,
    )


def _days(number: int) -> str:
    return f"{number:,} day{'' if number == 1 else 's'}"
