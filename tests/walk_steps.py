"""A seeded random walk of the draft screen under Pilot (used by ``tests/app/test_random_walk.py``).

The walk drives the app only as an officer does, with keys and pastes, and looks at it only
through what is public: ``app.focused``, ``app.screen``, a widget's ``text`` or ``value`` and
region, ``screen.step``, ``screen.session.draft`` (the model) and the saved file.

Each step is one *entry*, written as it is replayed: keys (``ctrl+o down down enter``),
``type WORD``, ``paste N`` (N lines), ``save``, ``export palette`` or ``export review``.
A seed draws every entry before it touches the app, so the same seed gives the same keys
whatever the app does; a list of entries (``S55_WALK_SCRIPT``) replays a failure's last steps.
With ``keep_going`` each kind of finding is noted and the walk goes on, to report every kind.
After each step the walk waits for the app to settle and checks that:

- the app is still running (an exception in the app ends it; Pilot re-raises it at the end),
  on the draft screen, with no dialog left open;
- the focus, when it is in a text box or anywhere on a step's form, is in the current step's
  editor, displayed and inside the editor's part of the screen (keys go where the officer is
  looking), and a text box shows what the model holds for its field;
- typing or pasting put the text in the box that had the focus, and changed exactly the one
  field of the model that box edits (none when the focus was on no text box); undo, redo,
  space and enter changed at most the field of the widget with the focus, moving about none;
- ctrl+n, ctrl+b and ctrl+r went to the step they name, and escape from the outline to the
  editor; adding, moving and removing an item changed the list of items as asked, nothing else;
- a save (``save`` is ctrl+s; the walk also saves every ``SAVE_EVERY`` steps and at the end)
  lands, and the file loads with ``load_draft`` holding exactly what the app holds; an export
  writes the .docx, .html and .md files.

A step takes about 0.6 s at 120x40, most of it the app's own work on each change of focus.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import math
import os
import random
import re
import time
from collections import deque
from pathlib import Path
from typing import Any

from apptools import SIZE, TODAY
from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea
from textual.worker import WorkerCancelled

from s55tui.draftfile import load_draft
from s55tui.textclean import clean_line, clean_text
from s55tui.tui.app import build_app

# Letters of the words typed: no a, i or x, which add, import and remove items when the outline
# has the focus (where typing must change nothing); the step's number makes each word unique.
WORD_LETTERS = "bcdefghjklmnopqrstuvwz"
PASTE_WORDS = (
    "the force will review vetting by March",
    "the commissioner accepts this recommendation",
    "progress is reported to the Police and Crime Panel",
    "see the action plan at annex B",
    "the chief constable agrees in full",
)
# Keys within 0.02 s of a paste are taken for the paste's own tail and dropped (S55App's
# PASTE_TAIL_SECONDS); an officer never types that fast after a paste, nor does the walk.
AFTER_PASTE_SECONDS = 0.05
SAVE_EVERY = 50  # steps between the walk's own saves (ctrl+s is also one of the random steps)
STEP_TIMEOUT = 120.0  # seconds: a step that takes longer has hung
EXPORTS = ("docx", "html", "md")
DATE_FIELDS = ("report.published", "response.signed_on", "response.published")
ITEM_FIELDS = ("kind", "number", "status", "due", "text", "cc_response", "pcc_response", "notes", "intro")
ANSWERS = ("y", "n")  # to "Remove this item?"


class WalkFailure(AssertionError):
    """The walk found the app doing something it must not; the message says how to replay it."""


# -- what the walk observes ----------------------------------------------------------------------
def model_fields(draft: Any) -> dict[str, Any]:
    """Every field of the draft by its path (``report.title``, ``items[2].cc_response``)."""
    fields: dict[str, Any] = {}

    def add(prefix: str, obj: Any) -> None:
        for f in dataclasses.fields(obj):
            if f.compare:  # not the file layer's bookkeeping (origin, file_state)
                value = getattr(obj, f.name)
                fields[f"{prefix}.{f.name}"] = list(value) if isinstance(value, list) else value

    for section in ("report", "office", "response"):
        add(section, getattr(draft, section))
    for index, item in enumerate(draft.items):
        add(f"items[{index}]", item)
    for index, box in enumerate(draft.checklist):
        add(f"checklist[{index}]", box)
    return fields


def item_rows(fields: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Each item's fields as one tuple, in order (to compare the list of items as a whole)."""
    items: dict[int, list[tuple[str, str]]] = {}
    for key, value in fields.items():
        if key.startswith("items["):
            index, name = key[6:].split("].", 1)
            items.setdefault(int(index), []).append((name, repr(value)))
    return [tuple(items[i]) for i in sorted(items)]


