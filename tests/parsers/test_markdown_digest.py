"""The markdown digest format and the variants real archives use."""

from __future__ import annotations

from datetime import date

from parsers.limits import MAX_ITEM
from tests.parsers.helpers import only_paper, parse_text

HEAD = "## Daily Papers (2025-07-14)\n\n"


def test_structured_sections_with_two_and_three_stars() -> None:
    paper = only_paper(
        HEAD + "### [A Title](https://arxiv.org/abs/2507.01234v2)\n\nVote: 12\n\n"
        "Authors: Ann Lee, Bo Kim\n\n"
        "- ***What's New***: new things\n"
        "- **Technical Details**: how it works\n"
        "- **Performance Highlights:** numbers\n"
        "- ***Limitations***:\n"
    )
    assert paper.arxiv_id == "2507.01234"
    assert paper.url == "https://arxiv.org/abs/2507.01234v2"
    assert [(s.heading, s.items) for s in paper.sections] == [
        ("What's New", ["new things"]),
        ("Technical Details", ["how it works"]),
        ("Performance Highlights", ["numbers"]),
    ]


def test_nested_numbered_and_continuation_lines_belong_to_the_bullet_above() -> None:
    paper = only_paper(
        HEAD + "### [T](https://arxiv.org/abs/2507.00001)\n\nAuthors: A B\n\n"
        "- first point\n  - nested detail\n"
        "- second point\n  1. step one\n  2. step two\n"
        "- third point\ncontinues here\n"
        "1. numbered after a bullet\n"
    )
    [section] = paper.sections
    assert section.heading is None
    assert section.items == [
        "first point\n  - nested detail",
        "second point\n  1. step one\n  2. step two",
        "third point continues here\n1. numbered after a bullet",
    ]


def test_heading_only_bullet_takes_its_nested_bullets_as_items() -> None:
    paper = only_paper(
        HEAD + "### [T](https://arxiv.org/abs/2507.00001)\n\n"
        "- **Technical Details**:\n  - uses X\n  - uses Y\n"
    )
    assert [(s.heading, s.items) for s in paper.sections] == [
        ("Technical Details", ["uses X", "uses Y"])
    ]


def test_votes_dash_missing_and_absurd() -> None:
    result = parse_text(
        HEAD + "### [A](https://arxiv.org/abs/2507.00001)\n\nVote: -\n\n"
        "### [B](https://arxiv.org/abs/2507.00002)\n\nAuthors: X Y\n\n"
        "### [C](https://arxiv.org/abs/2507.00003)\n\nVote: 99999999999999999999\n\n"
        "### [D](https://arxiv.org/abs/2507.00004)\n\nVote: lots\n\n"
        "### [E](https://arxiv.org/abs/2507.00005)\n\n**Votes**: 1,234\n\n"
        "### [F](https://arxiv.org/abs/2507.00006)\n\nVote: -5\n"
    )
    [digest] = result.digests
    assert [p.votes for p in digest.papers] == [None, None, None, None, 1234, None]
    assert [(p.line, p.severity) for p in result.problems] == [
        (13, "warning"),
        (17, "warning"),
        (25, "warning"),
    ]
    assert "not believable" in result.problems[0].message
    assert "not a number" in result.problems[1].message
    assert result.problems[2].message == "vote count -5 is negative; ignored"


