"""Who wrote what: an author's papers, their co-authors and the busiest authors of a span.

Names are compared as :func:`tui.archive.text.author_key` makes them (NFKC, case-folded,
single spaces); the ``authorship`` table holds one row per paper and such key. An author
page reads every paper's id, day and author list at once (to count, date and find the
co-authors) but builds a paper's header only when it is shown.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import overload

from tui.archive.cache.reading import PaperRow, papers_by_key
from tui.archive.cache.rows import AUTHOR_SEPARATOR, day_from_text
from tui.archive.entry import Entry
from tui.archive.text import author_key

CHUNK = 64  # headers read at a time as an author page scrolls


@dataclass(frozen=True)
class AuthorCount:
    """An author (as most of their papers write the name) and how many papers they are on."""

    name: str
    key: str
    papers: int


class LazyEntries(Sequence[Entry]):
    """Papers by row id, their headers read from the cache a chunk at a time when asked."""

    def __init__(self, connection: Callable[[], sqlite3.Connection], keys: list[int]) -> None:
        self._connection = connection
        self._keys = keys
        self._rows: dict[int, PaperRow] = {}

    def __len__(self) -> int:
        return len(self._keys)

    def row(self, index: int) -> PaperRow:
        key = self._keys[index]
        if key not in self._rows:
            start = index - index % CHUNK
            self._rows.update(papers_by_key(self._connection(), self._keys[start : start + CHUNK]))
        return self._rows[key]

    @overload
    def __getitem__(self, index: int) -> Entry: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Entry]: ...
    def __getitem__(self, index: int | slice) -> Entry | Sequence[Entry]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        row = self.row(index if index >= 0 else len(self) + index)
        return Entry(row.day, row.paper, row.pid, row.body)

    def rows(self) -> Iterator[PaperRow]:
        return (self.row(index) for index in range(len(self)))


@dataclass(frozen=True)
class AuthorPage:
    """An author's papers (newest first: ``pids``, ``days``, ``entries``) and co-authors."""

    name: str
    pids: list[str]
    days: list[date | None]
    entries: LazyEntries
    coauthors: list[AuthorCount]

    @property
    def rows(self) -> list[PaperRow]:
        """Every paper in full header (for commands; a screen reads ``entries`` as it goes)."""
        return list(self.entries.rows())

    @property
    def first(self) -> date | None:
        return min((day for day in self.days if day), default=None)

    @property
    def last(self) -> date | None:
        return max((day for day in self.days if day), default=None)


def author_page(
    connection: Callable[[], sqlite3.Connection], name: str, together: bool = True
) -> AuthorPage:
    """The author page of ``name`` (``connection``: this thread's); co-authors only when
    ``together`` (a screen counts them in the background with :func:`coauthors`)."""
    key = author_key(name)
    found = (
        connection()
        .execute(
            "SELECT p.id, p.day, p.pid FROM authorship a JOIN papers p ON p.id = a.paper "
            "WHERE a.key = ? ORDER BY p.day IS NULL, p.day DESC, p.id",
            (key,),
        )
        .fetchall()
    )
    shown = display_name(connection(), key) if found else " ".join(name.split())
    return AuthorPage(
        shown,
        [row[2] for row in found],
        [day_from_text(row[1]) for row in found],
        LazyEntries(connection, [row[0] for row in found]),
        coauthors(connection(), name) if together and found else [],
    )


def coauthors(connection: sqlite3.Connection, name: str, limit: int = 12) -> list[AuthorCount]:
    """The authors most often on ``name``'s papers, most papers together first."""
    key = author_key(name)
    lists = [
        authors.split(AUTHOR_SEPARATOR)
        for (authors,) in connection.execute(
            "SELECT p.authors FROM authorship a JOIN papers p ON p.id = a.paper WHERE a.key = ?",
            (key,),
        )
        if authors
    ]
    by_key = _by_key(Counter(chain.from_iterable(lists)), lists)
    by_key.pop(key, None)
    ranked = sorted(by_key.items(), key=lambda item: (-item[1][0], item[0]))[:limit]
    return [AuthorCount(spelling, k, n) for k, (n, spelling) in ranked]


def _by_key(spellings: Counter[str], lists: list[list[str]]) -> dict[str, tuple[int, str]]:
    """Papers per author key, and the key's most used spelling, from the spellings' counts.

    A paper naming one author twice (``Ann Lee`` and ``ＡＮＮ LEE``) counts once for them:
    such keys, rare, are counted again paper by paper.
    """
    keyed: dict[str, list[tuple[int, str]]] = {}
    for spelling, count in spellings.items():
        keyed.setdefault(author_key(spelling), []).append((count, spelling.strip()))
    keyed.pop("", None)
    found: dict[str, tuple[int, str]] = {}
    for key, forms in keyed.items():
        best = max(forms, key=lambda form: (form[0], form[1]))[1]
        papers = sum(count for count, _ in forms)
        if len(forms) > 1:
            papers = sum(1 for names in lists if any(author_key(n) == key for n in names))
        found[key] = (papers, best)
    return found


def paper_counts(connection: sqlite3.Connection, names: list[str]) -> list[int]:
    """How many papers of the archive each of ``names`` is on."""
    return [
        int(connection.execute(
            "SELECT count(*) FROM authorship WHERE key = ?", (author_key(name),)
        ).fetchone()[0])
        for name in names
    ]  # fmt: skip


def top_authors(
    connection: sqlite3.Connection, start: date | None, end: date | None, limit: int = 12
) -> list[AuthorCount]:
    """The authors on the most papers from ``start`` to ``end`` (None: the whole archive)."""
    if start is None or end is None:
        rows = connection.execute(
            "SELECT key, count(*) AS n FROM authorship GROUP BY key ORDER BY n DESC, key LIMIT ?",
            (limit,),
        ).fetchall()
    else:
        rows = connection.execute(
            "SELECT a.key, count(*) AS n FROM papers p JOIN authorship a ON a.paper = p.id "
            "WHERE p.day BETWEEN ? AND ? GROUP BY a.key ORDER BY n DESC, a.key LIMIT ?",
            (start.isoformat(), end.isoformat(), limit),
        ).fetchall()
    return [AuthorCount(display_name(connection, key), key, int(n)) for key, n in rows]


def display_name(connection: sqlite3.Connection, key: str, sample: int = 100) -> str:
    """The spelling of author ``key`` most used by their ``sample`` best-voted papers."""
    rows = connection.execute(
        "SELECT p.authors FROM authorship a JOIN papers p ON p.id = a.paper WHERE a.key = ? "
        "LIMIT ?",  # in the index's order (paper ids: best first), so nothing is sorted
        (key, sample),
    ).fetchall()
    spellings = Counter(
        name.strip()
        for (authors,) in rows
        for name in authors.split(AUTHOR_SEPARATOR)
        if author_key(name) == key
    )
    return spellings.most_common(1)[0][0] if spellings else key
