"""Planning a load: what the cache holds already, what to read before the first screen.

No Textual here: the app's loader worker runs the plan and posts what it has read.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from datetime import date

from parsers import Problem, discover
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import day_counts, stat_sources
from tui.archive.cache.writing import FileStat

FIRST_BATCH_BYTES = 2 * 1024 * 1024
BATCH_FILES = 32


@dataclass
class LoadPlan:
    """Files to read before the first screen, and the rest in the background."""

    first: list[FileStat] = field(default_factory=list)
    rest: list[FileStat] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # every file of the archive, read before or now
    removed_days: set[date | None] = field(default_factory=set)  # days of files now gone


def plan_load(paths: list[str], cache: ArchiveCache, prefer: date | None = None) -> LoadPlan:
    """Check the cache against the files under ``paths``; plan reading what is stale.

    The first batch holds the stale files of the newest day (and of ``prefer``, a day to
    reopen) and small files whose path names no date (a README, a dump: any day may be in
    them); the rest follows newest day first.
    """
    sources, problems = discover(paths)
    stats, unreadable = stat_sources(sources)
    found = cache.check(stats)
    stale = sorted(found.stale, key=_newest_first)
    known = [day for day in day_counts(cache.connection()) if day is not None]
    dated = [stat.source.path_date for stat in stale if stat.source.path_date]
    newest = max(known + dated, default=None)
    wanted = {newest, prefer} - {None}
    first = [stat for stat in stale if stat.source.path_date in wanted]
    rest = [stat for stat in stale if stat.source.path_date and stat not in first]
    budget = FIRST_BATCH_BYTES
    for stat in (stat for stat in stale if stat.source.path_date is None):
        if stat.size <= budget or not (first or known):
            first.append(stat)
            budget -= stat.size
        else:
            rest.append(stat)
    return LoadPlan(first, rest, problems + unreadable, len(stats), found.removed_days)


def _newest_first(stat: FileStat) -> tuple[bool, int]:
    day = stat.source.path_date
    return (day is None, -(day.toordinal() if day else 0))


class ReadQueue:
    """Files still to read, newest day first; a day asked for jumps the queue."""

    def __init__(self, files: list[FileStat]) -> None:
        self._files = deque(files)
        self._lock = threading.Lock()
        self._urgent = 0  # how many files at the front were asked for

    def __len__(self) -> int:
        return len(self._files)

    def pending_days(self) -> set[date | None]:
        with self._lock:
            return {stat.source.path_date for stat in self._files if stat.source.path_date}

    def undated_pending(self) -> bool:
        """True while files that name no day are still to read."""
        with self._lock:
            return any(stat.source.path_date is None for stat in self._files)

    def prioritize(self, day: date | None) -> None:
        """Read the files of ``day`` next, on their own (so that the day shows soon)."""
        with self._lock:
            wanted = [stat for stat in self._files if stat.source.path_date == day]
            if wanted:
                others = [stat for stat in self._files if stat.source.path_date != day]
                self._files = deque(wanted + others)
                self._urgent = len(wanted)

    def take(self, count: int = BATCH_FILES) -> list[FileStat]:
        """The next files to read: an asked-for day alone, else up to ``count`` files."""
        with self._lock:
            size = self._urgent or count
            self._urgent = 0
            return [self._files.popleft() for _ in range(min(size, len(self._files)))]
