"""Write the model back as TOML, keeping the officer's comments, order and unknown keys.

A draft read from a file is saved by editing that file's own ``tomlkit`` document: only
values that changed are rewritten, so hand-made formatting of everything else survives, and
keys s55tui does not know are never touched. Items and checklist boxes remember which table
they came from (``origin``), so reordering or deleting items carries their comments along.
Long text is written as a multi-line literal string (``'''...'''``): what is between the
quotes is the text exactly, backslashes included, so it reads and edits by hand as typed, and
it parses about six times faster than a basic string (tomllib reads a basic string a
character at a time, looking for escapes: a 10,000-item draft took 8 s to open, 1.5 s as
literals). Text a literal cannot hold (``'''`` itself, or a control character other than a
tab) is written as a multi-line basic string (between three double quotes), with escapes.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

from s55tui import __version__
from s55tui.draftfile import schema
from s55tui.draftfile.atomic import _reason, write_atomic
from s55tui.draftfile.canonical import HEADER, QUIET_WHEN_EMPTY, canonical_text, is_canonical, literal_ok
from s55tui.draftfile.reader import FileState, read_text
from s55tui.draftfile.schema import FieldError
from s55tui.errors import ChangedOnDiskError, DraftError
from s55tui.model import FORMAT_VERSION, Draft


def dumps_draft(draft: Draft) -> str:
    """The draft as TOML text; the draft's remembered document is updated to match.

    A new file, and a file that holds exactly its canonical text (no comments or hand-made
    spelling to keep), are written as canonical text: no ``tomlkit`` parse, a fraction of a
    second at 10,000 items. Any other file is edited through its own ``tomlkit`` document.
    """
    state = draft.file_state if isinstance(draft.file_state, FileState) else None
    if state is not None and state.canonical is None and state.document is None:
        state.canonical = is_canonical(state.text)
    if state is None or state.canonical:
        text = canonical_text(draft)
        for index, item in enumerate(draft.items):
            item.origin = index  # the table each is written to, as the comment-keeping save keeps
        for index, entry in enumerate(draft.checklist):
            entry.origin = index
        if state is None:
            draft.file_state = FileState(text, canonical=True)
        else:  # the same object: the live draft shares it with the snapshot being saved
            state.text = text
        return text
    return _kept_text(draft, state)


def _kept_text(draft: Draft, state: FileState | None) -> str:
    """The comment-keeping save: ``state``'s document given the draft's values (a new
    document laid out from scratch when ``state`` is None, as the tests compare with
    ``canonical_text``)."""
    import tomlkit  # imported here: only saving needs it, and it is slow to import

    if state is None:
        doc = tomlkit.document()
        for line in HEADER.splitlines():
            doc.add(tomlkit.comment(line))
        doc.add(tomlkit.nl())
        fresh = True
    else:
        if state.document is None:
            state.document = tomlkit.parse(state.text)
            state.written = {}
        doc = state.document
        fresh = False
    _put(doc, "format", FORMAT_VERSION, True)
    _put(doc, "written_by", f"s55tui {__version__}", True)
    for name, spec in schema.SECTIONS.items():
        table = doc.get(name)
        if table is None:
            table = tomlkit.table()
            _put_fields(table, getattr(draft, name), spec, fresh, name)
            if table:  # only add a section that has something to say
                doc[name] = table
        else:
            _put_fields(table, getattr(draft, name), spec, fresh, name)
    written = state.written if state is not None else {}
    now_written: dict[int, tuple[Any, tuple[Any, ...]]] = {}
    _put_array(doc, "items", draft.items, schema.ITEM, written, now_written)
    _put_array(doc, "checklist", draft.checklist, schema.CHECKLIST, written, now_written)
    text = doc.as_string()
    if state is None:
        draft.file_state = FileState(text, doc, now_written, canonical=False)
    else:
        state.text = text
        state.written = now_written
    return text


def save_draft(path: str | Path, draft: Draft, *, loaded_from: str | Path | None = None) -> None:
    """Save atomically to ``path``, keeping the previous version as ``NAME.bak``.

    When ``loaded_from`` is the same file, refuse to save over it if someone else changed it
    on disk since it was read: their work is never silently overwritten.
    """
    path = Path(path)
    if loaded_from is not None and Path(loaded_from) == path and changed_on_disk(path, draft):
        raise ChangedOnDiskError(f"{path}: changed on disk since it was opened; not overwritten")
    _write(path, draft, backup=True)


def changed_on_disk(path: str | Path, draft: Draft) -> bool:
    """Whether the file at ``path`` no longer holds the text ``draft`` was loaded from (or last saved as).

    A missing file, or a draft never loaded from a file, counts as unchanged: there is no
    colleague's work there to lose. A file that is there but cannot be read as the draft's
    text (a colleague's editor saved it in cp1252 or UTF-16, or it cannot be opened) counts
    as changed: whatever it now holds is not what was loaded, and may be their work.
    """
    path = Path(path)
    state = draft.file_state if isinstance(draft.file_state, FileState) else None
    if state is None or not path.exists():
        return False
    try:
        return read_text(path) != state.text
    except DraftError:
        return True


def save_copy(path: str | Path, draft: Draft, *, now: datetime | None = None) -> Path:
    """Keep the officer's version beside a draft that changed on disk; return the copy's path.

    The copy is ``NAME (my copy 2026-11-22 1403).toml`` (no colons: Windows forbids them), with
    ``, 2``, ``, 3``... added rather than ever overwriting a file. The name is claimed with
    O_EXCL, then the text written atomically over that claim. The draft now belongs to the
    copy: save later edits to the returned path, not to ``path``.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DraftError(f"{path}: cannot save a copy: the folder {folder} does not exist")
    stamp = f"{(now or datetime.now()):%Y-%m-%d %H%M}"
    for number in range(1, 1000):
        suffix = "" if number == 1 else f", {number}"
        copy = path.with_name(f"{path.stem} (my copy {stamp}{suffix}){path.suffix}")
        try:
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _mode_of(path))
        except FileExistsError:
            continue
        except OSError as error:
            raise DraftError(f"{copy}: cannot save a copy: {_reason(error, copy.parent)}") from None
        os.close(fd)
        try:
            _write(copy, draft, backup=False)
        except BaseException:
            copy.unlink(missing_ok=True)  # only ever our own empty claim
            raise
        return copy
    raise DraftError(f"{path}: cannot save a copy: too many copies already made this minute")


