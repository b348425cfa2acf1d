"""One paper across sources: every source's sections, the best-written author names."""

from __future__ import annotations

import pytest

from parsers import Paper, Section, load
from parsers.merge import merge_authors, merge_paper, name_key
from parsers.sources import FEED_SOURCE, section_title, several_sources, source_name
from tests.conftest import TWO_SOURCES


def _paper(source: str, *headings: str, votes: int | None = None) -> Paper:
    sections = [Section(heading=h, items=[f"{h} of {source}"], source=source) for h in headings]
    return Paper(title="T", arxiv_id="2507.00001", votes=votes, sections=sections)


@pytest.mark.parametrize(
    ("path", "feed", "name"),
    [
        (
            "/data/sources/daily_papers_ko/current/paper_logs/2025/07/14.md",
            False,
            "daily_papers_ko",
        ),
        ("/data/sources/team/2025-07-14.md", False, "team"),
        ("/data/sources/hf/2025-07-14.json", True, FEED_SOURCE),
        ("/home/me/papers-ko/paper_logs/2025/07/14.md", False, "papers-ko"),
        ("/home/me/dumps/abstracts.txt", False, "dumps"),
    ],
)
def test_a_file_is_named_by_its_source(path: str, feed: bool, name: str) -> None:
    assert source_name(path, feed) == name


def test_every_source_keeps_its_sections_and_a_source_once() -> None:
    kept = _paper("ko", "What's New", votes=10)
    assert merge_paper(kept, _paper("ko", "Other copy")) is False  # same source: as before
    assert merge_paper(kept, _paper(FEED_SOURCE, "AI summary", "Abstract", votes=12))
    assert [(s.heading, s.source) for s in kept.sections] == [
        ("What's New", "ko"), ("AI summary", FEED_SOURCE), ("Abstract", FEED_SOURCE),
    ]  # fmt: skip
    assert kept.votes == 12
    assert merge_paper(kept, _paper("team", "What's New", votes=3))  # new source, new text
    assert kept.votes == 12 and len(kept.sections) == 4


def test_a_section_word_for_word_like_one_kept_is_left_out() -> None:
    kept = _paper("ko", "Abstract")
    twin = Section(heading="Abstract", items=["Abstract of ko"], source="mirror")
    other = Paper(title="T", sections=[twin, Section(heading="New", items=["x"], source="mirror")])
    merge_paper(kept, other)
    assert [(s.heading, s.source) for s in kept.sections] == [("Abstract", "ko"), ("New", "mirror")]


def test_authors_merge_by_normalised_name_in_their_best_written_form() -> None:
    assert name_key("  Zoë   MÜLLER ") == name_key("zoe muller") == "zoe muller"
    merged = merge_authors(
        ["Ann Lee", "ZOE MULLER", "Bo  Kim"], ["ann lee", "Zoë Müller", "Bo Kim", "Cy Dow"]
    )
    assert merged == ["Ann Lee", "Zoë Müller", "Bo Kim", "Cy Dow"]
    assert merge_authors(["Zoë Müller"], ["ZOE MULLER", "zoe muller"]) == ["Zoë Müller"]


def test_labels_appear_only_when_a_paper_merges_sources() -> None:
    one = _paper("ko", "What's New").sections
    assert not several_sources(one) and section_title(one[0], False) == "What's New"
    both = [*one, Section(heading=None, items=["x"], source=FEED_SOURCE)]
    assert several_sources(both)
    assert [section_title(s, True) for s in both] == ["What's New · ko", FEED_SOURCE]


def test_a_day_in_the_digest_and_the_feed_loads_as_one_paper() -> None:
    [digest] = load([str(TWO_SOURCES)]).digests
    neural = digest.papers[0]
    assert [s.source for s in neural.sections] == ["daily_papers_ko"] * 3 + [FEED_SOURCE] * 4
    assert neural.votes == 585 and neural.authors[-2:] == ["Zoë Müller", "Ada Park"]
