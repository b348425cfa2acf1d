"""Who wrote what: an author's papers, their co-authors and the busiest authors of a span.

Names are compared as :func:`tui.archive.text.author_key` makes them (NFKC, case-folded,
single spaces); the ``authorship`` table holds one row per paper and such key.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date

from tui.archive.cache.reading import PaperRow, paper_row
from tui.archive.cache.rows import AUTHOR_SEPARATOR, HEAD_COLUMNS
from tui.archive.text import author_key


@dataclass(frozen=True)
class AuthorCount:
    """An author (as first written) and how many papers they are on."""

    name: str
    key: str
    papers: int


@dataclass(frozen=True)
class AuthorPage:
    """An author's papers (newest first) and most frequent co-authors."""

    name: str
    rows: list[PaperRow]
    coauthors: list[AuthorCount]

    @property
    def first(self) -> date | None:
        return min((row.day for row in self.rows if row.day), default=None)

    @property
    def last(self) -> date | None:
        return max((row.day for row in self.rows if row.day), default=None)


def author_page(connection: sqlite3.Connection, name: str) -> AuthorPage:
    """Everything the author page of ``name`` shows."""
    rows = author_papers(connection, name)
    shown = display_name(connection, author_key(name)) if rows else name.strip()
    return AuthorPage(shown, rows, coauthors(connection, name))


def paper_counts(connection: sqlite3.Connection, names: list[str]) -> list[int]:
    """How many papers of the archive each of ``names`` is on."""
    return [
        int(connection.execute(
            "SELECT count(*) FROM authorship WHERE key = ?", (author_key(name),)
        ).fetchone()[0])
        for name in names
    ]  # fmt: skip


def author_papers(connection: sqlite3.Connection, name: str) -> list[PaperRow]:
    """Every paper of the author ``name`` (any spelling with the same key), newest first."""
    columns = ", ".join(f"p.{column.strip()}" for column in HEAD_COLUMNS.split(","))
    rows = connection.execute(
        f"SELECT {columns} FROM authorship a JOIN papers p ON p.id = a.paper "
        "WHERE a.key = ? ORDER BY p.day IS NULL, p.day DESC, p.id",
        (author_key(name),),
    ).fetchall()
    return [paper_row(row) for row in rows]


def coauthors(connection: sqlite3.Connection, name: str, limit: int = 12) -> list[AuthorCount]:
    """The authors most often on ``name``'s papers, most papers together first."""
    key = author_key(name)
    rows = connection.execute(
        "SELECT b.key, count(*) AS n FROM authorship a JOIN authorship b ON b.paper = a.paper "
        "WHERE a.key = ? AND b.key != a.key GROUP BY b.key ORDER BY n DESC, b.key LIMIT ?",
        (key, limit),
    ).fetchall()
    return _named(connection, rows)


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
    return _named(connection, rows)


def _named(connection: sqlite3.Connection, rows: list[tuple[str, int]]) -> list[AuthorCount]:
    return [AuthorCount(display_name(connection, key), key, int(n)) for key, n in rows]


def display_name(connection: sqlite3.Connection, key: str, sample: int = 200) -> str:
    """The spelling of author ``key`` most used by their newest ``sample`` papers."""
    rows = connection.execute(
        "SELECT p.authors FROM authorship a JOIN papers p ON p.id = a.paper WHERE a.key = ? "
        "ORDER BY p.day DESC LIMIT ?",
        (key, sample),
    ).fetchall()
    spellings = Counter(
        name.strip()
        for (authors,) in rows
        for name in authors.split(AUTHOR_SEPARATOR)
        if author_key(name) == key
    )
    return spellings.most_common(1)[0][0] if spellings else key
