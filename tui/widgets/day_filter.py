"""The box that filters the day's list with the search language (key f)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from tui.widgets.literal import literal

if TYPE_CHECKING:
    from tui.search.query import Query


class DayFilter(Input):
    """Hidden until asked for; a malformed term is shown under it, the last good one stays."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear filter", show=False, id="filter.clear"),
    ]

    @dataclass
    class Applied(Message):
        """The filter to apply now: a query, or None for no filter."""

        query: Query | None

    @dataclass
    class Done(Message):
        """The user pressed enter: back to the list."""

    @dataclass
    class Cleared(Message):
        """The user pressed escape: the filter is gone and the box hidden."""

    def __init__(self) -> None:
        super().__init__(
            placeholder="Filter this day: words, author:, votes:>=20, is:unread…",
            id="day-filter",
        )

    def open(self) -> None:
        self.display = True
        self.focus()

    def close(self) -> None:
        """Empty and hide the box (the screen drops the filter)."""
        with self.prevent(Input.Changed):
            self.value = ""
        self.display = False

    def action_clear(self) -> None:
        self.close()
        self.post_message(self.Cleared())

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        # The search language loads with the first filter typed, not with the first frame.
        from tui.search.query import QueryError, parse_query

        try:
            query = parse_query(event.value)
        except QueryError as exc:
            self.border_subtitle = literal(str(exc))
            self.add_class("-error")
            return
        self.border_subtitle = literal("")
        self.remove_class("-error")
        self.post_message(self.Applied(None if query.empty else query))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done())
