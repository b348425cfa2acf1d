"""The patterns that read long lines in one pass give what the plain patterns give.

The plain patterns below are the reference: correct, but on a 40,000-character line of
the wrong shape they backtrack for seconds (``tests/benchmarks/long_lines.py`` measures
both). Lines are built from the pieces the patterns look for, in runs, so that random
lines hold the shapes that cost most: long runs of blanks, unclosed tags, many ``src=``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.markdown.syntax import find_markdown_digest, html_source
from parsers.paper_fields import AUTHOR_SEPARATORS

PLAIN_SEPARATORS = re.compile(r"\s*;\s*|\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+")
PLAIN_HTML_SRC = re.compile(r"""<(video|img|source)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']""", re.I)
PLAIN_SNIFF = re.compile(r"^#{1,6}[ \t]+(?:\[[^\]\n]*\]\(|.*daily\s*papers)", re.MULTILINE | re.I)

PIECES = [
    " ", "  ", "\t", "\n", "\u00a0", ";", ",", "&", "and", "AND", "a", "Ann Lee", ".", "x1",
    "<", ">", "<img", "<IMG", "<video", "<source", "<imgs", "src", "SRC", "xsrc", "=", '"',
    "'", "src='a.png'", 'src="b.mp4"', "#", "###", "[", "]", "](", "daily", "papers",
    "Daily Papers", "데일리 페이퍼",
]  # fmt: skip
RUN = st.tuples(st.sampled_from(PIECES), st.integers(min_value=1, max_value=300))
LINE = st.lists(RUN, max_size=40).map(lambda runs: "".join(piece * n for piece, n in runs))


def plain_html_source(line: str) -> tuple[str, str] | None:
    match = PLAIN_HTML_SRC.search(line)
    return (match.group(1), match.group(2)) if match else None


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_author_separators_split_as_the_plain_pattern(line: str) -> None:
    assert AUTHOR_SEPARATORS.split(line) == PLAIN_SEPARATORS.split(line)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_html_source_finds_what_the_plain_pattern_finds(line: str) -> None:
    assert html_source(line) == plain_html_source(line)


@settings(max_examples=400, deadline=None)
@given(LINE)
def test_markdown_sniffing_answers_as_the_plain_pattern(line: str) -> None:
    assert find_markdown_digest(line) == (PLAIN_SNIFF.search(line) is not None)


def test_the_pieces_make_lines_the_patterns_accept() -> None:
    """The generated lines reach every branch: a split, a source and a digest each."""
    assert AUTHOR_SEPARATORS.split("Ann Lee ;  Bo Kim, and Cy & Di") == [
        "Ann Lee",
        "Bo Kim",
        "Cy",
        "Di",
    ]
    assert html_source("<IMG alt=x <video src='b.mp4'>") == ("IMG", "b.mp4")
    assert html_source("<img alt='>' src='a.png'") is None
    assert find_markdown_digest("x\n###  \t Daily Papers (2025-07-14)")
