"""What a match is: the plain definition every search path agrees with.

A word of the query matches a word of the text that starts with it; a phrase matches words
in a row (see :mod:`tui.search.query`). The text is the paper's title, authors and body,
and the reader's note on it (from the marks, like bookmarks and tags).

:func:`paper_matches` is the definition; :func:`linear_search` tries it on every paper (the
CLI and the day filter use it), and the full-text search of the cache
(:mod:`tui.search.fts`) must give the same answers faster.

Results are best first: papers whose title holds every search word, then the rest; each
group by votes, then newest day.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

from tui.archive.entry import Entry
from tui.archive.text import searchable
from tui.search.phrase import literal_found
from tui.search.query import (
    DateTerm,
    FlagTerm,
    HasTerm,
    Query,
    TagTerm,
    Term,
    TextTerm,
    VotesTerm,
    normalize,
    tokens,
)

DEFAULT_LIMIT = 500
CANCEL_CHECK_EVERY = 128
"""Papers tried between two looks at whether the search is still wanted."""


class Marks(Protocol):
    """The reader's marks: bookmarks and read state (``is:``), notes and tags."""

    def is_bookmarked(self, pid: str) -> bool: ...

    def is_read(self, pid: str) -> bool: ...

    def bookmarked_ids(self) -> Iterable[str]: ...

    def read_ids(self) -> Iterable[str]: ...

    def note_of(self, pid: str) -> str | None: ...

    def tags_of(self, pid: str) -> Collection[str]: ...

    def notes(self) -> Iterable[tuple[str, str]]: ...

    def tagged(self) -> Iterable[tuple[str, Collection[str]]]: ...


@dataclass
class SetMarks:
    """Marks held in sets and dicts by paper identity (by default: none)."""

    bookmarked: set[str] = field(default_factory=set)
    read: set[str] = field(default_factory=set)
    notes_by_id: dict[str, str] = field(default_factory=dict)
    tags_by_id: dict[str, list[str]] = field(default_factory=dict)

    def is_bookmarked(self, pid: str) -> bool:
        return pid in self.bookmarked

    def is_read(self, pid: str) -> bool:
        return pid in self.read

    def bookmarked_ids(self) -> Iterable[str]:
        return self.bookmarked

    def read_ids(self) -> Iterable[str]:
        return self.read

    def note_of(self, pid: str) -> str | None:
        return self.notes_by_id.get(pid)

    def tags_of(self, pid: str) -> Collection[str]:
        return self.tags_by_id.get(pid, ())

    def notes(self) -> Iterable[tuple[str, str]]:
        return self.notes_by_id.items()

    def tagged(self) -> Iterable[tuple[str, Collection[str]]]:
        return [(pid, tags) for pid, tags in self.tags_by_id.items() if tags]


NoMarks = SetMarks


def _stream(text: str) -> str:
    """Normalised words joined by single spaces, with a space at each end."""
    return f" {' '.join(tokens(normalize(text)))} "


@lru_cache(maxsize=4096)
def note_stream(note: str) -> str:
    """A note's words as :func:`_stream` gives them (notes change rarely: kept)."""
    return _stream(note)


class PaperText:
    """One paper's searchable text, normalised once, and only the parts a term asks for.

    A search prepares each paper's text at most once however many terms test it, so a
    query's cost grows with its terms only by a substring test each.
    """

    __slots__ = ("_author", "_body", "_normal", "_title", "entry", "note_text")

    def __init__(self, entry: Entry, note: str | None = None) -> None:
        self.entry = entry
        self.note_text = note
        self._title: str | None = None
        self._author: str | None = None
        self._body: str | None = None
        self._normal: tuple[str, str, str] | None = None

    @property
    def title(self) -> str:
        if self._title is None:
            self._title = _stream(self.entry.paper.title)
        return self._title

    @property
    def author(self) -> str:
        if self._author is None:
            self._author = _stream(", ".join(self.entry.paper.authors))
        return self._author

    @property
    def body(self) -> str:
        if self._body is None:
            paper = self.entry.paper
            self._body = _stream(" ".join(item for s in paper.sections for item in s.items))
        return self._body

    @property
    def note(self) -> str:
        return note_stream(self.note_text) if self.note_text else " "

    def streams(self, field_name: str) -> tuple[str, ...]:
        """The texts (as words) a term of ``field_name`` is looked for in."""
        if field_name == "author":
            return (self.author,)
        if field_name == "note":
            return (self.note,)
        return (self.title, self.author, self.body, self.note)

    def normal(self, field_name: str) -> tuple[str, ...]:
        """The texts (normalised, punctuation kept) a phrase with punctuation is looked for in."""
        if self._normal is None:
            self._normal = searchable(self.entry.paper)
        title, author, body = self._normal
        note = normalize(self.note_text) if self.note_text else ""
        if field_name == "author":
            return (author,)
        if field_name == "note":
            return (note,)
        return (title, author, body, note)

    def holds(self, term: TextTerm, title_only: bool = False) -> bool:
        """Whether the paper's text (or only its title) holds ``term``."""
        if term.literal:
            texts = self.normal(term.field)
            return any(
                literal_found(term.literal, text) for text in texts[: 1 if title_only else None]
            )
        needle = f" {term.phrase}"
        streams = (self.title,) if title_only else self.streams(term.field)
        return any(needle in stream for stream in streams)


def notes_matching(term: TextTerm, marks: Marks) -> list[str]:
    """The identities of the papers whose note holds ``term``."""
    if term.literal:
        return [pid for pid, note in marks.notes() if literal_found(term.literal, normalize(note))]
    needle = f" {term.phrase}"
    return [pid for pid, note in marks.notes() if needle in note_stream(note)]


def _other_matches(term: Term, entry: Entry, marks: Marks) -> bool:
    if isinstance(term, VotesTerm):
        return term.test(entry.paper.votes)
    if isinstance(term, DateTerm):
        return term.test(entry.day)
    if isinstance(term, TagTerm):
        return term.tag in marks.tags_of(entry.pid)
    if isinstance(term, HasTerm):
        found = marks.note_of(entry.pid) if term.what == "note" else marks.tags_of(entry.pid)
        return bool(found)
    assert isinstance(term, FlagTerm)
    if term.flag == "bookmarked":
        return marks.is_bookmarked(entry.pid)
    read = marks.is_read(entry.pid)
    return read if term.flag == "read" else not read


def term_matches(term: Term, entry: Entry, marks: Marks, text: PaperText | None = None) -> bool:
    if isinstance(term, TextTerm):
        return (text or PaperText(entry, marks.note_of(entry.pid))).holds(term)
    return _other_matches(term, entry, marks)


def paper_matches(query: Query, entry: Entry, marks: Marks, text: PaperText | None = None) -> bool:
    """The definition of a match: every included term holds and no excluded one does."""
    text = text or PaperText(entry, marks.note_of(entry.pid))
    return all(term_matches(t, entry, marks, text) for t in query.include) and not any(
        term_matches(t, entry, marks, text) for t in query.exclude
    )


def title_matches(query: Query, entry: Entry, text: PaperText | None = None) -> bool:
    """Every search word is in the title (such papers rank first)."""
    words = [t for t in query.text_terms if t.field == "any"]
    text = text or PaperText(entry)
    return bool(words) and all(text.holds(t, title_only=True) for t in words)


@dataclass
class SearchHit:
    entry: Entry
    in_title: bool
    body: tuple[int, int] | None = None
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
