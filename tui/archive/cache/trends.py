"""What a span of the archive holds, day by day: papers, votes and title words."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

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
