"""Loading an archive into its cache: the first day before the first frame, the rest after.

With a warm cache the first frame needs no file at all: the cache knows every day. Files
are then checked and only new or changed ones are read, newest day first (a day the reader
asks for jumps the queue); last, new papers go into the search index. The reader runs
:meth:`ArchiveLoader.load_rest` in a background thread, commands run
:meth:`ArchiveLoader.load_all`; either way the loader says what happened through its
``report`` callback (as the sync engine does) and never touches a widget.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from parsers import Problem, discover
from tui.archive.cache import ArchiveCache, CacheWriteFailed
from tui.archive.cache.reading import file_problems, holds_papers, newest_day, stat_sources
from tui.archive.cache.writing import FileStat

FIRST_BATCH_BYTES = 2 * 1024 * 1024
BATCH_FILES = 64
"""Files stored in one transaction. Each commit writes every page its rows touched, and
rows land all over the tables (row ids are rank keys): 32 files a batch wrote 5.4 GB for
a ten-year archive, 64 wrote 3.6 GB and filled it a fifth faster. The parsing of a batch
still makes way for keys file by file."""
FIRST_SCREEN_POLL = 0.05
MAKE_WAY_SECONDS = 0.15  # after a key, the loader's next piece of work waits this long
REPORT_SECONDS = 0.5
"""Days read are reported at most this often (each report redraws the reader), unless
the reader asked for them."""


# -- what the loader reports ---------------------------------------------------------------


@dataclass(frozen=True)
class DaysRead:
    """Files were read into the cache: ``days`` changed, ``pending`` days are still to come.

    ``days`` is None for the first report (everything the cache holds is new to the reader).
    ``unknown_days``: the files are not checked yet, or some still to read name no day, so
    days may come that neither the cache nor ``pending`` knows of.
    """

    days: set[date | None] | None
    pending: set[date | None]
    done: int
    total: int
    problems: list[Problem] = field(default_factory=list)
    unknown_days: bool = True


@dataclass(frozen=True)
class LoadFinished:
    """Every file has been read and every paper indexed (``first``: the load at start-up)."""

    problems: list[Problem]
    first: bool = True


@dataclass(frozen=True)
class CacheFailed:
    """The disk refused to hold the cache (full, read-only): go on with a temporary one."""

    reason: str


LoadEvent = DaysRead | LoadFinished | CacheFailed


def never() -> bool:
    return False


# -- planning ---------------------------------------------------------------------------


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
    known = newest_day(cache.connection())  # None: the cache holds no dated paper
    dated = [stat.source.path_date for stat in stale if stat.source.path_date]
    newest = max([*dated, known] if known else dated, default=None)
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
        self.asked = False  # the files taken last are a day asked for

    def __len__(self) -> int:
        return len(self._files)

    def pending(self) -> tuple[set[date | None], bool]:
        """The days the files still to read name, and whether some of them name none."""
        with self._lock:
            days = {stat.source.path_date for stat in self._files}
        return days - {None}, None in days

    def prioritize(self, day: date | None) -> None:
        """Read the files of ``day`` next, on their own (so that the day shows soon)."""
        with self._lock:
            wanted = [stat for stat in self._files if stat.source.path_date == day]
            if wanted:
                others = [stat for stat in self._files if stat.source.path_date != day]
                self._files = deque(wanted + others)
                self._urgent = len(wanted)

    def take(self, count: int = BATCH_FILES) -> list[FileStat]:
        """The next files to read: an asked-for day alone, else up to ``count`` files
        (``asked``: whether they are an asked-for day's)."""
        with self._lock:
            size = self._urgent or count
            self.asked = bool(self._urgent)
            self._urgent = 0
            return [self._files.popleft() for _ in range(min(size, len(self._files)))]

    def put_back(self, files: list[FileStat]) -> None:
        """Files taken but not read (the work was cancelled): first in line again."""
        with self._lock:
            self._files.extendleft(reversed(files))


# -- loading ----------------------------------------------------------------------------


def update_cache(
    paths: list[str], cache: ArchiveCache, cancelled: Callable[[], bool] = never
) -> list[Problem]:
    """Bring the cache of ``paths`` up to date now, in this thread (commands for scripts);
    returns the problems of finding the files (each file's own are in the cache)."""
    return ArchiveLoader(paths, cache, None, lambda event: None).load_all(cancelled)


class ArchiveLoader:
    """Keeps the cache of ``paths`` up to date and reports what changed to ``report``.

    ``report`` is called from the thread that loads (the reader's loading thread): it must
    only hand the event on (post a message), never draw.
    """

    def __init__(
        self,
        paths: list[str],
        cache: ArchiveCache,
        prefer: date | None,
        report: Callable[[LoadEvent], object],
    ) -> None:
        self.paths = paths
        self.cache = cache
        self.prefer = prefer
        self.report = report
        self.first_screen = threading.Event()  # set once the first day is on screen
        self.queue = ReadQueue([])
        self._plan: LoadPlan | None = None
        self._quiet_until = 0.0  # time.monotonic(): the loader waits until then

    def make_way(self, seconds: float = MAKE_WAY_SECONDS) -> None:
        """A key was pressed: start no file and no index batch for ``seconds``, so that the
        key's answer has the interpreter to itself (Python runs one thread at a time, and
        the loader's work is Python). From any thread."""
        self._quiet_until = max(self._quiet_until, time.monotonic() + seconds)

    def _polite(self, cancelled: Callable[[], bool]) -> Callable[[], bool]:
        """``cancelled``, asked between two pieces of work (no transaction open), after
        waiting while the reader answers keys: one wait at most per piece, so that keys
        pressed without end slow the loading down but never stop it."""

        def check() -> bool:
            until = self._quiet_until
            while not cancelled() and (left := until - time.monotonic()) > 0:
                time.sleep(min(left, FIRST_SCREEN_POLL))
            return cancelled()

        return check

    def load_first(self) -> None:
        """Make the first screen possible (call before it): from the cache, else the files."""
        if holds_papers(self.cache.connection()):
            self.report(DaysRead(None, set(), 0, 0))  # the files are checked after it
            return
        with self._failures():
            plan = self._plan = plan_load(self.paths, self.cache, self.prefer)
            if plan.first:
                self.cache.parse(plan.first, index_now=True)
            self.queue = ReadQueue(plan.rest)
            self._say_read(None, plan.files - len(plan.rest), plan.files, plan.problems)

    def want(self, day: date | None) -> None:
        """The reader is showing ``day``: read its files next."""
        self.queue.prioritize(day)

    def load_rest(self, cancelled: Callable[[], bool]) -> None:
        """Check the files, read what is new or changed, index it (in a background thread,
        once the first screen is up)."""
        while not self.first_screen.wait(FIRST_SCREEN_POLL):  # let the first screen draw
            if cancelled():
                return
        cancelled = self._polite(cancelled)
        with self.cache.borrowed(), self._failures():
            if self._plan is None:  # the first screen came from the cache: check files now
                self._plan = self._replan()
            self._read(self._plan, cancelled, first=True)

    def refresh(self, cancelled: Callable[[], bool]) -> None:
        """Check the files again (a sync, a cron job, an edit) and read what changed (in a
        background thread)."""
        cancelled = self._polite(cancelled)
        with self.cache.borrowed(), self._failures():
            self._read(self._replan(), cancelled, first=False)

    def load_all(self, cancelled: Callable[[], bool] = never) -> list[Problem]:
        """Bring the whole cache up to date now, in this thread (commands for scripts);
        returns the problems of finding the files (each file's own are in the cache)."""
        plan = self._replan()
        self._read(plan, cancelled, first=False)
        return plan.problems

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """A disk that refuses the cache is reported (the reader goes on without it)."""
        try:
            yield
        except CacheWriteFailed as exc:
            self.report(CacheFailed(str(exc)))

    def _replan(self) -> LoadPlan:
        plan = plan_load(self.paths, self.cache, self.prefer)
        self.queue = ReadQueue(plan.first + plan.rest)
        if plan.first or plan.rest or plan.removed_days:
            self._say_read(plan.removed_days, 0, plan.files)
        return plan

    def _store(self, plan: LoadPlan, cancelled: Callable[[], bool]) -> bool | None:
        """Read the files queued into the cache, a batch (one transaction) at a time, each
        with its papers' authors and index entries; whether any was read (None: stopped)."""
        done = plan.files - len(self.queue)
        changed = False
        unsaid: set[date | None] = set()  # days read but not reported yet
        said = time.monotonic()
        while len(self.queue):
            if cancelled():  # the reader is closing: stop between batches
                return None
            batch = self.queue.take()
            days = self.cache.parse(batch, index_now=True, cancelled=cancelled)
            if days is None:
                self.queue.put_back(batch)
                return None
            done += len(batch)
            changed = True
            unsaid |= days
            if self.queue.asked or not self.queue or time.monotonic() - said >= REPORT_SECONDS:
                self._say_read(unsaid, done, plan.files)
                unsaid, said = set(), time.monotonic()
        return changed

    def _say_read(
        self,
        days: set[date | None] | None,
        done: int,
        total: int,
        problems: Sequence[Problem] = (),
    ) -> None:
        """Say which ``days`` changed (None: all of them), and what the files still to read
        may bring: the days their names give, and whether some name none."""
        pending, unknown = self.queue.pending()
        self.report(DaysRead(days, pending, done, total, list(problems), unknown))

    def _read(self, plan: LoadPlan, cancelled: Callable[[], bool], first: bool) -> None:
        with self.cache.unsynced(len(self.queue) > BATCH_FILES, cancelled):
            changed = self._store(plan, cancelled)
            if changed is None or not self.cache.index(cancelled):
                return
        if first or changed or plan.removed_days:
            problems = plan.problems + list(file_problems(self.cache.connection()))
            self.report(LoadFinished(problems, first))
