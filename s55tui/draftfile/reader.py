"""Read a draft file into the model, or say in one line exactly what is wrong with it.

Reading uses ``tomllib`` (fast, strict, with line and column on syntax errors). The text as
read is kept on the draft so that saving can lay the officer's comments and unknown keys
back down with ``tomlkit``; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from s55tui import __version__
from s55tui.draftfile import schema
from s55tui.draftfile.schema import FieldError, describe, shown
from s55tui.errors import DraftError
from s55tui.model import (
    FORMAT_VERSION,
    ChecklistEntry,
    Consultation,
    Draft,
    Item,
    Office,
    Report,
    Response,
)
from s55tui.tomlread import parse_toml, read_toml_text


@dataclass
class FileState:
    """What the file layer remembers about where a draft came from, to save it faithfully."""

    text: str
    document: Any = None  # the tomlkit document, parsed on first save
    # What each [[items]]/[[checklist]] table of ``document`` was last given, by the table's
    # id (the table is kept beside its values, so the id cannot be reused): a save skips every
    # table whose item has not changed since, which at 10,000 items is most of a save's time.
    written: dict[int, tuple[Any, tuple[Any, ...]]] = field(default_factory=dict)
    # Whether ``text`` is the canonical text of its draft (``canonical.is_canonical``): then it
    # is saved by writing the new canonical text, without the slow parse into ``document``.
    # None until looked at (off the app's thread, before the first save).
    canonical: bool | None = None


@dataclass
class LoadResult:
    """A draft read from a file, and the warnings (unknown keys, ...) found on the way."""

    draft: Draft
    warnings: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The draft file's text, or a plain one-line reason why it cannot be had."""
    return read_toml_text(path, DraftError, "a draft")


def load_draft(path: str | Path) -> LoadResult:
    """Read and check the draft at ``path``."""
    path = Path(path)
    return parse_draft(read_text(path), str(path))


def parse_draft(text: str, source: str = "<draft>") -> LoadResult:
    """Turn a draft's text into the model; ``source`` names it in messages."""
    data = parse_toml(text, source, DraftError)
    warnings: list[str] = []
    try:
        draft = _build(data, warnings)
    except FieldError as error:
        raise DraftError(f"{source}: {error}") from None
    draft.file_state = FileState(text)
    return LoadResult(draft, warnings)


def _build(data: dict[str, Any], warnings: list[str]) -> Draft:
    """Check every key of a parsed file and build the draft, collecting warnings."""
    _check_format(data, warnings)
    for key in data:
        if key not in schema.TOP_LEVEL:
            warnings.append(f"{shown(key)}: unknown key, kept as it is")
    if "report" not in data:
        raise FieldError("report", "missing; a draft needs a [report] table with title and published")
    report = Report(**_section(data, "report", warnings))
    office = Office(**_section(data, "office", warnings))
    response = Response(**_section(data, "response", warnings))
    consultation = Consultation(**_section(data, "consultation", warnings))
    items = [
        Item(**values, origin=i) for i, values in enumerate(_array(data, "items", schema.ITEM, warnings))
    ]
    checklist = [
        ChecklistEntry(**values, origin=i)
        for i, values in enumerate(_array(data, "checklist", schema.CHECKLIST, warnings))
    ]
    _warn_duplicates(items, warnings)
    return Draft(report, office, response, items, checklist, consultation)


def _check_format(data: dict[str, Any], warnings: list[str]) -> None:
    """Refuse formats this version does not know, naming the version that wrote them."""
    if "format" not in data:
        warnings.append(f"format: missing; read as format {FORMAT_VERSION}")
        return
    value = data["format"]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise FieldError("format", f"expected the number {FORMAT_VERSION}, found {describe(value)}")
    if value > FORMAT_VERSION:
        writer = data.get("written_by")
        needs = (
            f"it was written by {writer}: install that version or later"
            if isinstance(writer, str)
            else ("install a newer s55tui")
        )
        raise FieldError(
            "format",
            f"this draft is format {value}, newer than s55tui {__version__} can read "
            f"(format {FORMAT_VERSION}); {needs}",
        )


def _fields(
    table: dict[str, Any],
    spec: dict[str, schema.Converter],
    path: str,
    required: tuple[str, ...],
    warnings: list[str],
) -> dict[str, Any]:
    """Convert the known keys of one table; warn about the rest; insist on the required ones."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        converter = spec.get(key)
        if converter is None:
            warnings.append(f"{path}.{shown(key)}: unknown key, kept as it is")
        else:
            values[key] = converter(value, f"{path}.{key}")
            if isinstance(values[key], str) and len(values[key]) > schema.LONG_TEXT:
                warnings.append(
                    f"{path}.{key}: {len(values[key]):,} characters, far longer than any response; "
                    "check it holds only what you meant to paste"
                )
    for key in required:
        if key not in table:
            raise FieldError(f"{path}.{key}", "missing")
    return values


def _section(data: dict[str, Any], name: str, warnings: list[str]) -> dict[str, Any]:
    """One of the single tables: [report], [office], [response]."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise FieldError(name, f"expected a [{name}] table, found {describe(table)}")
    return _fields(table, schema.SECTIONS[name], name, schema.REQUIRED.get(name, ()), warnings)


def _array(
    data: dict[str, Any], name: str, spec: dict[str, schema.Converter], warnings: list[str]
) -> list[dict[str, Any]]:
    """One of the arrays of tables, [[items]] or [[checklist]], numbered from 1 in messages."""
    tables = data.get(name, [])
    if not isinstance(tables, list):
        raise FieldError(name, f"expected [[{name}]] tables, found {describe(tables)}")
    out = []
    for index, table in enumerate(tables, start=1):
        path = f"{name}[{index}]"
        if not isinstance(table, dict):
            raise FieldError(path, f"expected a [[{name}]] table, found {describe(table)}")
        out.append(_fields(table, spec, path, schema.REQUIRED.get(name, ()), warnings))
    return out


def _warn_duplicates(items: list[Item], warnings: list[str]) -> None:
    """Two items with the same kind and number are almost always a copy-and-paste slip."""
    seen: dict[tuple[str, str], int] = {}
    for index, item in enumerate(items, start=1):
        key = (item.kind, item.number)
        if key in seen:
            warnings.append(f"items[{index}]: {shown(item.label)} appears twice (also items[{seen[key]}])")
        else:
            seen[key] = index
