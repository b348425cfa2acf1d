"""The terms of the search language: each one object that is matched both ways.

Every term gives its SQL over the cache and its test on one paper in Python, side by side,
so the two cannot drift apart (the index test compares them for every kind of term):

- a :class:`TextTerm` (words or a phrase; :class:`AuthorTerm` and :class:`NoteTerm` look
  in one part of the text) is a full-text query (:meth:`TextTerm.fts`), a test on the
  paper's words (:meth:`TextTerm.matches`), the notes that hold it, and its place in a text
  to highlight;
- every other term is a :class:`Filter`: a condition on the cache's ``papers p`` row, a
  test on the paper and the reader's marks, and the tables of marks its SQL reads.

A field term (``votes:``, ``tag:`` …) reads its value with ``parse`` and says how it is
written (``name``, ``example``); :data:`tui.search.query.FIELDS` lists them. A new term is
one class here and one entry there.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal, Protocol, cast, get_args

from tui.archive.text import clean_tag, normalize, tokens
from tui.search.marks import Marks
from tui.search.paper_text import PaperText, Part, note_stream
from tui.search.phrase import ends_in_word, literal_found, literal_of, phrase_pattern
from tui.search.temp_tables import BOOKMARKED, NOTED, READ, TAGGED, MarksTable

Comparison = Literal[">=", "<=", ">", "<", "="]
Flag = Literal["bookmarked", "unread", "read"]
Kept = Literal["note", "tag"]
FTS_COLUMNS: dict[Part, str] = {"title": "title", "author": "authors", "body": "body"}
"""The full-text index's column for each part of a paper's text (notes are not indexed)."""
_ESCAPED_IN_JSON = ('"', "\\")
_VOTES = re.compile(r"(>=|<=|>|<|=)?(\d{1,9})")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class QueryError(ValueError):
    """A term the user typed cannot be read; the message says which and why."""


def clipped(text: str, limit: int = 40) -> str:
    """A term quoted in a message, shortened when someone pasted a page into it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- words and phrases: the full-text index ---------------------------------------------


@dataclass(frozen=True)
class TextTerm:
    """Words that must appear in a row (one word, or a quoted phrase), anywhere in the
    paper: its title, authors, summary or the reader's note on it."""

    words: tuple[str, ...]
    phrase: str  # the normalised words, single spaces between them
    literal: str = ""  # a quoted phrase with punctuation, matched as typed (search.phrase)

    field: ClassVar[str] = "any"
    """How the term is written: ``any`` for plain words, else its field (``author:``)."""
    parts: ClassVar[tuple[Part, ...]] = ("title", "author", "body", "note")
    """The parts of the text the term looks in."""
    shows_note: ClassVar[bool] = False
    """Whether a result's snippet shows the reader's note (it is what the query asks for)."""

    @classmethod
    def of(cls, raw: str, quoted: bool = False) -> TextTerm | None:
        """The term of ``raw`` (typed in quotes when ``quoted``); None when it has no word."""
        normal = normalize(raw)
        words = tuple(tokens(normal))
        if not words:
            return None
        return cls(words, " ".join(words), literal_of(normal) if quoted else "")

    @property
    def in_index(self) -> bool:
        """Whether the full-text index holds a part the term looks in."""
        return any(part in FTS_COLUMNS for part in self.parts)

    @property
    def ranks_by_title(self) -> bool:
        """Whether the term counts towards ranking papers holding it in their title first."""
        return "title" in self.parts

    def fts(self, titles_only: bool = False) -> str:
        """The term as an FTS5 query: its words in a row, the last one a word's start."""
        # A phrase ending in punctuation ("C++") ends with a whole word: no prefix query.
        prefix = "*" if not self.literal or ends_in_word(self.literal) else ""
        quoted = '"' + " ".join(self.words).replace('"', '""') + '"' + prefix
        parts = ("title",) if titles_only and self.ranks_by_title else self.parts
        columns = [FTS_COLUMNS[part] for part in parts if part in FTS_COLUMNS]
        if not columns:
            raise ValueError(f"{self.field}: is not in the full-text index")
        if len(columns) == len(FTS_COLUMNS):
            return quoted
        if len(columns) == 1:
            return f"{columns[0]} : {quoted}"
        return f"{{{' '.join(columns)}}} : {quoted}"

    def matches(self, text: PaperText, marks: Marks) -> bool:
        return self.holds(text)

    def holds(self, text: PaperText, title_only: bool = False) -> bool:
        """Whether the paper's text (or only its title) holds the term."""
        parts: tuple[Part, ...] = ("title",) if title_only else self.parts
        if self.literal:
            return any(literal_found(self.literal, text.normal(part)) for part in parts)
        needle = f" {self.phrase}"
        return any(needle in text.words(part) for part in parts)

    def notes_holding(self, marks: Marks) -> set[str]:
        """The identities of the papers whose note holds the term (none if it skips notes)."""
        if "note" not in self.parts:
            return set()
        if self.literal:
            notes = marks.notes()
            return {pid for pid, note in notes if literal_found(self.literal, normalize(note))}
        needle = f" {self.phrase}"
        return {pid for pid, note in marks.notes() if needle in note_stream(note)}

    def may_hold(self, rough: str) -> bool:
        """False when ``rough`` (a paper's stored text, normalised) surely lacks the phrase
        with punctuation: it lacks one of the phrase's pieces."""
        pieces = self.literal.split(" ")
        return all(p in rough for p in pieces if not any(c in p for c in _ESCAPED_IN_JSON))

    def spans(self, normal: str) -> Iterator[tuple[int, int]]:
        """Where in normalised ``normal`` the term is found at a word's start.

        A phrase of plain words is found whatever separates its words, as it matches
        (``"kv cache"`` lights "KV-Cache")."""
        for found in phrase_pattern(self.literal or self.phrase).finditer(normal):
            if found.end() > found.start():
                yield found.start(), found.end()


