"""The in-memory archive the reader shows: digests by day, fed by the parsers.

No Textual here: the app feeds the store with parsed files and asks it for days, papers in
display order and neighbouring days.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from parsers import Digest, DigestIndex, FileResult, Paper, Problem
from tui.archive.entry import Entry, paper_id
from tui.archive.order import PaperOrder, order_papers


@dataclass(frozen=True)
class Step:
    """Where a move to a neighbouring day lands (``day`` None is the undated digest)."""

    day: date | None
    exists: bool = True


NO_DAY = Step(None, exists=False)


@dataclass(frozen=True)
class DaySummary:
    """A day as the sidebar lists it."""

    day: date | None
    papers: int


class ArchiveStore:
    """Every digest loaded so far, merged by day, newest day first."""

    def __init__(self) -> None:
        self._index = DigestIndex()
        self._dated: list[date] = []  # ascending, for bisect
        self._has_undated = False
        self._ordered: dict[tuple[date | None, PaperOrder], list[Paper]] = {}
        self._ids: dict[date | None, dict[int, str]] = {}  # id(paper) → identity, per day
        self.entries: list[Entry] = []  # every paper once, for search; only ever appended
        self.problems: list[Problem] = []
        self.files_read = 0

    def add(
        self, results: Iterable[FileResult], problems: Iterable[Problem] = ()
    ) -> set[date | None]:
        """Merge parsed files (and problems met finding them); returns the days changed."""
        self.problems.extend(problems)
        changed: set[date | None] = set()
        for result in results:
            self.files_read += 1
            self.problems.extend(result.problems)
            for digest in result.digests:
                if not digest.papers:
                    continue
                day = digest.date
                known = self._index.get(day)
                if known is None:
                    if day is None:
                        self._has_undated = True
                    else:
                        bisect.insort(self._dated, day)
                before = len(known.papers) if known else 0
                merged = self._index.add(digest)
                self.entries.extend(
                    Entry(day, paper, paper_id(paper, day)) for paper in merged.papers[before:]
                )
                changed.add(day)
        for key in [key for key in self._ordered if key[0] in changed]:
            del self._ordered[key]
        for day in changed:
            self._ids.pop(day, None)
        return changed

    # -- days ------------------------------------------------------------------------

    def days(self) -> list[date | None]:
        """Every day, newest first; the undated digest (if any) last."""
        days: list[date | None] = list(reversed(self._dated))
        if self._has_undated:
            days.append(None)
        return days

    def summaries(self) -> list[DaySummary]:
        return [DaySummary(day, len(self.papers(day))) for day in self.days()]

    @property
    def newest_day(self) -> date | None:
        days = self.days()
        return days[0] if days else None

    def __contains__(self, day: object) -> bool:
        return (day is None and self._has_undated) or (
            isinstance(day, date) and self._index.get(day) is not None
        )

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

    def digest(self, day: date | None) -> Digest | None:
        return self._index.get(day)

    def papers(self, day: date | None, order: PaperOrder = PaperOrder.FILE) -> list[Paper]:
        """The papers of ``day`` in ``order`` (cached until the day changes)."""
        key = (day, order)
        ordered = self._ordered.get(key)
        if ordered is None:
            digest = self._index.get(day)
            ordered = order_papers(digest.papers, order) if digest else []
            self._ordered[key] = ordered
        return ordered

    def _id_map(self, day: date | None) -> dict[int, str]:
        found = self._ids.get(day)
        if found is None:
            found = {id(paper): paper_id(paper, day) for paper in self.papers(day)}
            self._ids[day] = found
        return found

    def ids(self, day: date | None, papers: list[Paper] | None = None) -> list[str]:
        """The identities of ``papers`` of ``day`` (default: all, in file order); cached."""
        known = self._id_map(day)
        return [known[id(paper)] for paper in (self.papers(day) if papers is None else papers)]

    def find(self, pid: str, day: date | None) -> Paper | None:
        """The paper with identity ``pid`` on ``day``, if that day is loaded."""
        for paper, candidate in zip(self.papers(day), self.ids(day), strict=True):
            if candidate == pid:
                return paper
        return None

    def day_entries(self, day: date | None, order: PaperOrder) -> list[Entry]:
        """``day``'s papers in ``order``, as search entries (for the day filter)."""
        papers = self.papers(day, order)
        return [Entry(day, p, pid) for p, pid in zip(papers, self.ids(day, papers), strict=True)]
