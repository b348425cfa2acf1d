"""Searching the cache: the query language turned into SQLite full-text and row filters.

The full-text index holds each paper's title, authors and body, normalised as the query
is (:mod:`tui.archive.text`), split into words the way :func:`tui.archive.text.tokens`
does; a search word is a prefix query, so it matches the start of a word, and a phrase
matches words in a row with its last word a start: the same definition as
:func:`tui.search.matching.paper_matches`. Row ids are rank keys, so reading matches in
row id order gives them best first: papers whose title holds every word, then the rest.

Notes and tags are the user's, not the cache's: they go into temporary tables per search,
as the bookmarks and read marks do (see :mod:`tui.search.noted` for the notes); a word
found in no note stays a pure full-text query.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from tui.archive.cache.reading import papers_by_key
from tui.archive.entry import Entry
from tui.search.matching import DEFAULT_LIMIT, Marks, SearchHit, SearchResult
from tui.search.noted import fill_temp_table, noted_matches
from tui.search.query import DateTerm, FlagTerm, HasTerm, Query, TagTerm, Term, TextTerm, VotesTerm


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
    if isinstance(term, TagTerm):
        return "(p.pid IN (SELECT pid FROM temp.tags WHERE tag = ?))", [term.tag]
    if isinstance(term, HasTerm):
        table = "temp.notes" if term.what == "note" else "temp.tags"
        return f"(p.pid IN (SELECT pid FROM {table}))", []
    assert isinstance(term, FlagTerm)
    table = "temp.marked" if term.flag == "bookmarked" else "temp.seen"
    condition = f"(p.pid IN (SELECT pid FROM {table}))"
    return (f"(NOT {condition})", []) if term.flag == "unread" else (condition, [])


def _filters(connection: sqlite3.Connection, query: Query, marks: Marks) -> _Filter:
    found = _Filter()
    terms = query.include + query.exclude
    if any(isinstance(t, FlagTerm) for t in terms):
        _load_marks(connection, marks)
    if any(isinstance(t, TagTerm | HasTerm) for t in terms):
        _load_tags_and_notes(connection, marks)
    for negated, group in ((False, query.include), (True, query.exclude)):
        for term in group:
            if not isinstance(term, TextTerm):
                condition, args = _term_condition(term)
                found.add(f"(NOT {condition})" if negated else condition, *args)
    _add_text_conditions(connection, found, query, marks)
    return found


def _add_text_conditions(
    connection: sqlite3.Connection, found: _Filter, query: Query, marks: Marks
) -> None:
    """Words and phrases: in the paper's text (one full-text query) or in the reader's note
    on it (the papers :func:`noted_matches` finds or takes out)."""
    included = [t for t in query.include if isinstance(t, TextTerm)]
    excluded = [t for t in query.exclude if isinstance(t, TextTerm) and t.field != "note"]
    noted = noted_matches(connection, query, marks, _phrase, (found.sql(), list(found.args)))
    if noted.excluded:
        fill_temp_table(connection, "note_excluded", "pid TEXT", noted.excluded)
        found.add("p.pid NOT IN (SELECT pid FROM temp.note_excluded)")
    if not included:
        if excluded:
            either = " OR ".join(f"({_phrase(term)})" for term in excluded)
            found.add("p.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)", either)
        return
    parts: list[str] = []
    args: list[object] = []
    if all(t.field != "note" for t in included):
        parts.append("SELECT rowid FROM fts WHERE fts MATCH ?")
        args.append(_match(included, excluded, False))
    if noted.found:
        fill_temp_table(connection, "note_found", "id INTEGER", noted.found)
        parts.append("SELECT id FROM temp.note_found")
    found.add(f"p.id IN ({' UNION '.join(parts)})" if parts else "0", *args)


def _load_tags_and_notes(connection: sqlite3.Connection, marks: Marks) -> None:
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS tags (pid TEXT, tag TEXT)")
    connection.execute("DELETE FROM temp.tags")
    connection.executemany(
        "INSERT INTO temp.tags (pid, tag) VALUES (?, ?)",
        ((pid, tag) for pid, tags in marks.tagged() for tag in tags),
    )
    fill_temp_table(connection, "notes", "pid TEXT", (pid for pid, _ in marks.notes()))


def _load_marks(connection: sqlite3.Connection, marks: Marks) -> None:
    fill_temp_table(connection, "marked", "pid TEXT", marks.bookmarked_ids())
    fill_temp_table(connection, "seen", "pid TEXT", marks.read_ids())


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
        titled_args = [_match([t for t in query.text_terms if t.field != "note"], [], True)]
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
        SearchHit(Entry(rows[key].day, rows[key].paper, rows[key].pid), title)
        for key, title in keys
        if key in rows
    ]
    return SearchResult(query, hits, total)