def _mode_of(path: Path) -> int:
    """The original's permissions, so colleagues can open the copy in a shared folder too."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666


def _write(path: Path, draft: Draft, *, backup: bool) -> None:
    """Write the draft's text atomically; on failure the draft still knows the file's old text."""
    state = draft.file_state if isinstance(draft.file_state, FileState) else None
    previous = state.text if state is not None else None
    try:
        text = dumps_draft(draft)
    except DraftError as error:
        raise DraftError(f"{path}: {error}") from None
    try:
        write_atomic(path, text, backup=backup)
    except DraftError:
        if state is not None and previous is not None:
            state.text = previous  # the file still holds the old text
        raise


def _put_fields(table: Any, obj: Any, spec: dict[str, schema.Converter], fresh: bool, where: str) -> None:
    """Write each known field of ``obj`` into ``table``, leaving unknown keys alone.

    ``where`` ("report", "items[3]") names the table in a message about a value that cannot be saved.
    """
    defaults = {f.name: f.default for f in dataclasses.fields(obj) if f.default is not dataclasses.MISSING}
    for key, convert in spec.items():
        value = getattr(obj, key)
        if value is not None:
            try:
                value = convert(value, f"{where}.{key}")  # write exactly what reading it back will give
            except FieldError as error:
                raise DraftError(f"cannot save: {error}") from None
        if key in schema.NESTED:
            _put_nested(table, key, value, schema.NESTED[key], f"{where}.{key}")
            continue
        quiet = not value and key in QUIET_WHEN_EMPTY
        _put(table, key, value, fresh and not quiet, defaults.get(key))


def _put_nested(
    table: Any, key: str, objects: list[Any], spec: dict[str, schema.Converter], where: str
) -> None:
    """An item's ``[[items.updates]]``: each table the file has is kept (with its comments) and
    given its object's values; new objects are appended as new tables; none at all, no key."""
    import tomlkit

    existing = table.get(key)
    old_tables = list(existing) if existing is not None else []
    if not objects:
        if existing is not None:
            del table[key]
        return
    if len(old_tables) == len(objects) and all(
        _same_values(old, obj, spec) for old, obj in zip(old_tables, objects, strict=True)
    ):
        return
    array = tomlkit.aot()
    for number, obj in enumerate(objects, start=1):
        if number <= len(old_tables):
            sub = old_tables[number - 1]
            _put_fields(sub, obj, spec, False, f"{where}[{number}]")
        else:
            sub = tomlkit.table()
            _put_fields(sub, obj, spec, True, f"{where}[{number}]")
        _trim_trailing_blank_lines(sub)
        array.append(sub)
    table[key] = array
    array[-1].add(tomlkit.nl())  # one blank line after the last, before the next item


