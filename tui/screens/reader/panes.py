"""The reader's columns, each with the keys that apply in its pane shown in the footer.

A key of the reader works from every pane (the screen binds it, not shown); the column
holding the focused pane binds it again, shown, so the footer names the keys of the pane
in use first and leaves out the others. Both bindings share an id, so a remap in
config.toml moves both.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical

UNREAD = Binding.Group("Unread", compact=True)

LIST_KEYS: list[BindingType] = [
    Binding("n", "screen.next_unread", "Next unread", group=UNREAD, id="unread.next"),
    Binding("N", "screen.next_unread(False)", "Previous", group=UNREAD, id="unread.previous"),
    Binding("m", "screen.mark_day_read", "All read", id="read.mark_day"),
    Binding("H", "screen.toggle_hide_read", "Unread only", id="list.hide_read"),
]

DETAIL_KEYS: list[BindingType] = [
    Binding("space", "screen.read_on", "Read on", id="detail.read_on"),
    Binding("n", "screen.next_unread", "Next unread", group=UNREAD, id="unread.next"),
    Binding("N", "screen.next_unread(False)", "Previous", group=UNREAD, id="unread.previous"),
    Binding("Z", "screen.toggle_full_detail", "Full screen", id="detail.full_screen"),
]


class ListColumn(Vertical):
    """The filter box and the paper list."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS


class DetailColumn(Vertical):
    """The paper in full."""

    BINDINGS: ClassVar[list[BindingType]] = DETAIL_KEYS
