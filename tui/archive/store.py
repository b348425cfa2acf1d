"""The in-memory archive the reader shows: every day known, a day's papers read on demand.

No Textual here. The store knows every day early (from the cache, and from the dates in
the paths of files not parsed yet); a day's papers are read from the cache the first time
they are asked for, headers only; a paper's body is read when it is shown. Memory grows
with what the reader looks at, not with the archive.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from parsers import Problem
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import PaperRow, body, day_counts, day_papers, day_pids, range_papers
from tui.archive.entry import Entry
from tui.archive.figures import ArchiveFigures
from tui.archive.order import PaperOrder, order_entries
from tui.archive.periods import Period, PeriodKind, period_of

Scope = date | None | Period
"""What a list of papers shows: a day (None: the undated digest), or a week or month."""


@dataclass(frozen=True)
class Step:
    """Where a move to a neighbouring day lands (``day`` None is the undated digest)."""

    day: date | None
    exists: bool = True


NO_DAY = Step(None, exists=False)


@dataclass(frozen=True)
class DaySummary:
    """A day as the sidebar lists it (``papers`` None while its files are being read)."""

    day: date | None
    papers: int | None


@dataclass(frozen=True)
class PeriodSummary:
    """A week or month as the sidebar lists it (``papers`` None while a day is being read)."""

    period: Period
    papers: int | None


class ArchiveStore(ArchiveFigures):
    """Every day of the archive, newest first; papers of the days asked for."""

    def __init__(self, cache: ArchiveCache) -> None:
        self.cache = cache
        self._counts: dict[date | None, int] = {}  # days the cache holds
        self._pending: set[date | None] = set()  # days named by files not read yet
        self._dated: list[date] = []  # ascending, for bisect
        self._listed: dict[Scope, list[Entry]] = {}  # a scope's papers as the cache has them
        self._ordered: dict[tuple[Scope, PaperOrder], list[Entry]] = {}
        self._periods: dict[PeriodKind, list[PeriodSummary]] = {}
        self._summaries: list[DaySummary] | None = None
        self.problems: list[Problem] = []
        self.complete = False  # every file has been read
        self.unknown_days = True  # days may still come that no file's name announces

    def use(self, cache: ArchiveCache) -> None:
        """Show another archive (its cache) from now on; nothing of the old one is kept."""
        self.cache = cache
        self._counts, self._pending, self._dated = {}, set(), []
        self._listed.clear()
        self._ordered.clear()
        self.problems = []
        self.complete = False
        self.unknown_days = True

    # -- what is known -----------------------------------------------------------------

    def reload(self, pending: Iterable[date | None] = ()) -> None:
        """Read the days the cache holds now; ``pending`` days are still being read."""
        self._counts = day_counts(self.cache.connection())
        self._pending = set(pending) - set(self._counts)
        self._listed.clear()
        self._ordered.clear()
        self._sort_days()

    def days_changed(self, days: Iterable[date | None], pending: Iterable[date | None]) -> None:
        """Files were read: ``days`` have new papers; ``pending`` are still to come."""
        days = set(days)
        counts = {day: count for day, count in self._counts.items() if day not in days}
        counts.update(day_counts(self.cache.connection(), days))  # only those that changed

        def kept(scope: Scope) -> bool:
            if isinstance(scope, Period):
                return not any(day in scope for day in days)
            return scope not in days

        self._listed = {scope: found for scope, found in self._listed.items() if kept(scope)}
        self._ordered = {key: found for key, found in self._ordered.items() if kept(key[0])}
        self._counts = counts
        self._pending = set(pending) - set(counts)
        self._sort_days()

    def _sort_days(self) -> None:
        self._periods.clear()
        self._summaries = None
        known = set(self._counts) | self._pending
        self._dated = sorted(day for day in known if day is not None)

    @property
    def _has_undated(self) -> bool:
        return None in self._counts or None in self._pending

    @property
    def more_days_may_come(self) -> bool:
        """True while reading may still add days beyond those listed (pending ones included):
        the files are not all checked, or some that name no day are unread."""
        return not self.complete and self.unknown_days

    def is_loading(self, day: date | None) -> bool:
        """True while ``day`` is named by files not read yet."""
        return day in self._pending

    # -- days ------------------------------------------------------------------------

    def days(self) -> list[date | None]:
        """Every day, newest first; the undated digest (if any) last."""
        days: list[date | None] = list(reversed(self._dated))
        if self._has_undated:
            days.append(None)
        return days

    def summaries(self) -> list[DaySummary]:
        if self._summaries is None:
            self._summaries = [DaySummary(day, self._counts.get(day)) for day in self.days()]
        return self._summaries

    @property
    def newest_day(self) -> date | None:
        days = self.days()
        return days[0] if days else None

    def __contains__(self, day: object) -> bool:
        return day in self._counts or day in self._pending

    def is_empty(self) -> bool:
        return not self._dated and not self._has_undated

    def older_day(self, day: date | None) -> Step:
        """The next day down the sidebar (older; the undated digest comes last)."""
        if day is None:
            return NO_DAY
        position = bisect.bisect_left(self._dated, day)
        if position > 0:
            return Step(self._dated[position - 1])
        return Step(None) if self._has_undated else NO_DAY

    def newer_day(self, day: date | None) -> Step:
        """The next day up the sidebar (newer; from the undated digest, the oldest day)."""
        if day is None:
            return Step(self._dated[0]) if self._dated else NO_DAY
        position = bisect.bisect_right(self._dated, day)
        return Step(self._dated[position]) if position < len(self._dated) else NO_DAY

    def nearest_day(self, target: date) -> date | None:
        """The day closest to ``target`` (the newer one on a tie); None when no day is dated."""
        if not self._dated:
            return None
        position = bisect.bisect_left(self._dated, target)
        candidates = self._dated[max(0, position - 1) : position + 1]
        return min(candidates, key=lambda day: (abs((day - target).days), -day.toordinal()))

    # -- papers ----------------------------------------------------------------------

    def entries(self, scope: Scope, order: PaperOrder = PaperOrder.FILE) -> list[Entry]:
        """The papers of a day (headers: no sections), or of a week or month, in ``order``.

        Read from the cache once, as the cache has them: a day's in file order, a period's
        best first (most votes, ties newer first).
        """
        key = (scope, order)
        found = self._ordered.get(key)
        if found is None:
            found = self._ordered[key] = order_entries(self._listing(scope), order)
        return found

    def _listing(self, scope: Scope) -> list[Entry]:
        found = self._listed.get(scope)
        if found is None:
            if isinstance(scope, Period):
                rows = range_papers(self.cache.connection(), scope.start, scope.end)
            else:
                rows = day_papers(self.cache.connection(), scope) if scope in self._counts else []
            found = self._listed[scope] = [_entry(row) for row in rows]
        return found

    def pids(self, day: date | None) -> list[str]:
        """The identities of ``day``'s papers, without keeping the day's papers in memory."""
        found = self._listed.get(day)
        if found is not None:
            return [entry.pid for entry in found]
        return day_pids(self.cache.connection(), day) if day in self._counts else []

    def find(self, pid: str, day: date | None) -> Entry | None:
        """The paper with identity ``pid`` on ``day``, if that day holds it."""
        return next((entry for entry in self.entries(day) if entry.pid == pid), None)

    def with_body(self, entry: Entry) -> Entry:
        """``entry`` with its paper's sections, read from the cache."""
        if entry.body is None:
            return entry
        sections = body(self.cache.connection(), entry.body)
        return Entry(entry.day, replace(entry.paper, sections=sections), entry.pid)

    # -- weeks and months --------------------------------------------------------------

    def periods(self, kind: PeriodKind) -> list[PeriodSummary]:
        """Every week or month with a dated day, newest first, with its paper count."""
        found = self._periods.get(kind)
        if found is None:
            found = self._periods[kind] = self._count_periods(kind)
        return found

    def _count_periods(self, kind: PeriodKind) -> list[PeriodSummary]:
        totals: dict[int, tuple[date, int | None]] = {}  # by the period's first day
        weekly = kind is PeriodKind.WEEK
        for day in self._dated:
            start = day.toordinal() - (day.weekday() if weekly else day.day - 1)
            count = self._counts.get(day)
            before = totals.get(start, (day, 0))[1]
            totals[start] = (day, None if count is None or before is None else before + count)
        return [
            PeriodSummary(period_of(day, kind), count)
            for _, (day, count) in sorted(totals.items(), reverse=True)
        ]

    def period_loading(self, period: Period) -> date | None:
        """The newest day of ``period`` still being read, if any."""
        return max(
            (day for day in self._pending if day is not None and day in period), default=None
        )

    def step_period(self, period: Period, older: bool) -> Period | None:
        """The week or month before (``older``) or after ``period`` that has days."""
        known = [summary.period for summary in self.periods(period.kind)]  # newest first
        if older:
            return next((p for p in known if p.start < period.start), None)
        return next((p for p in reversed(known) if p.start > period.start), None)


def _entry(row: PaperRow) -> Entry:
    return Entry(row.day, row.paper, row.pid, row.body)
