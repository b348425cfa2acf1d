"""The footer of every screen: the keys that apply now, drawn as one line by one widget.

It looks and behaves as Textual's ``Footer``: each key with its description, the keys of a
binding group side by side under the group's name, the command palette's key on the
right, disabled keys dimmed, a key run when clicked, its tooltip on hover, the line scrolled
sideways by the mouse wheel when it is wider than the terminal. Textual's footer builds a
widget per key (a dozen or more, each mounted and styled) and rebuilds them all on every
bindings update; drawing the line from the bindings instead takes a tenth of the time on the
reader's first frame. Updates that arrive before the next refresh are gathered into one, and
the line is drawn again only when the keys, their labels or their enabled state change.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual import events
    from textual.binding import ActiveBinding, Binding
    from textual.screen import Screen

SCROLL_STEP = 4
"""Columns the mouse wheel moves a footer wider than the terminal."""

Part = tuple[str, str]
"""Text and the component class that styles it ("" for the footer's own style)."""


class LineKey:
    """One key as the footer shows it: its parts and where they are on the line."""

    __slots__ = ("disabled", "key", "parts", "start", "tooltip", "width")

    def __init__(self, binding: Binding, parts: list[Part], disabled: bool, tooltip: str) -> None:
        self.key = binding.key
        self.parts = parts
        self.disabled = disabled
        self.tooltip = tooltip
        self.width = sum(cell_len(text) for text, _ in parts)
        self.start = 0


class KeyLine:
    """The footer's line: keys and labels from the left, the palette's key on the right."""

    __slots__ = ("keys", "palette", "parts", "width")

    def __init__(self) -> None:
        self.parts: list[tuple[str, str, LineKey | None]] = []
        self.keys: list[LineKey] = []
        self.width = 0
        self.palette: LineKey | None = None

    def add(self, text: str, component: str = "") -> None:
        self.parts.append((text, component, None))
        self.width += cell_len(text)

    def add_key(self, key: LineKey) -> None:
        key.start = self.width
        self.keys.append(key)
        self.parts.extend((text, component, key) for text, component in key.parts)
        self.width += key.width


def key_parts(key: str, description: str, *, compact: bool = False) -> list[Part]:
    """A key and its description, padded as Textual's footer pads them."""
    if not description:
        return [(key, "key-footer--key")]
    if compact:
        return [(key, "key-footer--key"), (f" {description}", "key-footer--description")]
    return [(f" {key} ", "key-footer--key"), (f"{description} ", "key-footer--description")]


class KeyFooter(Widget, can_focus=False):
    """The keys of the focused chain's bindings, as Textual's footer shows them."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--divider",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
        & > .key-footer--divider {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._line = KeyLine()
        self._shown: tuple[tuple[str, str, str, bool, str], ...] | None = None
        self._update_pending = False
        self._hovered: LineKey | None = None
        self._scrolled = 0

    @property
    def keys(self) -> list[str]:
        """The keys shown, left to right, the command palette's last."""
        line = self._line
        return [key.key for key in line.keys] + ([line.palette.key] if line.palette else [])

    # -- following the bindings -----------------------------------------------------------

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._update_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus or self._update_pending:
            return
        if self.is_attached and screen is self.screen:
            self._update_pending = True
            self.call_after_refresh(self._update_keys)

    def _update_keys(self) -> None:
        self._update_pending = False
        if not self.is_attached:
            return
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else ""
        shown = tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in active.items()
            if binding.show or key == palette_key
        )
        if shown != self._shown:
            self._shown = shown
            self._line = self._lay_out(active, palette_key)
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def _lay_out(self, active: dict[str, ActiveBinding], palette_key: str) -> KeyLine:
        """The line for these bindings: as Textual's footer composes its widgets."""
        line = KeyLine()
        by_action: dict[str, list[tuple[Binding, bool, str]]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show:
                by_action.setdefault(binding.action, []).append((binding, enabled, tooltip))
        display = self.app.get_key_display
        for group, runs in groupby(by_action.values(), lambda run: run[0][0].group):
            firsts = [run[0] for run in runs]
            if group is not None and len(firsts) > 1:
                line.add(" " if group.compact else "")  # the group's padding
                for binding, enabled, tooltip in firsts:
                    if not group.compact:
                        line.add(" ")
                    key = LineKey(
                        binding, key_parts(display(binding), ""), not enabled,
                        tooltip or binding.description,
                    )  # fmt: skip
                    line.add_key(key)
                line.add(" ")  # the group's margin, or its last key's
                line.add(group.description, "key-footer--description")
                line.add(" ")  # the label's margin
                continue
            for binding, enabled, tooltip in firsts:
                parts = key_parts(display(binding), binding.description)
                line.add_key(LineKey(binding, parts, not enabled, tooltip))
        found = active.get(palette_key) if palette_key else None
        if found is not None:
            _node, binding, enabled, _tooltip = found
            parts = [
                ("▏", "key-footer--divider"),
                *key_parts(display(binding), binding.description, compact=True),
                (" ", ""),
            ]
            tooltip = binding.tooltip or binding.description
            line.palette = LineKey(binding, parts, not enabled, tooltip)
        return line

    # -- drawing --------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line = self._line
        base = self.rich_style
        palette = line.palette
        room = width - (palette.width if palette else 0)
        segments = [
            Segment(text, self._style(component, key, base)) for text, component, key in line.parts
        ]
        scrolled = self._offset
        left = Strip(segments, line.width).crop_extend(scrolled, scrolled + room, base)
        if palette is None:
            return left
        right = [
            Segment(text, self._style(component, palette, base))
            for text, component in palette.parts
        ]
        return Strip.join([left, Strip(right, palette.width)]).crop(0, width)

    def _style(self, component: str, key: LineKey | None, base: Style) -> Style:
        style = base + self.get_component_rich_style(component) if component else base
        if key is not None:
            if key.disabled:
                style += Style(dim=True)
            if key is self._hovered:
                hover = self.get_component_rich_style("key-footer--hover")
                style += Style(bgcolor=hover.bgcolor)
        return style

    # -- the mouse ------------------------------------------------------------------------

    def _key_at(self, x: int) -> LineKey | None:
        line = self._line
        palette = line.palette
        if palette is not None and x >= self.size.width - palette.width:
            return palette
        column = x + self._offset
        for key in line.keys:
            if key.start <= column < key.start + key.width:
                return key
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover(None)

    def _hover(self, key: LineKey | None) -> None:
        if key is not self._hovered:
            self._hovered = key
            self.tooltip = (key.tooltip or None) if key is not None else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.disabled:
            self.app.bell()
        else:
            self.app.simulate_key(key.key)

    @property
    def _offset(self) -> int:
        """Columns scrolled, within what the line's width allows at the terminal's width."""
        return min(self._scrolled, self._max_scroll())

    def _max_scroll(self) -> int:
        palette = self._line.palette
        room = self.size.width - (palette.width if palette else 0)
        return max(0, self._line.width - room)

    def _scroll_by(self, columns: int, event: events.MouseEvent) -> None:
        scrolled = max(0, min(self._max_scroll(), self._offset + columns))
        if scrolled != self._scrolled:
            self._scrolled = scrolled
            self.refresh()
            event.stop()
            event.prevent_default()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(SCROLL_STEP, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-SCROLL_STEP, event)
