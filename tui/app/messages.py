"""What the app's workers and the user-data writer tell the app (posted from threads)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from parsers import FileResult, Problem
from tui.search.index import SearchIndex


@dataclass
class FilesParsed(Message):
    """The loader parsed some files (``first`` for the batch before the first screen)."""

    results: list[FileResult]
    problems: list[Problem]
    done: int
    total: int
    first: bool


@dataclass
class LoadFinished(Message):
    """The loader has read every file."""


@dataclass
class IndexReady(Message):
    """The search index over the whole archive is built."""

    index: SearchIndex


@dataclass
class UserStateSaved(Message):
    """Bookmarks or read marks were saved (and may include other instances' changes)."""


@dataclass
class SaveFailed(Message):
    """The writer could not save user data; it keeps the changes and retries."""

    text: str
