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

Each term is one object (:mod:`tui.search.terms`) holding both its SQL and its Python
match; :data:`FIELDS` names the ones written ``field:value``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.search.terms import (
    AuthorTerm,
    DateTerm,
    FieldTerm,
    FlagTerm,
    HasTerm,
    NoteTerm,
    QueryError,
    TagTerm,
    Term,
    TextTerm,
    VotesTerm,
    clipped,
)

_PIECE = re.compile(r'(-?)(?:([A-Za-z]+):)?("([^"]*)"?|\S+)')
MAX_TERMS = 32
"""The most words and filters one query may hold (each word of a phrase counts)."""
MAX_QUERY_CHARS = 10_000
"""The longest query read: parsing stays a matter of milliseconds whatever is pasted."""
FIELDS: dict[str, type[FieldTerm]] = {
    term.name: term
    for term in (AuthorTerm, VotesTerm, DateTerm, FlagTerm, TagTerm, HasTerm, NoteTerm)
}
"""The terms written ``field:value``, by field: where a new term is registered."""


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

    @property
    def has_literal(self) -> bool:
        """Whether a phrase with punctuation is among the terms (the index cannot settle it)."""
        return any(isinstance(t, TextTerm) and t.literal for t in self.include + self.exclude)


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
            raise QueryError(f"{clipped(match.group(0))}: missing closing quote")
        value = quoted if quoted is not None else body
        if name is None and body.endswith(":") and body[:-1].lower() in FIELDS:
            raise QueryError(f"{body} needs a value, e.g. {FIELDS[body[:-1].lower()].example}")
        kind = FIELDS.get((name or "").lower())
        term: Term | None
        if kind is not None:
            term = kind.parse(value, quoted is not None)
        else:
            term = TextTerm.of(f"{name}:{value}" if name else value, quoted is not None)
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
