"""Reading the archive for the app: the first day before the first frame, the rest after.

With a warm cache the first frame needs no file at all: the cache knows every day. Files
are then checked in the background and only new or changed ones are read, newest day first
(a day the reader asks for jumps the queue); last, new papers go into the search index.
Runs in a worker thread and reports with messages (:mod:`tui.app.messages`); it never
touches a widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date

from textual.message import Message

from parsers import Problem
from tui.app.messages import ArchiveRead, IndexReady, LoadFinished
from tui.archive.cache import ArchiveCache, CacheUnusable
from tui.archive.cache.reading import file_problems, holds_papers
from tui.archive.loading import LoadPlan, ReadQueue, plan_load
from tui.settings.locations import Locations

FIRST_SCREEN_POLL = 0.05


def open_cache(
    paths: list[str], locations: Locations, persistent: bool = True
) -> tuple[ArchiveCache, str | None]:
    """The archive's cache; a temporary one, and why, when the cache directory fails."""
    if persistent:
        try:
            return ArchiveCache(paths, locations.cache), None
        except CacheUnusable as exc:
            return ArchiveCache(paths, None), f"{exc}. Reading without it."
    return ArchiveCache(paths, None), None


class ArchiveLoader:
    """Keeps the cache of ``paths`` up to date and says what changed."""

    def __init__(
        self,
        paths: list[str],
        cache: ArchiveCache,
        prefer: date | None,
        post: Callable[[Message], object],
    ) -> None:
        self.paths = paths
        self.cache = cache
        self.prefer = prefer
        self.post = post
        self.first_screen = threading.Event()  # set once the first day is on screen
        self.queue = ReadQueue([])
        self._plan: LoadPlan | None = None

    def load_first(self) -> None:
        """Make the first screen possible (call before it): from the cache, else the files."""
        if holds_papers(self.cache.connection()):
            self.post(ArchiveRead(None, set(), 0, 0))  # the files are checked after it
            return
        plan = self._plan = plan_load(self.paths, self.cache, self.prefer)
        if plan.first:
            self.cache.parse(plan.first, index_now=True)
        self.queue = ReadQueue(plan.rest)
        self._report(None, plan.files - len(plan.rest), plan.files, plan.problems)

    def want(self, day: date | None) -> None:
        """The reader is showing ``day``: read its files next."""
        self.queue.prioritize(day)

    def load_rest(self, cancelled: Callable[[], bool]) -> None:
        """Check the files, read what is new or changed, index it (in a worker thread)."""
        while not self.first_screen.wait(FIRST_SCREEN_POLL):  # let the first screen draw
            if cancelled():
                return
        if self._plan is None:  # the first screen came from the cache: check the files now
            self._plan = self._replan()
        self._read(self._plan, cancelled, first=True)

    def refresh(self, cancelled: Callable[[], bool]) -> None:
        """Check the files again (a sync, a cron job, an edit) and read what changed."""
        self._read(self._replan(), cancelled, first=False)

    def _replan(self) -> LoadPlan:
        plan = plan_load(self.paths, self.cache, self.prefer)
        self.queue = ReadQueue(plan.first + plan.rest)
        if plan.first or plan.rest or plan.removed_days:
            self._report(plan.removed_days, 0, plan.files)
        return plan

    def _report(
        self,
        days: set[date | None] | None,
        done: int,
        total: int,
        problems: Sequence[Problem] = (),
    ) -> None:
        """Say which ``days`` changed (None: all of them), and what the files still to read
        may bring: the days their names give, and whether some name none."""
        pending, unknown = self.queue.pending_days(), self.queue.undated_pending()
        self.post(ArchiveRead(days, pending, done, total, list(problems), unknown))

    def _read(self, plan: LoadPlan, cancelled: Callable[[], bool], first: bool) -> None:
        done = plan.files - len(self.queue)
        changed = False
        while len(self.queue):
            if cancelled():  # the app is closing: stop between batches
                return
            batch = self.queue.take()
            days = self.cache.parse(batch, index_now=False)
            done += len(batch)
            changed = True
            self._report(days, done, plan.files)
        if not self.cache.index(cancelled):
            return
        if first or changed or plan.removed_days:
            self.post(IndexReady())
            problems = plan.problems + list(file_problems(self.cache.connection()))
            self.post(LoadFinished(problems, first))
