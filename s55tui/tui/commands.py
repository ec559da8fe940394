"""Every command of a screen, written once: its key, its words, and the action it runs.

The key bindings, the footer, F1's list of keys and the command palette (ctrl+p) are all made
from these lists, so a command can never have one name in the footer and another in the
palette, or a key that F1 does not mention. A screen says whether a command can run just now
(an item command needs an item open) with textual's ``check_action``; the palette offers only
the commands that can.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from textual.app import SystemCommand
from textual.binding import Binding, BindingType
from textual.widget import Widget


@dataclass(frozen=True)
class Command:
    """One thing the officer can do on a screen."""

    id: str  # stable, for keymaps: "draft.next-step"
    action: str  # the screen's ``action_<action>``
    title: str  # the palette's name for it: "Next step"
    help: str  # what it does, in a sentence: the palette's, F1's and the tooltip's words
    key: str | None = None  # None: only in the palette
    footer: str = ""  # the footer's short name; "" keeps it out of the footer
    priority: bool = False

    def binding(self) -> Binding:
        """The key binding for this command (only for a command with a key)."""
        assert self.key is not None
        return Binding(
            self.key,
            self.action,
            self.footer or self.title,
            show=bool(self.footer),
            tooltip=self.help,
            id=self.id,
            priority=self.priority,
        )


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """The key bindings of the commands that have keys, for a screen's ``BINDINGS``."""
    return [command.binding() for command in commands if command.key]


def palette_only(commands: Iterable[Command]) -> list[Command]:
    """The commands with no key, which F1 lists by name."""
    return [command for command in commands if not command.key]


def palette(node: Widget, commands: Iterable[Command]) -> Iterable[SystemCommand]:
    """The commands ``node`` can run now, for the command palette, each with its key."""
    for command in commands:
        if node.check_action(command.action, ()) is not True:
            continue
        key = f" ({command.key.split(',')[0]})" if command.key else ""
        yield SystemCommand(command.title, f"{command.help}{key}", partial(node.run_action, command.action))
