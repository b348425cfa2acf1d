"""Getting digests from the open reader: ``R`` syncs, and the archive is watched.

``R`` (and the palette's "Sync digests") runs ``paperdeck sync``'s engine in a background
job with its progress on the reader's status line; new days then appear without a restart, the day,
paper and marks kept. Every minute the files are checked again in the background, so a
sync run by cron (or any other change to the archive) shows up too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual.message import Message

from tui.app.jobs import Jobs
from tui.app.messages import SyncFinished, SyncReport
from tui.settings.config import load_config
from tui.settings.locations import Locations
from tui.userdata.state_file import StateFileError
from tui.userdata.synced_sources import SourceRegistry

if TYPE_CHECKING:
    from tui.sync import SyncProgress


def ago(then: datetime, now: datetime) -> str:
    """How long ago ``then`` was, as a person says it: ``just now``, ``5 min ago``."""
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"{minutes // (24 * 60)} days ago"


def last_synced(locations: Locations, now: datetime) -> str:
    """``synced 5 min ago``: the last sync of any remembered source, or "" when none synced."""
    try:
        remembered = SourceRegistry(locations.data).read().values()
    except StateFileError:
        return ""
    times = [source.last_sync for source in remembered if source.last_sync is not None]
    return f"synced {ago(max(times), now)}" if times else ""


class NewDays:
    """Counts the days that a check of the archive (after a sync, or the minute's) brings."""

    def __init__(self) -> None:
        self._before: set[date] | None = None

    def checking(self, days: Iterable[date | None]) -> None:
        """A check starts: these are the days known before it."""
        self._before = {day for day in days if day is not None}

    def checked(self, days: Iterable[date | None]) -> int:
        """The check ended with ``days``: how many of them are new (0 after no check)."""
        before, self._before = self._before, None
        if before is None:
            return 0
        return len({day for day in days if day is not None} - before)


def new_days_line(count: int, key: str) -> str:
    """What the reader says when a check brings ``count`` new days."""
    days = f"{count:,} new day{'' if count == 1 else 's'}"
    return f"{days}: {key} opens the newest unread paper" if key else days


def progress_line(progress: SyncProgress) -> str:
    """One line for the status bar: the source, the stage, how far."""
    amount = ""
    if progress.total:
        amount = f" {progress.done:,}/{progress.total:,} {progress.unit}".rstrip()
    elif progress.done:
        amount = f" {progress.done:,} {progress.unit}".rstrip()
    note = f" · {progress.note}" if progress.note else ""
    return f"Syncing {progress.source}: {progress.stage}{amount}{note}"


class ArchiveSync:
    """Runs ``paperdeck sync``'s engine in a background job; its progress and its end are
    posted (:class:`SyncReport`, :class:`SyncFinished`) for the app to show."""

    def __init__(
        self,
        jobs: Jobs,
        locations: Locations,
        post: Callable[[Message], None],
    ) -> None:
        self.jobs = jobs
        self.locations = locations
        self.post = post  # from the job's thread

    def start(self) -> bool:
        """Sync every source now; False when a sync is already running."""
        if self.jobs.busy("sync"):
            return False
        self.jobs.start("sync", self._sync)
        return True

    def _sync(self, cancelled: Callable[[], bool]) -> None:
        from tui.sync import sources_to_sync, sync_sources  # the engine: loaded when used

        def report(progress: SyncProgress) -> None:
            self.post(SyncReport(progress_line(progress)))

        configured = load_config(self.locations.config_file).config.source  # as it is now
        problems: list[str] = []
        results = sync_sources(
            sources_to_sync(configured, self.locations.sources, problems),
            self.locations.sources,
            report=report,
            cancelled=cancelled,
        )
        lines = [*problems, *(f"{result.name}: {result.message}" for result in results)]
        self.post(SyncFinished(lines, all(result.ok for result in results)))
