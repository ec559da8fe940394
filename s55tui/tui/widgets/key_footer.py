"""The footer of keys, rebuilt only when the keys it shows have changed.

Textual's ``Footer`` rebuilds itself (some fifteen widgets, then a relayout of the whole
screen) every time the cursor moves, because the keys on offer may depend on where the
cursor is. In the draft screen they rarely do: going from one item's response box to the
next item's shows the same keys. Measured at 120x40, the two rebuilds of a step change cost
50 to 200 ms of the key's time. This footer compares what it would show with what it shows
and leaves itself alone when they are the same.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A ``Footer`` that skips rebuilding when the keys it would show are the ones shown."""

    _shown: Hashable | None = None

    def _keys_on_offer(self, screen: Screen[object]) -> Hashable:
        """Everything of the active bindings that the footer draws."""
        return tuple(
            (
                binding.key,
                binding.action,
                binding.description,
                binding.key_display,
                binding.group.description if binding.group else None,
                enabled,
                tooltip,
            )
            for _node, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        )

    def compose(self) -> ComposeResult:
        """The keys from the first frame. ``Footer`` shows none until the first focus change,
        then builds them and lays the whole screen out again (45 to 70 ms of start-up); the
        keys the screen offers are known already, and the focus arriving in a text box
        changes none of those shown, so it then finds nothing to rebuild."""
        if self._shown is None and self.is_attached:
            self.set_reactive(Footer._bindings_ready, True)
            self._shown = self._keys_on_offer(self.screen)
        for widget in super().compose():
            # Each key is bound to the footer's ``compact``, but starts compact: as it mounts
            # it takes the class, then drops it, styling itself twice (some twenty restyles,
            # 20 to 30 ms, every time the keys change). Given the footer's value first, it
            # has nothing to change. (The palette's key is not bound: it stays compact.)
            compact = getattr(type(widget), "compact", None)
            if isinstance(compact, Reactive) and not widget.has_class("-command-palette"):
                widget.set_reactive(compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            offer = self._keys_on_offer(screen)
            if offer == self._shown:
                return
            self._shown = offer  # Footer rebuilds with these, after the next refresh
        super().bindings_changed(screen)
