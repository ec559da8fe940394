"""The drafts folder as a list an officer can act on: one row per draft, most urgent first.

``scan`` reads every draft in a folder into a ``DraftRow``: title, force, deadline and how
many of the responses owed are written. A file that cannot be read is still listed, with the
same one-line message ``s55tui check`` would print, so a broken draft never hides or crashes
the list. The folder operations (``duplicate``, ``archive``, ``new_draft_path``) never
overwrite anything: they pick the next free name instead.

Speed: a draft is read in full with ``load_draft`` (so the error shown is exactly the
check's), but tomllib's parse is most of that cost, so reading "only the row's keys" would
save little. Instead each row is kept, with the draft's size and modification time, in memory
and in ``draft-rows.json`` in the user's cache folder: a refresh, and the next start of the
app, read only the drafts that changed (50 unchanged drafts of 100 items list in a few
milliseconds instead of seconds). What is kept never depends on the day: days left are worked
out at each scan. A rows file that is damaged, from another version, or cannot be written is
simply not used. A first scan of big drafts still takes a moment, so the app runs it in a
worker thread. Nothing here imports textual.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from s55tui import __version__
from s55tui.cache_folder import cache_file, read_json, write_json
from s55tui.consultation import consultation_state
from s55tui.deadline import last_day
from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.atomic import backup_path, write_bytes_atomic
from s55tui.draftfile.journal import journal_path
from s55tui.draftfile.lock import LockHolder, LockUnavailable, acquire
from s55tui.errors import DraftError, S55Error
from s55tui.model import Draft
from s55tui.paths import LOCAL_PROFILE
from s55tui.progress import progress

ARCHIVE = "archive"
SUFFIX = ".toml"
_NAME_LIMIT = 50  # characters of a file name made from a title, before ".toml"
ROWS_FILE = "draft-rows.json"  # in the user's cache folder
# Raise it whenever what a kept row holds, or means, changes: a file of another format (or
# written by another version of s55tui) is not used, so no row is ever read the wrong way.
ROWS_FORMAT = 1


@dataclass(frozen=True)
class DraftRow:
    """What the drafts list shows about one file; ``error`` is set when it cannot be read."""

    path: Path
    title: str = ""
    force: str = ""
    published: date | None = None
    last_day: date | None = None
    days_left: int | None = None  # negative once the last day has passed
    written: int = 0
    owed: int = 0
    cc_due: date | None = None  # while the chief constable's comments are awaited (s.55(4))
    cc_days_left: int | None = None  # until ``cc_due``; negative once they are late
    response_published: date | None = None  # once out, the deadline is history
    error: str = ""

    @property
    def name(self) -> str:
        """The file name, which is how a broken draft (with no title to read) is known."""
        return self.path.name


Stamp = tuple[int, int]  # a file's (size, mtime_ns): a row read at another stamp is out of date

# path -> (stamp, the row as read, without the day-dependent fields).
_cache: dict[Path, tuple[Stamp, DraftRow]] = {}
_cache_lock = threading.Lock()


def forget_rows_in_memory() -> None:
    """Forget every row this process has read, as a fresh start of the app would.

    The rows file on disk stays, so the next scan takes unchanged rows from it: this is how
    the tests see what a second run of s55tui reads.
    """
    with _cache_lock:
        _cache.clear()


def rows_file() -> Path:
    """Where the drafts list's rows are kept between runs: ``draft-rows.json`` in the user's cache folder."""
    return cache_file(ROWS_FILE)


def draft_files(folder: Path) -> list[Path]:
    """The draft files of a folder: ``*.toml``, not hidden, not backups, not the archive.

    ``s55tui.toml`` is an office profile that may sit beside the drafts, not a draft.
    """
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as problem:
        raise DraftError(f"{folder}: cannot read the folder ({problem.strerror or problem})") from None
    return sorted(
        entry
        for entry in entries
        if entry.suffix == SUFFIX
        and not entry.name.startswith(".")
        and entry.name != LOCAL_PROFILE
        and entry.is_file()
    )


def scan(folder: Path, today: date) -> list[DraftRow]:
    """Every draft in ``folder`` as a row, the nearest last day first, unreadable ones last.

    A row comes from memory, else from the rows file, when the draft's size and modification
    time are those it was read at; only the other drafts are opened. The rows file is then
    written again if anything in it changed (and only then), without the rows of this folder's
    drafts that are gone.
    """
    files = draft_files(folder)
    kept = _KeptRows.load()
    rows = [_dated(_row(path, kept), today) for path in files]
    kept.save(folder)
    return sorted(rows, key=_urgency)


def read_row(path: Path) -> DraftRow:
    """One draft's row (without days left), from memory when the file has not changed."""
    return _row(path, None)