@dataclass(frozen=True)
class AuthorTerm(TextTerm):
    """``author:kim``, ``author:"Ann Lee"``: words in the author list."""

    field: ClassVar[str] = "author"
    parts: ClassVar[tuple[Part, ...]] = ("author",)
    name: ClassVar[str] = "author"
    example: ClassVar[str] = "author:kim"

    @classmethod
    def parse(cls, value: str, quoted: bool) -> TextTerm:
        return _field_words(cls, value, quoted)


@dataclass(frozen=True)
class NoteTerm(TextTerm):
    """``note:idea``, ``note:"try this"``: words in the reader's note alone."""

    field: ClassVar[str] = "note"
    parts: ClassVar[tuple[Part, ...]] = ("note",)
    shows_note: ClassVar[bool] = True
    name: ClassVar[str] = "note"
    example: ClassVar[str] = "note:idea"

    @classmethod
    def parse(cls, value: str, quoted: bool) -> TextTerm:
        return _field_words(cls, value, quoted)


def _field_words(cls: type[AuthorTerm | NoteTerm], value: str, quoted: bool) -> TextTerm:
    term = cls.of(value, quoted)
    if term is None:
        raise QueryError(f"{cls.name}: needs a word, e.g. {cls.example}")
    return term


# -- filters: a condition on the papers table -------------------------------------------


class Filter(Protocol):
    """A term other than words: a condition on ``papers p`` and the same test in Python."""

    @property
    def shows_note(self) -> bool:
        """Whether a result's snippet shows the reader's note (it is what the query asks for)."""
        ...

    def condition(self) -> tuple[str, list[object]]:
        """The SQL condition on the cache's ``papers p`` row, and its arguments."""
        ...

    def tables(self) -> tuple[MarksTable, ...]:
        """The tables of the reader's marks the condition reads."""
        ...

    def matches(self, text: PaperText, marks: Marks) -> bool:
        """Whether the paper (``text.entry``) meets the condition, given the marks."""
        ...


@dataclass(frozen=True)
class VotesTerm:
    """``votes:>=20``: a comparison with the paper's votes (a paper without votes fails)."""

    op: Comparison
    value: int

    name: ClassVar[str] = "votes"
    example: ClassVar[str] = "votes:>=20"
    shows_note: ClassVar[bool] = False

    @classmethod
    def parse(cls, value: str, quoted: bool) -> VotesTerm:
        match = _VOTES.fullmatch(value)
        if match is None:
            raise QueryError(f"votes:{clipped(value)}: use e.g. votes:>=20, votes:<5 or votes:7")
        return cls(cast(Comparison, match.group(1) or "="), int(match.group(2)))

    def condition(self) -> tuple[str, list[object]]:
        return f"(p.votes IS NOT NULL AND p.votes {self.op} ?)", [self.value]

    def tables(self) -> tuple[MarksTable, ...]:
        return ()

    def matches(self, text: PaperText, marks: Marks) -> bool:
        votes = text.entry.paper.votes
        if votes is None:
            return False
        return {
            ">=": votes >= self.value,
            "<=": votes <= self.value,
            ">": votes > self.value,
            "<": votes < self.value,
            "=": votes == self.value,
        }[self.op]


