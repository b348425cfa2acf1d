"""Searching the whole archive: an inverted index of word starts, and the reference matcher.

A word of the query matches a word of the text that starts with it; a phrase matches words
in a row (see :mod:`tui.query`). The index answers single words from posting lists at
once and checks phrases paper by paper; :func:`paper_matches` is the plain definition both
must agree with (the CLI and the day filter use it directly).

Results are best first: papers whose title holds every search word, then the rest; each
group by votes, then newest day.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Protocol

from parsers import Paper
from tui.query import DateTerm, FlagTerm, Query, Term, TextTerm, VotesTerm, normalize, tokens

DEFAULT_LIMIT = 500


class Marks(Protocol):
    """Bookmark and read state, for ``is:`` terms."""

    def is_bookmarked(self, pid: str) -> bool: ...

    def is_read(self, pid: str) -> bool: ...

    def bookmarked_ids(self) -> Iterable[str]: ...

    def read_ids(self) -> Iterable[str]: ...


@dataclass
class SetMarks:
    """Marks held in two sets of paper identities (by default: none)."""

    bookmarked: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)

    def is_bookmarked(self, pid: str) -> bool:
        return pid in self.bookmarked

    def is_read(self, pid: str) -> bool:
        return pid in self.read

    def bookmarked_ids(self) -> Iterable[str]:
        return self.bookmarked

    def read_ids(self) -> Iterable[str]:
        return self.read


NoMarks = SetMarks


@dataclass
class Entry:
    """One paper of the archive as the search sees it."""

    day: date | None
    paper: Paper
    pid: str

    @cached_property
    def title_stream(self) -> str:
        return _stream(self.paper.title)

    @cached_property
    def author_stream(self) -> str:
        return _stream(", ".join(self.paper.authors))

    @property
    def body_stream(self) -> str:  # not kept: bodies are large and rarely needed
        return _stream(" ".join(item for s in self.paper.sections for item in s.items))

    def streams(self, field_name: str) -> tuple[str, ...]:
        if field_name == "author":
            return (self.author_stream,)
        return (self.title_stream, self.author_stream, self.body_stream)


def _stream(text: str) -> str:
    """Normalised words joined by single spaces, with a space at each end."""
    return f" {' '.join(tokens(normalize(text)))} "


def _text_matches(term: TextTerm, streams: Iterable[str]) -> bool:
    needle = f" {term.phrase}"
    return any(needle in stream for stream in streams)


def _other_matches(term: Term, entry: Entry, marks: Marks) -> bool:
    if isinstance(term, VotesTerm):
        return term.test(entry.paper.votes)
    if isinstance(term, DateTerm):
        return term.test(entry.day)
    assert isinstance(term, FlagTerm)
    if term.flag == "bookmarked":
        return marks.is_bookmarked(entry.pid)
    read = marks.is_read(entry.pid)
    return read if term.flag == "read" else not read


def term_matches(term: Term, entry: Entry, marks: Marks) -> bool:
    if isinstance(term, TextTerm):
        return _text_matches(term, entry.streams(term.field))
    return _other_matches(term, entry, marks)


def paper_matches(query: Query, entry: Entry, marks: Marks) -> bool:
    """The definition of a match: every included term holds and no excluded one does."""
    return all(term_matches(t, entry, marks) for t in query.include) and not any(
        term_matches(t, entry, marks) for t in query.exclude
    )


def title_matches(query: Query, entry: Entry) -> bool:
    """Every search word is in the title (such papers rank first)."""
    words = [t for t in query.text_terms if t.field == "any"]
    return bool(words) and all(_text_matches(t, (entry.title_stream,)) for t in words)


@dataclass
class SearchHit:
    entry: Entry
    in_title: bool


@dataclass
class SearchResult:
    query: Query
    hits: list[SearchHit] = field(default_factory=list)
    total: int | None = 0
    """How many papers match; None when a phrase search stopped at the limit uncounted."""


def _rank_key(entry: Entry) -> tuple[int, int]:
    votes = entry.paper.votes
    return (-(votes if votes is not None else -1), -(entry.day.toordinal() if entry.day else 0))


def linear_search(
    entries: list[Entry], query: Query, marks: Marks, limit: int = DEFAULT_LIMIT
) -> SearchResult:
    """Search by trying every entry: the reference, fine for a day or a CLI run."""
    found = [entry for entry in entries if paper_matches(query, entry, marks)]
    ranked = sorted(found, key=lambda e: (not title_matches(query, e), _rank_key(e)))
    hits = [SearchHit(entry, title_matches(query, entry)) for entry in ranked[:limit]]
    return SearchResult(query, hits, len(found))


class _Postings:
    """Word → entries whose text has that word, with the words sorted for prefix lookups."""

    def __init__(self) -> None:
        self.lists: dict[str, array[int]] = {}
        self.words: list[str] = []

    def add(self, index: int, words: set[str]) -> None:
        lists = self.lists
        for word in words:
            posting = lists.get(word)
            if posting is None:
                lists[word] = array("I", (index,))
            else:
                posting.append(index)

    def freeze(self) -> None:
        self.words = sorted(self.lists)

    def starting_with(self, prefix: str) -> set[int]:
        """Entries with a word starting with ``prefix``."""
        words = self.words
        position = bisect.bisect_left(words, prefix)
        found: set[int] = set()
        while position < len(words) and words[position].startswith(prefix):
            found.update(self.lists[words[position]])
            position += 1
        return found


class SearchIndex:
    """An inverted index over every paper of the archive, built once (in the background)."""

    def __init__(self, entries: list[Entry], cancelled: Callable[[], bool] = lambda: False):
        self.entries = entries
        self._any = _Postings()
        self._titles = _Postings()
        self._authors = _Postings()
        for index, entry in enumerate(entries):
            if index % 512 == 0 and cancelled():
                raise IndexBuildCancelled
            title = set(tokens(normalize(entry.paper.title)))
            authors = set(tokens(normalize(", ".join(entry.paper.authors))))
            body = set(
                tokens(normalize(" ".join(i for s in entry.paper.sections for i in s.items)))
            )
            self._titles.add(index, title)
            self._authors.add(index, authors)
            self._any.add(index, title | authors | body)
        for postings in (self._any, self._titles, self._authors):
            postings.freeze()
        self._by_rank = sorted(range(len(entries)), key=lambda i: _rank_key(entries[i]))
        # For filters: votes (-1 when none) and day ordinals (0 when undated), by entry.
        self._votes = array(
            "i", (e.paper.votes if e.paper.votes is not None else -1 for e in entries)
        )
        self._days = array("i", (e.day.toordinal() if e.day else 0 for e in entries))
        self._by_pid: dict[str, list[int]] = {}
        for index, entry in enumerate(entries):
            self._by_pid.setdefault(entry.pid, []).append(index)

    def _candidates(self, term: TextTerm, titles_only: bool = False) -> set[int]:
        postings = (
            self._titles if titles_only else self._authors if term.field == "author" else self._any
        )
        words = term.words
        found = postings.starting_with(words[-1]) if len(words) == 1 else None
        if found is not None:
            return found
        # A phrase: its earlier words are whole words, the last may be a start.
        sets = sorted((postings.lists.get(word, array("I")) for word in words[:-1]), key=len)
        result = set(sets[0])
        for other in sets[1:]:
            result.intersection_update(other)
        result &= postings.starting_with(words[-1])
        return result

    def search(self, query: Query, marks: Marks, limit: int = DEFAULT_LIMIT) -> SearchResult:
        """The best ``limit`` matches, and how many there are (None if not counted).

        Words, flags, votes and dates narrow the pool through sets and arrays; phrases are
        checked paper by paper in rank order, only until ``limit`` results are found.
        """
        pool = self._word_pool(query)
        for term in query.include + query.exclude:
            keep = term in query.include
            if isinstance(term, FlagTerm):
                pool = self._flag_filter(pool, term, marks, keep)
            elif isinstance(term, VotesTerm | DateTerm):
                pool = self._number_filter(pool, term, keep)
        phrases = [t for t in query.include if isinstance(t, TextTerm) and len(t.words) > 1]
        excluded = [t for t in query.exclude if isinstance(t, TextTerm) and len(t.words) > 1]
        entries = self.entries

        def holds(index: int) -> bool:
            entry = entries[index]
            return all(term_matches(t, entry, marks) for t in phrases) and not any(
                term_matches(t, entry, marks) for t in excluded
            )

        check = holds if phrases or excluded else None
        in_title = self._title_hits(query, pool)
        first, complete = self._ranked(in_title, limit, check)
        rest, rest_complete = self._ranked(pool - in_title, limit - len(first), check)
        hits = [SearchHit(entries[i], True) for i in first]
        hits += [SearchHit(entries[i], False) for i in rest]
        counted = check is None or (complete and rest_complete)
        return SearchResult(
            query, hits, len(pool) if check is None else len(hits) if counted else None
        )

    def _word_pool(self, query: Query) -> set[int]:
        """Entries holding every single search word and none of the excluded ones."""
        pool: set[int] | None = None
        words = [t for t in query.text_terms if len(t.words) == 1]
        phrases = [t for t in query.text_terms if len(t.words) > 1]
        for term in sorted(words, key=lambda t: -len(t.words[0])) + phrases:
            found = self._candidates(term)
            pool = found if pool is None else pool & found
            if not pool:
                return set()
        if pool is None:
            pool = set(range(len(self.entries)))
        for excluded in query.exclude:
            if isinstance(excluded, TextTerm) and len(excluded.words) == 1:
                pool -= self._candidates(excluded)
        return pool

    def _flag_filter(self, pool: set[int], term: FlagTerm, marks: Marks, keep: bool) -> set[int]:
        ids = marks.bookmarked_ids() if term.flag == "bookmarked" else marks.read_ids()
        marked = {index for pid in ids for index in self._by_pid.get(pid, ())}
        if term.flag == "unread":
            keep = not keep
        return pool & marked if keep else pool - marked

    def _number_filter(self, pool: set[int], term: VotesTerm | DateTerm, keep: bool) -> set[int]:
        if isinstance(term, VotesTerm):
            votes, value = self._votes, term.value
            test: Callable[[int], bool] = {
                ">=": lambda i: votes[i] >= value,
                "<=": lambda i: 0 <= votes[i] <= value,
                ">": lambda i: votes[i] > value,
                "<": lambda i: 0 <= votes[i] < value,
                "=": lambda i: votes[i] == value,
            }[term.op]
        else:
            days = self._days
            low = term.start.toordinal() if term.start else 1
            high = term.end.toordinal() if term.end else date.max.toordinal()
            test = lambda i: low <= days[i] <= high  # noqa: E731
        return {i for i in pool if test(i) is keep}

    def _title_hits(self, query: Query, pool: set[int]) -> set[int]:
        words = [t for t in query.text_terms if t.field == "any"]
        if not words or not pool:
            return set()
        titled = set(pool)
        for term in words:
            titled &= self._candidates(term, titles_only=True)
        if any(len(t.words) > 1 for t in words):
            titled = {i for i in titled if title_matches(query, self.entries[i])}
        return titled

    def _ranked(
        self, indices: set[int], limit: int, check: Callable[[int], bool] | None
    ) -> tuple[list[int], bool]:
        """The best ``limit`` of ``indices`` passing ``check``; True if all were looked at."""
        if limit <= 0:
            return [], not indices
        if len(indices) * 8 < len(self._by_rank):
            order: Iterable[int] = sorted(indices, key=lambda i: _rank_key(self.entries[i]))
        else:
            order = (i for i in self._by_rank if i in indices)
        ranked: list[int] = []
        for index in order:
            if check is None or check(index):
                ranked.append(index)
                if len(ranked) == limit:
                    return ranked, False
        return ranked, True


class IndexBuildCancelled(Exception):
    """The app closed while the index was being built."""