def not_items(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if not k.startswith("items[")}


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def field_of(step: Any, widget: Widget | None) -> str | None:
    """The model field a box edits, by the walk's own map of the screen (not the app's).

    An item's boxes edit the item of the current step; any other box is named by its id
    alone, so a box left with the focus behind another step is still named right.
    """
    wid = (widget.id or "") if widget is not None else ""
    if wid.startswith("on-") and wid[3:].isdigit():
        return f"checklist[{wid[3:]}].on"
    if not wid.startswith("f-"):
        return None
    name = wid[2:]
    if name in ITEM_FIELDS:
        return f"items[{step.index}].{name}" if step.kind == "item" else None
    if name == "summary":
        return "report.summary"
    if name in ("cc_comments", "pcc_comments", "pcc_reply", "template"):
        return f"response.{name}"
    section, _, attr = name.partition("-")  # the details step: f-report-title, f-office-force
    return f"{section}.{attr}" if attr else None


def fields_of(step: Any, widget: Widget | None) -> set[str] | None:
    """The fields a key on ``widget`` may change (a box's tick and date, a drop-down's choice, a
    text box's text); None when it edits one the walk cannot name."""
    for node in (widget, *widget.ancestors) if widget is not None else ():
        wid = getattr(node, "id", None) or ""
        if wid.startswith("box-") and wid[4:].isdigit():  # a checklist box: ticked, and dated
            return {f"checklist[{wid[4:]}].done", f"checklist[{wid[4:]}].on"}
        if wid.startswith("to-"):  # an item's addressees
            return {f"items[{step.index}].to"} if step.kind == "item" else None
        if wid.startswith(("f-", "on-")):
            field = field_of(step, node)
            return {field} if field else None
    return set()


def is_date(field: str | None) -> bool:
    return field is not None and (
        field in DATE_FIELDS
        or (field.startswith("checklist[") and field.endswith(".on"))
        or (field.startswith("items[") and field.endswith(".due"))  # an item's due date
    )


def widget_text(widget: Widget | None) -> str:
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    return ""


def kept_around(after: str, before: str, inserted: str) -> bool:
    """Whether ``after`` is ``before`` with ``inserted`` put in at one place: nothing that was
    there (a title selected as the cursor arrived, say) was typed over."""
    start = after.find(inserted)
    while start != -1:
        if after[:start] + after[start + len(inserted) :] == before:
            return True
        start = after.find(inserted, start + 1)
    return False


def paste_text(step: int, lines: int) -> str:
    """``lines`` lines to paste, each marked with the step (P12.3 is step 12's third line)."""
    text = "\n".join(f"P{step}.{n} {PASTE_WORDS[n % len(PASTE_WORDS)]}" for n in range(1, lines + 1))
    assert clean_text(text) == text, "the walk pastes only text the app keeps as it is"
    return text


def shorten(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 20]}...{text[-15:]} ({len(text)} chars)"


@dataclasses.dataclass
class Focus:
    """Where the focus is: the widget, what kind of box, the field it edits, and its text."""

    widget: Widget | None
    kind: str  # "text" (a text area), "line" (a one-line field), "date", or "other"
    field: str | None
    text: str

    @property
    def name(self) -> str:
        if self.widget is None:
            return "nothing"
        return f"#{self.widget.id}" if self.widget.id else type(self.widget).__name__

    @property
    def editable(self) -> bool:
        return self.kind != "other"


