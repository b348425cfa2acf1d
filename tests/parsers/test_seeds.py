"""Every paper of the seed digests comes out with its fields."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from parsers import load
from tests.conftest import SEEDS

MARKDOWN_SEEDS = sorted(SEEDS.glob("00[1-4]_*.txt"))


def expected_papers(path: Path) -> list[dict]:
    """An independent, deliberately simple reading of a seed, to check the parser against."""
    text = path.read_text(encoding="utf-8")
    papers = []
    for block in re.split(r"\n(?=### \[)", text)[1:]:
        title, url = re.match(r"### \[(.*)\]\((\S+)\)", block).groups()
        vote = re.search(r"^Vote: (\d+)$", block, re.M)
        authors = re.search(r"^Authors: (.*)$", block, re.M).group(1).split(", ")
        names = []
        for name in authors:
            if name not in names and name != "+":
                names.append(name)
        headings = re.findall(r"^- \*\*\*(.+?)\*\*\*:", block, re.M)
        papers.append(
            {
                "title": title,
                "arxiv_id": url.rsplit("/", 1)[1],
                "votes": int(vote.group(1)) if vote else None,
                "authors": names,
                "headings": list(dict.fromkeys(headings)) or [None],
            }
        )
    return papers


@pytest.mark.parametrize("path", MARKDOWN_SEEDS, ids=lambda p: p.name[:3])
def test_every_markdown_seed_paper(path: Path) -> None:
    result = load([str(path)])
    assert result.problems == []
    [digest] = result.digests
    header = re.search(r"## Daily Papers \((.+)\)", path.read_text(encoding="utf-8")).group(1)
    assert digest.date == date.fromisoformat(header)
    got = [
        {
            "title": paper.title,
            "arxiv_id": paper.arxiv_id,
            "votes": paper.votes,
            "authors": paper.authors,
            "headings": [section.heading for section in paper.sections],
        }
        for paper in digest.papers
    ]
    assert got == expected_papers(path)


def test_seed_counts_and_spot_values() -> None:
    result = load([str(SEEDS)])
    by_date = {digest.date: digest for digest in result.digests}
    assert {d: len(x.papers) for d, x in by_date.items()} == {
        date(2024, 1, 9): 11,
        date(2024, 12, 4): 50,
        date(2025, 1, 28): 14,
        date(2025, 3, 27): 30,
        None: 17,
    }
    mixtral = by_date[date(2024, 1, 9)].papers[0]
    assert mixtral.title == "Mixtral of Experts"
    assert mixtral.url == "https://arxiv.org/abs/2401.04088"
    assert mixtral.votes == 86
    assert mixtral.authors[:3] == ["Albert Q. Jiang", "Alexandre Sablayrolles", "Antoine Roux"]
    assert len(mixtral.authors) == 22  # 38 names with repeats and a trailing "+"
    assert mixtral.thumbnail.endswith("j1Qd6ihPI9GXWlclLOVpO.png")
    assert [s.heading for s in mixtral.sections] == [None]
    assert len(mixtral.sections[0].items) == 6
    agg = by_date[date(2024, 1, 9)].papers[-1]
    assert agg.video.endswith("fLZHvWHG-syKOGXJxkOxT.mp4")
    assert agg.thumbnail is None
    assert agg.authors[:2] == ["Dejia Xu", "Ye Yuan"]
    demo = by_date[date(2024, 12, 4)].papers[0]
    assert (demo.title, demo.votes, demo.arxiv_id) == (
        "DeMo: Decoupled Momentum Optimization",
        1,
        "2411.19870",
    )
    assert [s.heading for s in demo.sections] == [
        "What's New",
        "Technical Details",
        "Performance Highlights",
    ]
    assert demo.sections[0].items[0].startswith("이 연구에서는 대규모 신경망 훈련 시")
    ablation = [
        paper
        for paper in by_date[date(2025, 3, 27)].papers
        if any(section.heading == "Ablation Study" for section in paper.sections)
    ]
    assert len(ablation) == 1


# (line of the abstract, votes, authors count, first author) for seed 000, in file order
SEED_000 = [
    (1, None, 0, None),
    (2, None, 0, None),
    (5, 585, 5, "Luke Rivard"),
    (6, None, 0, None),
    (7, None, 0, None),
    (10, 424, None, "Gheorghe Comanici"),
    (13, 333, 6, "Max Belitsky"),
    (16, 252, 14, "Hangjie Yuan"),
    (19, 253, 6, "Yulai Zhao"),
    (22, 231, 17, "Pengfei Zhou"),
    (23, None, 0, None),
    (24, None, 0, None),
    (46, None, 0, None),
    (49, 71, 4, "Keyon Vafa"),
    (52, 51, 4, "Zongmeng Zhang"),
    (53, None, 0, None),
    (54, None, 0, None),
]


def test_abstract_dump_seed() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    result = load([str(path)])
    assert result.problems == []
    [digest] = result.digests
    assert digest.date is None
    assert len(digest.papers) == len(SEED_000)
    for paper, (line, votes, count, first) in zip(digest.papers, SEED_000, strict=True):
        assert paper.title_derived
        assert paper.votes == votes
        assert (paper.authors[0] if paper.authors else None) == first
        if count is not None:
            assert len(paper.authors) == count
        [section] = paper.sections
        [abstract] = section.items
        assert abstract.startswith(lines[line - 1][:30])
        assert paper.title.rstrip("…")[:10] == abstract[:10]
    gemini = digest.papers[5]
    assert len(gemini.authors) > 1000  # the 48 KB authors line
    wrapped = digest.papers[11]  # hard-wrapped over lines 24-45
    assert wrapped.sections[0].items[0].endswith("(https://github.com/thunlp/BlockFFN).")
    assert (
        "주류 가속화 기술(예: 스펙티브 디코딩)과도 호환되지 않습니다. 이러한"
        in (wrapped.sections[0].items[0])
    )
    assert digest.papers[0].title == "우리는 첫 번째 반영적 생성 모델인 MetaStone-S1을 소개합니다"
