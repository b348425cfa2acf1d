"""The cache's full-text search finds exactly what the plain matcher finds, best first."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import Paper, Section
from tests.search.helpers import cache_of
from tui.archive.cache.schema import write_transaction
from tui.archive.entry import Entry
from tui.archive.identity import paper_id
from tui.search.fts import search_cache
from tui.search.marks import NoMarks, SetMarks
from tui.search.matching import linear_search
from tui.search.query import FIELDS, parse_query
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


def paper(title: str, body: str, votes: int | None, authors: list[str] | None = None) -> Paper:
    return Paper(title=title, votes=votes, authors=authors or ["Ann Lee"],
                 sections=[Section(heading="What's New", items=[body])])  # fmt: skip


ENTRIES = [
    Entry(
        date(2025, 7, 17),
        paper("KV Cache Compression", "캐시를 줄이는 방법을 제안합니다.", 40),
        "a",
    ),
    Entry(date(2025, 7, 17), paper("Scaling Laws", "대규모 언어 모델의 KV cache 분석.", 90), "b"),
    Entry(date(2025, 7, 16), paper("ＧＰＴ－４ Report", "모델을 평가합니다.", 5, ["Min Kim"]), "c"),
    Entry(date(2025, 1, 3), paper("Old Mixture of Experts", "Mixture of experts 모델", None), "d"),
    Entry(None, paper("Undated caching", "cache everything", 7, ["Bo Kim", "Ann Lee"]), "e"),
]
LETTER = {paper_id(e.paper, e.day): e.pid for e in ENTRIES}
ENTRIES = [Entry(e.day, e.paper, paper_id(e.paper, e.day)) for e in ENTRIES]
CACHE = cache_of(ENTRIES)
PID = {letter: pid for pid, letter in LETTER.items()}
MARKS = SetMarks(
    bookmarked={p for p, letter in LETTER.items() if letter in "be"},
    read={p for p, letter in LETTER.items() if letter in "ab"},
    notes_by_id={
        PID["c"]: "Compare with the KV cache paper.\n다음 주에 읽기",
        PID["d"]: "experts routing: try it",
        "t-not-in-the-archive": "cache",
    },
    tags_by_id={PID["a"]: ["llm", "to-read"], PID["d"]: ["moe"], PID["e"]: ["llm"]},
)


NOTHING = SetMarks()


def ids(text: str, marks: NoMarks = MARKS) -> list[str]:
    result = search_cache(CACHE.connection(), parse_query(text), marks)
    linear = linear_search(ENTRIES, parse_query(text), marks)
    assert [h.entry.pid for h in result.hits] == [h.entry.pid for h in linear.hits]
    assert result.total == linear.total
    for offset in range(0, len(linear.hits), 2):  # page by page, as the reader pages past 500
        page = search_cache(CACHE.connection(), parse_query(text), marks, limit=2, offset=offset)
        assert [h.entry.pid for h in page.hits] == [
            h.entry.pid for h in linear.hits[offset : offset + 2]
        ]
    return [LETTER[h.entry.pid] for h in result.hits]


def test_title_matches_rank_above_text_matches_then_votes() -> None:
    assert ids("cache", NOTHING) == ["a", "b", "e"]  # a: title; b: body (90 votes); e: body (7)
    assert ids("kv cache", NOTHING) == ["a", "b"]


def test_korean_word_starts_and_normalisation() -> None:
    assert ids("모델") == ["b", "c", "d"]  # 모델의, 모델을, 모델
    assert ids("캐시") == ["a"]  # 캐시를
    assert ids("gpt-4") == ["c"]  # full-width title
    decomposed = unicodedata.normalize("NFD", "캐시")
    assert ids(decomposed) == ["a"]
    assert ids("CACHE") == ids("cache")


def test_phrases_and_exclusion() -> None:
    assert ids('"mixture of experts"') == ["d"]
    assert ids('"experts mixture"') == []
    assert ids("cache -kv") == ["e"]
    assert ids('cache -"kv cache"') == ["e"]


def test_filters() -> None:
    assert ids("votes:>=40") == ["b", "a"]
    assert ids("votes:<10") == ["e", "c"]
    assert ids("date:2025-07") == ["b", "a", "c"]
    assert ids("date:..2025-06") == ["d"]
    assert ids("author:kim") == ["e", "c"]
    assert ids('author:"ann lee" cache') == ["a", "b", "e"]
    assert ids("is:bookmarked") == ["b", "e"]
    assert ids("is:unread") == ["e", "c", "d"]
    assert ids("is:read cache") == ["a", "b"]
    assert ids("-is:unread") == ["b", "a"]


def test_notes_and_tags() -> None:
    assert ids("has:note") == ["c", "d"]
    assert ids("-has:note") == ["b", "a", "e"]
    assert ids("has:tag") == ["a", "e", "d"]
    assert ids("tag:llm") == ["a", "e"]
    assert ids("tag:LLM -tag:to-read") == ["e"]
    assert ids("tag:nothing") == []
    assert ids("note:compare") == ["c"]
    assert ids("note:cache") == ["c"]  # in its note, not in its text
    assert ids("cache") == ["a", "b", "e", "c"]  # a word finds the note too (c: 5 votes)
    assert ids("kv cache") == ["a", "b", "c"]
    assert ids('"kv cache paper"') == ["c"]  # a phrase inside the note
    assert ids("cache -note:compare") == ["a", "b", "e"]
    assert ids("cache -compare") == ["a", "b", "e"]
    assert ids("다음") == ["c"]
    assert ids("routing experts") == ["d"]  # one word in the note, one in the body
    assert ids("-routing") == ["b", "a", "e", "c"]
    assert ids("has:note votes:<10 -tag:moe") == ["c"]
    assert ids("cache -cache") == []
    assert ids("is:read -is:read") == []  # a term both wanted and excluded: nothing
    assert ids("cache", NOTHING) == ["a", "b", "e"]  # no notes: the text alone


WORDS = [
    "cache", "kv", "모델", "캐시", "mixture", "experts", "ann", "kim", "scaling", "c", "gpt",
    "compare", "routing", "다음", "paper", "try",
]  # fmt: skip

TERMS: dict[type, list[str]] = {
    TextTerm: [*WORDS, '"kv cache"', '"mixture of experts"', '"kv cache paper"', '"gpt-4"'],
    AuthorTerm: ["author:kim", "author:lee", 'author:"ann lee"', 'author:"bo kim"'],
    NoteTerm: ["note:compare", "note:cache", 'note:"try it"', "note:experts", "note:다음"],
    VotesTerm: ["votes:>=40", "votes:>40", "votes:<=7", "votes:<7", "votes:=5", "votes:90",
                "votes:>=0", "votes:<1000"],
    DateTerm: ["date:2025", "date:2025-07", "date:2025-07-17", "date:2025-07-16..2025-07-17",
               "date:..2025-06", "date:2025-07-17..", "date:2024"],
    FlagTerm: ["is:bookmarked", "is:read", "is:unread"],
    TagTerm: ["tag:llm", "tag:to-read", "tag:moe", "tag:nothing"],
    HasTerm: ["has:note", "has:tag"],
}  # fmt: skip
"""Examples of every kind of term, each with values that cut the papers differently."""
EXAMPLES = [example for examples in TERMS.values() for example in examples]


def test_every_kind_of_term_has_examples() -> None:
    """A new term (registered in FIELDS) needs its examples here, or this test fails."""
    assert set(TERMS) == {TextTerm, *FIELDS.values()}
    for kind, examples in TERMS.items():
        for example in examples:
            assert [type(term) for term in parse_query(example).include] == [kind], example


@pytest.mark.parametrize("kind", list(TERMS), ids=lambda kind: kind.__name__)
def test_index_and_plain_matcher_agree_on_every_term(kind: type) -> None:
    """Each term alone and negated, with and without marks: its SQL and its Python agree,
    and some example of it keeps some papers and leaves others."""
    cuts = set()
    for example in TERMS[kind]:
        for marks in (MARKS, NOTHING):
            found = ids(example, marks)
            assert sorted(ids(f"-{example}", marks) + found) == sorted(LETTER.values())
            cuts.add(0 < len(found) < len(ENTRIES))
    assert True in cuts, f"no example of {kind.__name__} tells papers apart"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["", "-"]), st.sampled_from(EXAMPLES)).map("".join),
        min_size=1,
        max_size=4,
    ).map(" ".join),
    st.sampled_from([MARKS, NOTHING]),
)
def test_index_and_plain_matcher_agree(text: str, marks: SetMarks) -> None:
    """Any combination of terms, each maybe negated: the index finds what the definition does."""
    ids(text, marks)


def test_match_spans_map_back_to_the_title() -> None:
    from tui.search.highlight import match_spans

    assert match_spans("KV Cache and kv-cache…", parse_query("cache")) == [(3, 8), (16, 21)]
    assert match_spans("우리는 모델을… ＧＰＴ", parse_query("모델 gpt")) == [(4, 6), (9, 12)]
    assert match_spans("Transformers", parse_query("former")) == []  # word starts only


PUNCTUATED = [
    Entry(date(2025, 7, 17), paper("R&B Vocals with C++ Kernels", "GPT-4o judges it.", 30), "p"),
    Entry(date(2025, 7, 17), paper("A Survey of C and C# Tools", "kv-cache, C. R. B", 20), "q"),
    Entry(date(2025, 7, 16), paper("Brian R. Bartoldson's Scaling", "R & B and gpt 4o", 10), "r"),
    Entry(
        date(2025, 7, 16), paper("Fast c++17 Parsers", "see GPT-4omni; r&b", 5, ["R. B. Kim"]), "s"
    ),
    Entry(None, paper("KV Cache for GPT-4", "C++ and R&D", None, ["O'Brien, Ann"]), "t"),
]
PUNCTUATED_LETTER = {paper_id(e.paper, e.day): e.pid for e in PUNCTUATED}
PUNCTUATED = [Entry(e.day, e.paper, paper_id(e.paper, e.day)) for e in PUNCTUATED]
PUNCTUATED_CACHE = cache_of(PUNCTUATED)
PUNCTUATED_ID = {letter: pid for pid, letter in PUNCTUATED_LETTER.items()}
PUNCTUATED_NOTES = SetMarks(
    notes_by_id={PUNCTUATED_ID["q"]: "compare with R&B, GPT-4o", PUNCTUATED_ID["r"]: "no C++ here?"}
)


def punctuated(text: str, marks: NoMarks = NOTHING) -> list[str]:
    query = parse_query(text)
    result = search_cache(PUNCTUATED_CACHE.connection(), query, marks)
    linear = linear_search(PUNCTUATED, query, marks)
    assert [(h.entry.pid, h.in_title) for h in result.hits] == [
        (h.entry.pid, h.in_title) for h in linear.hits
    ]
    assert result.total == linear.total
    return [PUNCTUATED_LETTER[h.entry.pid] for h in result.hits]


def test_phrases_match_the_punctuation_given() -> None:
    assert punctuated('"R&B"') == ["p", "s"]  # not "Brian R. Bartoldson", not "C. R. B"
    assert punctuated('"r & b"') == ["p", "r", "s"]  # spaces next to punctuation: optional
    assert punctuated('"C++"') == ["p", "s", "t"]  # c++17 starts with it; "C and C#" does not
    assert punctuated('"c#"') == ["q"]
    assert punctuated('"GPT-4o"') == ["p", "s"]  # GPT-4omni starts with it; "gpt 4o" is not it
    assert punctuated("gpt 4o") == ["p", "r", "s"]  # plain words ignore punctuation, as before
    assert punctuated('"kv cache"') == ["t", "q"]  # a phrase of words: any separator
    assert punctuated('author:"o\'brien"') == ["t"]
    assert punctuated('"r. b"') == ["r", "q", "s"]
    assert punctuated('cache -"C++"') == ["q"]
    assert punctuated('-"R&B"') == ["q", "r", "t"]
    assert punctuated('"R&B" -"C++"') == []


def test_phrases_with_punctuation_in_notes() -> None:
    notes = PUNCTUATED_NOTES
    assert punctuated('"R&B"', notes) == ["p", "q", "s"]  # q by its note
    assert punctuated('note:"gpt-4o"', notes) == ["q"]
    assert punctuated('"C++" -note:"c++"', notes) == ["p", "s", "t"]
    assert punctuated('-"C++"', notes) == ["q"]  # r's note holds it
    assert punctuated('"R. B" "C++"', notes) == ["r", "s"]  # r: one in its text, one in its note


PUNCTUATED_WORDS = ["r", "b", "bart", "c", "gpt", "4o", "kv", "cache", "pars", "kim", "brian"]
JOINERS = ["", " ", "&", "++", "-", ". ", " & ", "#", "'"]


TEXTS = [
    text
    for e in PUNCTUATED
    for text in (e.paper.title, ", ".join(e.paper.authors), *e.paper.sections[0].items)
] + list(PUNCTUATED_NOTES.notes_by_id.values())


@st.composite
def fragment(draw: st.DrawFn) -> str:
    """A quoted piece of some paper's text: often a match, and often ending mid-word."""
    text = draw(st.sampled_from(TEXTS))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return '"' + text[start:end].replace('"', "") + '"'


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(PUNCTUATED_WORDS),
            fragment(),
            fragment().map(lambda f: f"-{f}"),
            st.tuples(
                st.sampled_from(["", "-", "author:", "-author:", "note:", "-note:"]),
                st.lists(
                    st.tuples(st.sampled_from(PUNCTUATED_WORDS), st.sampled_from(JOINERS)),
                    min_size=1,
                    max_size=3,
                ),
            ).map(lambda t: t[0] + '"' + "".join(w + j for w, j in t[1]) + '"'),
        ),
        max_size=3,
    ).map(" ".join)
)
def test_index_and_plain_matcher_agree_on_punctuation(text: str) -> None:
    punctuated(text)
    punctuated(text, PUNCTUATED_NOTES)


def test_phrases_with_punctuation_are_highlighted_as_typed() -> None:
    from tui.search.highlight import match_spans

    assert match_spans("R&B and R. B", parse_query('"R&B"')) == [(0, 3)]
    assert match_spans("Ｃ＋＋ and C++17", parse_query('"c++"')) == [(0, 3), (8, 11)]


def test_a_search_leaves_no_transaction_open() -> None:
    """Marks and notes fill temporary tables; the search ends that transaction, or this
    thread would keep an old view of the cache and its next write (a refresh in a pooled
    worker thread) could not begin."""
    connection = CACHE.connection()
    for text in ("has:note", "cache", "is:unread tag:llm", "note:compare", '"kv cache paper"'):
        search_cache(connection, parse_query(text), MARKS)
        assert not connection.in_transaction, text
        with write_transaction(connection):
            pass


def test_a_write_begins_after_a_transaction_left_open() -> None:
    connection = CACHE.connection()
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS scratch (x)")
    connection.execute("INSERT INTO temp.scratch VALUES (1)")
    assert connection.in_transaction
    with write_transaction(connection):
        connection.execute("DELETE FROM temp.scratch")
    assert not connection.in_transaction
