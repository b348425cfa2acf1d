"""The cache's full-text search finds exactly what the plain matcher finds, best first."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import Paper, Section
from tests.search.helpers import cache_of
from tui.archive.entry import Entry
from tui.archive.identity import paper_id
from tui.search.fts import search_cache
from tui.search.matching import NoMarks, SetMarks, linear_search
from tui.search.query import parse_query


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


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from(WORDS).map(lambda w: f"-{w}"),
            st.sampled_from(WORDS).map(lambda w: f"author:{w}"),
            st.lists(st.sampled_from(WORDS), min_size=2, max_size=3).map(
                lambda ws: f'"{" ".join(ws)}"'
            ),
            st.sampled_from(WORDS).map(lambda w: f"note:{w}"),
            st.sampled_from(
                [
                    "votes:>=10",
                    "votes:<50",
                    "date:2025",
                    "is:unread",
                    "is:bookmarked",
                    "has:note",
                    "has:tag",
                    "tag:llm",
                    "tag:moe",
                    "-has:note",
                    "-tag:llm",
                    "-is:read",
                ]
            ),
        ),
        max_size=4,
    ).map(" ".join)
)
def test_index_and_plain_matcher_agree(text: str) -> None:
    ids(text)


def test_match_spans_map_back_to_the_title() -> None:
    from tui.search.highlight import match_spans

    assert match_spans("KV Cache and kv-cache…", parse_query("cache")) == [(3, 8), (16, 21)]
    assert match_spans("우리는 모델을… ＧＰＴ", parse_query("모델 gpt")) == [(4, 6), (9, 12)]
    assert match_spans("Transformers", parse_query("former")) == []  # word starts only
