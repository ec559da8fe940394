"""The unsaved-edits journal: what was typed while a slow save of a big draft was under way.

A full save of a 10,000-item draft takes over a second (and the first, which must parse the
file to keep its comments, over ten), and text typed meanwhile lived only in memory: a kill
lost seconds of it. Before such a save, and while one is under way, the app writes just the
fields changed since the last full save to a small file beside the draft,
``.NAME.toml.journal``; it takes milliseconds at any size. A full save that has every edit
in it removes the journal.

Opening a draft with a journal beside it brings its edits back, field by field, with three
rules that make a stale or foreign journal harmless:
- a field the file already holds with the journal's value needs nothing;
- a field still holding the value it had when the journal was written (its fingerprint is
  kept) takes the journal's value;
- a field changed in the file since (a colleague's save) is left as the file has it, and the
  officer is told which.
Items added since the last save come back at the end. Moves and removals are not journaled:
they change no words, and the officer is told to check the order.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from s55tui.draftfile.atomic import write_bytes_atomic
from s55tui.draftfile.names import beside
from s55tui.errors import DraftError
from s55tui.model import ChecklistEntry, Draft, Item, Update

JOURNAL_FORMAT = 1
_SECTIONS = ("report", "office", "response", "consultation")

_MISSING = object()  # a field a values map does not hold

Values = dict[str, Any]  # "items@4.cc_response" -> its value, as JSON holds it


def journal_path(path: Path) -> Path:
    """Where the journal of the draft at ``path`` is kept: ``.NAME.journal`` beside it."""
    return beside(path, prefix=".", suffix=".journal")


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:  # nearly every value: asked first (a 10,000-item baseline has 110,000)
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def _fields(obj: Any) -> tuple[str, ...]:
    names = _NAMES.get(type(obj))
    if names is None:  # once per class: dataclasses.fields is slow to ask 10,000 times
        names = _NAMES[type(obj)] = tuple(f.name for f in dataclasses.fields(obj) if f.name != "origin")
    return names


_AS_IS = frozenset({str, int, bool, type(None)})
_NAMES: dict[type, tuple[str, ...]] = {}


def field_values(draft: Draft, only: Iterable[object] | None = None) -> Values:
    """Every field the officer can change, keyed by where it lives in the file; with ``only``,
    the report's, office's and response's fields and those of the items and boxes in it.

    Items and checklist boxes read from the file are keyed by their place in it (``origin``),
    which moves and removals do not change; items not yet saved are left to ``new_items``.
    """
    values: Values = {}
    for section in _SECTIONS:
        obj = getattr(draft, section)
        for name in _fields(obj):
            values[f"{section}.{name}"] = _plain(getattr(obj, name))
    objects = [*draft.items, *draft.checklist] if only is None else list(only)
    for obj in objects:
        if isinstance(obj, Item | ChecklistEntry) and obj.origin is not None:
            kind = "items" if isinstance(obj, Item) else "checklist"
            for name in _fields(obj):
                values[f"{kind}@{obj.origin}.{name}"] = _plain(getattr(obj, name))
    return values


def new_items(draft: Draft) -> list[dict[str, Any]]:
    """The items added since the draft was last saved, whole."""
    unsaved = [item for item in draft.items if item.origin is None]
    return [{n: _plain(getattr(item, n)) for n in _fields(item)} for item in unsaved]


def _print(value: Any) -> str:
    """A short fingerprint of a value, to recognise it again without keeping it."""
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def write_journal(
    path: Path, saved: list[Values], draft: Draft, only: Iterable[object] | None = None
) -> bool:
    """Write what ``draft`` changed since the last full save to the journal; False when there
    was nothing to keep (any old journal is then removed). Raises ``DraftError``.

    ``saved`` is the fields as the file holds them, then as a save under way will leave them:
    a field holding either when the draft is opened again takes the journal's value. ``only``
    names the items and boxes edited since (a 10,000-item draft is not compared in full).
    """
    now = field_values(draft, only)
    changes = [
        {"field": key, "was": sorted({_print(values.get(key)) for values in saved}), "now": value}
        for key, value in now.items()
        if any(values.get(key, _MISSING) != value for values in saved)
    ]
    added = new_items(draft)  # one a save under way writes is told apart when read back
    if not changes and not added:
        remove_journal(path)
        return False
    body = {"format": JOURNAL_FORMAT, "draft": path.name, "changes": changes, "new_items": added}
    write_bytes_atomic(journal_path(path), json.dumps(body, ensure_ascii=False).encode("utf-8"), backup=False)
    return True


def remove_journal(path: Path) -> None:
    """The file now holds every edit the journal kept."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(journal_path(path))


