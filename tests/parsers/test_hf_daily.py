"""Days of the Hugging Face daily papers API, as ``paperdeck sync --hf`` stores them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import SourceFile, discover, load, parse_bytes
from tests.conftest import FIXTURES
from tests.parsers.helpers import parse_text

HF = FIXTURES / "hf-daily"


def _by_date() -> dict[date | None, list]:  # type: ignore[type-arg]
    return {digest.date: digest.papers for digest in load([str(HF)]).digests}


def test_a_day_reads_into_papers() -> None:
    neural, long_videos, markup = _by_date()[date(2025, 7, 14)]
    assert neural.title == (
        "NeuralOS: Towards Simulating Operating Systems via Neural Generative Models"
    )  # the API's line break folded
    assert (neural.arxiv_id, neural.url, neural.votes) == (
        "2507.08800",
        "https://arxiv.org/abs/2507.08800",
        585,
    )
    assert neural.authors == ["Luke Rivard", "Sun Sun", "Hongyu Guo", "Wenhu Chen", "Yuntian Deng"]
    assert neural.thumbnail.endswith("/2507.08800.png") and neural.video is None
    assert [(s.heading, s.items) for s in neural.sections] == [
        ("AI summary", ["NeuralOS uses an RNN and a diffusion renderer to simulate an operating "
                        "system's screen from user input."]),
        ("Abstract", ["We introduce NeuralOS, a neural framework that simulates graphical user "
                      "interfaces of operating systems by directly predicting screen frames in "
                      "response to user inputs such as mouse movements, clicks, and keyboard "
                      "events."]),
        ("Keywords", ["neural framework, graphical user interfaces, "
                      "diffusion-based neural renderer"]),
        ("Links", ["GitHub: https://github.com/yuntian-group/neural-os",
                   "Comments (2): https://huggingface.co/papers/2507.08800"]),
    ]  # fmt: skip
    assert {s.source for s in neural.sections} == {"Hugging Face"}
    assert long_videos.votes is None  # no "upvotes" key: tolerated, no problem
    assert [s.heading for s in long_videos.sections] == ["Abstract", "Links"]  # comments
    assert markup.title == "[bold red]Not markup[/] and [@click=app.quit]x[/]"
    assert markup.authors == ["Ann Lee", "Bo Kim"]  # each once, spaces folded
    assert [s.heading for s in markup.sections] == ["AI summary", "Links"]  # summary null


def test_an_empty_day_is_no_day_and_no_problem() -> None:
    assert date(2025, 7, 13) not in _by_date()
    result = load([str(HF / "2025-07-13.json")])
    assert (result.digests, result.problems) == ([], [])


def test_malformed_entries_are_problems_and_the_rest_loads() -> None:
    result = load([str(HF / "2025-07-15.json")])
    [digest] = result.digests
    assert [p.title for p in digest.papers] == [
        "A Good Paper",
        "Paper Is A List",
        "https://arxiv.org/abs/2507.10003",
        "Odd Fields",
        "Video Thumbnail",
    ]
    assert [(p.line, p.severity, p.message) for p in result.problems] == [
        (38, "error", "entry 2 is not an object; skipped"),
        (39, "warning", "entry 3 (Paper Is A List): its 'paper' is not an object"),
        (46, "warning", "entry 4 (https://arxiv.org/abs/2507.10003): it has no title; "
                        "showing its link instead"),
        (52, "warning", "entry 5 (Odd Fields): its id 'not-an-id' is not an arXiv id; no link"),
        (52, "warning", "entry 5 (Odd Fields): vote count 'lots' is not a number; ignored"),
        (52, "warning", "entry 5 (Odd Fields): its 'authors' is not a list; ignored"),
        (83, "warning", "entry 6 (Video Thumbnail): its 'summary' is not text; ignored"),
    ]  # fmt: skip
    odd, video = digest.papers[3], digest.papers[4]
    assert (odd.arxiv_id, odd.url, odd.votes, odd.authors) == (None, None, None, [])
    assert (video.arxiv_id, video.video, video.thumbnail) == (
        "2507.10005",
        "https://cdn.example/video.mp4",
        None,
    )


def test_entries_without_title_or_id_are_skipped() -> None:
    result = parse_text('[{"paper": {"summary": "x"}}, 5]', path="2025-07-15.json")
    assert result.digests == []
    assert [(p.severity, p.message) for p in result.problems] == [
        ("error", "entry 1 has neither title nor arXiv id; skipped"),
        ("error", "entry 2 is not an object; skipped"),
    ]


def test_garbage_json_is_an_error_and_other_json_is_left_alone() -> None:
    [garbage] = parse_text('[{"paper": {"id": "2507.1', path="2025-07-14.json").problems
    assert garbage.severity == "error" and garbage.message.startswith("not valid JSON")
    [html] = parse_text("<html>502 Bad Gateway</html>", path="x/2025-07-14.json").problems
    assert html.message.startswith("not valid JSON")
    [named] = parse_text('{"theme": "nord"}', path="settings.json").problems
    assert named.message == "not a list of papers"  # named by the user: said
    walked = SourceFile("2025-07-14.json", explicit=False, path_date=date(2025, 7, 14))
    found = parse_bytes(b'{"theme": "nord"}', walked)
    assert (found.digests, found.problems) == ([], [])  # met in a directory: not ours
    other_list = parse_bytes(b'[{"name": "x"}]', walked)
    assert (other_list.digests, other_list.problems) == ([], [])


def test_the_day_comes_from_the_name_else_from_the_entries() -> None:
    day = json.dumps([{"paper": {"id": "2507.00001", "title": "T"}, "publishedAt": "2025-07-09T1"}])
    assert parse_text(day, path="hf.json").digests[0].date == date(2025, 7, 9)
    named = parse_text(day, path="2025-07-10.json", path_date=date(2025, 7, 10))
    assert named.digests[0].date == date(2025, 7, 10)


def test_control_characters_in_json_strings_are_removed() -> None:
    day = json.dumps(
        [{"paper": {"id": "2507.00001", "title": "Red \u001b[31mTitle\u0007",
                    "authors": [{"name": "A\u009b B"}], "summary": "x \u202eflip"}}]
    )  # fmt: skip
    [paper] = parse_text(day, path="2025-07-14.json").digests[0].papers
    assert (paper.title, paper.authors, paper.sections[0].items) == (
        "Red Title",
        ["A B"],
        ["x flip"],
    )


def test_only_date_named_json_is_discovered(tmp_path: Path) -> None:
    for name in ("2025-07-14.json", "bookmarks.json", "package.json", "2025-07-14.json.partial"):
        (tmp_path / name).write_text("[]")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "2025-07-15.JSON").write_text("[]")
    found, problems = discover([str(tmp_path)])
    assert sorted(Path(s.path).name for s in found) == ["2025-07-14.json", "2025-07-15.JSON"]
    assert problems == []


def test_a_day_from_the_api_and_a_markdown_digest_of_it_merge(tmp_path: Path) -> None:
    (tmp_path / "2025-07-14.md").write_text(
        "## Daily Papers (2025-07-14)\n\n### [NeuralOS](https://arxiv.org/abs/2507.08800)\n\n"
        "Vote: 600\n\n- ***What's New***: 한국어 요약\n"
    )
    result = load([str(tmp_path), str(HF / "2025-07-14.json")])
    [digest] = result.digests
    assert len(digest.papers) == 3
    neural = digest.papers[0]
    assert neural.votes == 600 and neural.sections[0].heading == "What's New"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "paper",
                    "id",
                    "title",
                    "summary",
                    "upvotes",
                    "authors",
                    "name",
                    "ai_summary",
                    "ai_keywords",
                    "githubRepo",
                    "thumbnail",
                    "publishedAt",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(JSON, max_size=5), st.booleans())
def test_any_json_never_raises(value: list, pretty: bool) -> None:  # type: ignore[type-arg]
    text = json.dumps(value, indent=2 if pretty else None)
    result = parse_text(text, path="2025-07-14.json")
    for digest in result.digests:
        assert all(paper.title for paper in digest.papers)
    assert all(problem.line >= 1 for problem in result.problems)