def _same_values(table: Any, obj: Any, spec: dict[str, schema.Converter]) -> bool:
    """Whether ``table`` already holds every value of ``obj`` (nothing to rewrite)."""
    for key in spec:
        value = getattr(obj, key)
        old = table.get(key)
        current = old.unwrap() if hasattr(old, "unwrap") else old
        if value in (None, "", []) and current is None:
            continue
        if current != value:
            return False
    return True


def _put(table: Any, key: str, value: Any, write_new: bool, default: Any = None) -> None:
    """Set one key, rewriting it only if its value changed; dates of None remove the key."""
    import tomlkit

    old = table.get(key)
    if value is None:
        if old is not None:
            del table[key]
        return
    if old is not None:
        current = old.unwrap() if hasattr(old, "unwrap") else old
        if type(current) is type(value) and current == value:
            return
    elif not write_new and (value == default or value in ("", [])):
        return
    if isinstance(value, str):
        multiline = "\n" in value or (key in schema.RICH and bool(value))
        literal = multiline and literal_ok(value)
        table[key] = tomlkit.string(value, literal=literal, multiline=multiline)
    else:
        table[key] = value


def _put_array(
    doc: Any,
    name: str,
    objects: list[Any],
    spec: dict[str, schema.Converter],
    written: dict[int, tuple[Any, tuple[Any, ...]]],
    now_written: dict[int, tuple[Any, tuple[Any, ...]]],
) -> None:
    """Write [[items]] or [[checklist]], reusing each object's own table where it has one.

    ``written`` says what each table was last given; a table whose object still has those
    values is left as it is without looking inside it. ``now_written`` collects the same for
    this save.
    """
    import tomlkit

    existing = doc.get(name)
    old_tables = list(existing) if existing is not None else []
    tables = []
    used: set[int] = set()
    for number, obj in enumerate(objects, start=1):
        origin = obj.origin
        if origin is not None and origin < len(old_tables) and origin not in used:
            used.add(origin)
            table, fresh = old_tables[origin], False
        else:
            table, fresh = tomlkit.table(), True
        # a copy, not the lists themselves: an update appended to an item changes its list in place
        values = tuple(_snapshot(getattr(obj, key)) for key in spec)
        before = written.get(id(table))
        if before is None or before[0] is not table or before[1] != values:
            _put_fields(table, obj, spec, fresh, f"{name}[{number}]")
        now_written[id(table)] = (table, values)
        tables.append(table)
    for index, obj in enumerate(objects):
        obj.origin = index
    if len(tables) == len(old_tables) and all(a is b for a, b in zip(tables, old_tables, strict=True)):
        return
    if not tables:
        if existing is not None:
            del doc[name]
        return
    tables = [_as_block_table(table) for table in tables]
    array = tomlkit.aot()
    for table in tables:
        _trim_trailing_blank_lines(table)
        array.append(table)
    doc[name] = array
    tables[-1].add(tomlkit.nl())  # tomlkit separates the tables; the last needs its own blank line


def _snapshot(value: Any) -> Any:
    """A value as it is now, for comparing at the next save: lists (of addressees, of updates)
    are copied, as they may be changed in place; everything else is immutable already."""
    if isinstance(value, list):
        return tuple(
            dataclasses.astuple(v) if dataclasses.is_dataclass(v) and not isinstance(v, type) else v
            for v in value
        )
    return value


def _as_block_table(table: Any) -> Any:
    """A hand-written inline table (``items = [{ kind = ... }]``) as a ``[[items]]`` table.

    tomlkit cannot put an inline table into an array of tables, so once the items change an
    inline array is rewritten in the usual form, every key and value kept.
    """
    import tomlkit
    from tomlkit.items import InlineTable

    if not isinstance(table, InlineTable):
        return table
    block = tomlkit.table()
    for key, value in table.value.body:
        if key is not None:
            block[key.key] = value
    return block


def _trim_trailing_blank_lines(table: Any) -> None:
    """Drop the blank lines a table carries at its end (comments stay), so moves never add more."""
    from tomlkit.items import Whitespace

    body = table.value.body
    while body and body[-1][0] is None and isinstance(body[-1][1], Whitespace):
        body.pop()
