"""One draft open for editing: the model, where it lives, and whether it is saved.

The app edits ``session.draft`` on its own thread and asks for saves; saving a 1,000-item
draft takes a quarter of a second, so it runs on a worker thread from a *snapshot*: shallow
copies of the model taken in a moment on the app's thread, which the worker turns into TOML
while the officer goes on typing into the live model. When the save lands, the positions the
file layer gave each item are copied back, so the next save still edits the right tables.
Nothing here imports textual, so all of it is tested without a screen.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from s55tui.draftfile import load_draft, save_draft
from s55tui.draftfile.canonical import is_canonical
from s55tui.draftfile.journal import (
    Values,
    field_values,
    journal_path,
    recover,
    remove_journal,
    write_journal,
)
from s55tui.draftfile.lock import DraftLock, LockHolder, acquire, take_over, who_holds
from s55tui.draftfile.reader import FileState
from s55tui.errors import DraftError, LockLostError, S55Error
from s55tui.model import ChecklistEntry, Draft, Item


@dataclass
class Snapshot:
    """A copy of the draft at one edit, cheap to take, safe to save from another thread."""

    draft: Draft
    generation: int
    pairs: list[tuple[Item | ChecklistEntry, Item | ChecklistEntry]] = field(default_factory=list)
    baseline: Values | None = None  # the fields as the file holds them once this is saved


def _snapshot_draft(draft: Draft) -> tuple[Draft, list[tuple[Item | ChecklistEntry, Item | ChecklistEntry]]]:
    """Copy the draft's objects (not its strings, which never change in place)."""
    items = [dataclasses.replace(item, to=list(item.to)) for item in draft.items]
    boxes = [dataclasses.replace(box) for box in draft.checklist]
    for copy, live in zip(items, draft.items, strict=True):
        copy.origin = live.origin
    for box_copy, box in zip(boxes, draft.checklist, strict=True):
        box_copy.origin = box.origin
    snap = dataclasses.replace(
        draft,
        report=dataclasses.replace(draft.report),
        office=dataclasses.replace(draft.office),
        response=dataclasses.replace(draft.response),
        items=items,
        checklist=boxes,
    )
    snap.file_state = draft.file_state
    pairs: list[tuple[Item | ChecklistEntry, Item | ChecklistEntry]] = []
    pairs += zip(draft.items, items, strict=True)
    pairs += zip(draft.checklist, boxes, strict=True)
    return snap, pairs


# A draft whose full save takes longer than this keeps a journal of the edits typed while it
# saves (see ``s55tui.draftfile.journal``); so does one whose file is big enough that the
# first save's parse (to keep its comments) takes as long: about 0.3 s a megabyte.
JOURNAL_AFTER_SECONDS = 0.3
JOURNAL_ABOVE_BYTES = 1_000_000