@dataclass(frozen=True)
class DateTerm:
    """``date:2025-01``, ``date:2025-01-01..2025-03-31``: the paper's day in a range (an
    undated paper fails)."""

    start: date | None
    end: date | None

    name: ClassVar[str] = "date"
    example: ClassVar[str] = "date:2025-01"
    shows_note: ClassVar[bool] = False

    @classmethod
    def parse(cls, value: str, quoted: bool) -> DateTerm:
        if ".." in value:
            low, _, high = value.partition("..")
            start = _date_bound(low, end=False) if low else None
            stop = _date_bound(high, end=True) if high else None
            if start is None and stop is None:
                raise QueryError("date:.. needs a start, an end or both")
            if start and stop and start > stop:
                raise QueryError(f"date:{clipped(value)}: the start is after the end")
            return cls(start, stop)
        if not value:
            raise QueryError("date: needs a date, e.g. date:2025-01")
        return cls(_date_bound(value, end=False), _date_bound(value, end=True))

    def condition(self) -> tuple[str, list[object]]:
        low = (self.start or date.min).isoformat()
        high = (self.end or date.max).isoformat()
        return "(p.day IS NOT NULL AND p.day BETWEEN ? AND ?)", [low, high]

    def tables(self) -> tuple[MarksTable, ...]:
        return ()

    def matches(self, text: PaperText, marks: Marks) -> bool:
        day = text.entry.day
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _date_bound(text: str, end: bool) -> date:
    match = _DATE.fullmatch(text)
    if match is None:
        raise QueryError(f"date:{clipped(text)}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except ValueError:
        raise QueryError(f"date:{clipped(text)} is not a real date") from None


@dataclass(frozen=True)
class FlagTerm:
    """``is:bookmarked``, ``is:read``, ``is:unread``: the reader's marks."""

    flag: Flag

    name: ClassVar[str] = "is"
    example: ClassVar[str] = "is:unread"
    shows_note: ClassVar[bool] = False

    @classmethod
    def parse(cls, value: str, quoted: bool) -> FlagTerm:
        flag = value.lower()
        if flag not in get_args(Flag):
            raise QueryError(f"is:{clipped(value)}: use is:bookmarked, is:unread or is:read")
        return cls(cast(Flag, flag))

    def condition(self) -> tuple[str, list[object]]:
        marked = f"(p.pid IN (SELECT pid FROM temp.{self.tables()[0].name}))"
        return (f"(NOT {marked})" if self.flag == "unread" else marked), []

    def tables(self) -> tuple[MarksTable, ...]:
        return (BOOKMARKED,) if self.flag == "bookmarked" else (READ,)

    def matches(self, text: PaperText, marks: Marks) -> bool:
        pid = text.entry.pid
        if self.flag == "bookmarked":
            return marks.is_bookmarked(pid)
        return marks.is_read(pid) == (self.flag == "read")


@dataclass(frozen=True)
class TagTerm:
    """``tag:to-read``: a paper carrying this tag (cleaned as tags are kept)."""

    tag: str

    name: ClassVar[str] = "tag"
    example: ClassVar[str] = "tag:to-read"
    shows_note: ClassVar[bool] = False

    @classmethod
    def parse(cls, value: str, quoted: bool) -> TagTerm:
        tag = clean_tag(value)
        if tag is None:
            raise QueryError(f"tag: needs a tag, e.g. {cls.example}")
        return cls(tag)

    def condition(self) -> tuple[str, list[object]]:
        return f"(p.pid IN (SELECT pid FROM temp.{TAGGED.name} WHERE tag = ?))", [self.tag]

    def tables(self) -> tuple[MarksTable, ...]:
        return (TAGGED,)

    def matches(self, text: PaperText, marks: Marks) -> bool:
        return self.tag in marks.tags_of(text.entry.pid)


@dataclass(frozen=True)
class HasTerm:
    """``has:note``, ``has:tag``: a paper with a note, or with any tag."""

    what: Kept

    name: ClassVar[str] = "has"
    example: ClassVar[str] = "has:note"

    @classmethod
    def parse(cls, value: str, quoted: bool) -> HasTerm:
        what = value.lower()
        if what not in get_args(Kept):
            raise QueryError(f"has:{clipped(value)}: use has:note or has:tag")
        return cls(cast(Kept, what))

    @property
    def shows_note(self) -> bool:
        return self.what == "note"

    def condition(self) -> tuple[str, list[object]]:
        return f"(p.pid IN (SELECT pid FROM temp.{self.tables()[0].name}))", []

    def tables(self) -> tuple[MarksTable, ...]:
        return (NOTED,) if self.what == "note" else (TAGGED,)

    def matches(self, text: PaperText, marks: Marks) -> bool:
        pid = text.entry.pid
        return bool(marks.note_of(pid) if self.what == "note" else marks.tags_of(pid))


Term = TextTerm | Filter
"""A term of a query: words (matched by the full-text index) or a filter."""


class FieldTerm(Protocol):
    """A term written ``name:value``: how it is written, and how its value is read."""

    name: ClassVar[str]
    example: ClassVar[str]

    @classmethod
    def parse(cls, value: str, quoted: bool) -> Term:
        """The term of ``value`` (typed in quotes when ``quoted``); raises QueryError."""
        ...
