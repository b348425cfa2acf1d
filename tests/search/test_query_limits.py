"""Long queries: duplicates dropped, a bounded number of terms, a bounded cost."""

from __future__ import annotations

from datetime import date

import pytest

from parsers import Paper, Section
from tests.search.helpers import cache_of
from tui.archive.entry import Entry
from tui.search import matching, paper_text
from tui.search.fts import search_cache
from tui.search.marks import NoMarks
from tui.search.matching import linear_search
from tui.search.query import MAX_QUERY_CHARS, MAX_TERMS, QueryError, parse_query
from tui.search.terms import TextTerm


def test_duplicate_terms_are_dropped() -> None:
    query = parse_query(
        'cache Cache CACHE ｃａｃｈｅ -old -old "kv cache" "KV  cache" votes:>3 votes:>3'
    )
    assert [t for t in query.include if isinstance(t, TextTerm)] == [
        TextTerm(("cache",), "cache"),
        TextTerm(("kv", "cache"), "kv cache"),
    ]
    assert len(query.include) == 3 and len(query.exclude) == 1


def test_a_word_and_its_exclusion_are_different_terms() -> None:
    query = parse_query("cache -cache author:cache")
    assert len(query.include) == 2 and len(query.exclude) == 1


def test_at_most_max_terms() -> None:
    words = [f"w{i}" for i in range(MAX_TERMS)]
    assert len(parse_query(" ".join(words)).include) == MAX_TERMS
    with pytest.raises(QueryError, match=f"at most {MAX_TERMS}"):
        parse_query(" ".join([*words, "one-more"]))


def test_a_pasted_abstract_is_refused_with_a_clear_message() -> None:
    abstract = " ".join(f"word{i}" for i in range(2000))
    with pytest.raises(QueryError) as error:
        parse_query(abstract)
    message = str(error.value)
    assert f"at most {MAX_TERMS}" in message and "\n" not in message and len(message) < 120


def test_the_words_of_a_phrase_count() -> None:
    long_phrase = '"' + " ".join(f"w{i}" for i in range(MAX_TERMS + 1)) + '"'
    with pytest.raises(QueryError, match=f"at most {MAX_TERMS}"):
        parse_query(long_phrase)


def test_a_repeated_word_is_one_term() -> None:
    assert len(parse_query(" ".join(["model"] * 1000)).include) == 1


def test_a_huge_paste_is_refused_after_reading_its_start_only() -> None:
    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_CHARS:,} characters"):
        parse_query("model " * 200_000)
    with pytest.raises(QueryError, match=f"at most {MAX_QUERY_CHARS:,} characters"):
        parse_query("x" * (MAX_QUERY_CHARS + 1))
    with pytest.raises(QueryError, match="characters"):
        parse_query(" " * (MAX_QUERY_CHARS + 1))
    assert parse_query("x" * MAX_QUERY_CHARS).include[0].words == ("x" * MAX_QUERY_CHARS,)
    with pytest.raises(QueryError, match=f"at most {MAX_TERMS} words"):  # the limit met first
        parse_query(" ".join(f"w{i}" for i in range(200_000)))


def _entries(count: int) -> list[Entry]:
    words = " ".join(f"alpha{i} beta{i}" for i in range(MAX_TERMS))
    return [
        Entry(
            date(2025, 7, 17),
            Paper(
                title=f"Paper {n} {words}",
                authors=["Ann Lee"],
                sections=[Section(items=[f"body {n} {words}"])],
            ),
            f"p{n}",
        )
        for n in range(count)
    ]


def test_the_cost_of_a_search_does_not_grow_with_its_terms(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each paper's text is prepared once per search, however many terms test it."""
    entries = _entries(20)
    calls = {"count": 0}
    real = paper_text.normalize

    def counting(text: str) -> str:
        calls["count"] += 1
        return real(text)

    monkeypatch.setattr(paper_text, "normalize", counting)
    costs = {}
    for terms in (1, 8, MAX_TERMS):
        calls["count"] = 0
        query = parse_query(" ".join(f"alpha{i}" for i in range(terms)))
        result = linear_search(entries, query, NoMarks())
        assert result.total == len(entries)
        costs[terms] = calls["count"]
    assert costs[1] == costs[8] == costs[MAX_TERMS] <= 3 * len(entries)


def test_index_and_linear_search_agree_on_deduplicated_queries() -> None:
    entries = _entries(5)
    cache = cache_of(entries)
    query = parse_query("alpha1 alpha1 beta2 -gamma -gamma")
    found = search_cache(cache.connection(), query, NoMarks())
    assert [h.entry.paper.title for h in found.hits] == [
        h.entry.paper.title for h in linear_search(entries, query, NoMarks()).hits
    ]


def test_linear_search_stops_when_cancelled() -> None:
    entries = _entries(3 * matching.CANCEL_CHECK_EVERY)
    asked = {"count": 0}

    def cancelled() -> bool:
        asked["count"] += 1
        return asked["count"] > 1

    with pytest.raises(matching.SearchCancelled):
        linear_search(entries, parse_query("alpha1"), NoMarks(), cancelled=cancelled)
