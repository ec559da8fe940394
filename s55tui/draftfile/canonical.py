"""The draft as s55tui lays out a new file, written straight to text: a save in a fraction of a second.

The comment-keeping writer edits the file's own ``tomlkit`` document, and parsing a file into
one is slow: 2 s at 1,000 items, 20 s and half a gigabyte at 10,000, on a thread that holds up
the app while it runs. Most drafts never have a comment or an unknown key added by hand: their
text is exactly what s55tui lays out for their values (their *canonical* text). Such a file
has nothing for ``tomlkit`` to keep, so it is saved by writing its canonical text, here, in
plain string building; ``is_canonical`` finds out which files those are. The layout is
``tomlkit``'s own for a new file, character for character (the tests compare the two on
random drafts), and any value whose spelling needs escapes is spelled by ``tomlkit`` itself,
so the two writers never disagree about a file.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from s55tui import __version__
from s55tui.draftfile import schema
from s55tui.draftfile.schema import FieldError
from s55tui.errors import DraftError
from s55tui.model import FORMAT_VERSION, Draft

HEADER = (
    "s55tui draft: a Section 55 response to an inspection report.\n"
    "Safe to edit by hand; the keys are described in s55tui's README. Dates are written\n"
    "like 2020-12-17, without quotes; long text is Markdown between triple quotes."
)
# Keys left out of a new item while empty, so a fresh file is not cluttered with them.
QUIET_WHEN_EMPTY = frozenset({"intro", "notes", "sent_to", "evidence"})
# What a one-line basic string must escape (tomlkit escapes every control character).
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Printable ASCII with tab and newline; and the same without the quote and backslash. A
# bytes ``translate`` that deletes them answers "anything else?" at C speed, for the plain
# ASCII text nearly every value is (a regular expression took most of a 10,000-item save).
_LITERAL_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"
_PLAIN_ASCII = bytes(c for c in range(0x20, 0x7F) if c not in b'"\\')


def canonical_text(draft: Draft) -> str:
    """The text of a new file holding ``draft`` (as ``dumps_draft`` writes one, without tomlkit).

    Raises ``DraftError`` ("cannot save: items[3].kind: ...") for a value that cannot be saved.
    """
    lines = [f"# {line}" for line in HEADER.splitlines()]
    written_by = _string("written_by", f"s55tui {__version__}")
    lines += ["", f"format = {FORMAT_VERSION}", f"written_by = {written_by}"]
    for name, spec in schema.SECTIONS.items():
        fields = _fields(getattr(draft, name), spec, name)
        if fields:
            lines += ["", f"[{name}]", *fields]
    global _laid_out
    earlier = _laid_out
    kept: dict[tuple[str, tuple[Any, ...]], list[str]] = {}
    for name, objects, spec in (
        ("items", draft.items, schema.ITEM),
        ("checklist", draft.checklist, schema.CHECKLIST),
    ):
        for number, obj in enumerate(objects, start=1):
            if number > 1 or lines[-1] != "":  # the list before ends in the blank line between
                lines.append("")
            key = (name, _content(obj, spec))
            try:
                laid_out = earlier.get(key) or _fields(obj, spec, f"{name}[{number}]", nested=name)
                kept[key] = laid_out
            except TypeError:  # a value nothing can hash (a model changed by hand): not kept
                laid_out = _fields(obj, spec, f"{name}[{number}]", nested=name)
            lines += [f"[[{name}]]", *laid_out]
        if objects:
            lines.append("")
    _laid_out = kept
    return "\n".join(lines) + "\n"


# The lines of each item and box of the last text made, by their content: the next save of a
# big draft, a few items edited, lays out only those (a 10,000-item save spent most of its
# time laying out items that had not changed). Keyed by every value written and its type, so
# a hit is the very text laying the item out again would give; replaced whole on each call,
# so it holds one draft's lines at most.
_laid_out: dict[tuple[str, tuple[Any, ...]], list[str]] = {}


def _content(obj: Any, spec: dict[str, schema.Converter]) -> tuple[Any, ...]:
    """Every value ``_fields`` writes for ``obj``, and their types, as something hashable."""
    found = _getters.get(id(spec))
    if found is None:  # once per kind of table: its fields, read in one call, and which nest
        get = operator.attrgetter(*spec)
        found = _getters[id(spec)] = (
            (lambda o: (get(o),)) if len(spec) == 1 else get,
            tuple(schema.NESTED.get(key) for key in spec),
        )
    read, nested = found
    values = read(obj)
    types = tuple(map(type, values))
    if list in types:
        values = tuple(
            _frozen(value, inner) if kind is list else value
            for value, kind, inner in zip(values, types, nested, strict=True)
        )
    return types, values


def _frozen(values: list[Any], nested: dict[str, schema.Converter] | None) -> tuple[Any, ...]:
    if nested is not None:
        return tuple(_content(sub, nested) for sub in values)
    return tuple(map(type, values)), tuple(values)


_getters: dict[
    int, tuple[Callable[[Any], tuple[Any, ...]], tuple[dict[str, schema.Converter] | None, ...]]
] = {}


def is_canonical(text: str) -> bool:
    """Whether ``text`` is exactly the canonical text of the draft it holds: no comment, no
    unknown key, no hand-made spelling for the comment-keeping writer to keep."""
    from s55tui.draftfile.reader import parse_draft
    from s55tui.errors import S55Error

    try:
        return canonical_text(parse_draft(text).draft) == text  # an unknown key is not written
    except S55Error:
        return False


def _fields(obj: Any, spec: dict[str, schema.Converter], where: str, nested: str = "") -> list[str]:
    """``key = value`` lines for each field a new table gets, in the schema's order; a
    nested list of tables (an item's updates) after them, as ``[[items.updates]]``."""
    lines: list[str] = []
    after: list[str] = []
    for key, convert in spec.items():
        value = getattr(obj, key)
        if value is None:
            continue
        try:
            value = convert(value, f"{where}.{key}")  # exactly what reading it back will give
        except FieldError as error:
            raise DraftError(f"cannot save: {error}") from None
        if key in schema.NESTED:
            for number, sub in enumerate(value, start=1):
                sub_fields = _fields(sub, schema.NESTED[key], f"{where}.{key}[{number}]")
                after += ["", f"[[{nested}.{key}]]", *sub_fields]
            if value:
                after.append("")
            continue
        if key in QUIET_WHEN_EMPTY and not value:
            continue
        lines.append(f"{key} = {_value(key, value)}")
    return lines + after


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(key, value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list) and all(isinstance(entry, str) for entry in value):
        return "[" + ", ".join(_one_line(entry) for entry in value) + "]"
    return _tomlkit_value(value)


def _string(key: str, value: str) -> str:
    """A string as the comment-keeping writer spells it: a multi-line literal where it can be."""
    multiline = "\n" in value or (key in schema.RICH and bool(value))
    if not multiline:
        return _one_line(value)
    if literal_ok(value):
        return f"'''{chr(10) if value.startswith(chr(10)) else ''}{value}'''"
    return _tomlkit_string(value, multiline=True)


def literal_ok(value: str) -> bool:
    """Whether a multi-line literal string can hold ``value``: not three single quotes, and no
    control character but tab and newline (both writers ask this, so they spell text alike)."""
    if "'''" in value:
        return False
    if value.isascii():
        return not value.encode("ascii").translate(None, _LITERAL_ASCII)
    return not _CONTROL.search(value)


def _one_line(value: str) -> str:
    """A string on one line between double quotes (as a list's entries always are)."""
    if value.isascii():
        plain = not value.encode("ascii").translate(None, _PLAIN_ASCII)
    else:
        plain = not _NEEDS_ESCAPE.search(value)
    return f'"{value}"' if plain else _tomlkit_string(value, multiline=False)


def _tomlkit_string(value: str, *, multiline: bool) -> str:
    import tomlkit  # text with escapes: tomlkit spells it, so the writers agree exactly

    return str(tomlkit.string(value, literal=False, multiline=multiline).as_string())


def _tomlkit_value(value: Any) -> str:
    import tomlkit

    return str(tomlkit.item(value).as_string())
