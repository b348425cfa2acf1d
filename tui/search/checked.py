"""Phrases with punctuation over the cache: the index narrows, Python checks the phrase.

The full-text index knows words, not punctuation, so for ``"R&B"`` it finds the papers with
the words "r" and "b" in a row; each of those is then tried against the definition of a
match (:func:`tui.search.matching.paper_matches`) on its normalised text. Before a body is
read into sections, its stored text is looked through for the phrase's pieces: a paper
whose text lacks one of them cannot hold the phrase, and most candidates end there (a paper
with a note is always tried in full: its note may hold the phrase).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import replace

from parsers import Paper
from tui.archive.cache.reading import PaperRow, keys_of_pids, papers_by_key, stored_texts
from tui.archive.cache.rows import AUTHOR_SEPARATOR, sections_of_text
from tui.archive.entry import Entry
from tui.archive.text import normalize
from tui.search.marks import Marks
from tui.search.matching import (
    CANCEL_CHECK_EVERY,
    SearchCancelled,
    SearchHit,
    SearchResult,
    paper_matches,
    title_matches,
)
from tui.search.query import Query
from tui.search.terms import Term, TextTerm

CHUNK = 500


def _literals(terms: Sequence[Term]) -> list[TextTerm]:
    return [term for term in terms if isinstance(term, TextTerm) and term.literal]


class _Checker:
    """Decides for candidate rows, parsing a body only when its stored text cannot."""

    def __init__(self, query: Query, marks: Marks) -> None:
        self.query = query
        self.marks = marks
        self.included = _literals(query.include)
        self.excluded = _literals(query.exclude)

    def settled(self, title: str, authors: str, raw: str | None) -> bool | None:
        """True or False when the stored text settles it; None when the paper must be read."""
        rough = normalize(f"{title}\n{authors.replace(AUTHOR_SEPARATOR, ', ')}\n{raw or ''}")
        if not all(term.may_hold(rough) for term in self.included):
            return False
        if not self.included and not any(term.may_hold(rough) for term in self.excluded):
            return True  # the index checked every other term
        return None

    def matches(self, row: PaperRow, raw: str | None) -> bool:
        header = Entry(row.day, row.paper, row.pid)
        if not self.excluded and paper_matches(self.query, header, self.marks):
            return True  # settled by the title and authors
        sections = sections_of_text(raw) if raw else []
        full = Entry(row.day, replace(row.paper, sections=sections), row.pid)
        return paper_matches(self.query, full, self.marks)

    def in_title(self, title: str) -> bool:
        paper = Paper(title=title, authors=[], sections=[])
        return title_matches(self.query, Entry(None, paper, ""))


def checked_search(
    connection: sqlite3.Connection,
    query: Query,
    marks: Marks,
    candidates: list[int],
    limit: int,
    offset: int,
    cancelled: Callable[[], bool] = lambda: False,
) -> SearchResult:
    """Results ``offset`` to ``offset + limit`` among ``candidates`` (row ids, best first)."""
    checker = _Checker(query, marks)
    noted = keys_of_pids(connection, [pid for pid, _ in marks.notes()])  # their note counts
    found: list[tuple[bool, int]] = []
    for start in range(0, len(candidates), CHUNK):
        if cancelled():
            raise SearchCancelled
        texts = stored_texts(connection, candidates[start : start + CHUNK])
        unsettled: dict[int, str | None] = {}
        for number, (key, title, authors, raw) in enumerate(texts):
            if number % CANCEL_CHECK_EVERY == 0 and cancelled():
                raise SearchCancelled
            verdict = None if key in noted else checker.settled(title, authors, raw)
            if verdict is None:
                unsettled[key] = raw
            elif verdict:
                found.append((not checker.in_title(title), key))
        rows = papers_by_key(connection, list(unsettled)) if unsettled else {}
        for key, row in rows.items():
            if checker.matches(row, unsettled[key]):
                found.append((not checker.in_title(row.paper.title), key))
    found.sort()
    page = found[offset : offset + limit]
    shown = papers_by_key(connection, [key for _, key in page])
    hits = [
        SearchHit(Entry(shown[key].day, shown[key].paper, shown[key].pid), not later)
        for later, key in page
        if key in shown
    ]
    return SearchResult(query, hits, len(found))
