"""What the app's workers and the user-data writer tell the app (posted from threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from textual.message import Message

from parsers import Problem


@dataclass
class ArchiveRead(Message):
    """Files were read into the cache: ``days`` changed, ``pending`` days are still to come.

    ``days`` is None for the first report (everything the cache holds is new to the store).
    ``unknown_days``: the files are not checked yet, or some still to read name no day, so
    days may come that neither the store nor ``pending`` knows of.
    """

    days: set[date | None] | None
    pending: set[date | None]
    done: int
    total: int
    problems: list[Problem] = field(default_factory=list)
    unknown_days: bool = True


@dataclass
class LoadFinished(Message):
    """Every file has been read and every paper indexed (``first``: at start-up)."""

    problems: list[Problem]
    first: bool = True


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
class IndexReady(Message):
    """The full-text index holds every paper: searches see the whole archive."""


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
