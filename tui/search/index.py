"""The search index: posting lists of word starts over every paper, built in the background.

Single words are answered from posting lists at once; phrases are checked paper by paper,
in rank order, only until enough results are found. Answers are those of
:func:`tui.search.matching.paper_matches`, faster.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable
from datetime import date

from tui.archive.entry import Entry
from tui.search.matching import (
    DEFAULT_LIMIT,
    Marks,
    PaperText,
    SearchHit,
    SearchResult,
    rank_key,
    term_matches,
    title_matches,
)
from tui.search.query import DateTerm, FlagTerm, Query, TextTerm, VotesTerm, normalize, tokens


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
        self._by_rank = sorted(range(len(entries)), key=lambda i: rank_key(entries[i]))
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
            text = PaperText(entry)
            return all(term_matches(t, entry, marks, text) for t in phrases) and not any(
                term_matches(t, entry, marks, text) for t in excluded
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
            order: Iterable[int] = sorted(indices, key=lambda i: rank_key(self.entries[i]))
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
