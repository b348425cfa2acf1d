"""The papers selected in a paper list, to act on at once (plain Python, no Textual).

A selection outlives the day it was made on: papers selected on several days are acted on
together. It keeps each paper's entry, so a paper of another day is still known.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from tui.archive.entry import Entry
from tui.userdata.bookmarks import Bookmark


class Selection:
    """Selected papers by identity, in the order they were selected."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __contains__(self, pid: object) -> bool:
        return pid in self._entries

    @property
    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    @property
    def ids(self) -> list[str]:
        return list(self._entries)

    def toggle(self, entry: Entry) -> bool:
        """Select ``entry``, or unselect it; True when it is selected now."""
        if self._entries.pop(entry.pid, None) is not None:
            return False
        self._entries[entry.pid] = entry
        return True

    def toggle_all(self, entries: Iterable[Entry]) -> bool:
        """Select every one of ``entries``; when each is selected already, clear the
        selection instead. True when they are selected now."""
        wanted = list(entries)
        if wanted and all(entry.pid in self._entries for entry in wanted):
            self.clear()
            return False
        for entry in wanted:
            self._entries.setdefault(entry.pid, entry)
        return bool(wanted)

    def clear(self) -> None:
        self._entries.clear()

    def snapshots(self) -> list[Bookmark]:
        """A bookmark snapshot of each selected paper, to keep it by."""
        now = datetime.now(UTC)
        return [Bookmark.of(e.pid, e.paper, e.day, now) for e in self._entries.values()]

    @property
    def label(self) -> str:
        """What the list's title says: "3 selected", or "" for none."""
        return f"{len(self)} selected" if self else ""
