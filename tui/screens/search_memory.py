"""The search screen's memory: the queries searched (↑/↓ in the box) and saved searches.

:class:`SearchMemory` is what the screen is given (the user's data, saved by its writer);
:class:`Recall` walks the history as a shell does: ↑ older, ↓ newer, and past the newest
the text that was being typed comes back.
"""

from __future__ import annotations

from typing import Protocol


class SearchMemory(Protocol):
    """The searches kept in the user's data."""

    def search_history(self) -> list[str]: ...

    def saved_searches(self) -> dict[str, str]: ...

    def remember_query(self, text: str) -> None: ...

    def save_search(self, name: str, text: str) -> None: ...


class Recall:
    """Where ↑/↓ are in the history: -1 is the text being typed."""

    def __init__(self) -> None:
        self.index = -1
        self.typed = ""  # the box's text before ↑ began
        self.shown: str | None = None  # the text put in the box, to tell it from typing

    @property
    def browsing(self) -> bool:
        return self.index >= 0

    def step(self, history: list[str], current: str, older: bool) -> str | None:
        """The text for the box after ↑ (``older``) or ↓; None when there is nothing further.

        Entries equal to the text being typed are passed over (↑ after a search shows the
        one before it)."""
        if not self.browsing:
            self.typed = current
        index = self.index
        while True:
            index += 1 if older else -1
            if index < -1 or index >= len(history):
                return None
            if index == -1 or history[index] != self.typed:
                break
        self.index = index
        self.shown = self.typed if index == -1 else history[index]
        return self.shown

    def typed_over(self, text: str) -> None:
        """The box changed: typing (not a recalled text) ends the walk."""
        if text != self.shown:
            self.index, self.shown = -1, None
