"""What a span of the archive holds, day by day: papers, votes and title words."""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from tui.archive.cache.rows import day_from_text


def _span(start: date | None, end: date | None) -> tuple[str, tuple[str, ...]]:
    if start is None or end is None:
        return "day IS NOT NULL", ()
    return "day BETWEEN ? AND ?", (start.isoformat(), end.isoformat())


def day_votes(
    connection: sqlite3.Connection, start: date | None, end: date | None
) -> dict[date, list[int | None]]:
    """Each dated day from ``start`` to ``end`` (None: all) with its papers' votes."""
    where, args = _span(start, end)
    found: dict[date, list[int | None]] = {}
    for day, votes in connection.execute(f"SELECT day, votes FROM papers WHERE {where}", args):
        found.setdefault(day_from_text(day), []).append(votes)  # type: ignore[arg-type]
    return found


def titles(connection: sqlite3.Connection, start: date | None, end: date | None) -> Iterator[str]:
    """The titles of the papers from ``start`` to ``end`` (None: all)."""
    where, args = _span(start, end)
    for (title,) in connection.execute(
        f"SELECT title FROM papers WHERE {where} AND title_derived = 0", args
    ):
        yield title


@dataclass(frozen=True)
class Trend:
    """Papers and votes over time, one figure per bucket (a day or a week), oldest first."""

    bucket: str  # "day" or "week"
    starts: list[date]
    papers: list[int]
    top: list[int]
    median: list[float]

    @property
    def total(self) -> int:
        return sum(self.papers)


WEEKLY_AFTER_DAYS = 120
"""A span longer than this is drawn week by week."""


def trend(connection: sqlite3.Connection, start: date | None, end: date | None) -> Trend:
    """Papers per day (per week over long spans), with each bucket's top and median votes."""
    by_day = day_votes(connection, start, end)
    if not by_day:
        return Trend("day", [], [], [], [])
    first, last = start or min(by_day), end or max(by_day)
    weekly = (last - first).days > WEEKLY_AFTER_DAYS
    step = 7 if weekly else 1
    if weekly:
        first -= timedelta(days=first.weekday())
    buckets: list[list[int | None]] = []
    starts: list[date] = []
    day = first
    while day <= last:
        starts.append(day)
        votes: list[int | None] = []
        for offset in range(step):
            votes += by_day.get(day + timedelta(days=offset), [])
        buckets.append(votes)
        day += timedelta(days=step)
    counted = [[v for v in votes if v is not None] for votes in buckets]
    return Trend(
        "week" if weekly else "day",
        starts,
        [len(votes) for votes in buckets],
        [max(votes, default=0) for votes in counted],
        [float(statistics.median(votes)) if votes else 0.0 for votes in counted],
    )
