"""Papers found by the whole-file pattern read exactly as the block-by-block reader reads them.

``parsers.markdown.canonical.PAPERS`` takes the common layouts in one pass over a file;
whatever it takes must come out as the careful path (the plain checks of
``read_canonical``, else the line reader) gives it: fields, problems and their lines.
Each text here is read twice, once with the pattern and once with it matching nothing.
"""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import parsers.markdown.reader as reader
from tests.parsers.helpers import parse_text

HEAD = "## Daily Papers (2025-07-14)\n\n"
PAPER = (
    "### [A Title](https://arxiv.org/abs/2507.01234)\n\n"
    "![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2507.01234.png)\n\n"
    "Vote: 12\n\nAuthors: Ann Lee, Bo Kim, Ann Lee, Bo Kim, +\n\n"
)
SECTIONS = "- ***What's New***: new things\n- ***Technical Details***: how\n- also this\n"
PLAIN = "- one\n- two\n- three\n"
NESTED = "- **What's New**: new\n  - more\n- **Technical Details**: how\n  - and how\n"
NEVER = re.compile(r"(?!)")


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object]:
    def read(text: str) -> object:
        result = parse_text(text, path="2025-07-14.md")
        return [asdict(d) for d in result.digests], [asdict(p) for p in result.problems]

    fast = read(text)
    with monkeypatch.context() as patch:
        patch.setattr(reader, "PAPERS", NEVER)
        careful = read(text)
    return fast, careful


SHAPES = {
    "sections": HEAD + PAPER + SECTIONS,
    "plain bullets": HEAD + PAPER + PLAIN,
    "nested bullets": HEAD + PAPER + NESTED,
    "two papers": HEAD + PAPER + SECTIONS + "\n" + PAPER.replace("01234", "04321") + NESTED,
    "no day header": PAPER + SECTIONS,
    "a tag line after nested bullets": HEAD + PAPER + NESTED + "#tag\n- after\n",
    "an empty heading after nested bullets": HEAD + PAPER + NESTED + "###\nVote: 3\n",
    "a sub-heading": HEAD + PAPER + SECTIONS + "#### Details\n- x\n",
    "a link with a parenthesis": HEAD
    + PAPER.replace("(https://arxiv.org/abs/2507.01234)", "(https://x.org/a)b)")
    + NESTED,
    "a tab in a nested bullet": HEAD + PAPER + NESTED.replace("more", "more\tstill"),
    "odd blanks in a title": HEAD + PAPER.replace("A Title", "A\u3000Title") + NESTED,
    "names after blanks": HEAD + PAPER.replace("Authors: ", "Authors:  ") + NESTED,
    "no names": HEAD
    + PAPER.replace("Authors: Ann Lee, Bo Kim, Ann Lee, Bo Kim, +", "Authors: +")
    + NESTED,
    "a very long thumbnail": HEAD + PAPER.replace(".png", "x" * 5000 + ".png") + SECTIONS,
    "many authors": HEAD
    + PAPER.replace("Ann Lee, Bo", ", ".join(f"N{i}" for i in range(7000)))
    + SECTIONS,
    "a long author name": HEAD + PAPER.replace("Ann Lee", "A" * 300) + SECTIONS,
    "a javascript link": HEAD + PAPER.replace("https://cdn", "javascript:cdn") + SECTIONS,
    "more papers than a file keeps": HEAD
    + "".join(PAPER.replace("01234", f"{n:05d}") + NESTED + "\n" for n in range(5003)),
}


@pytest.mark.parametrize("text", SHAPES.values(), ids=SHAPES.keys())
def test_the_pattern_reads_as_the_careful_path(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, careful = both_ways(text, monkeypatch)
    assert fast == careful


PIECES = [
    " ", "  ", "\t", "\u00a0", "\u3000", ")", "(", "](", "[", "]", "*", "**", "***", "_", ":",
    "：", "#", "\n", "\n\n", "- ", "  - ", "   - ", "1. ", "+", ", +", ", ", ";", " and ",
    "...", "-", "0", "100000", "é", "x", "https://", "javascript:x", "#### Sub", "### [T](u)",
    "Authors:", "Vote: ", "['A', 'B']", "![](https://x.y/z.png)", "**H**: t", "***H***: t",
]  # fmt: skip
BASE = HEAD + PAPER + SECTIONS + "\n" + PAPER + NESTED + "\n" + PAPER + PLAIN


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(BASE)), st.sampled_from(PIECES)), max_size=4))
def test_the_pattern_reads_edited_digests_as_the_careful_path(
    edits: list[tuple[int, str]],
) -> None:
    text = BASE
    for at, piece in sorted(edits, reverse=True):
        text = text[:at] + piece + text[at:]
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast, careful = both_ways(text, monkeypatch)
    assert fast == careful
