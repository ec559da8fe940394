"""F1: every key the app answers to, by where it works, with what it does.

Officers learn an app from its keys. The list is built from the bindings themselves (the
app's, the draft screen's, the outline's and the text boxes' essentials), so it never
drifts from what the keys really do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

TEXT_KEYS = (
    ("ctrl+z / ctrl+y", "Undo / redo"),
    ("ctrl+x / ctrl+c / ctrl+v", "Cut / copy / paste (pastes from Word are cleaned)"),
    ("tab / shift+tab", "Next / previous field"),
    ("shift+arrows", "Select text"),
)


def _describe_key(key: str) -> str:
    return " / ".join(part.strip() for part in key.split(","))


def bindings_table(groups: list[tuple[str, list[BindingType]]]) -> Table:
    """A table of keys grouped by where they work."""
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for heading, bindings in groups:
        table.add_row(f"[b]{heading}[/b]", "")
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                # the footer shows the short description; here there is room for the tooltip
                table.add_row(_describe_key(binding.key), binding.tooltip or binding.description)
        table.add_row("", "")
    table.add_row("[b]In a text box[/b]", "")
    for key, words in TEXT_KEYS:
        table.add_row(key, words)
    return table


class HelpScreen(ModalScreen[None]):
    """The list of keys; escape or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 108; max-width: 100%; height: 90%;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys  (escape closes)"
            yield Static(bindings_table(self.groups))
