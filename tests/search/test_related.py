"""Related papers: a paper's distinctive words over the full-text index, shared authors a
boost, never the paper itself (nor its copies on other days)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from parsers import Paper, Section
from tests.search.helpers import cache_of
from tui.archive.entry import Entry
from tui.archive.identity import paper_id
from tui.search.related import TOP_TERMS, RelatedPaper, UnknownPaper, related_papers

MON, TUE, WED = date(2025, 7, 14), date(2025, 7, 15), date(2025, 7, 16)


def paper(number: int, title: str, summary: str, authors: list[str], votes: int = 10) -> Paper:
    arxiv_id = f"2507.{number:05d}"
    return Paper(
        title=title,
        url=f"https://arxiv.org/abs/{arxiv_id}",
        arxiv_id=arxiv_id,
        votes=votes,
        authors=authors,
        sections=[Section(heading="What's New", items=[summary])],
    )


MOE = paper(
    1,
    "Sparse Mixture of Experts with Learned Routing",
    "A gating router sends each token to sparse experts; load balancing keeps every expert busy.",
    ["Ann Lee", "Bo Kim"],
    votes=50,
)
PAPERS = [
    (MON, MOE),
    (TUE, replace(MOE, votes=3)),  # the same paper listed again a day later
    (WED, replace(MOE, url=None, arxiv_id=None, title=MOE.title.upper())),
    (MON, paper(2, "Load Balancing for Mixture of Experts Routers",
                "The gating router of sparse experts collapses; balancing losses fix it.",
                ["Cy Park"])),
    (MON, paper(3, "Expert Routing at Scale", "Routing tokens among experts.", ["Dee Roe"])),
    (TUE, paper(4, "Expert Routing at Scale, Again", "Routing tokens among experts.",
                ["ANN  LEE"])),
    (TUE, paper(5, "Diffusion Transformers for Video", "Denoising frames with attention.",
                ["Eve Fox"])),
    (WED, paper(6, "Speech Tokenizers", "Discrete audio codes for spoken dialogue.", ["Ann Lee"])),
    (WED, paper(7, "Robot Grasping from Pixels", "Manipulation policies trained in simulation.",
                ["Gus Hay"])),
    (WED, paper(8, "희소 전문가 라우팅", "전문가를 고르는 라우터가 토큰을 나눕니다.", ["Han Yu"])),
    (WED, paper(9, "전문가의 라우터 학습", "라우터는 전문가에게 토큰을 보냅니다.", ["Ivy Ko"])),
    (WED, paper(10, "영상 생성 확산", "프레임을 복원합니다.", ["Jo Oh"])),
] + [  # papers on other things, so that the words above are rare in the archive
    (WED, paper(number, title, f"{title} on a new benchmark.", ["Kim Lo"]))
    for number, title in enumerate(
        ["Protein Folding", "Weather Forecasts", "Chess Engines", "Music Generation",
         "Code Review", "Legal Documents", "Satellite Images", "Table Parsing"], 20
    )
]  # fmt: skip


@pytest.fixture(scope="module")
def connection() -> Iterator[sqlite3.Connection]:
    entries = [Entry(day, p, paper_id(p, day)) for day, p in PAPERS]
    cache = cache_of(entries)
    yield cache.connection()
    cache.close()


def _ids(found: list[RelatedPaper]) -> list[str]:
    return [item.row.pid for item in found]


def test_papers_sharing_the_distinctive_words_come_first_and_nothing_unrelated(
    connection: sqlite3.Connection,
) -> None:
    related = related_papers(connection, "2507.00001")
    ids = _ids(related.papers)
    # 2: most words in common; 4 and 3: the same text, 4 lifted by an author shared with
    # the paper (as another spelling of Ann Lee); nothing about video, speech or robots.
    assert ids == ["2507.00002", "2507.00004", "2507.00003"]
    assert related.papers[1].shared_authors == ["ANN  LEE"]
    assert related.papers[2].shared_authors == []
    assert related.papers[1].score > related.papers[2].score > 0
    assert {"experts", "mixture", "routing", "gating"} <= set(related.terms)


def test_never_the_paper_itself_nor_its_other_copies(connection: sqlite3.Connection) -> None:
    for ident in ("2507.00001", "https://arxiv.org/abs/2507.00001v2", "arXiv:2507.00001"):
        related = related_papers(connection, ident, top=50)
        assert related.paper.pid == "2507.00001" and related.paper.paper.votes == 50
        assert "2507.00001" not in _ids(related.papers)
        assert len(set(_ids(related.papers))) == len(related.papers)


def test_korean_words_match_by_their_stem_whatever_the_particle(
    connection: sqlite3.Connection,
) -> None:
    related = related_papers(connection, "2507.00008")
    # 전문가를/전문가에게/전문가의 and 라우터가/라우터는 are one word each: 9 is found; the
    # video paper shares nothing but its language.
    assert _ids(related.papers) == ["2507.00009"]
    assert {"전문가*", "라우터*"} <= set(related.terms)


def test_the_query_is_bounded_and_top_limits_the_answer(connection: sqlite3.Connection) -> None:
    related = related_papers(connection, "2507.00001", top=1)
    assert _ids(related.papers) == ["2507.00002"]
    assert len(related.terms) <= TOP_TERMS


def test_an_unknown_paper_is_an_error(connection: sqlite3.Connection) -> None:
    with pytest.raises(UnknownPaper):
        related_papers(connection, "2599.99999")


def test_a_paper_with_no_word_in_common_has_no_related_papers(
    connection: sqlite3.Connection,
) -> None:
    assert related_papers(connection, "2507.00007").papers == []
