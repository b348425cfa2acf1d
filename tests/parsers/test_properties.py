"""Arbitrary text and bytes never make the parser raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import Digest, Problem
from tests.parsers.helpers import parse_text

# Pieces of real digests, so that generated input reaches deep into the parser.
FRAGMENTS = [
    "## Daily Papers (2025-07-14)\n",
    "## Daily Papers (2025-99-99)\n",
    "# Daily Papers\n",
    "### [Title](https://arxiv.org/abs/2507.01234)\n",
    "### [Broken](\n",
    "### [",
    "### Plain heading\n",
    "#### Sub heading\n",
    "![](https://t/x.png)\n",
    "[Watch Video](https://v/x.mp4)\n",
    '<video src="https://v/y.mp4">\n',
    "Vote: 12\n",
    "Vote: -\n",
    "Vote: 999999999999999999999999\n",
    "Authors: A B, A B, C D, +\n",
    "Authors:\n",
    "Authors: ['A B', \"C O'D\", 'E \\'F', '+']\n",
    "Authors: ['A B', 'C\n",
    "- ***Technical Details*: 세부\n",
    "- **What's New***:\n",
    "- __H__: x\n",
    "- ***What's New***: 새로운 것\n",
    "- **Technical Details:** 세부\n",
    "- plain bullet\n",
    "  - nested\n",
    "  1. numbered\n",
    "1. top numbered\n",
    "continuation text\n",
    "\n",
    "\r\n",
    "Luke Rivard, Sun Sun, Hongyu Guo\n",
    "585\n",
    "우리는 새로운 모델을 소개합니다. " * 20 + "\n",
    "[bold]x[/] [@click=app.quit]y[/]\x1b[31m\n",
]

text_inputs = st.one_of(
    st.text(),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40).map("".join),
)


def check(result) -> None:  # type: ignore[no-untyped-def]
    for digest in result.digests:
        assert isinstance(digest, Digest)
        for paper in digest.papers:
            assert paper.title
            assert all("\x1b" not in item for s in paper.sections for item in s.items)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.path and problem.line >= 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_inputs)
def test_arbitrary_text_never_raises(text: str) -> None:
    check(parse_text(text))
    check(parse_text(text, path="dump.txt"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    check(parse_text(data))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
    st.sampled_from(["utf-8", "utf-8-sig", "cp949", "utf-16"]),
)
def test_digests_in_any_encoding_never_raise(text: str, encoding: str) -> None:
    check(parse_text(text.encode(encoding, errors="replace")))
