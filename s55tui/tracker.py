"""Every item of every draft in a folder, one row each, most urgent first: the panel's tracker.

Offices keep a spreadsheet of every open recommendation across years of reports, updated by
hand. The drafts already hold every item, its due date and its progress updates, so the
tracker is read from them: nothing is typed twice. Each row has a RAG rating: red when the
item is past its due date and not closed; amber when it is due within 30 days, or has had no
update for 90 days since the response was published; green otherwise; closed items (complete,
no further action, superseded, no local action) are shown as such, last. A draft that cannot
be read is a row of its own with the one-line reason, and the rest still appear. Nothing here
imports textual.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from s55tui.draftfile import load_draft
from s55tui.errors import S55Error
from s55tui.model import Draft, Item
from s55tui.paths import LOCAL_PROFILE
from s55tui.vocab import ADDRESSEES, CLOSED_STATUSES, STATUSES

RED, AMBER, GREEN, CLOSED = "red", "amber", "green", "closed"
FORMATS = ("table", "csv", "xlsx", "md", "html")  # how ``s55tui tracker`` can write it
RAG_WORDS = {RED: "Red", AMBER: "Amber", GREEN: "Green", CLOSED: "Closed"}
DUE_SOON_DAYS = 30
STALE_DAYS = 90
_RAG_ORDER = {RED: 0, AMBER: 1, GREEN: 2, CLOSED: 3, "": 4}
_CLOSED = CLOSED_STATUSES | {"no-local-action"}


@dataclass(frozen=True)
class TrackerRow:
    """One item of one draft as the tracker shows it; ``error`` set for a draft that cannot be read."""

    path: Path
    report: str = ""
    published: date | None = None  # the report's publication date
    item: str = ""  # "Recommendation 4"
    index: int = -1  # the item's place in its draft, to open it there
    addressees: str = ""
    due: date | None = None
    status: str = ""  # the status's key: "in-progress"
    last_update: str = ""
    last_update_on: date | None = None
    days_open: int | None = None
    rag: str = ""
    error: str = ""

    @property
    def status_words(self) -> str:
        return STATUSES.get(self.status, self.status)


def draft_paths(folder: Path) -> list[Path]:
    """Every draft under ``folder``: ``*.toml`` at any depth, not hidden, not an office profile."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root) / name
            for name in sorted(files)
            if name.endswith(".toml") and not name.startswith(".") and name != LOCAL_PROFILE
        ]
    return found


def tracker_rows(folder: Path, today: date, *, open_only: bool = False) -> list[TrackerRow]:
    """The tracker of ``folder`` on ``today``, most urgent first; ``open_only`` leaves out closed items."""
    rows: list[TrackerRow] = []
    for path in draft_paths(folder):
        try:
            draft = load_draft(path).draft
        except S55Error as error:
            shown = str(path.relative_to(folder)) if path.is_relative_to(folder) else str(path)
            rows.append(TrackerRow(path, report=shown, error=str(error).replace(str(path), shown)))
            continue
        rows += [row_of(path, draft, index, item, today) for index, item in enumerate(draft.items)]
    if open_only:
        rows = [row for row in rows if row.error or row.rag != CLOSED]
    return sorted(rows, key=_urgency)


def row_of(path: Path, draft: Draft, index: int, item: Item, today: date) -> TrackerRow:
    """One item's row, as it stood on ``today``: an update dated later is not counted yet (a
    tracker "as at" the end of a quarter must not show the progress made after it)."""
    item = replace(item, updates=[u for u in item.updates if u.on is None or u.on <= today])
    latest = item.latest_update
    status = item.current_status
    published = draft.report.published
    closed_on = latest.on if latest is not None and status in _CLOSED else None
    days_open = None if published is None else ((closed_on or today) - published).days
    return TrackerRow(
        path=path,
        report=draft.report.title,
        published=published,
        item=item.label,
        index=index,
        addressees=", ".join(ADDRESSEES.get(a, a) for a in item.to),
        due=item.due,
        status=status,
        last_update=latest.text if latest is not None else "",
        last_update_on=latest.on if latest is not None else None,
        days_open=days_open,
        rag=rag(draft, item, today),
    )


def rag(draft: Draft, item: Item, today: date) -> str:
    """Red, amber, green or closed, by the rules in the module's docstring."""
    if item.current_status in _CLOSED:
        return CLOSED
    if item.due is not None and item.due < today:
        return RED
    if item.due is not None and (item.due - today).days <= DUE_SOON_DAYS:
        return AMBER
    latest = item.latest_update
    last = latest.on if latest is not None and latest.on is not None else draft.response.published
    if last is not None and (today - last).days > STALE_DAYS:
        return AMBER
    return GREEN


def _urgency(row: TrackerRow) -> tuple[int, date, int, str, str, int]:
    return (
        _RAG_ORDER.get(row.rag, 4) if not row.error else -1,  # an unreadable draft first: it hides items
        row.due or date.max,
        -(row.days_open or 0),
        row.report.casefold(),
        str(row.path),
        row.index,
    )
