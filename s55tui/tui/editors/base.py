"""What every step editor shares: widgets bound to fields of the model, written back as typed.

Each editor names its widgets after the attribute they edit (``#f-cc_response`` edits
``cc_response`` of the editor's target). A change is written to the model at once and the
editor posts ``Edited`` so the screen can mark the draft unsaved and refresh the outline.
Typing sends a message per keystroke, so the editor keeps that traffic short: the widgets'
change events stop at the editor, and ``Edited`` goes straight to the screen rather than
bubbling through every container on the way.
Loading a value into a widget also fires a change event; it is ignored because the value
already equals the model's, so opening a step never marks the draft unsaved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.containers import VerticalScroll
from textual.dom import NoScreen
from textual.geometry import Size, Spacing
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, TextArea

from s55tui.datetext import read_date
from s55tui.textclean import clean_line

LINE, TEXT, DATE, CHOICE = "line", "text", "date", "choice"
# What the cursor can be put in, in a form.
_FIELD_TYPES = (Input, TextArea, Select, Checkbox, OptionList, Button)


class StepEditor(VerticalScroll):
    """A scrolling form editing one part of the draft; subclasses say which fields and target."""

    DEFAULT_CSS = """
    StepEditor { padding: 0 1; }
    StepEditor .field-label { margin-top: 1; color: $text-muted; }
    StepEditor .field-label.-required { color: $warning; }
    StepEditor .field-error { color: $error; height: auto; width: 1fr; }
    StepEditor .step-title { text-style: bold; color: $accent; margin-bottom: 0; }
    StepEditor .hint { color: $text-muted; }
    """

    draft: Any  # the draft whose part this editor shows

    # widget id (without "f-") -> kind of field; the attribute has the same name
    FIELDS: ClassVar[dict[str, str]] = {}
    # date fields that may not be left empty: clearing one keeps the last good date
    REQUIRED_DATES: ClassVar[frozenset[str]] = frozenset()

    class Edited(Message):
        """A field of the draft was changed by the officer.

        ``obj`` is the object whose field it was (an ``Item`` for the item step): by the time
        the screen reads this, the editor may already show another item.
        """

        def __init__(self, editor: StepEditor, name: str, obj: Any = None) -> None:
            self.editor = editor
            self.name = name
            self.obj = obj
            super().__init__()

    # Called with the object whose field changed (an item, a box, a section) the moment it is
    # changed, before ``Edited`` is even posted: the draft screen marks the draft unsaved here,
    # so a save that comes first (ctrl+q answered while the message waits in the queue) still
    # writes the change, and the journal of a big draft knows which item to look at. Set by
    # whoever mounts the editor; an editor on its own has no draft file to mark.
    mark_changed: Callable[[Any], None] = staticmethod(lambda obj=None: None)

    # Whether the widgets hold the target's values: until then there is nothing to flush, and
    # flushing empty widgets would wipe the target's text.
    loaded: bool = False

    # Whether the next reveal starts from the top of the form: set when the form is pointed at
    # another item, so the item's own text shows above the box with the cursor where it fits.
    from_top: bool = False

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self._found: dict[str, Widget] = {}

    def target(self) -> Any:
        """The model object whose fields this editor shows."""
        raise NotImplementedError

    def locate(self, name: str) -> tuple[Any, str]:
        """The object and attribute a field edits; by default the target's attribute ``name``."""
        return self.target(), name

    def show_draft(self, draft: Any) -> None:
        """Edit ``draft`` from now on (the file was read again); shown on the next ``open``."""
        self.draft = draft
        self.loaded = False

    def open(self, index: int = -1) -> None:
        """Show the step (the item at ``index``, for the item editor) with the model's values."""
        self.load()

    def load(self) -> None:
        """Put the target's values into the widgets."""
        self.loaded = True
        for name, kind in self.FIELDS.items():
            widget = self.find(f"f-{name}")
            obj, attr = self.locate(name)
            if obj is None or widget is None:
                continue
            value = getattr(obj, attr)
            if kind == TEXT:
                assert isinstance(widget, TextArea)
                if widget.text != value:
                    widget.load_text(value)
            elif kind == CHOICE:
                assert isinstance(widget, Select)
                widget.value = value
            else:
                assert isinstance(widget, Input)
                shown = value.isoformat() if isinstance(value, date) else (value or "")
                if widget.value != shown:
                    widget.value = shown
                self._show_error(name, "")

    def flush(self) -> bool:
        """Write every widget's value into the model now, before the target changes or a save;
        True when that changed the model (the caller then marks the draft changed at once).

        Change events arrive a moment after the keystroke; without this the last keys typed
        before a jump to another step could land on the wrong item, or miss the save.
        """
        if not self.loaded:
            return False
        return self._flush_fields()

    def _flush_fields(self) -> bool:
        changed = False
        for name, kind in self.FIELDS.items():
            widget = self.find(f"f-{name}")
            if kind == TEXT and isinstance(widget, TextArea):
                changed |= self._store(name, widget.text)
            elif kind == DATE and isinstance(widget, Input):
                with contextlib.suppress(ValueError):  # the last good date stays; the field says why
                    changed |= self._store(
                        name, read_date(widget.value, required=name in self.REQUIRED_DATES)
                    )
            elif kind == LINE and isinstance(widget, Input):
                changed |= self._store(name, clean_line(widget.value))
        return changed

    def focus_first(self) -> bool:
        """Put the cursor in the first field the officer would type into; False when there is
        none yet (the fields are still being mounted)."""
        widget = self._first_field()
        if widget is None:
            return False
        widget.focus(scroll_visible=False)  # reveal() scrolls, at once: no animation to wait for
        self.reveal(widget)
        return True

    def reveal(self, widget: Widget) -> None:
        """Scroll ``widget`` into sight with the label above it (the step's heading too, for its
        first field) once the next layout has given the boxes the new item's heights; a form
        already showing them does not move.

        A new item is scrolled at once to where that will be, worked out from the heights its
        text boxes are about to take, so its first frame shows it there: otherwise it showed at
        the last item's place and moved a frame later, each a layout and paint of the screen.
        """
        if self.from_top:
            y, height = self._predicted_from_top(widget) or (round(self.scroll_y), 0)
            if y != round(self.scroll_y):
                if height > self.virtual_size.height:  # room to scroll to it before the layout
                    self.virtual_size = Size(self.virtual_size.width, height)
                self.scroll_to(y=y, animate=False, immediate=True)
        self.call_after_refresh(self._reveal_now, widget)

    def _reveal_now(self, widget: Widget) -> None:
        # Both scrolls now, one after the other: textual's default defers each to the next
        # refresh, computed from the offset before either, so the label's came last and won,
        # leaving the box with the cursor a line below the form's bottom.
        if self.from_top:  # a new item: as if scrolled from the top, in one move
            self.from_top = False
            y = self._revealed_from_top(widget)
            if y is not None:
                if y != round(self.scroll_y):  # no move, no redraw
                    self.scroll_to(y=y, animate=False, immediate=True)
                return
            self.scroll_to(y=0, animate=False, immediate=True)
        if self._first_field() is widget:
            self.scroll_home(animate=False, immediate=True)
            return
        self.scroll_to_widget(widget, animate=False, immediate=True)
        label = self._label_of(widget)
        if label is not None:
            self.scroll_to_widget(label, animate=False, immediate=True)

    def _revealed_from_top(self, widget: Widget) -> int | None:
        """Where scrolling from the top to show ``widget`` and its label ends (the box's bottom
        in sight, then its label's top), for a field of the form itself; None for a field
        inside a row of fields (their places are not in the form's own coordinates)."""
        if widget.parent is not self:
            return None
        box = widget.virtual_region_with_margin
        label = self._label_of(widget)
        top = label.virtual_region_with_margin.y if label is not None else box.y
        top -= self._docked_rows()  # never under a title docked at the form's top
        lowest = box.bottom - self.scrollable_content_region.height
        return max(0, min(top, lowest, round(self.max_scroll_y)))

    def _predicted_from_top(self, widget: Widget) -> tuple[int, int] | None:
        """``_revealed_from_top`` before the layout that gives the boxes their new text, and the
        form's height then: the last layout's places, moved by how much each text box above
        (and the box itself) will grow or shrink. None where that cannot be known: a field
        inside a row, or a form not laid out yet."""
        if widget.parent is not self:
            return None
        label = self._label_of(widget)
        top = label if label is not None else widget
        if not (top.outer_size.height and widget.outer_size.height):
            return None
        children = list(self.children)
        at = children.index(top)
        change: dict[Widget, int] = {
            box: _height_for_text(box) - box.outer_size.height
            for box in children
            if isinstance(box, TextArea) and box.display
        }
        above = sum(grown for box, grown in change.items() if children.index(box) < at)
        view = self.scrollable_content_region.height
        lowest = widget.virtual_region_with_margin.bottom + above + change.get(widget, 0) - view
        height = self.virtual_size.height + sum(change.values())
        highest = top.virtual_region_with_margin.y + above - self._docked_rows()
        return max(0, min(highest, lowest, height - view)), height

    def watch_virtual_size(self) -> None:
        """The form's height changes as its boxes take their text's height (after a change of
        step, a paste, a wider or narrower window): a field with the cursor pushed out of sight
        by it is brought back, so typing never goes on below the form's bottom."""
        self.call_after_refresh(self._keep_cursor_in_sight)

    def _keep_cursor_in_sight(self) -> None:
        try:
            focused = self.screen.focused
        except NoScreen:  # removed meanwhile
            return
        if focused is None or self not in focused.ancestors or not self.display:
            return
        window = self.scrollable_content_region
        window = window.shrink(Spacing(self._docked_rows(), 0, 0, 0))
        if not focused.region.intersection(window).area:
            self._reveal_now(focused)

    def _docked_rows(self) -> int:
        """The rows a title docked at the top of the form covers (the item's, which stays in
        sight however far the form scrolls): a field scrolled under it is out of sight."""
        for child in self.children:
            if child.styles.dock == "none" and child.display:
                return child.dock_gutter.top
        return 0

    def _first_field(self) -> Widget | None:
        """The first widget the cursor can go to, in the form's order.

        Walked, not queried: a CSS query matches every widget of the form against six
        selectors, and this is asked on every step change and every reveal.
        """
        for widget in self.walk_children(Widget):
            if isinstance(widget, _FIELD_TYPES) and widget.focusable:
                return widget
        return None

    def find(self, widget_id: str) -> Widget | None:
        """The widget of this form with ``widget_id``, or None.

        Remembered once found: a step change loads and flushes every field, and looking each
        up by a CSS query walks the whole form each time. One not known (the first look, or a
        widget since removed, as in a rebuilt checklist) is found by one walk of the form that
        notes every widget with an id on the way, so loading a form walks it once, not once a
        field.
        """
        widget = self._found.get(widget_id)
        if widget is not None and self in widget.ancestors:  # a removed widget has no parent
            return widget
        found: dict[str, Widget] = {}
        for each in self.walk_children(Widget):
            if each.id:
                found.setdefault(each.id, each)  # the first in the form's order, as a query's
        self._found = found
        return found.get(widget_id)

    @staticmethod
    def _label_of(widget: Widget) -> Widget | None:
        """The field label just above ``widget``, if it has one."""
        parent = widget.parent
        if parent is None:
            return None
        siblings = list(parent.children)
        at = siblings.index(widget)
        before = siblings[at - 1] if at else None
        return before if before is not None and before.has_class("field-label") else None

    def set_read_only(self, read_only: bool) -> None:
        """Stop (or allow) typing while someone else holds the draft."""
        for area in self.query(TextArea):
            area.read_only = read_only
        for widget in self.query("Input, Select, Checkbox"):
            widget.disabled = read_only

    def focus_field(self, name: str) -> bool:
        """Focus the widget editing ``name``; False when this editor has no such field."""
        widget = self.find(f"f-{name}")
        if widget is None:
            return False
        widget.focus(scroll_visible=False)  # reveal() scrolls, at once
        self.reveal(widget)
        return True

    # -- writing back ------------------------------------------------------------------------
    def _store(self, name: str, value: Any) -> bool:
        """Write ``value`` to the field and tell the screen; False when it was already there
        (flushing before a save stores every field again, and that is no edit)."""
        obj, attr = self.locate(name)
        if obj is None or getattr(obj, attr) == value:
            return False
        setattr(obj, attr, value)
        self.announce(name, obj)
        return True

    def announce(self, name: str, obj: Any = None) -> None:
        """Tell the draft screen that field ``name`` (of ``obj``) was edited: the draft is marked
        unsaved at once (``mark_changed``), the outline and status line follow the message.

        Posted to the screen directly: bubbled, the message would stop at each container
        between the editor and the screen, a hop per keystroke for nothing.
        """
        self.mark_changed(obj)
        message = self.Edited(self, name, obj)
        try:
            self.screen.post_message(message)
        except NoScreen:  # being removed: bubble, as any message would
            self.post_message(message)

    def _name_of(self, widget: Widget) -> str | None:
        wid = widget.id or ""
        name = wid[2:] if wid.startswith("f-") else ""
        return name if name in self.FIELDS else None

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        name = self._name_of(event.text_area)
        if name is not None:
            event.stop()  # handled: nothing above the editor listens for it
            self._store(name, event.text_area.text)

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        name = self._name_of(event.input)
        if name is None:
            return
        event.stop()  # handled: nothing above the editor listens for it
        if self.FIELDS[name] == DATE:
            try:
                value = read_date(event.value, required=name in self.REQUIRED_DATES)
            except ValueError as error:
                self._show_error(name, self._kept(name, str(error)))
                return
            self._show_error(name, "")
            self._store(name, value)
        else:
            self._store(name, clean_line(event.value))

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        name = self._name_of(event.select)
        # A Select announces its first option when it is built: only a choice the officer
        # made (the Select or its drop-down has the focus) may change the draft.
        if name is not None and event.value is not Select.NULL and event.select.has_focus_within:
            self._store(name, event.value)

    def _kept(self, name: str, reason: str) -> str:
        """The reason a date was refused, and the date the draft keeps meanwhile."""
        obj, attr = self.locate(name)
        kept = getattr(obj, attr, None) if obj is not None else None
        if isinstance(kept, date):
            return f"{reason}. Meanwhile the draft keeps {kept.day} {kept:%B %Y}."
        return f"{reason}. Meanwhile nothing is saved for this date."

    def _show_error(self, name: str, message: str) -> None:
        label = self.find(f"e-{name}")
        if isinstance(label, Label):
            label.update(message)
            label.display = bool(message)


def field_label(text: str, *, required: bool = False, id: str | None = None) -> Label:
    """The label above a field; a required one says so."""
    label = Label(f"{text}{'  (required)' if required else ''}", classes="field-label", id=id)
    label.set_class(required, "-required")
    return label


def error_label(name: str) -> Label:
    """The line under a field where its validation message appears."""
    label = Label("", id=f"e-{name}", classes="field-error")
    label.display = False
    return label


def _height_for_text(box: TextArea) -> int:
    """The height an auto-height text box takes for the text it holds now: its wrapped lines
    (TextArea wraps a new text at once, at its width) and its border, within its min and max
    heights, as the layout will make it."""
    styles = box.styles
    height = box.virtual_size.height + styles.gutter.height
    least = styles.min_height.cells if styles.min_height is not None else None
    most = styles.max_height.cells if styles.max_height is not None else None
    if least is not None:
        height = max(height, least)
    if most is not None:
        height = min(height, most)
    return height
