"""Shapes met in the real Korean digest series: author lists as Python list literals and
section headings with unbalanced or mixed emphasis. Both the fast path and the line
reader must read them, and read them the same way."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from parsers import load
from parsers.markdown.canonical import read_canonical
from parsers.markdown.draft import PaperFields
from parsers.markdown.reader import MarkdownReader
from parsers.paper_fields import split_authors
from tests.conftest import FIXTURES

SHAPES = FIXTURES / "real-shapes"
HEAD = "## Daily Papers (2025-07-14)\n\n"
AYA = ["Ahmet Üstün", "Viraat Aryabumi", "Conor O'Brien", "Zheng-Xin Yong"]
HEADINGS = ["What's New", "Technical Details", "Performance Highlights"]


def _line_reader(block: str) -> PaperFields:
    reader = MarkdownReader("x.md", date(2025, 7, 14))
    reader.read_lines(block.split("\n"), 1)
    reader.finish_paper()
    [(_, [paper])] = reader.days
    return paper


def _both_paths(block: str) -> PaperFields:
    """The paper as the line reader reads ``block``, checked against the fast path."""
    slow = _line_reader(block)
    fast = read_canonical(block[1:])  # the fast path gets the block without its first "#"
    assert fast is not None, "this block should take the fast path"
    assert fast == slow
    return slow


def test_the_fixture_digest_reads_exactly() -> None:
    result = load([str(SHAPES)])
    assert result.problems == []
    [digest] = result.digests
    assert digest.date == date(2024, 2, 13)
    got = [
        (p.arxiv_id, p.authors, [(s.heading, s.items) for s in p.sections]) for p in digest.papers
    ]
    aya, copilot, scaling, step, flow = got
    assert aya[1] == AYA
    assert [h for h, _ in aya[2]] == HEADINGS
    assert aya[2][1][1] == ["mT5를 기반으로 xP3x, Aya 데이터셋 등을 섞어 미세 조정했습니다."]
    assert copilot[1][:2] == ["Zhiyong Wu", "Chengcheng Han"] and len(copilot[1]) == 8
    assert [h for h, _ in copilot[2]] == HEADINGS
    assert len(scaling[1]) == 12 and scaling[1][-1] == "Sebastian Jaszczur"
    assert [h for h, _ in scaling[2]] == HEADINGS
    assert step[1][-1] == "Peilin Zhao" and len(step[1]) == 12  # the bare ... is dropped
    assert step[2] == [
        ("What's New", ["자기 정렬을 여러 번 반복하는 부트스트래핑 방법을 탐구합니다.\n"
                        "  - 반복할수록 모델이 더 나은 예시를 만들어 냅니다."]),
        ("Technical Details", ["쉬운 예시부터 어려운 예시 순으로 학습합니다.",
                               "각 단계의 모델이 다음 단계의 데이터를 생성합니다."]),
        ("Performance Highlights", ["Alpaca Eval에서 기존 자기 정렬보다 높은 승률을 보입니다."]),
    ]  # fmt: skip
    assert flow[1] == [
        "Sanyuan Chen", "Chung-Ming Chan", "Rohan O'Neil", 'Quoted "Nick" Name', "Tseé Ng"
    ]  # fmt: skip
    assert flow[2] == [
        ("What's New", ["흐름 정합 기반 음성 합성을 빠르게 만드는 방법을 제안합니다."]),
        ("Technical Details", ["증류로 추론 단계를 줄입니다."]),
    ]


def test_the_fixture_papers_in_the_common_layout_read_the_same_on_both_paths() -> None:
    text = (SHAPES / "2024/02/13.md").read_text(encoding="utf-8")
    blocks = [f"#{block}" for block in text.split("\n#")[1:]]
    fast = [block for block in blocks if read_canonical(block[1:]) is not None]
    assert len(fast) == 3  # the other two have nested or continuation lines
    for block in fast:
        _both_paths(block.rstrip("\n"))


@pytest.mark.parametrize(
    "line",
    [
        "Authors: ['Ann Lee', 'Bo Kim', \"Conor O'Brien\"]",
        "Authors: ['Ann Lee', 'Bo Kim', 'Conor O\\'Brien']",
        'Authors: ["Ann Lee", "Bo Kim", "Conor O\'Brien", \'+\']',
        "Authors: ['Ann Lee', 'Bo Kim', 'Ann Lee', \"Conor O'Brien\", '...']",
        "Authors: ['Ann Lee', 'Bo Kim', \"Conor O'Brien\", ...]",
        "Authors: ['Ann Lee', 'Bo Kim', \"Conor O'Brien\"] +",
        "Authors: ['Ann Lee', 'Bo Kim', \"Conor O'Brien\"] ...",
        "Authors: [ 'Ann Lee' ,'Bo  Kim',\"Conor O'Brien\" ]",
        "**Authors:** ['Ann Lee', 'Bo Kim', \"Conor O'Brien\"]",
    ],
)
def test_author_list_literals(line: str) -> None:
    block = f"### [T](https://arxiv.org/abs/2507.00001)\n\nVote: 3\n\n{line}\n\n- point"
    # a bold label is not the common layout: only the line reader sees it
    paper = _line_reader(block) if line.startswith("**") else _both_paths(block)
    assert paper["authors"] == ["Ann Lee", "Bo Kim", "Conor O'Brien"]


def test_an_author_list_cut_mid_name_keeps_the_names_read() -> None:
    assert split_authors("['Ann Lee', 'Bo Kim', 'Conor O") == ["Ann Lee", "Bo Kim", "Conor O"]
    assert split_authors("['Say \\\"Hi\\\"', 'x\\xe9', 'bad \\x']") == ['Say "Hi"', "xé", "bad \\x"]


NAMES = st.from_regex(r"[A-Z][a-zA-Zé'\". -]{0,18}[a-z]", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=8))
def test_any_list_literal_gives_back_its_names(names: list[str]) -> None:
    expected = list(dict.fromkeys(" ".join(name.split()) for name in names))
    assert split_authors(repr(names)) == expected
    assert split_authors(repr([*names, "+"])) == expected


@pytest.mark.parametrize(
    "bullet",
    [
        "***Technical Details***: text",
        "***Technical Details*: text",
        "**Technical Details***: text",
        "***Technical Details**: text",
        "***Technical Details****: text",
        "**Technical Details**: text",
        "**Technical Details:** text",
        "***Technical Details*:** text",
        "__Technical Details__: text",
        "___Technical Details_: text",
        "_**Technical Details**_: text",
        "*Technical Details*: text",
        "** Technical Details **: text",
        "**Technical Details**： text",
    ],
)
def test_section_headings_with_any_emphasis(bullet: str) -> None:
    block = (
        "### [T](https://arxiv.org/abs/2507.00001)\n\nVote: 3\n\n"
        f"- ***What's New***: first\n- {bullet}\n- ***Performance Highlights***: last"
    )
    paper = _both_paths(block)
    assert paper["sections"] == [
        {"heading": "What's New", "items": ["first"]},
        {"heading": "Technical Details", "items": ["text"]},
        {"heading": "Performance Highlights", "items": ["last"]},
    ]


@pytest.mark.parametrize(
    "bullet",
    ["**Bold** statement: text", "**Note: the model is big**", "*not* a heading: text"],
)
def test_emphasis_that_is_no_heading_stays_an_item(bullet: str) -> None:
    block = f"### [T](https://arxiv.org/abs/2507.00001)\n\n- ***What's New***: first\n- {bullet}"
    paper = _line_reader(block)
    assert paper["sections"] == [{"heading": "What's New", "items": ["first", bullet]}]
    assert read_canonical(block[1:]) is None  # the fast path leaves it to the line reader


def test_a_heading_only_bullet_with_unbalanced_emphasis_takes_the_nested_items() -> None:
    block = "### [T](https://arxiv.org/abs/2507.00001)\n\n- ***Technical Details*:\n  - a\n  - b"
    paper = _line_reader(block)
    assert paper["sections"] == [{"heading": "Technical Details", "items": ["a", "b"]}]


EMPHASIS = st.text(alphabet="*_ :：aH'", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(EMPHASIS, EMPHASIS)
@example(start="**:*", rest="**:_")  # emphasis closing after the colon: "- ***:***:_ y"
@example(start="**::*", rest="**:")  # a colon in the heading: "- ***::***: y"
def test_both_paths_agree_on_any_emphasis_bullet(start: str, rest: str) -> None:
    block = f"### [T](https://arxiv.org/abs/2507.00001)\n\n- ***A***: x\n- *{start}{rest} y"
    fast = read_canonical(block[1:])
    if fast is not None:
        assert fast == _line_reader(block)