def _row(path: Path, kept: _KeptRows | None) -> DraftRow:
    """The row of ``path`` from memory, else from ``kept``, else read; remembered in both."""
    try:
        info = path.stat()
    except OSError:
        return _read(path)[0]  # gone since the folder was listed: its one-line error, not kept
    stamp = (info.st_size, info.st_mtime_ns)
    with _cache_lock:
        cached = _cache.get(path)
    row = cached[1] if cached is not None and cached[0] == stamp else None
    key = os.path.realpath(path)  # one row per file, however the folder was named
    if row is None and kept is not None:
        row = kept.get(key, stamp, path)
    if row is None:
        row, lasting = _read(path)
        if not lasting:
            return row
    with _cache_lock:
        _cache[path] = (stamp, row)
    if kept is not None:
        kept.put(key, stamp, row)
    return row


def _read(path: Path) -> tuple[DraftRow, bool]:
    """The row of the draft at ``path``, and whether it may be kept until the file changes.

    A draft that could not be opened at all (permission denied, a share gone away) is not
    kept: putting that right (chmod, a reconnected share) leaves the size and time as they were,
    so a kept row would show the old error until the draft was next saved.
    """
    try:
        draft = load_draft(path).draft
    except S55Error as error:
        return DraftRow(path, error=str(error)), _opens(path)
    done = progress(draft)
    owed, written = done.owed, done.written
    published = draft.report.published
    return DraftRow(
        path,
        title=draft.report.title,
        force=draft.office.force,
        published=published,
        last_day=last_day(published) if published else None,
        written=written,
        owed=owed,
        cc_due=_comments_awaited_by(draft),
        response_published=draft.response.published,
    ), True


def _comments_awaited_by(draft: Draft) -> date | None:
    """The day the chief constable's comments are due, while they are awaited; else None.

    Whether they are awaited (invited, no reply yet, response not out) depends on the draft
    alone, never on the day, so the row can be kept and still be right tomorrow; the days left
    until the date are worked out at each scan (``_dated``). The day given here only sets the
    state's days left, which is not used.
    """
    state = consultation_state(draft, date.min)
    return state.due if state.waiting else None


def _opens(path: Path) -> bool:
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


@dataclass
class _KeptRows:
    """The rows file as one scan sees it: each draft's row by its real path, with its stamp.

    Rows are kept as plain JSON values (dates as ISO text) and checked one by one when used:
    a row that is not what this version wrote is read from its draft again, never trusted.
    """

    entries: dict[str, Any]
    seen: set[str] = field(default_factory=set)
    changed: bool = False

    @classmethod
    def load(cls) -> _KeptRows:
        """The rows of the rows file, or none when it is missing, damaged or not this version's."""
        stored = read_json(rows_file())
        if (
            isinstance(stored, dict)
            and stored.get("format") == ROWS_FORMAT
            and stored.get("s55tui") == __version__
            and isinstance(stored.get("rows"), dict)
        ):
            return cls(dict(stored["rows"]))
        return cls({})

    def get(self, key: str, stamp: Stamp, path: Path) -> DraftRow | None:
        """The kept row of ``key`` as a row of ``path``, if it was read at ``stamp``."""
        entry = self.entries.get(key)
        try:
            return _from_json(entry, stamp, path) if entry is not None else None
        except (KeyError, TypeError, ValueError, AttributeError):  # damaged or hand-edited: read it again
            return None

    def put(self, key: str, stamp: Stamp, row: DraftRow) -> None:
        """Keep ``row``, read at ``stamp``, for ``key``; the file is written only if that changes it."""
        self.seen.add(key)
        entry = _to_json(row, stamp)
        if self.entries.get(key) != entry:
            self.entries[key] = entry
            self.changed = True

    def save(self, folder: Path) -> None:
        """Drop the rows of ``folder``'s drafts this scan did not find, and write the file if changed.

        Rows of other folders' drafts are kept: the officer may open those again.
        """
        where = os.path.realpath(folder)
        for key in [key for key in self.entries if key not in self.seen and os.path.dirname(key) == where]:
            del self.entries[key]
            self.changed = True
        if self.changed:
            write_json(rows_file(), {"format": ROWS_FORMAT, "s55tui": __version__, "rows": self.entries})


