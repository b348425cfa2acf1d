"""The reader's marks as search asks about them: bookmarks, read state, notes and tags."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Protocol


class Marks(Protocol):
    """The reader's marks: bookmarks and read state (``is:``), notes and tags."""

    def is_bookmarked(self, pid: str) -> bool: ...

    def is_read(self, pid: str) -> bool: ...

    def bookmarked_ids(self) -> Iterable[str]: ...

    def read_ids(self) -> Iterable[str]: ...

    def note_of(self, pid: str) -> str | None: ...

    def tags_of(self, pid: str) -> Collection[str]: ...

    def notes(self) -> Iterable[tuple[str, str]]: ...

    def tagged(self) -> Iterable[tuple[str, Collection[str]]]: ...


@dataclass
class SetMarks:
    """Marks held in sets and dicts by paper identity (by default: none)."""

    bookmarked: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)
    notes_by_id: dict[str, str] = field(default_factory=dict)
    tags_by_id: dict[str, list[str]] = field(default_factory=dict)

    def is_bookmarked(self, pid: str) -> bool:
        return pid in self.bookmarked

    def is_read(self, pid: str) -> bool:
        return pid in self.read

    def bookmarked_ids(self) -> Iterable[str]:
        return self.bookmarked

    def read_ids(self) -> Iterable[str]:
        return self.read

    def note_of(self, pid: str) -> str | None:
        return self.notes_by_id.get(pid)

    def tags_of(self, pid: str) -> Collection[str]:
        return self.tags_by_id.get(pid, ())

    def notes(self) -> Iterable[tuple[str, str]]:
        return self.notes_by_id.items()

    def tagged(self) -> Iterable[tuple[str, Collection[str]]]:
        return [(pid, tags) for pid, tags in self.tags_by_id.items() if tags]


NoMarks = SetMarks
