"""Searching the cache: the query language turned into SQLite full-text and row filters.

The full-text index holds each paper's title, authors and body, normalised as the query
is (:mod:`tui.archive.text`), split into words the way :func:`tui.archive.text.tokens`
does; a search word is a prefix query, so it matches the start of a word, and a phrase
matches words in a row with its last word a start: the same definition as
:func:`tui.search.matching.paper_matches`. Row ids are rank keys, so reading matches in
row id order gives them best first: papers whose title holds every word, then the rest.

Each term gives its own SQL (:mod:`tui.search.terms`): words a full-text query, filters a
condition on ``papers p``. Notes and tags are the user's, not the cache's: they go into
temporary tables per search, as the bookmarks and read marks do (see
:mod:`tui.search.noted` for the notes); a word found in no note stays a pure full-text
query.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from tui.archive.cache.reading import papers_by_key
from tui.archive.entry import Entry
from tui.search.checked import checked_search
from tui.search.marks import Marks
from tui.search.matching import DEFAULT_LIMIT, SearchHit, SearchResult
from tui.search.noted import noted_matches
from tui.search.query import Query
from tui.search.temp_tables import fill_key_table
from tui.search.terms import Filter, TextTerm

NOTED_IN_TITLE = (  # both sides in row id order: merged, not every match put in a B-tree
    "SELECT rowid FROM fts WHERE fts MATCH ? INTERSECT SELECT id FROM temp.note_found ORDER BY 1"
)


def _match(terms: list[TextTerm], excluded: list[TextTerm], titles_only: bool) -> str:
    expression = " AND ".join(f"({term.fts(titles_only)})" for term in terms)
    for term in excluded:
        expression = f"({expression}) NOT ({term.fts()})"
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


def _filters(connection: sqlite3.Connection, query: Query, marks: Marks) -> _Filter:
    """Conditions for everything but the text: votes, dates and the user's marks."""
    found = _Filter()
    filters: list[tuple[bool, Filter]] = [
        (negated, term)
        for negated, group in ((False, query.include), (True, query.exclude))
        for term in group
        if not isinstance(term, TextTerm)
    ]
    for table in dict.fromkeys(table for _, term in filters for table in term.tables()):
        table.fill(connection, marks)
    for negated, term in filters:
        condition, args = term.condition()
        found.add(f"(NOT {condition})" if negated else condition, *args)
    return found


@dataclass(frozen=True)
class _Group:
    """A run of results in rank order: a full-text match (or none), papers brought in by a
    note (a temporary table of row ids, or none) and the filters."""

    match: str | None
    where: _Filter
    in_title: bool
    noted: str | None = None

    def _ordered(self) -> tuple[str, list[object]]:
        """One SELECT of the group's row ids, best first (it ends in ORDER BY).

        Each side comes in row id order (the index's own order, a table's primary key), so
        SQLite stops at a page's end and merges a union without sorting; ordered by any
        other name for the same numbers, it would read every match and sort them first.
        """
        where, filters = self.where.sql(), list(self.where.args)
        filtered = bool(self.where.conditions)
        sides: list[str] = []
        args: list[object] = []
        if self.match is not None:
            if filtered:
                joined = "FROM fts JOIN papers p ON p.id = fts.rowid WHERE fts MATCH ?"
                sides.append(f"SELECT fts.rowid AS id {joined} AND {where}")
                args += [self.match, *filters]
            else:
                sides.append("SELECT rowid AS id FROM fts WHERE fts MATCH ?")
                args.append(self.match)
        if self.noted is not None:
            if filtered:
                joined = f"FROM temp.{self.noted} n JOIN papers p ON p.id = n.id"
                sides.append(f"SELECT n.id AS id {joined} WHERE {where}")
                args += filters
            else:
                sides.append(f"SELECT id FROM temp.{self.noted}")
        if not sides:
            return f"SELECT p.id AS id FROM papers p WHERE {where} ORDER BY 1", filters
        return " UNION ".join(sides) + " ORDER BY 1", args

    def count(self, connection: sqlite3.Connection) -> int:
        sql, args = self._ordered()
        return int(connection.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])

    def keys(self, connection: sqlite3.Connection, limit: int, offset: int) -> list[int]:
        sql, args = self._ordered()
        rows = connection.execute(f"{sql} LIMIT ? OFFSET ?", [*args, limit, offset])
        return [row[0] for row in rows]


