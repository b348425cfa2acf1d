"""What the app's background jobs and the user-data writer tell the app (posted from threads)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.archive.cache import ArchiveCache
from tui.archive.loading import LoadEvent


@dataclass
class LoaderReport(Message):
    """The archive's loader says what it read (``cache``: the archive it was loading)."""

    event: LoadEvent
    cache: ArchiveCache


@dataclass
class JobFailed(Message):
    """A background job (``group``: load, refresh, sync) stopped with an error."""

    group: str
    error: BaseException


@dataclass
class SyncReport(Message):
    """``paperdeck sync`` in the reader says how far it got (a line for the status bar)."""

    text: str


@dataclass
class SyncFinished(Message):
    """Every source was synced (or failed): one line each, and whether all went well."""

    lines: list[str]
    ok: bool


@dataclass
class UserStateSaved(Message):
    """Bookmarks or read marks were saved (and may include other instances' changes)."""


@dataclass
class SaveFailed(Message):
    """Saving user data started to fail; the writer keeps the changes and retries."""

    text: str


@dataclass
class SaveRecovered(Message):
    """Saving works again after failing: every change kept meanwhile is on disk."""

    text: str
