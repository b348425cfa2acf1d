"""What a brief takes of a paper: a sentence or two of its summary, as safe Markdown."""

from __future__ import annotations

from parsers import Section
from tui.archive.markdown import markdown_text, markdown_url
from tui.search.brief import MAX_SUMMARY_CHARS, summary_of


def test_the_first_two_sentences_of_the_first_section_with_text() -> None:
    sections = [
        Section(heading="Empty", items=["  "]),
        Section(heading="What's New", items=["모델을 제안합니다.  It works!\nReally? No."]),
        Section(heading="Later", items=["Never."]),
    ]
    assert summary_of(sections) == "모델을 제안합니다. It works!"
    assert summary_of([]) == ""


def test_a_summary_without_sentence_ends_is_cut_at_a_word() -> None:
    summary = summary_of([Section(heading=None, items=["word " * 200])])
    assert summary.endswith("word…") and len(summary) <= MAX_SUMMARY_CHARS + 1


def test_control_characters_and_line_breaks_never_reach_the_markdown() -> None:
    assert summary_of([Section(heading=None, items=["a\x1b[31mred\x07 b"])]) == "ared b"
    assert markdown_text("one\ntwo\u2028[x]\x1b[2J") == r"one two \[x\]"
    assert markdown_url("https://e.org/a (b)\x1b") == "https://e.org/a%20%28b%29%1B"
