"""What one file may cost: papers past ``MAX_PAPERS`` are skipped, fields past their
limits cut, and each is a listed problem naming its line; the rest loads."""

from __future__ import annotations

import json

import pytest

from parsers.limits import MAX_AUTHORS, MAX_ITEM, MAX_LINK, MAX_NAME, MAX_PAPERS, MAX_SUMMARY
from tests.parsers.helpers import only_paper, parse_text

HEAD = "## Daily Papers (2025-07-14)\n\n"
SKIPPED = "more than 5,000 papers in one file; the {} from this line on were skipped"
CUT = (
    f"its summary is longer than the reader keeps ({MAX_ITEM:,} characters an item, "
    f"{MAX_SUMMARY:,} a paper); it was cut"
)


def paper_block(number: int) -> str:
    return f"### [Paper {number}](https://arxiv.org/abs/2507.{number:05d})\n\n- text {number}\n\n"


def test_a_markdown_file_keeps_its_first_papers() -> None:
    text = HEAD + "".join(paper_block(n) for n in range(MAX_PAPERS + 7))
    result = parse_text(text)
    [digest] = result.digests
    assert len(digest.papers) == MAX_PAPERS
    assert digest.papers[-1].title == f"Paper {MAX_PAPERS - 1}"
    first_skipped = 3 + 4 * MAX_PAPERS  # each block is four lines
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (first_skipped, "error", SKIPPED.format(7))
    ]


def test_a_feed_day_keeps_its_first_papers_and_still_checks_the_rest() -> None:
    entries = [{"paper": {"id": f"2507.{n:05d}", "title": f"P{n}"}} for n in range(MAX_PAPERS + 3)]
    text = json.dumps(entries, indent=1)
    result = parse_text(text, path="2025-07-14.json")
    assert len(result.digests[0].papers) == MAX_PAPERS
    [problem] = result.problems
    assert problem.message == SKIPPED.format(3)
    assert text.splitlines()[problem.line - 1] == " {"  # the first skipped entry's line
    broken = text[:-1] + ",]"  # past the limit, but read: the whole file is no JSON
    with pytest.raises(json.JSONDecodeError) as error:
        json.loads(broken)
    said = parse_text(broken, path="2025-07-14.json")
    where = f"line {error.value.lineno}, column {error.value.colno}"
    assert said.digests == []
    assert [p.message for p in said.problems] == [f"not valid JSON ({error.value.msg} at {where})"]


def test_an_abstract_dump_keeps_its_first_papers() -> None:
    abstract = "We propose a model and a method; experiments show results on a benchmark. " * 4
    text = "\n\n".join(f"{abstract}{n}" for n in range(MAX_PAPERS + 2))
    result = parse_text(text, path="dump.txt")
    assert len(result.digests[0].papers) == MAX_PAPERS
    assert [(p.line, p.message) for p in result.problems] == [
        (2 * MAX_PAPERS + 1, SKIPPED.format(2))
    ]


def test_long_summaries_are_cut() -> None:
    long_item = "가" * (MAX_ITEM + 10)
    items = "".join(f"- {'x' * (MAX_ITEM - 100)} {n}\n" for n in range(8))
    paper = only_paper(HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\n- {long_item}\n")
    assert paper.sections[0].items == [long_item[: MAX_ITEM - 1] + "…"]
    result = parse_text(HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\n{items}")
    kept = result.digests[0].papers[0].sections[0].items
    whole = MAX_SUMMARY // (MAX_ITEM - 98)  # items kept whole, then one cut to what is left
    assert sum(map(len, kept)) == MAX_SUMMARY and kept[-1].endswith("…")
    assert len(kept) == whole + 1 and kept[:whole] == [
        f"{'x' * (MAX_ITEM - 100)} {n}" for n in range(whole)
    ]
    assert [(p.line, p.message) for p in result.problems] == [(3, CUT)]


def test_a_bullet_continued_over_many_lines_is_cut_as_it_grows() -> None:
    lines = "a continuation line of the same bullet, about sixty characters\n" * 50_000
    paper = only_paper(HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\n- start\n{lines}")
    [item] = paper.sections[0].items
    assert len(item) == MAX_ITEM and item.startswith("start a continuation") and item[-1] == "…"


def test_authors_and_links_past_their_limits() -> None:
    names = ", ".join(f"Author {n}" for n in range(MAX_AUTHORS + 5))
    long_name = "N" * (MAX_NAME + 1)
    url = "https://arxiv.org/abs/2507.00001?" + "q" * MAX_LINK
    text = HEAD + f"### [T]({url})\n\nAuthors: {names}, {long_name}\n\n- text\n"
    result = parse_text(text)
    paper = result.digests[0].papers[0]
    assert len(paper.authors) == MAX_AUTHORS and paper.authors[-1] == f"Author {MAX_AUTHORS - 1}"
    assert (paper.url, paper.arxiv_id) == (None, "2507.00001")
    assert [p.message for p in result.problems] == [
        f"{MAX_AUTHORS + 6:,} authors; the first {MAX_AUTHORS:,} are kept",
        f"its url is longer than {MAX_LINK:,} characters; dropped",
    ]
    short = parse_text(
        HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\nAuthors: A, {long_name}\n"
    )
    assert short.digests[0].papers[0].authors == ["A", long_name[: MAX_NAME - 1] + "…"]
    assert [p.message for p in short.problems] == [
        f"an author name is longer than {MAX_NAME} characters; it was cut"
    ]
