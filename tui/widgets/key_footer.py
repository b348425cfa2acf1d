"""The footer of every screen: Textual's Footer, rebuilt only when the keys it shows change.

Textual's footer rebuilds all its keys each time the screen's bindings are updated: when
focus moves, when a widget mounts, when an action's availability is refreshed. While the
reader starts that happens four or five times before its first frame, each rebuild mounting
and styling a dozen widgets. This footer gathers the updates that arrive before the next
refresh into one, and rebuilds only when the keys, their labels or their enabled state
differ from what it shows. Its keys start in the footer's style (compact or not), rather
than compact and then restyled one by one as they mount.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tui.terminal.textual_compat import mark_footer_ready

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

KeysShown = tuple[tuple[str, str, str, bool, str], ...]


class KeyFooter(Footer):
    """A footer that rebuilds its keys once per change, not once per bindings update."""

    _update_pending = False
    _keys_shown: KeysShown | None = None

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # bound to the footer's value once mounted (the palette's key is not)
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual's footer composes nothing until its first bindings update has arrived.
        mark_footer_ready(self)
        if not screen.app.app_focus or self._update_pending:
            return
        if self.is_attached and screen is self.screen:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    async def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        keys = self._current_keys()
        if keys != self._keys_shown:
            self._keys_shown = keys
            await self.recompose()

    def _current_keys(self) -> KeysShown:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == self.app.COMMAND_PALETTE_BINDING
        )
