"""Getting digests from the open reader: ``R`` syncs, and the archive is watched.

``R`` (and the palette's "Sync digests") runs ``paperdeck sync``'s engine in a background
job with its progress on the reader's status line; new days then appear without a restart, the day,
paper and marks kept. Every minute the files are checked again in the background, so a
sync run by cron (or any other change to the archive) shows up too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

from tui.app.jobs import Jobs
from tui.app.messages import SyncFinished, SyncReport
from tui.settings.config import load_config
from tui.settings.locations import Locations

if TYPE_CHECKING:
    from tui.sync import SyncProgress


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
        results = sync_sources(
            sources_to_sync(configured, self.locations.sources),
            self.locations.sources,
            report=report,
            cancelled=cancelled,
        )
        lines = [f"{result.name}: {result.message}" for result in results]
        self.post(SyncFinished(lines, all(result.ok for result in results)))