class DraftSession:
    """A draft being edited, with its save state and its lock.

    ``generation`` counts edits; the draft is saved when ``saved_generation`` has caught up.
    ``read_only`` is set when someone else holds the draft's lock (``holder``, described in
    ``held_by``). The lock is taken, taken over, found lost and released only here, so the
    app and the tests see one story of who may save.
    """

    def __init__(self, path: Path, draft: Draft, warnings: list[str] | None = None) -> None:
        # Absolute from the start: if the folder goes away (a network drive drops) the working
        # folder can no longer be looked up, and a relative path could not be saved or locked.
        self.path = Path(os.path.abspath(path))
        self.draft = draft
        self.warnings = list(warnings or [])
        self.generation = 0
        self.saved_generation = 0
        self.saved_at: datetime | None = None
        self.error: str | None = None
        self.read_only = False
        self.held_by: str | None = None
        self.holder: LockHolder | None = None  # who holds the lock, when it is not us
        self.lock: DraftLock | None = None
        self._save_lock = threading.Lock()
        self._preparing = threading.RLock()  # held while ``prepare_for_saving`` parses
        # The fields as the file holds them (for the journal), the last full save's duration,
        # and the edit count the journal on disk goes up to (-1: none written).
        self.baseline: Values = field_values(draft)
        self._write_seconds = 0.0
        self._journaled = -1
        self._in_flight: Values | None = None  # the fields a save under way is writing
        # What was edited since the last save landed, so the journal need not compare every
        # item: objects by id, with the edit count; and the last edit that could touch any.
        self._touched: dict[int, tuple[object, int]] = {}
        self._all_touched = -1

    @classmethod
    def open(cls, path: Path) -> DraftSession:
        """Load the draft at ``path``, with any edits its journal kept from a save that never
        finished (said in ``warnings``); a file that cannot be read raises ``DraftError``."""
        result = load_draft(path)
        session = cls(path, result.draft, result.warnings)
        try:
            recovered = recover(session.path, session.draft)
        except S55Error as error:  # the journal stays where it is; the draft opens as saved
            recovered = [str(error)]
        session.warnings[:0] = recovered
        if journal_path(session.path).exists() and not any("left as it is" in w for w in recovered):
            session.changed()  # saved soon, and the journal goes once the file has it all
            session._journaled = 0
        return session

    # -- the lock --------------------------------------------------------------------------
    def acquire_lock(self) -> None:
        """Lock the draft, or go read-only saying who holds it; where no lock can be made at all
        (a read-only or unreachable folder) stay editable with a warning: every save is still
        checked against the file on disk."""
        result = acquire(self.path)
        if isinstance(result, DraftLock):
            self.lock, self.holder = result, None
        elif isinstance(result, LockHolder):
            self.read_only, self.holder = True, result
            self.held_by = f"open by {result.describe()}"
        else:
            self.warnings.insert(0, f"not locked ({result.message}); others could open it too")

    def take_over(self) -> None:
        """Take the lock from whoever holds it (the officer confirmed) and read their latest;
        raises ``DraftError``."""
        self.lock = take_over(self.path, self.holder)
        self.read_only, self.holder, self.held_by = False, None, None
        self.reload()

    def lost_to(self) -> str | None:
        """Who took the draft over from us, if someone did (see ``lock_taken``); else None."""
        if not self.lock_taken():
            return None
        try:
            holder = who_holds(self.path)
        except OSError:
            return None
        return holder.describe() if holder else "someone else"

    def lose_lock(self, who: str) -> None:
        """``who`` took the draft over: read-only from now on, and never saved here again."""
        self.read_only, self.lock = True, None
        self.held_by = f"taken over by {who}"

    def release_lock(self) -> None:
        """Let others open the draft again (any number of times)."""
        lock, self.lock = self.lock, None
        if lock is not None:
            lock.release()

    # -- edits -------------------------------------------------------------------------------
    def changed(self, obj: object = None) -> None:
        """Record that the officer changed something: a field of ``obj`` (an item, a checklist
        box, a section), or, when not said, anything (an import, a reload)."""
        self.generation += 1
        if obj is None:
            self._all_touched = self.generation
        else:
            self._touched[id(obj)] = (obj, self.generation)

    @property
    def dirty(self) -> bool:
        """Whether there are edits not yet in the file."""
        return self.generation != self.saved_generation

    # -- saving ------------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """Take a copy of the draft as it is now, to save from another thread."""
        draft, pairs = _snapshot_draft(self.draft)
        return Snapshot(draft, self.generation, pairs)

    def write(self, snap: Snapshot) -> None:
        """Write a snapshot to the file; any thread. Raises ``DraftError`` with the reason.

        The lock is looked at first, every time: a colleague who took the draft over must
        never have a save of ours land after theirs (``LockLostError``). A folder that has
        gone is left for the save to report, since nobody took anything over.
        """
        if self.read_only:
            raise DraftError(f"{self.path}: opened read-only ({self.held_by or 'locked'}); not saved")
        if self.lock_taken():
            raise LockLostError(f"{self.path}: someone else took this draft over; not saved here")
        if self.slow_to_save():
            self.journal(snap)  # milliseconds: what is typed is on disk before the long save
        self.prepare_for_saving()  # or wait for the parse already under way, not parse twice
        with self._save_lock:
            started = time.monotonic()
            in_flight = self._in_flight = field_values(snap.draft) if self.slow_to_save() else None
            try:
                save_draft(self.path, snap.draft, loaded_from=self.path)
            finally:
                self._in_flight = None
            self._write_seconds = time.monotonic() - started
            # here, off the app's thread; the snapshot is this save's own copy, so the values
            # taken before it are the values it wrote (not taken twice: 0.2 s at 10,000 items)
            snap.baseline = in_flight if in_flight is not None else field_values(snap.draft)

    def slow_to_save(self) -> bool:
        """Whether a full save takes long enough that edits typed during it need the journal."""
        if self._write_seconds > JOURNAL_AFTER_SECONDS:
            return True
        state = self.draft.file_state
        if not isinstance(state, FileState) or state.document is not None or state.canonical:
            return False
        return len(state.text) > JOURNAL_ABOVE_BYTES

    def journal(self, snap: Snapshot | None = None) -> bool:
        """Write the edits not yet in the file (in ``snap``, else the live draft) to the journal
        beside it; any thread. False when it could not be written (the full save says why)."""
        saved = [self.baseline] + ([self._in_flight] if self._in_flight is not None else [])
        touched = [obj for obj, _ in list(self._touched.values())]  # one step: no lock needed
        generation = self.generation if snap is None else snap.generation
        draft = self.draft if snap is None else snap.draft
        only: list[object] | None = touched
        if self._all_touched >= 0:
            only = None  # something changed that is not one field: compare them all
        elif snap is not None:
            copies = {id(live): copy for live, copy in snap.pairs}
            only = [copies[id(obj)] for obj in touched if id(obj) in copies]
        try:
            write_journal(self.path, saved, draft, only)
        except S55Error:
            return False
        self._journaled = max(self._journaled, generation)
        return True

    def lock_taken(self) -> bool:
        """Whether a colleague took our lock on the draft (before a save, and on the app's poll).

        A folder that has gone (a network drive dropped) takes the lock's files with it, but
        nobody took the draft over: False, and the save says what happened instead.
        """
        lock = self.lock
        return lock is not None and self.path.parent.is_dir() and not lock.still_ours()

    def prepare_for_saving(self) -> None:
        """Parse the file for comment-keeping saves now, off the app's thread, so the first save
        does not have to: at 10,000 items that parse takes seconds, and text typed meanwhile
        was at risk for that long. Any thread, any number of times: one parse at a time (a save
        that comes during it waits for it rather than parsing again), and a parse overtaken by
        a save is dropped (it is kept only if the file's text is still the one parsed).
        """
        state = self.draft.file_state
        if not isinstance(state, FileState) or state.document is not None or state.canonical:
            return
        import tomlkit  # as the writer does: only saving needs it

        with self._preparing:
            if state.document is not None or state.canonical:  # done by another thread meanwhile
                return
            text = state.text
            if state.canonical is None:  # a file s55tui laid out is saved without the parse
                canonical = is_canonical(text)
                with self._save_lock:
                    if self.draft.file_state is state and state.text == text:
                        state.canonical = canonical
                if canonical:
                    return
            try:
                document = tomlkit.parse(text)
            except Exception:  # the save parses again, and reports what is wrong
                return
            with self._save_lock:
                if self.draft.file_state is state and state.document is None and state.text == text:
                    state.document = document

    def landed(self, snap: Snapshot, when: datetime | None = None) -> None:
        """Bring a written snapshot's bookkeeping back into the live draft (the app's thread)."""
        for live, copy in snap.pairs:
            live.origin = copy.origin
        if self.draft.file_state is None:  # a new file: the first save made its document
            self.draft.file_state = snap.draft.file_state
        self.saved_generation = max(self.saved_generation, snap.generation)
        self.saved_at = when or datetime.now()
        self.error = None
        if snap.baseline is not None:
            self.baseline = snap.baseline
        if 0 <= self._journaled <= snap.generation:  # the file has everything the journal kept
            self._forget_journal()
        self._touched = {key: entry for key, entry in self._touched.items() if entry[1] > snap.generation}
        if self._all_touched <= snap.generation:
            self._all_touched = -1

    def _forget_journal(self) -> None:
        self._journaled = -1
        with contextlib.suppress(OSError):
            remove_journal(self.path)

    def failed(self, error: DraftError) -> None:
        """Remember why the last save failed, so the app can keep saying so."""
        self.error = str(error)

    def save_now(self) -> None:
        """Save on this thread (on quit, or from tests); raises ``DraftError``."""
        snap = self.snapshot()
        self.write(snap)
        self.landed(snap)

    def reload(self) -> None:
        """Read the file again, dropping edits not saved (the app keeps a copy first)."""
        result = load_draft(self.path)
        self.draft = result.draft
        self.warnings = result.warnings
        self.generation = self.saved_generation = 0
        self.error = None
        self.baseline = field_values(self.draft)
        self._touched, self._all_touched = {}, -1
        self._forget_journal()  # its edits were kept in a copy before this

    def moved_to(self, path: Path) -> None:
        """The draft now lives at ``path`` (a copy was saved there); edits go to it from now on,
        so the original's lock is let go and the copy is locked instead."""
        self.release_lock()
        self._forget_journal()  # the copy has every edit
        self.path = Path(os.path.abspath(path))
        self.acquire_lock()
        result = load_draft(path)
        self.draft.file_state = result.draft.file_state
        for index, item in enumerate(self.draft.items):
            item.origin = index
        for index, box in enumerate(self.draft.checklist):
            box.origin = index
        self.saved_generation = self.generation
        self.saved_at = datetime.now()
        self.error = None
        self.baseline = field_values(self.draft)
        self._touched, self._all_touched = {}, -1

    def status_text(self) -> str:
        """ "saved 14:03:22", "unsaved", or why saving failed: for the status line."""
        if self.read_only:
            return "read-only"
        if self.error:
            return "NOT SAVED"
        if self.dirty:
            return "unsaved"
        return f"saved {self.saved_at:%H:%M:%S}" if self.saved_at else "saved"
