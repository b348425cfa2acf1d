"""Getting digests from the open reader: ``R`` syncs, and the archive is watched.

``R`` (and the palette's "Sync digests") runs ``paperdeck sync``'s engine in a worker with
its progress on the reader's status line; new days then appear without a restart, the day,
paper and marks kept. Every minute the files are checked again in the background, so a
sync run by cron (or any other change to the archive) shows up too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import App
from textual.message import Message

from tui.app.jobs import Jobs
from tui.app.messages import SyncFinished, SyncReport
from tui.archive.loading import ArchiveLoader
from tui.screens.reader.screen import ReaderScreen
from tui.settings.locations import Locations
from tui.settings.reader_settings import ReaderSettings

if TYPE_CHECKING:
    from tui.sync import SyncProgress

WATCH_SECONDS = 60.0


def progress_line(progress: SyncProgress) -> str:
    """One line for the status bar: the source, the stage, how far."""
    amount = ""
    if progress.total:
        amount = f" {progress.done:,}/{progress.total:,} {progress.unit}".rstrip()
    elif progress.done:
        amount = f" {progress.done:,} {progress.unit}".rstrip()
    note = f" · {progress.note}" if progress.note else ""
    return f"Syncing {progress.source}: {progress.stage}{amount}{note}"


class ArchiveSync(App[None]):
    """Syncs on request and checks the archive's files every minute."""

    loader: ArchiveLoader
    reader: ReaderScreen
    settings: ReaderSettings
    locations: Locations
    loaded: bool
    jobs: Jobs
    switch_archive: Callable[[list[str]], None]
    _from_thread: Callable[[Message], None]

    def watch_archive(self) -> None:
        """Check the files every minute from now on."""
        self.set_interval(WATCH_SECONDS, self._check_archive)

    def _check_archive(self) -> None:
        if self.loaded and not self.jobs.busy("load", "refresh", "sync"):
            self.jobs.start("refresh", self.loader.refresh)

    def action_sync_archive(self) -> None:
        if self.jobs.busy("sync"):
            self.notify("A sync is already running.", timeout=3)
            return
        self.reader.show_status("Syncing…")
        self.jobs.start("sync", self._sync)

    def _sync(self, cancelled: Callable[[], bool]) -> None:
        from tui.sync import sources_to_sync, sync_sources  # the engine: loaded when used

        def report(progress: SyncProgress) -> None:
            self._from_thread(SyncReport(progress_line(progress)))

        results = sync_sources(
            sources_to_sync(self.settings.sources),
            self.locations.sources,
            report=report,
            cancelled=cancelled,
        )
        lines = [f"{result.name}: {result.message}" for result in results]
        self._from_thread(SyncFinished(lines, all(result.ok for result in results)))

    def on_sync_report(self, message: SyncReport) -> None:
        self.reader.show_status(message.text)

    def on_sync_finished(self, message: SyncFinished) -> None:
        self.reader.show_status("")
        self.notify(
            "\n".join(message.lines) or "No sources to sync.",
            title="Synced" if message.ok else "Some sources could not be synced",
            severity="information" if message.ok else "error",
            timeout=8 if message.ok else 20,
        )
        defaults = self.settings.default_paths
        paths = defaults() if defaults is not None else None
        if paths is not None and paths != self.loader.paths:
            self.switch_archive(paths)  # the first sync: from the demo to your digests
        elif not self.jobs.busy("load", "refresh"):
            self.jobs.start("refresh", self.loader.refresh)