def recover(path: Path, draft: Draft) -> list[str]:
    """Bring the journal's edits back into ``draft`` (just loaded from ``path``): what was done,
    in sentences for the officer; [] when there is no journal. A journal that cannot be read
    is kept, and said so, never applied in part."""
    target = journal_path(path)
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        return [
            f"the unsaved edits in {target.name} could not be read ({error.strerror}); it was left as it is"
        ]
    try:
        body = json.loads(raw.decode("utf-8"))
        changes, added = list(body["changes"]), list(body["new_items"])
    except (ValueError, KeyError, TypeError):
        return [f"{target.name} (unsaved edits kept while saving) is damaged; it was left as it is"]
    now = field_values(draft)
    taken, kept_theirs, added_twice = 0, [], 0
    try:
        for change in changes:
            key, value = str(change["field"]), change["now"]
            if key in now and now[key] == value:
                continue
            if key not in now or _print(now[key]) not in change["was"]:
                kept_theirs.append(_described(draft, key))
                continue
            _set(draft, key, value)
            taken += 1
        known = list(draft.items)
        for fields in added:
            item = Item(**{k: _value_for(Item, k, v) for k, v in fields.items() if k in _fields(Item())})
            if item in known:  # the save under way when s55tui stopped had already written it
                added_twice += 1
                continue
            draft.items.append(item)
    except (KeyError, TypeError, ValueError) as error:
        raise DraftError(f"{target}: unsaved edits that cannot be brought back ({error})") from error
    return _report(path, taken, len(added) - added_twice, kept_theirs)


def _report(path: Path, taken: int, added: int, kept_theirs: list[str]) -> list[str]:
    target = journal_path(path)
    said = []
    if taken or added:
        parts = [f"{taken} edit{'s' if taken != 1 else ''}"] if taken else []
        parts += [f"{added} new item{'s' if added != 1 else ''}"] if added else []
        said.append(
            f"brought back {' and '.join(parts)} typed after the last save, before s55tui stopped "
            "(moves and removals of items made then are not kept: check the order)"
        )
    if kept_theirs:
        where = ", ".join(kept_theirs[:3]) + (" and more" if len(kept_theirs) > 3 else "")
        kept = kept_path(path)
        with contextlib.suppress(OSError):
            kept.write_bytes(target.read_bytes())
        said.append(
            f"the file was changed since, so its version of {where} was kept, not yours; "
            f"yours are in {kept.name}"
        )
    if not said:  # everything it kept is in the file already
        remove_journal(path)
    return said


def kept_path(path: Path) -> Path:
    """Where the officer's edits that met a colleague's change are kept, in sight."""
    return beside(path, suffix=".unsaved-edits.json")


_FIELD_WORDS = {
    "cc_response": "chief constable's response",
    "pcc_response": "commissioner's response",
    "cc_comments": "chief constable's comments",
    "pcc_comments": "commissioner's comments",
    "pcc_reply": "commissioner's reply",
    "on": "date",
}


def _described(draft: Draft, key: str) -> str:
    """A field as the officer names it: "Recommendation 4's chief constable's response"."""
    place, _, name = key.rpartition(".")
    words = _FIELD_WORDS.get(name, name.replace("_", " "))
    kind, _, origin = place.partition("@")
    if kind == "items":
        item = next((i for i in draft.items if i.origin == int(origin)), None)
        return f"{item.label}'s {words}" if item else f"a removed item's {words}"
    if kind == "checklist":
        box = next((b for b in draft.checklist if b.origin == int(origin)), None)
        return f"the checklist's “{box.label}” {words}" if box else f"a checklist box's {words}"
    return f"the {place}'s {words}"


def _set(draft: Draft, key: str, value: Any) -> None:
    """Put ``value`` into the field ``key`` names (``items@4.cc_response``)."""
    place, _, name = key.rpartition(".")
    if place in _SECTIONS:
        obj: Any = getattr(draft, place)
    else:
        kind, _, origin = place.partition("@")
        objects: list[Any] = draft.items if kind == "items" else draft.checklist
        obj = next(o for o in objects if o.origin == int(origin))
    if name not in _fields(obj):
        raise KeyError(key)
    setattr(obj, name, _value_for(type(obj), name, value))


def _value_for(cls: type, name: str, value: Any) -> Any:
    """A JSON value back as the model holds it (dates are ISO strings in the journal)."""
    kind = {f.name: str(f.type) for f in dataclasses.fields(cls)}[name]
    if "date" in kind and isinstance(value, str):
        return date.fromisoformat(value)
    if cls in (Item, ChecklistEntry) and name == "to":
        return [str(v) for v in value]
    if cls is Item and name == "updates":
        return [
            Update(
                on=date.fromisoformat(u["on"]) if u.get("on") else None,
                status=str(u.get("status", "in-progress")),
                text=str(u.get("text", "")),
                evidence=[str(e) for e in u.get("evidence", [])],
            )
            for u in value
        ]
    return value