def _to_json(row: DraftRow, stamp: Stamp) -> dict[str, Any]:
    """The day-independent fields of ``row`` as JSON values, with the stamp it was read at."""
    entry: dict[str, Any] = {
        "size": stamp[0],
        "mtime_ns": stamp[1],
        "title": row.title,
        "force": row.force,
        "published": _iso(row.published),
        "last_day": _iso(row.last_day),
        "written": row.written,
        "owed": row.owed,
        "cc_due": _iso(row.cc_due),
        "response_published": _iso(row.response_published),
        "error": row.error,
    }
    if row.error:
        entry["shown"] = str(row.path)  # the error names the path as given: see ``_from_json``
    return entry


def _from_json(entry: Any, stamp: Stamp, path: Path) -> DraftRow | None:
    """The row kept in ``entry`` as a row of ``path``, or None if it was read at another stamp.

    Raises KeyError, TypeError or ValueError when ``entry`` is not a row this version wrote.
    """
    if (_count(entry["size"]), _count(entry["mtime_ns"])) != stamp:
        return None
    error = _text(entry["error"])
    shown = entry.get("shown")
    if error and isinstance(shown, str) and error.startswith(shown):
        # the same file reached by another name ("drafts/a.toml" or the full path): the error
        # names it as this scan does, exactly as ``load_draft`` would
        error = str(path) + error.removeprefix(shown)
    return DraftRow(
        path,
        title=_text(entry["title"]),
        force=_text(entry["force"]),
        published=_day(entry["published"]),
        last_day=_day(entry["last_day"]),
        written=_count(entry["written"]),
        owed=_count(entry["owed"]),
        cc_due=_day(entry["cc_due"]),
        response_published=_day(entry["response_published"]),
        error=error,
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"expected a date, found {value!r}")
    return date.fromisoformat(value)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise TypeError(f"expected a count, found {value!r}")
    return value


def _dated(row: DraftRow, today: date) -> DraftRow:
    if row.cc_due is not None:
        row = replace(row, cc_days_left=(row.cc_due - today).days)
    if row.last_day is None:
        return row
    return replace(row, days_left=(row.last_day - today).days)


def _urgency(row: DraftRow) -> tuple[bool, date, str, str]:
    return (row.last_day is None, row.last_day or date.max, row.title.casefold(), row.name)


def slug(title: str) -> str:
    """A file name stem from a title: "Safe to share? Report on ..." -> "safe-to-share".

    The main title before a "?", ":" or dash is enough to know the report by; the rest is
    cut at a word so names stay short enough for a shared drive. Accents are folded to ASCII.
    """
    main = re.split(r"[?:;!]|\s[-–—]\s", title, maxsplit=1)[0]
    if len(re.sub(r"\W", "", main)) < 3:
        main = title
    ascii_text = unicodedata.normalize("NFKD", main).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    stem = ""
    for word in words:
        longer = f"{stem}-{word}" if stem else word
        if len(longer) > _NAME_LIMIT:
            break
        stem = longer
    return stem or (words[0][:_NAME_LIMIT] if words else "draft")


def new_draft_path(folder: Path, title: str) -> Path:
    """A free path in ``folder`` for a new draft of ``title``: "safe-to-share.toml", then "-2"."""
    stem = slug(title)
    return _free(folder, [f"{stem}{SUFFIX}"] + [f"{stem}-{n}{SUFFIX}" for n in range(2, 10_000)])