# -- the walk ------------------------------------------------------------------------------------
class RandomWalk:
    """A walk of ``steps`` random entries drawn from ``seed``, or the entries of ``script``."""

    # (what, weight): the share of steps each kind of entry gets
    KINDS = (
        ("ctrl+n", 5),
        ("ctrl+b", 4),
        ("ctrl+g", 6),
        ("ctrl+r", 2),
        ("outline", 3),  # ctrl+o, up or down, enter
        ("escape", 2),  # ctrl+o escape
        ("tab", 3),
        ("shift+tab", 2),
        ("space", 3),  # ticks a box, opens a drop-down, or types a space
        ("enter", 3),  # a new line, a drop-down's choice, a finding, the Export button
        ("type", 24),
        ("paste", 14),
        ("undo", 8),
        ("redo", 4),
        ("add", 3),  # ctrl+o, up or down, a
        ("move", 2),  # ctrl+o, up or down, alt+up or alt+down
        ("remove", 2),  # ctrl+o, up or down, delete, then y or n
        ("save", 3),
        ("export", 1),  # through the command palette or the review step
    )

    def __init__(
        self, path: Path, seed: int, steps: int, script: list[str] | None = None, *, keep_going: bool = False
    ) -> None:
        self.path = path
        self.seed = seed
        self.script = script
        self.steps = len(script) if script is not None else steps
        self.keep_going = keep_going  # note each finding and walk on (the app's end still ends it)
        self.rng = random.Random(seed)
        self.number = 0  # the step under way
        self.log: deque[str] = deque(maxlen=10)
        self.failure: str | None = None
        self.findings: dict[str, tuple[int, str]] = {}  # kind of finding -> (times, first report)
        self.app: Any = None
        self.pilot: Any = None
        self.screen: Any = None

    # -- drawing entries -------------------------------------------------------------------------
    def draw(self) -> str:
        """The next entry, from the seed alone (never from the app's state)."""
        rng = self.rng
        kinds, weights = zip(*self.KINDS, strict=True)
        kind = rng.choices(kinds, weights)[0]
        arrows = " ".join([rng.choice(("up", "down"))] * rng.randint(0, 6))
        outline = f"ctrl+o {arrows}".strip()
        if kind in ("ctrl+n", "ctrl+b", "ctrl+g", "ctrl+r", "space", "enter"):
            return kind
        if kind in ("tab", "shift+tab"):  # now and then far down a long form (the details' 16 fields)
            return " ".join([kind] * (rng.randint(1, 3) if rng.random() < 0.8 else rng.randint(4, 10)))
        if kind == "undo":
            return " ".join(["ctrl+z"] * rng.randint(1, 3))
        if kind == "redo":
            return " ".join(["ctrl+y"] * rng.randint(1, 3))
        if kind == "outline":
            return f"{outline} enter"
        if kind == "escape":
            return "ctrl+o escape"
        if kind == "type":
            word = "".join(rng.choice(WORD_LETTERS) for _ in range(rng.randint(2, 4)))
            return f"type {word}{self.number}"
        if kind == "paste":
            roll = rng.random()
            if roll < 0.70:
                lines = rng.randint(1, 30)
            elif roll < 0.95:
                lines = rng.randint(31, 500)
            else:  # 501 to 5,000, the smaller more often
                lines = int(math.exp(rng.uniform(math.log(501), math.log(5000))))
            return f"paste {lines}"
        if kind == "add":
            return f"{outline} a"
        if kind == "move":
            return f"{outline} {rng.choice(('alt+up', 'alt+down'))}"
        if kind == "remove":
            return f"{outline} delete {rng.choice(ANSWERS)}"
        if kind == "export":
            return f"export {rng.choice(('palette', 'review'))}"
        return kind  # save

    # -- running ---------------------------------------------------------------------------------
    def run_in_app(self) -> None:
        """Open the app on the walk's draft at 120x40 (as ``apptools.run_app``) and walk."""

        async def main() -> None:
            app = build_app(self.path, today=TODAY)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await self.walk(app, pilot)

        try:
            asyncio.run(main())
        except WalkFailure as error:  # the walk's own finding: its message says it all
            self.found(self.report(error))
            raise WalkFailure(self.summary()) from None
        except Exception as error:  # the app's exception, with its traceback
            self.found(self.report(error), f"{type(error).__name__}: {error}")
            raise WalkFailure(self.summary()) from error
        if self.findings:
            raise WalkFailure(self.summary())

    async def walk(self, app: Any, pilot: Any) -> None:
        """Each step begins with the app settled: the step before (or the start) waited for it."""
        self.app, self.pilot, self.screen = app, pilot, app.screen
        await self.settle()
        self.check_after()
        for number in range(1, self.steps + 1):
            self.number = number
            entry = self.script[number - 1].strip() if self.script is not None else self.draw()
            if number % 100 == 0:
                self.note_progress()
            try:
                await self.step(entry)
            except WalkFailure as error:
                if not self.keep_going or not self.app.is_running:
                    raise
                self.found(self.report(error))
                self.failure = None
                await self.recover()

    async def step(self, entry: str) -> None:
        """One step and the checks after it (and every ``SAVE_EVERY`` steps, a save)."""
        try:
            async with asyncio.timeout(STEP_TIMEOUT):
                self.begin(entry)
                await self.perform(entry)
                self.check_after()
                if self.script is None and (self.number % SAVE_EVERY == 0 or self.number == self.steps):
                    self.begin("save")
                    await self.save("(the walk's own save)")
                    self.check_after()
        except TimeoutError:
            self.fail(f"the step did not finish within {STEP_TIMEOUT:.0f} s")

    def note_progress(self) -> None:
        """A long walk prints nothing until it ends: ``S55_WALK_PROGRESS=FILE`` has a line added every
        100 steps, to watch it (``tail -f``) and to know how far a walk stopped from outside got."""
        progress = os.environ.get("S55_WALK_PROGRESS")
        if progress:
            with open(progress, "a", encoding="utf-8") as file:
                kinds = "; ".join(f"{kind} x{times}" for kind, (times, _) in self.findings.items())
                file.write(
                    f"{time.strftime('%H:%M:%S')} seed {self.seed}: step {self.number} of {self.steps}"
                    f", {len(self.findings)} kinds of finding{': ' + kinds if kinds else ''}\n"
                )

    async def recover(self) -> None:
        """After a finding, walk on from a known state: no dialog open, the cursor in the editor."""
        keys = []
        for _ in range(3):
            if self.app.screen is self.screen:
                break
            keys.append("escape")
            await self.pilot.press("escape")
        keys += ["ctrl+o", "escape"]
        await self.pilot.press("ctrl+o", "escape")
        await self.settle()
        self.log.append(f"{self.number}: {' '.join(keys)} -> (walking on after the finding)")

    def found(self, report: str, what: str = "") -> None:
        """Note a finding; findings that differ only in numbers (steps, items, places) are one kind."""
        kind = re.sub(r"\d+", "#", what or self.failure or report.splitlines()[0])
        times, first = self.findings.get(kind, (0, report))
        self.findings[kind] = (times + 1, first)

    def summary(self) -> str:
        """Every kind of finding, with the first time it was found."""
        if not self.keep_going:  # the walk stopped at its first finding
            return next(iter(self.findings.values()))[1]
        kinds = [
            f"({n}) found {times} time{'s' if times > 1 else ''}; the first:\n{first}"
            for n, (times, first) in enumerate(self.findings.values(), 1)
        ]
        kinds_found = f"{len(self.findings)} kind{'s' if len(self.findings) > 1 else ''} of finding"
        head = f"{kinds_found} in {self.number} steps of {self.steps}:"
        return "\n\n".join([head, *kinds])

    def report(self, error: BaseException) -> str:
        """What went wrong, where, how to replay it, and the last steps."""
        what = self.failure or f"{type(error).__name__}: {error}"
        if self.failure and not isinstance(error, WalkFailure):
            what += f"\nThe app ended with {type(error).__name__}: {error}"
        steps = "\n".join(f"  {line}" for line in self.log) or "  (none)"
        entries = "; ".join(line.split(": ", 1)[1].split(" -> ")[0] for line in self.log)
        if self.script is not None:
            source, replay = "script", ""
        else:
            source = f"seed {self.seed}"
            replay = (
                f"Replay the walk: S55_WALK_SEED={self.seed} S55_WALK_STEPS={self.number} "
                + ("S55_WALK_KEEP_GOING=1 " if self.keep_going else "")
                + ".venv/bin/python -m pytest -q tests/app/test_random_walk.py -p no:cacheprovider\nor "
            )
        return (
            f"Random walk ({source}) failed at step {self.number} of {self.steps}: {what}\n"
            f"{replay or 'Replay '}only the last steps, from the example draft: S55_WALK_SCRIPT='{entries}'\n"
            f"The last {len(self.log)} steps (step: entry -> the step shown, the focus):\n{steps}"
        )

    def fail(self, message: str) -> None:
        self.failure = message
        raise WalkFailure(message)

    # -- waiting and noting ----------------------------------------------------------------------
    async def settle(self) -> None:
        """Let the keys' work finish: messages, the editors built on a step's first visit, saves."""
        await self.pilot.pause()
        # A worker cancelled meanwhile (a newer preview or check replacing it, as they do by
        # design) raises from wait_for_complete; it is not the app's fault: wait for the rest.
        for _ in range(100):
            try:
                await self.app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await self.pilot.pause()
        await self.pilot.pause()

    def begin(self, entry: str) -> None:
        """Log the entry before it runs, so a step that never ends is in the log too."""
        self.log.append(f"{self.number}: {entry}")

    def note(self, remark: str = "") -> None:
        """Add where the step ended: the step shown and the focus."""
        step = self.screen.step
        where = step.kind + (f" {step.index}" if step.kind == "item" else "")
        remark = f" {remark}" if remark else ""
        self.log[-1] += f" -> {where}, {self.focus().name}{remark}"

    def fields(self) -> dict[str, Any]:
        return model_fields(self.screen.session.draft)

    def focus(self) -> Focus:
        widget = self.app.focused
        field = field_of(self.screen.step, widget)
        if isinstance(widget, TextArea) and not widget.read_only:
            kind = "text"
        elif isinstance(widget, Input) and not widget.disabled:
            kind = "date" if is_date(field) else "line"
        else:
            kind = "other"
        return Focus(widget, kind, field, widget_text(widget))

    def editor_of(self, widget: Widget | None) -> Widget | None:
        """The step editor holding ``widget`` (a child of the screen's #editors), if any."""
        switcher = self.screen.query_one("#editors")
        if widget is None:
            return None
        return next((node for node in (widget, *widget.ancestors) if node.parent is switcher), None)

    # -- checks after every step -----------------------------------------------------------------
    def check_after(self) -> None:
        app = self.app
        if not app.is_running or app.return_code is not None:
            self.fail("the app ended (its exception is below)")
        if app.screen is not self.screen:
            self.fail(f"{type(app.screen).__name__} is still open over the draft screen")
        step, items = self.screen.step, self.screen.session.draft.items
        if step.kind == "item" and not 0 <= step.index < len(items):
            self.fail(f"the step shown is item {step.index} of a draft of {len(items)} items")
        focus = self.focus()
        if focus.editable or self.editor_of(focus.widget) is not None:
            self.check_visible(focus)
        if focus.kind in ("text", "line") and focus.field is not None:
            held = self.fields().get(focus.field)
            shown = focus.text if focus.kind == "text" else clean_line(focus.text)
            if held != shown:
                self.fail(
                    f"{focus.name} shows {shorten(shown)}; the model's {focus.field} is {shorten(held)}"
                )

    def check_visible(self, focus: Focus) -> None:
        """The focused widget (a text box, or anything on a step's form) is on the current step's
        editor, displayed, and inside the editor's part of the screen: keys go where the officer
        is looking."""
        widget, screen = focus.widget, self.screen
        assert widget is not None
        editor = self.editor_of(widget)
        if editor is None:
            self.fail(f"the focus is in {focus.name}, on no step's editor")
        if editor.id != screen.step.kind:
            self.fail(
                f"the focus is in {focus.name} of the {editor.id} step; the {screen.step.kind} step shows"
            )
        if not widget.visible or any(
            not node.display for node in (widget, *widget.ancestors) if isinstance(node, Widget)
        ):
            self.fail(f"the focus is in {focus.name}, which is not displayed")
        if not widget.region.intersection(editor.region).intersection(screen.region).area:
            self.fail(
                f"the focus is in {focus.name} at {widget.region}, outside the editor's {editor.region}"
            )

    def check_inserted(self, before: dict[str, Any], focus: Focus, inserted: str, what: str) -> None:
        """After typing or pasting ``inserted``: it is in the box that had the focus, in its field alone."""
        after = self.fields()
        changed = changed_fields(before, after)
        if not focus.editable:
            if changed:
                self.fail(f"{what} with the focus on {focus.name} (no text box) changed {changed}")
            return
        widget = focus.widget
        if self.app.focused is not widget:
            self.fail(f"{what}: the focus moved from {focus.name} to {self.focus().name}")
        if widget_text(widget).count(inserted) != focus.text.count(inserted) + 1:
            self.fail(f"{what}: {shorten(inserted)} is not in {focus.name}, which had the focus")
        if focus.kind != "date" and not kept_around(widget_text(widget), focus.text, inserted):
            self.fail(f"{what} into {focus.name} lost what it held: {shorten(focus.text)}")
        if focus.kind == "date":  # a word is no date: the field keeps its last good date
            if set(changed) - {focus.field}:
                self.fail(f"{what} into the date field {focus.name} changed {changed}")
        elif focus.field is None:
            if len(changed) != 1:
                self.fail(f"{what} into {focus.name} changed {changed or 'no field'}, not one")
        elif changed != [focus.field]:
            self.fail(f"{what} into {focus.name} should change {focus.field} alone; it changed {changed}")
        elif str(after[focus.field]).count(inserted) != str(before[focus.field]).count(inserted) + 1:
            self.fail(f"{what}: the model's {focus.field} does not hold {shorten(inserted)}")

    # -- performing an entry ---------------------------------------------------------------------
    async def perform(self, entry: str) -> None:
        word, _, rest = entry.partition(" ")
        if word == "type":
            await self.type_word(rest)
        elif word == "paste":
            await self.paste(int(rest))
        elif word == "save":
            await self.save()
        elif word == "export":
            await self.export(rest)
        elif entry.startswith("ctrl+o") and entry.split()[-1] in ("a", "alt+up", "alt+down", "y", "n"):
            await self.change_items(entry)
        else:
            await self.keys(entry)

    async def keys(self, entry: str) -> None:
        """Keys that move about, or act on the focused widget: where they land, what they change."""
        keys = entry.split()
        expected = None
        if keys == ["ctrl+n"] or keys == ["ctrl+b"]:
            expected = self.neighbour(1 if keys == ["ctrl+n"] else -1)
        elif keys == ["ctrl+r"]:
            expected = type(self.screen.step)("review")
        before, focus = self.fields(), self.focus()
        await self.pilot.press(*keys)
        await self.settle()
        self.note()
        if expected is not None and self.screen.step != expected:
            self.fail(f"{entry} should open {expected}, but {self.screen.step} shows")
        if keys == ["ctrl+o", "escape"] and self.editor_of(self.app.focused) is None:
            self.fail(f"escape from the outline left the focus on {self.focus().name}, not the editor")
        changed = changed_fields(before, self.fields())
        if keys[0] in ("ctrl+z", "ctrl+y", "space", "enter"):  # on the focused widget's field at most
            allowed = fields_of(self.screen.step, focus.widget)
            if (len(changed) > 1) if allowed is None else bool(set(changed) - allowed):
                self.fail(f"{entry} on {focus.name} changed {changed}")
        elif changed:  # moving about writes nothing
            self.fail(f"{entry} changed {changed}")

    def neighbour(self, offset: int) -> Any:
        """The step ``offset`` away, in the README's order (details, findings, the items, the chief
        constable's and the commissioner's comments, the checklist, review)."""
        make = type(self.screen.step)
        items = len(self.screen.session.draft.items)
        steps = [make("details"), make("findings"), *(make("item", i) for i in range(items))]
        steps += [make(kind) for kind in ("cc", "pcc", "checklist", "review")]
        here = steps.index(self.screen.step) if self.screen.step in steps else 0
        return steps[max(0, min(len(steps) - 1, here + offset))]

    async def type_word(self, word: str) -> None:
        before, focus = self.fields(), self.focus()
        await self.pilot.press(*word)
        await self.settle()
        self.note(f"(typed into {focus.name})")
        self.check_inserted(before, focus, word, f"typing {word!r}")

    async def paste(self, lines: int) -> None:
        text = paste_text(self.number, lines)
        before, focus = self.fields(), self.focus()
        self.app.post_message(events.Paste(text))
        pasted_at = time.monotonic()
        await self.settle()
        await asyncio.sleep(max(0.0, pasted_at + AFTER_PASTE_SECONDS - time.monotonic()))
        self.note(f"(pasted into {focus.name})")
        # a one-line field takes the paste's lines joined, its runs of spaces made one
        inserted = " ".join(clean_line(text).split()) if focus.kind in ("line", "date") else text
        self.check_inserted(before, focus, inserted, f"a paste of {lines} lines")

    async def change_items(self, entry: str) -> None:
        """Add, move or remove an item from the outline: the items change as asked, nothing else."""
        keys = entry.split()
        answer = keys.pop() if keys[-1] in ANSWERS else None
        before = self.fields()
        await self.pilot.press(*keys)
        asked = False
        if answer is not None:  # "Remove ...?" comes from a worker, a moment after the key
            for _ in range(100):
                await self.pilot.pause()
                if self.app.screen is not self.screen:
                    asked = True
                    await self.pilot.press(answer)
                    break
                await asyncio.sleep(0.01)
        await self.settle()
        self.note("" if answer is None else "(asked)" if asked else "(not asked: no item at the cursor)")
        after = self.fields()
        old, new = item_rows(before), item_rows(after)
        if not_items(after) != not_items(before):
            self.fail(f"{entry} changed {changed_fields(not_items(before), not_items(after))}")
        if keys[-1] == "a":
            if len(new) != len(old) + 1 or not any(new[:i] + new[i + 1 :] == old for i in range(len(new))):
                self.fail(f"adding an item to {len(old)} left {len(new)}, or changed the others")
            step = self.screen.step
            if step.kind != "item" or self.focus().field != f"items[{step.index}].text":
                self.fail(
                    f"the new item is not open with the cursor in its text (the focus is {self.focus().name})"
                )
        elif keys[-1] in ("alt+up", "alt+down"):
            moved = [i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b]
            if sorted(new) != sorted(old) or (moved and (len(moved) != 2 or moved[1] != moved[0] + 1)):
                self.fail(f"moving one item changed the items at {moved}, or changed them")
        elif asked and answer == "y":
            if len(new) != len(old) - 1 or not any(old[:i] + old[i + 1 :] == new for i in range(len(old))):
                self.fail(f"removing one item of {len(old)} left {len(new)}, or changed the others")
        elif new != old:
            self.fail(f"{entry} changed the items, though none was removed")

    async def save(self, remark: str = "") -> None:
        """ctrl+s, wait for the save to land, and load the file: it holds what the app holds."""
        await self.pilot.press("ctrl+s")
        session = self.screen.session
        deadline = time.monotonic() + 30
        while session.dirty or session.error:
            if time.monotonic() > deadline:
                self.fail(f"ctrl+s: the draft is still unsaved after 30 s ({session.error})")
            await asyncio.sleep(0.02)
            await self.pilot.pause()
        await self.settle()
        self.note(remark)
        try:
            loaded = load_draft(self.path).draft
        except Exception as error:
            self.fail(f"the saved draft does not load: {error}")
        differ = changed_fields(model_fields(loaded), self.fields())
        if differ:
            self.fail(f"the saved file differs from what the app holds in {differ[:5]}")

    async def export(self, route: str) -> None:
        """Export through the command palette or the review step's button: three files appear."""
        for suffix in EXPORTS:
            with contextlib.suppress(FileNotFoundError):
                self.path.with_suffix(f".{suffix}").unlink()
        if route == "palette":
            await self.pilot.press("ctrl+p", *"export")
            await self.wait_for_command("Export")
            await self.pilot.press("enter")
        else:
            await self.pilot.press("ctrl+r")
            await self.settle()
            for _ in range(8):
                if getattr(self.app.focused, "id", None) == "export":
                    break
                await self.pilot.press("tab")
            else:
                self.fail("tab never reached the review step's Export button")
            await self.pilot.press("enter")
        deadline = time.monotonic() + 60
        while not all(self.path.with_suffix(f".{s}").exists() for s in EXPORTS):
            if time.monotonic() > deadline:
                self.fail("the export did not write the .docx, .html and .md files within 60 s")
            await asyncio.sleep(0.05)
            await self.pilot.pause()
        await self.settle()
        self.note()

    async def wait_for_command(self, title: str, timeout: float = 10.0) -> None:
        """Wait until the command palette has ``title`` highlighted."""
        deadline = time.monotonic() + timeout
        while True:
            await self.pilot.pause()
            found = self.app.screen.query(OptionList)
            if found:
                options = found.first()
                index = options.highlighted
                if index is not None and str(options.get_option_at_index(index).prompt).startswith(title):
                    return
            if time.monotonic() > deadline:
                self.fail(f"the command palette never offered {title!r}")
            await asyncio.sleep(0.02)
