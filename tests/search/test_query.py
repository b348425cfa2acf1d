"""The query language, term by term."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.search.query import QueryError, parse_query
from tui.search.terms import (
    AuthorTerm,
    DateTerm,
    FlagTerm,
    HasTerm,
    NoteTerm,
    TagTerm,
    TextTerm,
    VotesTerm,
)


def test_words_phrases_and_exclusions() -> None:
    query = parse_query('KV "Mixture of Experts" -survey -"old work"')
    assert query.include == [
        TextTerm(("kv",), "kv"),
        TextTerm(("mixture", "of", "experts"), "mixture of experts"),
    ]
    assert query.exclude == [
        TextTerm(("survey",), "survey"),
        TextTerm(("old", "work"), "old work"),
    ]


def test_normalisation_full_width_case_and_hangul() -> None:
    assert parse_query("ＧＰＴ－４").include == [TextTerm(("gpt", "4"), "gpt 4")]
    decomposed = "\u110f\u1162\u1109\u1175"  # 캐시 as separate jamo
    assert parse_query(decomposed).include == [TextTerm(("캐시",), "캐시")]


def test_author_terms() -> None:
    assert parse_query("author:Kim").include == [AuthorTerm(("kim",), "kim")]
    assert parse_query('author:"Ann Lee"').include == [AuthorTerm(("ann", "lee"), "ann lee")]
    assert parse_query("-author:kim").exclude == [AuthorTerm(("kim",), "kim")]


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [("votes:>=20", ">=", 20), ("votes:>5", ">", 5), ("votes:<3", "<", 3),
     ("votes:<=3", "<=", 3), ("votes:=7", "=", 7), ("votes:7", "=", 7)],
)  # fmt: skip
def test_votes_terms(text: str, op: str, value: int) -> None:
    assert parse_query(text).include == [VotesTerm(op, value)]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("date:2025-01", date(2025, 1, 1), date(2025, 1, 31)),
        ("date:2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("date:2025-01-15", date(2025, 1, 15), date(2025, 1, 15)),
        ("date:2025", date(2025, 1, 1), date(2025, 12, 31)),
        ("date:2025-01-01..2025-03-31", date(2025, 1, 1), date(2025, 3, 31)),
        ("date:2025-01..2025-02", date(2025, 1, 1), date(2025, 2, 28)),
        ("date:..2024-12", None, date(2024, 12, 31)),
        ("date:2025-06..", date(2025, 6, 1), None),
    ],
)
def test_date_terms(text: str, start: date | None, end: date | None) -> None:
    assert parse_query(text).include == [DateTerm(start, end)]


def test_flags_and_unknown_fields_are_words() -> None:
    query = parse_query("is:bookmarked is:UNREAD re:invent")
    assert query.include[:1] == [FlagTerm("bookmarked")]
    assert query.include[2] == TextTerm(("re", "invent"), "re invent")


def test_tag_has_and_note_terms() -> None:
    query = parse_query('tag:LLM tag:#to-read has:NOTE -has:tag note:"try this" -note:old')
    assert query.include == [
        TagTerm("llm"),
        TagTerm("to-read"),
        HasTerm("note"),
        NoteTerm(("try", "this"), "try this"),
    ]
    assert query.exclude == [HasTerm("tag"), NoteTerm(("old",), "old")]
    assert parse_query("tag:llm tag:LLM").include == [TagTerm("llm")]  # one tag, given twice


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tag:", "tag: needs a value"),
        ("tag:##", "tag: needs a tag"),
        ("has:", "has: needs a value"),
        ("has:stars", "has:stars: use has:note or has:tag"),
        ("note:", "note: needs a value"),
        ("note:!!", "note: needs a word"),
        ("votes:lots", "votes:lots"),
        ("votes:>", "votes:>"),
        ("date:2025-13", "not a real date"),
        ("date:2025-02-30", "not a real date"),
        ("date:yesterday", "use YYYY"),
        ("date:2025-03..2025-01", "start is after the end"),
        ("date:..", "needs a start"),
        ("is:starred", "is:starred"),
        ('"unclosed phrase', "missing closing quote"),
        ("author:", "author: needs a value"),
        ("votes:", "votes: needs a value"),
    ],
)
def test_malformed_terms_are_errors(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        parse_query(text)


def test_empty_and_punctuation_only_queries() -> None:
    assert parse_query("").empty
    assert parse_query("  - !! ").empty


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab가 -":.<>=0123456789authorvotesdateis'), max_size=30))
def test_any_text_parses_or_says_why(text: str) -> None:
    try:
        parse_query(text)
    except QueryError as exc:
        assert str(exc)


def test_quoted_punctuation_is_kept_as_typed() -> None:
    assert parse_query('"R&B"').include == [TextTerm(("r", "b"), "r b", "r&b")]
    assert parse_query('"GPT-4o  model"').include[0].literal == "gpt-4o model"  # type: ignore[union-attr]
    assert parse_query('author:"O\'Brien"').include[0].literal == "o'brien"  # type: ignore[union-attr]
    assert parse_query("R&B").include == [TextTerm(("r", "b"), "r b")]  # unquoted: words
    assert parse_query('"kv cache"').include == [TextTerm(("kv", "cache"), "kv cache")]
    assert parse_query('"R&B" "r b"').include[1] == TextTerm(("r", "b"), "r b")