def file_name_problem(folder: Path, name: str) -> str:
    """Why ``name`` will not do for a new draft in ``folder``, or "" when it will."""
    name = name.strip()
    if not name:
        return "give the draft a file name, such as safe-to-share.toml"
    if "/" in name or "\\" in name:
        return "a file name only, without a folder"
    if name.startswith("."):
        return "a name starting with a dot would be hidden; start with a letter"
    if not name.endswith(SUFFIX):
        return f"end the name with {SUFFIX}"
    if name == LOCAL_PROFILE:
        return f"{LOCAL_PROFILE} is the office profile's name; choose another"
    target = folder / name
    if target.exists() or target.is_symlink():
        return f"{name} already exists; choose another name"
    return ""


def create_draft(path: Path, draft: Draft) -> None:
    """Save a brand-new draft at ``path``, making the folder if needed; never overwrite."""
    if path.exists() or path.is_symlink():
        raise DraftError(f"{path}: already exists; a new draft never overwrites one, choose another name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise DraftError(f"{path.parent}: cannot make the drafts folder ({_why(problem)})") from None
    save_draft(path, draft)


def duplicate(path: Path) -> Path:
    """Copy a draft beside itself as "NAME copy.toml" ("NAME copy 2.toml", ...); return the copy.

    The copy is byte for byte (comments and all), written atomically, and never replaces an
    existing file: the name is claimed first, so two officers duplicating at once get two copies.
    """
    data = _read_bytes(path)
    stem = re.sub(r" copy(?: \d+)?$", "", path.stem)
    names = [f"{stem} copy{SUFFIX}"] + [f"{stem} copy {n}{SUFFIX}" for n in range(2, 10_000)]
    for name in names:
        target = path.with_name(name)
        try:
            with open(target, "x"):
                pass
        except FileExistsError:
            continue
        except OSError as problem:
            raise DraftError(f"{target}: cannot make a copy ({_why(problem)})") from None
        try:
            write_bytes_atomic(target, data, backup=False)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target
    raise DraftError(f"{path}: too many copies already; tidy some away first")


def archive(path: Path) -> Path:
    """Move a draft (and its ``.bak``) into the folder's ``archive/``; return where it went.

    The archive folder is made when needed. A draft of the same name already archived is
    kept: the newcomer becomes "NAME 2.toml".
    """
    if not path.is_file():
        raise DraftError(f"{path}: no such draft to archive")
    # Hold the draft's lock while moving it, so a draft a colleague has open is not pulled
    # from under them (their next save would then make it again, outside the archive).
    held = acquire(path)
    if isinstance(held, LockHolder):
        raise DraftError(f"{path}: cannot archive it: {held.describe()} has it open")
    if isinstance(held, LockUnavailable):
        raise DraftError(f"{path}: cannot archive it: {held.reason}")
    with held:
        return _archive_locked(path)


def _archive_locked(path: Path) -> Path:
    folder = path.parent / ARCHIVE
    try:
        folder.mkdir(exist_ok=True)
    except OSError as problem:
        raise DraftError(f"{folder}: cannot make the archive folder ({_why(problem)})") from None
    names = [path.name] + [f"{path.stem} {n}{SUFFIX}" for n in range(2, 10_000)]
    for name in names:
        target = folder / name
        if backup_path(target).exists():
            continue
        try:
            _move_no_replace(path, target)
        except FileExistsError:
            continue
        except OSError as problem:
            raise DraftError(f"{path}: cannot move it to {folder} ({_why(problem)})") from None
        # its backup, and any edits a killed session kept in its journal, go with it
        for beside_it in (backup_path, journal_path):
            if beside_it(path).exists():
                with contextlib.suppress(OSError):  # the draft is archived; a stray one is harmless
                    _move_no_replace(beside_it(path), beside_it(target))
        with _cache_lock:
            _cache.pop(path, None)
        return target
    raise DraftError(f"{folder}: too many archived drafts called {path.name}")


def _move_no_replace(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, raising FileExistsError rather than replacing it.

    A hard link then unlink is atomic and refuses to replace; folders that cannot link
    (some network shares) fall back to a checked rename.
    """
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    source.unlink()


def _free(folder: Path, names: list[str]) -> Path:
    for name in names:
        candidate = folder / name
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise DraftError(f"{folder}: no free file name left for {names[0]}")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as problem:
        raise DraftError(f"{path}: cannot read the file ({_why(problem)})") from None


def _why(problem: OSError) -> str:
    return problem.strerror.lower() if problem.strerror else str(problem)
