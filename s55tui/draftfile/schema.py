"""The keys of draft format 1, what each may hold, and the one-line message when it does not.

The reader and the writer both walk these tables, so a key is spelled in exactly one place.
Error messages name the field path (``items[3].to``) and say what was expected, because
the person reading them edited the file by hand and needs to find the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from s55tui.model import Update
from s55tui.textclean import clean_text
from s55tui.vocab import ADDRESSEES, ITEM_KINDS, REPORT_TYPES, STATUSES, UPDATE_STATUSES, expected


class FieldError(ValueError):
    """A value that does not fit its key; ``str()`` is the message without the file name."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


Converter = Callable[[Any, str], Any]

# Text longer than this (about 150,000 words, 300 pages) is kept but reported: it is almost
# always a paste that went wrong, and it makes the editor and every export slow.
LONG_TEXT = 1_000_000
# The years a date in a draft may have.
FIRST_YEAR, LAST_YEAR = 1900, 2199

# What must not reach a terminal or a one-line message raw: control characters (an escape
# sequence can clear the screen), line breaks, and lone surrogates (which cannot be printed).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` fit for one line of a message: invisible and line-breaking characters escaped."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def describe(value: Any) -> str:
    """Name a TOML value the way the officer wrote it, for "found ..." in a message."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f'text "{shown(short)}"'
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime):
        return f"a date and time ({value.isoformat()})"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, time):
        return f"a time of day ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def text(value: Any, path: str) -> str:
    """Any text; cleaned by the one sanitiser so the model never holds control characters."""
    if not isinstance(value, str):
        raise FieldError(path, f"expected text in quotes, found {describe(value)}")
    return clean_text(value)


def number(value: Any, path: str) -> str:
    """An item number as printed; a bare TOML integer (``number = 4``) is accepted as "4"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return text(value, path).strip()


def local_date(value: Any, path: str) -> date:
    """A TOML local date such as ``2020-12-17``, without quotes and without a time.

    The year must be a plausible one: a typed 9999 would overflow the 56-day deadline, and
    0202 or 2202 is a slip of the finger either way.
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            between = f"between {FIRST_YEAR} and {LAST_YEAR}"
            raise FieldError(path, f"expected a date {between}, found {value.isoformat()}; check the year")
        return value
    hint = " (write it without quotes)" if isinstance(value, str) else ""
    raise FieldError(path, f"expected a date like 2020-12-17{hint}, found {describe(value)}")


def boolean(value: Any, path: str) -> bool:
    """``true`` or ``false``, as TOML writes them."""
    if isinstance(value, bool):
        return value
    raise FieldError(path, f"expected true or false, found {describe(value)}")


def choice(options: dict[str, str], what: str) -> Converter:
    """A converter that accepts one of ``options`` and names them all when it does not."""

    def convert(value: Any, path: str) -> str:
        word = text(value, path)
        if word not in options:
            raise FieldError(path, f'unknown {what} "{shown(word)}"; expected one of {expected(options)}')
        return word

    return convert


def addressees(value: Any, path: str) -> list[str]:
    """A list of addressees; a single word in quotes is read as a list of one."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        raise FieldError(path, f'expected a list like ["chief-constables"], found {describe(value)}')
    out = []
    for word in values:
        if not isinstance(word, str) or word not in ADDRESSEES:
            found = f'"{shown(word)}"' if isinstance(word, str) else describe(word)
            raise FieldError(path, f"unknown addressee {found}; expected one of {expected(ADDRESSEES)}")
        if word not in out:
            out.append(word)
    return out


def evidence(value: Any, path: str) -> list[str]:
    """Links or file names: a list of texts, or one text read as a list of one."""
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        example = '["https://...", "minutes.pdf"]'
        raise FieldError(path, f"expected a list like {example}, found {describe(value)}")
    return [clean_text(v).strip() for v in values if v.strip()]


def updates(value: Any, path: str) -> list[Update]:
    """An item's progress updates, ``[[items.updates]]`` tables, numbered from 1 in messages."""
    if not isinstance(value, list):
        raise FieldError(path, f"expected [[items.updates]] tables, found {describe(value)}")
    out = []
    for index, table in enumerate(value, start=1):
        where = f"{path}[{index}]"
        if isinstance(table, Update):  # the writer checks the model's own values this way
            table = {"on": table.on, "status": table.status, "text": table.text, "evidence": table.evidence}
            table = {k: v for k, v in table.items() if v is not None}
        if not isinstance(table, dict):
            raise FieldError(where, f"expected a [[items.updates]] table, found {describe(table)}")
        values = {key: UPDATE[key](table[key], f"{where}.{key}") for key in UPDATE if key in table}
        out.append(Update(**values))
    return out


# key -> converter, in the order the writer lays them out for a new draft.
REPORT: dict[str, Converter] = {
    "title": text,
    "type": choice(REPORT_TYPES, "report type"),
    "published": local_date,
    "inspectorate": text,
    "url": text,
    "summary": text,
    "grade": text,
}
OFFICE: dict[str, Converter] = {
    key: text
    for key in (
        *("force", "body", "short", "pcc_title", "pcc_short", "pcc_name", "cc_title", "cc_name"),
        *("letter_to", "greeting"),
    )
}
RESPONSE: dict[str, Converter] = {
    "template": text,
    "version": text,
    "cc_comments": text,
    "pcc_comments": text,
    "pcc_reply": text,
    "signed_by": text,
    "signed_on": local_date,
    "published": local_date,
}
ITEM: dict[str, Converter] = {
    "kind": choice(ITEM_KINDS, "kind"),
    "number": number,
    "to": addressees,
    "intro": text,
    "text": text,
    "notes": text,
    "cc_response": text,
    "pcc_response": text,
    "status": choice(STATUSES, "status"),
    "due": local_date,
    "updates": updates,
}
CHECKLIST: dict[str, Converter] = {"label": text, "done": boolean, "on": local_date}
UPDATE: dict[str, Converter] = {
    "on": local_date,
    "status": choice(UPDATE_STATUSES, "update status"),
    "text": text,
    "evidence": evidence,
}
CONSULTATION: dict[str, Converter] = {
    "sent_to": text,
    "invited": local_date,
    "reply_by": local_date,
    "received": local_date,
}

# Markdown fields: always written between triple quotes, so quotes need no escaping by hand.
RICH = frozenset(
    {
        "summary",
        "cc_comments",
        "pcc_comments",
        "pcc_reply",
        "intro",
        "text",
        "notes",
        "cc_response",
        "pcc_response",
    }
)
# Lists of tables inside a table: written by the writer as arrays of tables, appended to.
NESTED = {"updates": UPDATE}

SECTIONS: dict[str, dict[str, Converter]] = {
    "report": REPORT,
    "office": OFFICE,
    "response": RESPONSE,
    "consultation": CONSULTATION,
}
TOP_LEVEL = ("format", "written_by", "report", "office", "response", "consultation", "items", "checklist")
REQUIRED = {"report": ("title", "published"), "items": ("kind", "number"), "checklist": ("label",)}
