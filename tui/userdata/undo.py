"""Undo for the last few changes (bookmark removed, day marked read), for a short while."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

UNDO_SECONDS = 15.0
MAX_ENTRIES = 20


@dataclass(frozen=True)
class UndoEntry:
    description: str
    undo: Callable[[], None]
    made_at: float


class UndoStack:
    """Changes that can be undone within ``UNDO_SECONDS``, newest first."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._entries: list[UndoEntry] = []
        self._clock = clock

    def push(self, description: str, undo: Callable[[], None]) -> None:
        self._entries.append(UndoEntry(description, undo, self._clock()))
        del self._entries[:-MAX_ENTRIES]

    def pop(self) -> UndoEntry | None:
        """The newest change still undoable (older, expired ones are dropped)."""
        now = self._clock()
        self._entries = [e for e in self._entries if now - e.made_at <= UNDO_SECONDS]
        return self._entries.pop() if self._entries else None
