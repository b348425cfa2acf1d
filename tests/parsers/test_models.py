"""The records the parsers give: built from the parsers' plain data, written out as JSON."""

from __future__ import annotations

from datetime import date

from parsers.models import (
    Paper,
    Problem,
    Section,
    digest_from_raw,
    problem_from_json,
)

RAW = {
    "date": date(2025, 7, 1),
    "sources": ["a.md"],
    "papers": [
        {
            "title": "T",
            "url": "https://arxiv.org/abs/2507.00001",
            "arxiv_id": "2507.00001",
            "votes": 3,
            "authors": ["A", "B"],
            "sections": [{"heading": "What's New", "items": ["x"]}],
            "line": 12,  # what a parser kept for itself is not a field
        },
        {"title": "Derived", "title_derived": True},
    ],
}


def test_a_digest_is_built_from_the_parsers_plain_data() -> None:
    digest = digest_from_raw(RAW)
    assert digest.date == date(2025, 7, 1) and digest.sources == ["a.md"]
    first, second = digest.papers
    assert first == Paper(
        title="T",
        url="https://arxiv.org/abs/2507.00001",
        arxiv_id="2507.00001",
        votes=3,
        authors=["A", "B"],
        sections=[Section(heading="What's New", items=["x"])],
    )
    assert second == Paper(title="Derived", title_derived=True)
    assert first.authors is not RAW["papers"][0]["authors"]  # type: ignore[index]


def test_json_keys_and_their_order_are_the_dumps_contract() -> None:
    paper = digest_from_raw(RAW).papers[0]
    assert list(paper.as_json()) == [
        "title", "title_derived", "url", "arxiv_id", "votes", "authors", "thumbnail", "video",
        "sections",
    ]  # fmt: skip
    sections = [{"heading": "What's New", "items": ["x"], "source": None}]
    assert paper.as_json()["sections"] == sections
    problem = Problem(path="a.md", line=2, severity="error", message="m")
    assert list(problem.as_json()) == ["path", "line", "severity", "message"]
    assert problem_from_json(problem.as_json()) == problem
    assert str(problem) == "a.md:2: error: m"
