"""The drafts folder as a list an officer can act on: one row per draft, most urgent first.

``scan`` reads every draft in a folder into a ``DraftRow``: title, force, deadline and how
many of the responses owed are written. A file that cannot be read is still listed, with the
same one-line message ``s55tui check`` would print, so a broken draft never hides or crashes
the list. The folder operations (``duplicate``, ``archive``, ``new_draft_path``) never
overwrite anything: they pick the next free name instead.

Speed: each draft is read in full with ``load_draft`` (so the error shown is exactly the
check's), but tomllib's parse is most of that cost, so reading "only the row's keys" would
save little. Instead rows are cached by file size and modification time: a refresh re-reads
only what changed. A first scan of big drafts still takes a moment, so the app runs it in a
worker thread. Nothing here imports textual.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from s55tui.consultation import consultation_state, reply_by
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


# (size, mtime_ns) -> the row as read, without the day-dependent fields.
_cache: dict[Path, tuple[tuple[int, int], DraftRow]] = {}
_cache_lock = threading.Lock()


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
    """Every draft in ``folder`` as a row, the nearest last day first, unreadable ones last."""
    rows = [_dated(read_row(path), today) for path in draft_files(folder)]
    return sorted(rows, key=_urgency)


def read_row(path: Path) -> DraftRow:
    """One draft's row (without days left), from the cache when the file has not changed."""
    try:
        info = path.stat()
        stamp = (info.st_size, info.st_mtime_ns)
    except OSError:
        stamp = None
    with _cache_lock:
        cached = _cache.get(path)
    if stamp is not None and cached is not None and cached[0] == stamp:
        return cached[1]
    row = _read(path)
    if stamp is not None:
        with _cache_lock:
            _cache[path] = (stamp, row)
    return row


def _read(path: Path) -> DraftRow:
    try:
        draft = load_draft(path).draft
    except S55Error as error:
        return DraftRow(path, error=str(error))
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
        cc_due=reply_by(draft) if consultation_state(draft, date.today()).waiting else None,
        response_published=draft.response.published,
    )


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
