"""What a sync tells its caller: progress as it goes, and one result per source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SyncProgress:
    """One step of a source's sync, for a progress bar or a status line.

    ``done`` of ``total`` ``unit`` (days, objects, files); ``total`` is None while unknown.
    """

    source: str
    """The source's name (its folder under ``sources/``)."""
    kind: str
    """``git`` or ``hf``."""
    stage: str
    """What is happening: "fetching days", "receiving objects", "checking out", …"""
    done: int = 0
    total: int | None = None
    unit: str = ""
    note: str = ""
    """A detail worth a line of its own (a day saved, a wait for the API), or ""."""


Report = Callable[[SyncProgress], None]
Cancelled = Callable[[], bool]


def no_report(progress: SyncProgress) -> None:
    """A :data:`Report` that shows nothing."""


def never_cancelled() -> bool:
    return False


@dataclass
class SourceResult:
    """How one source's sync ended."""

    name: str
    kind: str
    address: str
    """The repository URL or the API address."""
    path: Path
    """The folder the reader opens for this source (stable across syncs)."""
    ok: bool = True
    message: str = ""
    """One line: what changed, or why nothing could."""
    changed: list[Path] = field(default_factory=list)
    """Files added or replaced, as the reader sees them (read them again)."""
    removed: list[Path] = field(default_factory=list)
    """Files that are gone (forget what they held)."""
    revision: str | None = None
    """git: the commit now on disk."""
    days: int = 0
    """hf: the days fetched in this sync (complete days are skipped)."""
    new_days: int | None = None
    """Days its folder holds now that it did not before the sync (None: not known)."""

    def to_json(self) -> dict[str, Any]:
        """The summary ``paperdeck sync --json`` prints for this source."""
        return {
            "name": self.name,
            "kind": self.kind,
            "address": self.address,
            "path": str(self.path),
            "ok": self.ok,
            "message": self.message,
            "changed": [str(path) for path in self.changed],
            "removed": [str(path) for path in self.removed],
            "revision": self.revision,
            "days_fetched": self.days if self.kind == "hf" else None,
        }


class SyncError(Exception):
    """A source could not be synced; the message is one line for the user."""


def cannot_reach(host: str) -> str:
    """What a sync says when ``host``'s name does not resolve or no network leads to it."""
    return f"cannot reach {host} — offline?"
