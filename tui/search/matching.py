"""What a match is: the plain definition every search path agrees with.

A word of the query matches a word of the text that starts with it; a phrase matches words
in a row (see :mod:`tui.search.query`). The text is the paper's title, authors and body,
and the reader's note on it (from the marks, like bookmarks and tags). Each term tests one
paper itself (:mod:`tui.search.terms`).

:func:`paper_matches` is the definition; :func:`linear_search` tries it on every paper (the
CLI and the day filter use it), and the full-text search of the cache
(:mod:`tui.search.fts`) must give the same answers faster.

Results are best first: papers whose title holds every search word, then the rest; each
group by votes, then newest day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tui.archive.entry import BodyRef, Entry
from tui.search.marks import Marks
from tui.search.paper_text import PaperText
from tui.search.query import Query

DEFAULT_LIMIT = 500
CANCEL_CHECK_EVERY = 128
"""Papers tried between two looks at whether the search is still wanted."""


def paper_matches(query: Query, entry: Entry, marks: Marks, text: PaperText | None = None) -> bool:
    """The definition of a match: every included term holds and no excluded one does."""
    text = text or PaperText(entry, marks.note_of(entry.pid))
    return all(t.matches(text, marks) for t in query.include) and not any(
        t.matches(text, marks) for t in query.exclude
    )


def title_matches(query: Query, entry: Entry, text: PaperText | None = None) -> bool:
    """Every search word is in the title (such papers rank first)."""
    words = [t for t in query.text_terms if t.ranks_by_title]
    text = text or PaperText(entry)
    return bool(words) and all(t.holds(text, title_only=True) for t in words)


@dataclass
class SearchHit:
    entry: Entry
    in_title: bool
    body: BodyRef | None = None
    """Where the cache keeps the paper's body, when the entry holds only its header."""


@dataclass
class SearchResult:
    query: Query
    hits: list[SearchHit] = field(default_factory=list)
    total: int | None = 0
    """How many papers match; None when a phrase search stopped at the limit uncounted."""


def rank_key(entry: Entry) -> tuple[int, int]:
    votes = entry.paper.votes
    return (-(votes if votes is not None else -1), -(entry.day.toordinal() if entry.day else 0))


def linear_search(
    entries: list[Entry],
    query: Query,
    marks: Marks,
    limit: int = DEFAULT_LIMIT,
    cancelled: Callable[[], bool] = lambda: False,
) -> SearchResult:
    """Search by trying every entry: the reference, fine for a day or a CLI run.

    Raises :class:`SearchCancelled` soon after ``cancelled()`` turns true.
    """
    found: list[SearchHit] = []
    for number, entry in enumerate(entries):
        if number % CANCEL_CHECK_EVERY == 0 and cancelled():
            raise SearchCancelled
        text = PaperText(entry, marks.note_of(entry.pid))
        if paper_matches(query, entry, marks, text):
            found.append(SearchHit(entry, title_matches(query, entry, text)))
    found.sort(key=lambda hit: (not hit.in_title, rank_key(hit.entry)))
    return SearchResult(query, found[:limit], len(found))


class SearchCancelled(Exception):
    """A search stopped because its answer is no longer wanted (a newer query came)."""