def _groups(connection: sqlite3.Connection, query: Query, marks: Marks) -> list[_Group]:
    """Title matches first, then the rest (each best first); one group without words."""
    where = _filters(connection, query, marks)
    terms = query.text_terms
    # A phrase with punctuation is excluded after the index, in Python (see checked.py):
    # the index knows only its words, and papers with those words may lack the phrase.
    excluded = [
        t for t in query.exclude if isinstance(t, TextTerm) and not t.literal and t.in_index
    ]
    noted = noted_matches(connection, query, marks, (where.sql(), list(where.args)))
    if noted.excluded:
        fill_key_table(connection, "note_excluded", "pid TEXT", noted.excluded)
        where.add("p.pid NOT IN (SELECT pid FROM temp.note_excluded)")
    if not terms:
        if excluded:
            either = " OR ".join(f"({term.fts()})" for term in excluded)
            where.add("p.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)", either)
        return [_Group(None, where, False)]
    in_text = [t for t in terms if t.in_index]
    titled = _match(in_text, [], titles_only=True)
    words_in_title = any(t.ranks_by_title for t in terms)
    if not noted.found and len(in_text) == len(terms):  # the notes change nothing
        full = _match(terms, excluded, titles_only=False)
        if not words_in_title:
            return [_Group(full, where, False)]
        return [
            _Group(_match(terms, excluded, titles_only=True), where, True),
            _Group(f"({full}) NOT ({titled})", where, False),
        ]
    return _noted_groups(connection, where, noted.found, terms, excluded, titled)


def _noted_groups(
    connection: sqlite3.Connection,
    where: _Filter,
    noted: list[int],
    terms: list[TextTerm],
    excluded: list[TextTerm],
    titled: str,
) -> list[_Group]:
    """The groups when notes bring papers in: matches in the text, and papers by a note.

    A ``note:`` term makes the noted papers the whole answer; otherwise they join the
    full-text matches. Split by title: the title matches and the noted papers whose title
    matches, then the other matches and the other noted papers.
    """
    full = None
    if all(t.in_index for t in terms):
        full = _match(terms, excluded, titles_only=False)
    fill_key_table(connection, "note_found", "id INTEGER", noted)
    if not any(t.ranks_by_title for t in terms):
        return [_Group(full, where, False, "note_found")]
    in_title = {row[0] for row in connection.execute(NOTED_IN_TITLE, (titled,))}
    fill_key_table(connection, "note_titled", "id INTEGER", in_title)
    fill_key_table(connection, "note_untitled", "id INTEGER", set(noted) - in_title)
    if full is None:
        return [
            _Group(None, where, True, "note_titled"),
            _Group(None, where, False, "note_untitled"),
        ]
    return [
        _Group(f"({full}) AND ({titled})", where, True, "note_titled"),
        _Group(f"({full}) NOT ({titled})", where, False, "note_untitled"),
    ]


def search_cache(
    connection: sqlite3.Connection,
    query: Query,
    marks: Marks,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
    cancelled: Callable[[], bool] = lambda: False,
) -> SearchResult:
    """Results ``offset`` to ``offset + limit`` of ``query``, best first, and the total.

    A phrase with punctuation is checked in Python on the papers the index narrows to;
    ``cancelled`` is looked at while that runs.
    """
    try:
        return _search(connection, query, marks, limit, offset, cancelled)
    finally:
        # Filling the temporary tables of marks and notes opened a transaction. Left open,
        # it would keep this thread's view of the cache as it was now (new days unseen) and
        # make the next write on the thread (a refresh in a pooled worker thread) fail.
        if connection.in_transaction:
            connection.commit()


def _search(
    connection: sqlite3.Connection,
    query: Query,
    marks: Marks,
    limit: int,
    offset: int,
    cancelled: Callable[[], bool],
) -> SearchResult:
    if query.has_literal:
        candidates = sorted(
            key
            for group in _groups(connection, query, marks)
            for key in group.keys(connection, -1, 0)
        )
        return checked_search(connection, query, marks, candidates, limit, offset, cancelled)
    keys: list[tuple[int, bool]] = []
    total = 0
    for group in _groups(connection, query, marks):
        count = group.count(connection)
        start = max(0, offset - total)
        wanted = limit - len(keys)
        if wanted > 0 and start < count:
            keys += [(key, group.in_title) for key in group.keys(connection, wanted, start)]
        total += count
    rows = papers_by_key(connection, [key for key, _ in keys])
    hits = [
        SearchHit(Entry(rows[key].day, rows[key].paper, rows[key].pid), title, rows[key].body)
        for key, title in keys
        if key in rows
    ]
    return SearchResult(query, hits, total)
