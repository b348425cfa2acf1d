"""Searching the cache: the query language turned into SQLite full-text and row filters.

The full-text index holds each paper's title, authors and body, normalised as the query
is (:mod:`tui.archive.text`), split into words the way :func:`tui.archive.text.tokens`
does; a search word is a prefix query, so it matches the start of a word, and a phrase
matches words in a row with its last word a start: the same definition as
:func:`tui.search.matching.paper_matches`. Row ids are rank keys, so reading matches in
row id order gives them best first: papers whose title holds every word, then the rest.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from tui.archive.cache.reading import papers_by_key
from tui.archive.entry import Entry
from tui.search.matching import DEFAULT_LIMIT, Marks, SearchHit, SearchResult
from tui.search.query import DateTerm, FlagTerm, Query, Term, TextTerm, VotesTerm


def _phrase(term: TextTerm, titles_only: bool = False) -> str:
    quoted = '"' + " ".join(term.words).replace('"', '""') + '"*'
    if term.field == "author":
        return f"authors : {quoted}"
    return f"title : {quoted}" if titles_only else quoted


def _match(terms: list[TextTerm], excluded: list[TextTerm], titles_only: bool) -> str:
    expression = " AND ".join(f"({_phrase(term, titles_only)})" for term in terms)
    for term in excluded:
        expression = f"({expression}) NOT ({_phrase(term)})"
    return expression


@dataclass
class _Filter:
    """SQL conditions on ``papers p`` and their arguments."""

    conditions: list[str] = field(default_factory=list)
    args: list[object] = field(default_factory=list)

    def add(self, condition: str, *args: object) -> None:
        self.conditions.append(condition)
        self.args.extend(args)

    def sql(self) -> str:
        return " AND ".join(self.conditions) or "1"


def _term_condition(term: Term) -> tuple[str, list[object]]:
    if isinstance(term, VotesTerm):
        return f"(p.votes IS NOT NULL AND p.votes {'=' if term.op == '=' else term.op} ?)", [
            term.value
        ]
    if isinstance(term, DateTerm):
        low = term.start.isoformat() if term.start else date.min.isoformat()
        high = term.end.isoformat() if term.end else date.max.isoformat()
        return "(p.day IS NOT NULL AND p.day BETWEEN ? AND ?)", [low, high]
    assert isinstance(term, FlagTerm)
    table = "temp.marked" if term.flag == "bookmarked" else "temp.seen"
    condition = f"(p.pid IN (SELECT pid FROM {table}))"
    return (f"(NOT {condition})", []) if term.flag == "unread" else (condition, [])


def _filters(connection: sqlite3.Connection, query: Query, marks: Marks) -> _Filter:
    found = _Filter()
    flags = [t for t in query.include + query.exclude if isinstance(t, FlagTerm)]
    if flags:
        _load_marks(connection, marks)
    for term in query.include + query.exclude:
        if isinstance(term, TextTerm):
            continue
        condition, args = _term_condition(term)
        found.add(condition if term in query.include else f"(NOT {condition})", *args)
    words = query.text_terms
    excluded = [t for t in query.exclude if isinstance(t, TextTerm)]
    if words:
        found.add(
            "p.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)", _match(words, excluded, False)
        )
    elif excluded:
        either = " OR ".join(f"({_phrase(term)})" for term in excluded)
        found.add("p.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)", either)
    return found


def _load_marks(connection: sqlite3.Connection, marks: Marks) -> None:
    for table, ids in (("marked", marks.bookmarked_ids()), ("seen", marks.read_ids())):
        connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} (pid TEXT PRIMARY KEY)")
        connection.execute(f"DELETE FROM temp.{table}")
        connection.executemany(
            f"INSERT OR IGNORE INTO temp.{table} (pid) VALUES (?)", ((pid,) for pid in ids)
        )


def _keys(
    connection: sqlite3.Connection, where: _Filter, extra: str, args: list[object], limit: int,
    offset: int,
) -> list[int]:  # fmt: skip
    rows = connection.execute(
        f"SELECT p.id FROM papers p WHERE {where.sql()} {extra} ORDER BY p.id LIMIT ? OFFSET ?",
        [*where.args, *args, limit, offset],
    )
    return [row[0] for row in rows]


def _count(connection: sqlite3.Connection, where: _Filter, extra: str, args: list[object]) -> int:
    row = connection.execute(
        f"SELECT count(*) FROM papers p WHERE {where.sql()} {extra}", [*where.args, *args]
    ).fetchone()
    return int(row[0])


def search_cache(
    connection: sqlite3.Connection,
    query: Query,
    marks: Marks,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> SearchResult:
    """Results ``offset`` to ``offset + limit`` of ``query``, best first, and the total."""
    where = _filters(connection, query, marks)
    words = [t for t in query.text_terms if t.field == "any"]
    titled = ""
    titled_args: list[object] = []
    in_title = 0
    if words:
        titled = "AND p.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
        titled_args = [_match(query.text_terms, [], True)]
        in_title = _count(connection, where, titled, titled_args)
    total = _count(connection, where, "", [])
    keys: list[tuple[int, bool]] = []
    if offset < in_title:
        first = _keys(connection, where, titled, titled_args, limit, offset)
        keys += [(key, True) for key in first]
    rest = limit - len(keys)
    if rest > 0 and total > in_title:
        skip = max(0, offset - in_title)
        others = titled.replace("AND p.id IN", "AND p.id NOT IN") if titled else ""
        keys += [(key, False) for key in _keys(connection, where, others, titled_args, rest, skip)]
    rows = papers_by_key(connection, [key for key, _ in keys])
    hits = [
        SearchHit(Entry(rows[key].day, rows[key].paper, rows[key].pid), title, rows[key].body)
        for key, title in keys
        if key in rows
    ]
    return SearchResult(query, hits, total)
