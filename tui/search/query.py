"""The search and filter language.

    transformer 캐시            every word must match (case-insensitive, NFKC-normalised)
    "kv cache"                  a phrase
    "R&B"  "C++"                a phrase with punctuation, matched as typed (search.phrase)
    -survey                     exclude papers with this word (or -"phrase", -author:…)
    author:kim  author:"Ann Lee"
    votes:>=20  votes:>5  votes:<3  votes:<=3  votes:=7  votes:7
    date:2025-01  date:2025-01-01  date:2025  date:2025-01-01..2025-03-31  date:..2024-12
    is:bookmarked  is:unread  is:read
    tag:to-read  has:note  has:tag  note:idea   your tags and notes (words match notes too)

A word matches the start of a word in the text, so 모델 finds 모델을 and 모델의, and
cache finds caches. A term given twice counts once; a query holds at most
:data:`MAX_TERMS` terms (each word of a phrase counts), so what a search costs has a bound
however much text is pasted. No Textual here: the same query runs in the app and in the CLI.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from tui.archive.text import clean_tag, normalize, tokens
from tui.search.phrase import literal_of

_PIECE = re.compile(r'(-?)(?:([A-Za-z]+):)?("([^"]*)"?|\S+)')
_VOTES = re.compile(r"(>=|<=|>|<|=)?(\d{1,9})")
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
MAX_TERMS = 32
"""The most words and filters one query may hold (each word of a phrase counts)."""
MAX_QUERY_CHARS = 10_000
"""The longest query read: parsing stays a matter of milliseconds whatever is pasted."""
FIELDS = ("author", "votes", "date", "is", "tag", "has", "note")
FLAGS = ("bookmarked", "unread", "read")
HAS = ("note", "tag")
EXAMPLES = {
    "author": "author:kim",
    "votes": "votes:>=20",
    "date": "date:2025-01",
    "is": "is:unread",
    "tag": "tag:to-read",
    "has": "has:note",
    "note": "note:idea",
}


class QueryError(ValueError):
    """A term the user typed cannot be read; the message says which and why."""


@dataclass(frozen=True)
class TextTerm:
    """Words that must appear in order (one word, or a quoted phrase)."""

    words: tuple[str, ...]
    phrase: str  # the normalised text, for phrases made of several words
    field: str = "any"  # "any" (title, authors, body, your note), "author" or "note"
    literal: str = ""  # a quoted phrase with punctuation, matched as typed (search.phrase)


@dataclass(frozen=True)
class VotesTerm:
    op: str
    value: int

    def test(self, votes: int | None) -> bool:
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
    start: date | None
    end: date | None

    def test(self, day: date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class FlagTerm:
    flag: str


@dataclass(frozen=True)
class TagTerm:
    """A paper carrying this tag (cleaned as tags are kept)."""

    tag: str


@dataclass(frozen=True)
class HasTerm:
    """A paper with a note (``note``) or with any tag (``tag``)."""

    what: str


Term = TextTerm | VotesTerm | DateTerm | FlagTerm | TagTerm | HasTerm


@dataclass
class Query:
    """A parsed query: terms that must hold, and terms that must not."""

    text: str
    include: list[Term] = field(default_factory=list)
    exclude: list[Term] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.include and not self.exclude

    @property
    def text_terms(self) -> list[TextTerm]:
        return [term for term in self.include if isinstance(term, TextTerm)]


def _text_term(raw: str, field_name: str, quoted: bool = False) -> TextTerm | None:
    normal = normalize(raw)
    words = tuple(tokens(normal))
    if not words:
        return None
    return TextTerm(words, " ".join(words), field_name, literal_of(normal) if quoted else "")


def _date_bound(text: str, end: bool) -> date:
    match = _DATE.fullmatch(text)
    if match is None:
        raise QueryError(f"date:{_clipped(text)}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match.group(1)), match.group(2), match.group(3)
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), last if end else 1)
        return date(year, int(month), int(day))
    except ValueError:
        raise QueryError(f"date:{_clipped(text)} is not a real date") from None


def _date_term(value: str) -> DateTerm:
    if ".." in value:
        low, _, high = value.partition("..")
        start = _date_bound(low, end=False) if low else None
        stop = _date_bound(high, end=True) if high else None
        if start is None and stop is None:
            raise QueryError("date:.. needs a start, an end or both")
        if start and stop and start > stop:
            raise QueryError(f"date:{_clipped(value)}: the start is after the end")
        return DateTerm(start, stop)
    if not value:
        raise QueryError("date: needs a date, e.g. date:2025-01")
    return DateTerm(_date_bound(value, end=False), _date_bound(value, end=True))


def _field_term(name: str, value: str, quoted: bool) -> Term | None:
    if name in ("author", "note"):
        term = _text_term(value, name, quoted)
        if term is None:
            raise QueryError(f"{name}: needs a word, e.g. {EXAMPLES[name]}")
        return term
    if name == "tag":
        tag = clean_tag(value)
        if tag is None:
            raise QueryError(f"tag: needs a tag, e.g. {EXAMPLES['tag']}")
        return TagTerm(tag)
    if name == "has":
        if value.lower() not in HAS:
            raise QueryError(f"has:{_clipped(value)}: use has:note or has:tag")
        return HasTerm(value.lower())
    if name == "votes":
        match = _VOTES.fullmatch(value)
        if match is None:
            raise QueryError(f"votes:{_clipped(value)}: use e.g. votes:>=20, votes:<5 or votes:7")
        return VotesTerm(match.group(1) or "=", int(match.group(2)))
    if name == "date":
        return _date_term(value)
    if value.lower() not in FLAGS:
        raise QueryError(f"is:{_clipped(value)}: use is:bookmarked, is:unread or is:read")
    return FlagTerm(value.lower())


def parse_query(text: str) -> Query:
    """Parse ``text``; raises :class:`QueryError` naming the first malformed term.

    Duplicate terms are dropped; more than :data:`MAX_TERMS` terms, or more than
    :data:`MAX_QUERY_CHARS` characters, is an error (a huge paste is not read to its end).
    """
    query = Query(text)
    head = text if len(text) <= MAX_QUERY_CHARS else _whole_words(text[:MAX_QUERY_CHARS])
    seen: set[tuple[bool, Term]] = set()
    size = 0
    for match in _PIECE.finditer(head):
        negate, name, body, quoted = match.groups()
        if body.startswith('"') and (len(body) == 1 or not body.endswith('"')):
            raise QueryError(f"{_clipped(match.group(0))}: missing closing quote")
        value = quoted if quoted is not None else body
        if name is None and body.endswith(":") and body[:-1].lower() in FIELDS:
            raise QueryError(f"{body} needs a value, e.g. {EXAMPLES[body[:-1].lower()]}")
        lowered = (name or "").lower()
        term: Term | None
        if lowered in FIELDS:
            term = _field_term(lowered, value, quoted is not None)
        else:
            raw = f"{name}:{value}" if name else value
            term = _text_term(raw, "any", quoted is not None)
        if term is None or (bool(negate), term) in seen:
            continue
        seen.add((bool(negate), term))
        size += len(term.words) if isinstance(term, TextTerm) else 1
        if size > MAX_TERMS:
            raise QueryError(
                f"too many terms: a search holds at most {MAX_TERMS} words and filters"
            )
        (query.exclude if negate else query.include).append(term)
    if head is not text:
        raise QueryError(f"too long: a search holds at most {MAX_QUERY_CHARS:,} characters")
    return query


def quoted(text: str, limit: int = 24) -> str:
    """A query as a title quotes it: white space folded, shortened past ``limit``."""
    text = " ".join(text.split())
    return '"' + (text if len(text) <= limit else text[: limit - 1] + "…") + '"'


def _whole_words(text: str) -> str:
    """``text`` without the word it may end in the middle of."""
    if not text or text[-1].isspace():
        return text
    parts = text.rsplit(None, 1)
    return parts[0] if len(parts) > 1 else ""


def _clipped(text: str, limit: int = 40) -> str:
    """A term quoted in a message, shortened when someone pasted a page into it."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
