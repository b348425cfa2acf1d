"""A digest's links are web addresses or nothing: a hostile link becomes a listed problem.

``o`` hands a paper's link to a browser (as its argument, or to ``window.open`` in the
browser mode), so a link that is an option, a script or a local file must never be kept.
"""

from __future__ import annotations

import json

import pytest

from parsers.web_links import is_web_link
from tests.parsers.helpers import parse_text

HOSTILE = [
    "--renderer-cmd-prefix=/tmp/script",
    "javascript:alert`1`",
    "JaVaScRiPt:alert`1`",
    "javascript://arxiv.org/abs/2507.00001%0aalert`1`",  # names an arXiv id, runs script
    "\u200bjavascript:alert`1`",  # a zero-width space before it
    "file:///etc/passwd",
    "data:text/html,<script>alert`1`</script>",
    "http:/x",
    "https://",
    "https:///etc/passwd",
    "-https://x",
    "//evil.example/x",
    "arxiv.org/abs/2507.00001",
]
"""Links written so that a Markdown link line keeps them whole (no spaces, no parens)."""


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        " javascript:alert(1)",
        "\x00javascript:alert(1)",
        "\tjavascript:alert(1)",
        "\x1bjavascript:alert(1)",
        "https://example.org/\x07",
        "https://exa mple.org/",
        " https://example.org/",
        "https://example.org/ ",
        "https://:80/",
        "https://user@/x",
        "mailto:ann@example.org",
        "",
    ],
)
def test_only_web_addresses_are_links(text: str) -> None:
    assert not is_web_link(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://arxiv.org/abs/2507.00001",
        "http://example.org",
        "HTTPS://Example.org/Path?q=1#frag",
        "https://user:pw@example.org:8443/x",
        "https://[::1]:8000/",
        "https://모델.example/논문",
    ],
)
def test_web_addresses_are_links(text: str) -> None:
    assert is_web_link(text)


def _markdown(link: str) -> str:
    return (
        "## Daily Papers (2025-07-14)\n"  # line 1
        "\n"
        f"### [Hostile paper]({link})\n"  # line 3
        "\n"
        f"![]({link})\n"  # line 5
        f'<video src="{link}"></video>\n'  # line 6
        f"[Video]({link})\n"  # line 7
        f"[GitHub]({link})\n"  # line 8
        "- a summary\n"
    )


@pytest.mark.parametrize("link", HOSTILE)
def test_a_markdown_digest_keeps_no_hostile_link(link: str) -> None:
    result = parse_text(_markdown(link))
    [paper] = result.digests[0].papers
    assert paper.title == "Hostile paper"
    assert (paper.url, paper.arxiv_id, paper.thumbnail, paper.video) == (None, None, None, None)
    assert [item for section in paper.sections for item in section.items] == ["a summary"]
    lines = sorted(p.line for p in result.problems if "not an http(s) link" in p.message)
    assert lines == [3, 5, 6, 7, 8]
    assert {p.severity for p in result.problems} == {"warning"}


def test_the_same_digest_with_web_links_keeps_them() -> None:
    link = "https://arxiv.org/abs/2507.00001"
    result = parse_text(_markdown(link))
    [paper] = result.digests[0].papers
    assert result.problems == []
    assert (paper.url, paper.arxiv_id, paper.thumbnail, paper.video) == (
        link, "2507.00001", link, link,
    )  # fmt: skip
    assert f"GitHub: {link}" in paper.sections[0].items


@pytest.mark.parametrize("link", HOSTILE)
def test_the_common_layout_keeps_no_hostile_link(link: str) -> None:
    text = (
        "## Daily Papers (2025-07-14)\n\n"
        f"### [Fast paper]({link})\n"
        f"![]({link})\n"
        "Vote: 3\n"
        "Authors: Ann Lee, Bo Kim\n"
        "- ***What's New***: one line\n"
    )
    result = parse_text(text)
    [paper] = result.digests[0].papers
    assert (paper.url, paper.arxiv_id, paper.thumbnail) == (None, None, None)
    assert (paper.votes, paper.authors) == (3, ["Ann Lee", "Bo Kim"])
    assert sorted(p.line for p in result.problems) == [3, 4]


@pytest.mark.parametrize(
    "link", [*HOSTILE, " javascript:alert(1)", "\x00javascript:alert(1)", "\u2028javascript:x"]
)
def test_the_feed_keeps_no_hostile_link(link: str) -> None:
    entry = {
        "paper": {
            "id": "2507.00001",
            "title": "Feed paper",
            "githubRepo": link,
            "projectPage": link,
        },
        "thumbnail": link,
    }
    text = json.dumps([entry], indent=1)
    result = parse_text(text, path="2025-07-14.json")
    [paper] = result.digests[0].papers
    assert paper.url == "https://arxiv.org/abs/2507.00001"  # made from the id, not the feed
    assert (paper.thumbnail, paper.video) == (None, None)
    assert all(section.heading != "Links" for section in paper.sections)
    complaints = [p for p in result.problems if "not an http(s) link" in p.message]
    assert len(complaints) == 3 and {p.line for p in complaints} == {2}
    assert all(p.severity == "warning" for p in complaints)


def test_the_feed_keeps_its_web_links() -> None:
    entry = {
        "paper": {"id": "2507.00001", "title": "Feed paper",
                  "githubRepo": "https://github.com/a/b", "projectPage": "http://a.example"},
        "thumbnail": "https://cdn.example/v.mp4",
    }  # fmt: skip
    result = parse_text(json.dumps([entry]), path="2025-07-14.json")
    [paper] = result.digests[0].papers
    assert result.problems == [] and paper.video == "https://cdn.example/v.mp4"
    [links] = [s.items for s in paper.sections if s.heading == "Links"]
    assert links == ["GitHub: https://github.com/a/b", "Project page: http://a.example"]