def test_author_lines_in_other_list_forms() -> None:
    def authors(line: str) -> list[str]:
        return only_paper(HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\n{line}\n").authors

    assert authors("Authors: A One, A One, B Two, B Two, C Three") == ["A One", "B Two", "C Three"]
    assert authors("Authors: A One; B Two; C Three") == ["A One", "B Two", "C Three"]
    assert authors("Authors: A One, B Two and C Three") == ["A One", "B Two", "C Three"]
    assert authors("Authors: A One, B Two, and C Three") == ["A One", "B Two", "C Three"]
    assert authors("**Authors:** A One & B Two") == ["A One", "B Two"]
    assert authors("Author: Solo Writer") == ["Solo Writer"]
    assert authors("Authors: A One, B Two, +") == ["A One", "B Two"]
    assert authors("Authors: A One, B Two et al.") == ["A One", "B Two"]
    assert authors("저자: 김철수, 이영희") == ["김철수", "이영희"]
    assert authors("Authors:\n- A One\n- B Two") == ["A One", "B Two"]


def test_video_thumbnail_and_link_lines() -> None:
    paper = only_paper(
        HEAD + "### [T](https://arxiv.org/abs/2507.00001)\n\n"
        "[Watch Video](https://cdn.example/v.mp4)\n"
        '<div><video controls src="https://cdn.example/v.mp4" muted="false"></video></div>\n\n'
        "![](https://cdn.example/thumb.png)\n\n- a point\n"
    )
    assert paper.video == "https://cdn.example/v.mp4"
    assert paper.thumbnail == "https://cdn.example/thumb.png"
    html_only = only_paper(
        HEAD + "### [T](https://arxiv.org/abs/2507.00001)\n\n"
        '<video src="https://cdn.example/only.mp4"></video>\n'
    )
    assert html_only.video == "https://cdn.example/only.mp4"


def test_several_day_headers_and_a_repeated_date_merge() -> None:
    result = parse_text(
        "## Daily Papers (2025-07-14)\n\n### [A](https://arxiv.org/abs/2507.00001)\n\nVote: 3\n\n"
        "## Daily Papers (2025-07-15)\n\n### [B](https://arxiv.org/abs/2507.00002)\n\n"
        "## Daily Papers (2025-07-14)\n\n### [C](https://arxiv.org/abs/2507.00003)\n\n"
        "### [A again](https://arxiv.org/abs/2507.00001)\n\nVote: 5\n\nAuthors: New Author\n"
    )
    from parsers import DigestIndex

    index = DigestIndex()
    for digest in result.digests:
        index.add(digest)
    merged = {d.date: [(p.title, p.votes, p.authors) for p in d.papers] for d in index.digests()}
    assert merged == {
        date(2025, 7, 14): [("A", 5, ["New Author"]), ("C", None, [])],
        date(2025, 7, 15): [("B", None, [])],
    }


def test_readme_headings_are_not_papers() -> None:
    result = parse_text(
        "# Daily Papers\n\n## Project Description\n\nThis repo collects papers.\n\n"
        "### Setup\n\nRun things.\n\n"
        "## Daily Papers (2025-07-17)\n\n### [Real Paper](https://arxiv.org/abs/2507.00009)\n\n"
        "- ***What's New***: yes\n\n## License\n\nMIT\n\n### Terms\n\n## Citation\n\n"
        "```\n@misc{x}\n```\n\n## Star History\n\n[![Star](https://img)](https://star)\n",
        path="README.md",
    )
    [digest] = result.digests
    assert digest.date == date(2025, 7, 17)
    assert [p.title for p in digest.papers] == ["Real Paper"]
    assert digest.papers[0].sections[0].items == ["yes"]


def test_plain_level_three_heading_in_a_day_is_a_paper_and_link_line_gives_its_url() -> None:
    paper = only_paper(
        HEAD + "### Untitled Link Paper\n\n[arXiv](https://arxiv.org/abs/2507.04321)\n\n- point\n"
    )
    assert paper.title == "Untitled Link Paper"
    assert paper.arxiv_id == "2507.04321"


def test_invalid_day_header_date_is_an_error_and_path_date_is_used() -> None:
    result = parse_text(
        "## Daily Papers (2025-02-30)\n\n### [A](https://arxiv.org/abs/2502.00001)\n",
        path="paper_logs/2025/02/28.md",
        path_date=date(2025, 2, 28),
    )
    assert [d.date for d in result.digests] == [date(2025, 2, 28)]
    [problem] = result.problems
    assert (problem.line, problem.severity) == (1, "error")
    assert "2025-02-30" in problem.message


def test_undated_file_without_header_takes_path_date() -> None:
    result = parse_text("### [A](https://arxiv.org/abs/2502.00001)\n", path_date=date(2025, 2, 28))
    assert [d.date for d in result.digests] == [date(2025, 2, 28)]


def test_truncated_file_keeps_good_papers() -> None:
    result = parse_text(
        HEAD + "### [Good](https://arxiv.org/abs/2507.00001)\n\nVote: 4\n\n- fine\n\n"
        "### [Cut off tit"
    )
    [digest] = result.digests
    assert [p.title for p in digest.papers] == ["Good", "Cut off tit"]
    [problem] = result.problems
    assert problem.line == 9 and "incomplete" in problem.message


def test_titles_with_brackets_and_markup_are_kept_literally() -> None:
    paper = only_paper(
        HEAD
        + "### [[bold]Not bold[/] and [@click=app.quit]x[/] (v2)](https://arxiv.org/abs/2507.1)\n"
    )
    assert paper.title == "[bold]Not bold[/] and [@click=app.quit]x[/] (v2)"


def test_control_characters_are_stripped() -> None:
    paper = only_paper(
        HEAD + "### [Evil \x1b[31mRed\x1b[0m\x07 Title](https://arxiv.org/abs/2507.00001)\n\n"
        "Authors: A\x9b B\n\n- body \u202eflipped\n"
    )
    assert paper.title == "Evil Red Title"  # whole escape sequences go, not just ESC
    assert paper.authors == ["A B"]
    assert paper.sections[0].items == ["body flipped"]


def test_very_long_line_is_reported_and_cut() -> None:
    long_item = "가" * 200_000
    result = parse_text(HEAD + f"### [T](https://arxiv.org/abs/2507.00001)\n\n- {long_item}\n")
    [digest] = result.digests
    assert digest.papers[0].sections[0].items == [long_item[: MAX_ITEM - 1] + "…"]
    assert [(p.line, p.severity) for p in result.problems] == [(5, "warning"), (3, "warning")]


def test_very_long_title_is_shortened_with_a_warning() -> None:
    result = parse_text(HEAD + f"### [{'word ' * 300}](https://arxiv.org/abs/2507.00001)\n")
    paper = result.digests[0].papers[0]
    assert len(paper.title) <= 500 and paper.title.endswith("…")
    assert "shortened" in result.problems[0].message


def test_fast_and_general_paths_agree() -> None:
    canonical = (
        HEAD + "### [Same](https://arxiv.org/abs/2507.00001)\n\n![](https://t/x.png)\n\n"
        "Vote: 7\n\nAuthors: A One, A One, B Two\n\n"
        "- ***What's New***: one\n- ***Technical Details***: two\n"
    )
    # Trailing spaces and a blank line between bullets send the block down the general path.
    general = canonical.replace("Vote: 7", "Vote: 7  ").replace("\n- ***Tech", "\n\n- ***Tech")
    fast, slow = only_paper(canonical), only_paper(general)
    assert fast == slow
    assert fast.authors == ["A One", "B Two"]


def test_sub_heading_after_a_common_layout_paper_is_a_section() -> None:
    paper = only_paper(
        HEAD + "### [Foo](https://arxiv.org/abs/2507.00021)\n\nVote: 1\n\n#### Details\n- x\n"
    )
    assert [(s.heading, s.items) for s in paper.sections] == [("Details", ["x"])]


def test_words_after_the_title_link_join_the_title() -> None:
    paper = only_paper(HEAD + "### [T](https://arxiv.org/abs/2507.00011) (ICLR 2025)\n")
    assert (paper.title, paper.url) == ("T (ICLR 2025)", "https://arxiv.org/abs/2507.00011")


def test_empty_or_tabbed_titles_take_the_careful_path() -> None:
    result = parse_text(
        HEAD
        + "### [](https://arxiv.org/abs/2507.00012)\n\n### [Tab\there](https://arxiv.org/abs/2507.00013)\n"
    )
    assert [p.title for p in result.digests[0].papers] == [
        "https://arxiv.org/abs/2507.00012",
        "Tab here",
    ]
    assert "no title" in result.problems[0].message


def test_linked_readme_titles_are_not_papers() -> None:
    result = parse_text(
        "# [awesome-papers](https://github.com/x/y)\n\n## Project Description\n\nText\n\n"
        "## [Section](https://github.com/x)\n",
        path="README.md",
    )
    assert result.digests == [] and "not a digest" in result.problems[0].message
