"""``paperdeck related ID [PATH…] [--json] [--top N]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.screens.helpers import write_moe_archive


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_moe_archive(tmp_path)


def test_json_lists_the_related_papers_best_first_never_the_paper(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, err = run(capfd, "related", "2507.00001", str(archive), "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    assert document["id"] == "2507.00001" and document["date"] == "2025-07-14"
    related = document["related"]
    assert [paper["id"] for paper in related] == ["2507.00002", "2507.00004"]
    assert set(related[0]) == {"id", "title", "score", "date", "votes", "shared_authors"}
    assert related[1] == {
        "id": "2507.00004",
        "title": "Expert Routing",
        "score": related[1]["score"],
        "date": "2025-07-15",
        "votes": 9,
        "shared_authors": ["ann lee"],
    }
    assert related[0]["score"] > 0 and related[1]["score"] > 0


def test_top_limits_and_the_table_shows_each_with_its_shared_authors(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, _ = run(capfd, "related", "https://arxiv.org/abs/2507.00001v1", str(archive))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "votes", "title", "id", "score"]
    assert "Balancing Mixture of Experts Routers" in lines[1] and "2507.00002" in lines[1]
    assert "Expert Routing (with ann lee)" in lines[2]
    assert lines[3] == "like Sparse Mixture of Experts Routing (2507.00001)"
    code, out, _ = run(capfd, "related", "2507.00001", str(archive), "--top", "1", "--json")
    assert [paper["id"] for paper in json.loads(out)["related"]] == ["2507.00002"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["related", "2599.99999"], "no paper '2599.99999' in the archive"),
        (["related", "not an id"], "no paper 'not an id' in the archive"),
        (["related", "2507.00001", "--top", "0"], "invalid number '0'"),
        (["related", "2507.00001", "--top", "many"], "invalid number 'many'"),
        (["related", " "], "ID is empty"),
    ],
)
def test_an_unknown_paper_or_a_bad_argument_is_one_line_and_exit_2(
    capfd: pytest.CaptureFixture[str], archive: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capfd, *argv[:2], str(archive), *argv[2:])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ") and message in err
