"""Where a result matched (snippets) and the words titles are busiest with (keywords)."""

from __future__ import annotations

from rich.cells import cell_len

from parsers import Paper, Section
from tui.archive.keywords import singular, stem, top_keywords
from tui.search.highlight import match_spans
from tui.search.query import parse_query
from tui.search.snippets import Snippet, find_snippet, window


def paper(title: str, authors: list[str], items: dict[str | None, list[str]]) -> Paper:
    sections = [Section(heading=h, items=list(v)) for h, v in items.items()]
    return Paper(title=title, authors=authors, sections=sections)


PAPER = paper(
    "Sparse Attention",
    ["Ann Lee", "Kim Bo"],
    {
        "What's New": ["A first item about attention.", "It cuts the KV cache by 4x [bold]."],
        "Technical Details": ["우리는 캐시를 압축하는 방법을 제안합니다."],
    },
)


def test_the_snippet_is_the_first_match_in_its_best_field() -> None:
    found = find_snippet(PAPER, parse_query("cache"))
    assert found == Snippet("What's New", "It cuts the KV cache by 4x [bold].", [(15, 20)])
    korean = find_snippet(PAPER, parse_query("캐시"))
    assert korean is not None and korean.where == "Technical Details"
    assert korean.text[slice(*korean.spans[0])] == "캐시"
    author = find_snippet(PAPER, parse_query("author:kim"))
    assert author == Snippet("authors", "Ann Lee, Kim Bo", [(9, 12)])
    by_word = find_snippet(PAPER, parse_query("lee"))  # a word found only in the authors
    assert by_word is not None and by_word.where == "authors"
    title_only = find_snippet(PAPER, parse_query("sparse"))  # the summary's start, unlit
    assert title_only == Snippet("What's New", "A first item about attention.", [])
    assert find_snippet(paper("T", [], {}), parse_query("t")) is None
    bullets = paper("T", [], {None: ["Plain bullets, no heading: a cache."]})
    plain = find_snippet(bullets, parse_query("cache"))
    assert plain is not None and plain.where == "summary"  # shown as "summary: …"


def test_a_note_is_the_snippet_when_the_query_asks_for_notes_or_only_it_matches() -> None:
    note = "Try this  idea\nwith the RL setup"
    by_note = find_snippet(PAPER, parse_query("note:idea"), note)
    assert by_note == Snippet("note", "Try this idea with the RL setup", [(9, 13)])
    has_note = find_snippet(PAPER, parse_query("has:note"), note)
    assert has_note == Snippet("note", "Try this idea with the RL setup", [])
    only_in_note = find_snippet(PAPER, parse_query("setup"), note)
    assert only_in_note == Snippet("note", "Try this idea with the RL setup", [(26, 31)])
    in_text_too = find_snippet(PAPER, parse_query("cache"), "a cache note")
    assert in_text_too is not None and in_text_too.where == "What's New"  # the paper first
    assert find_snippet(PAPER, parse_query("note:idea")) == find_snippet(
        PAPER, parse_query("note:idea"), None
    )


def test_the_window_is_measured_in_cells_and_starts_near_the_match() -> None:
    text = "가" * 40 + " 캐시는 " + "나" * 40
    start = text.index("캐시")
    shown, spans = window(Snippet("x", text, [(start, start + 2)]), 30)
    assert shown.startswith("…")
    assert shown[slice(*spans[0])] == "캐시"
    lead = shown[: spans[0][0]]
    assert cell_len(lead) <= 30 // 3 + 1  # at most a third before the match (and the …)
    near = window(Snippet("x", "cache at the start", [(0, 5)]), 30)
    assert near == ("cache at the start", [(0, 5)])


def test_keywords_drop_stop_words_and_korean_particles() -> None:
    titles = [
        "Scaling Laws for Language Models",
        "Language Models of the World",
        "언어 모델을 위한 강화 학습",
        "언어 모델의 추론과 학습",
        "A Survey of 2025",
    ]
    found = dict(top_keywords(titles, limit=20))
    assert found["language"] == 2 and found["models"] == 2  # no "model": kept as written
    assert found["언어"] == 2 and found["모델"] == 2 and found["학습"] == 2
    for stop in ("for", "the", "of", "a", "위한", "2025"):
        assert stop not in found
    assert stem("모델을") == "모델" and stem("추론과") == "추론" and stem("이") == "이"
    assert stem("models") == "models"
    assert next(iter(found)) in {"language", "models", "언어", "모델", "학습"}


def test_a_phrase_found_across_a_hyphen_is_lit_in_the_section_it_matched() -> None:
    hyphenated = paper(
        "Fast KV-Cache Compression",
        ["Ann Lee"],
        {
            "Summary": ["A first item about attention."],
            "What's New": ["It shrinks the KV-Cache by 4x."],
        },
    )
    query = parse_query('"kv cache"')
    title = "Fast KV-Cache Compression"
    assert [title[a:b] for a, b in match_spans(title, query)] == ["KV-Cache"]
    found = find_snippet(hyphenated, query)
    assert found is not None and found.where == "What's New"
    assert [found.text[a:b] for a, b in found.spans] == ["KV-Cache"]
    # the words must follow each other as whole words, the last one a word's start
    assert match_spans("kvx cache, kv caches, xkv cache", query) == [(11, 19)]


def test_keywords_count_plurals_with_their_singular() -> None:
    titles = ["Models of Models", "A Model", "LLMs Reason", "An LLM Agent", "Small LLMs"]
    found = dict(top_keywords(titles, limit=20))
    assert found["model"] == 2 and "models" not in found  # a title counts a word once
    assert found["llm"] == 3 and "llms" not in found


FOLDED = {
    "models": "model", "llms": "llm", "caches": "cache", "agents": "agent",
    "processes": "process", "boxes": "box", "patches": "patch", "meshes": "mesh",
    "ideas": "idea", "keys": "key", "transformers": "transformer",
}  # fmt: skip
KEPT = [
    "analysis", "basis", "synthesis", "bias", "class", "loss", "process", "corpus",
    "status", "consensus", "robotics", "dynamics", "physics", "metrics", "news", "means",
    "lens", "series", "species", "studies", "policies", "queries", "its", "gas", "this",
    "tools", "모델들",
]  # fmt: skip


def test_the_plural_rule_on_a_list() -> None:
    # every singular known, as if the titles held them all: only the rule decides
    known = set(FOLDED.values()) | {
        "analysi", "basi", "bia", "clas", "los", "proces", "corpu", "statu", "robotic",
        "dynamic", "physic", "metric", "new", "mean", "len", "serie", "specie", "study",
        "policy", "query", "studie", "it", "ga", "thi", "모델들"[:-1],
    }  # fmt: skip
    for plural, single in FOLDED.items():
        assert singular(plural, known) == single, plural
    for word in KEPT:
        assert singular(word, known) == word, word
    assert singular("models", set()) == "models"  # no "model" in the titles: kept
