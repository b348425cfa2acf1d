"""``paperdeck top`` (a week's or month's best) and ``paperdeck author NAME``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import FIXTURES
from tests.screens.helpers import write_digest

AUTHORS = str(FIXTURES / "authors")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("Mon tie", 20), ("Mon none", None)])
    write_digest(tmp_path / "2025-07-17.md", "2025-07-17", [("Thu tie", 20), ("Thu top", 50)])
    write_digest(tmp_path / "2025-07-21.md", "2025-07-21", [("Next week", 99)])
    return tmp_path


def test_top_of_a_week_ranks_by_votes_ties_newer_first(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, _ = run(capfd, "top", "--week", "2025-W29", str(archive), "--json")
    assert code == 0
    document = json.loads(out)
    assert {k: document[k] for k in ("period", "kind", "start", "end", "total")} == {
        "period": "2025-W29",
        "kind": "week",
        "start": "2025-07-14",
        "end": "2025-07-20",
        "total": 4,
    }
    assert [p["title"] for p in document["papers"]] == ["Thu top", "Thu tie", "Mon tie", "Mon none"]
    first = document["papers"][0]
    assert set(first) == {"date", "votes", "title", "authors", "arxiv_id", "url", "id"}


def test_top_of_a_month_as_a_table_with_a_limit(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, _ = run(capfd, "top", "--month", "2025-07", str(archive), "--limit", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "votes", "title", "id"]
    assert "Next week" in lines[1] and "Thu top" in lines[2] and len(lines) == 4
    assert lines[-1] == "2025-07 (2025-07-01 – 2025-07-31): 5 papers, the best 2 shown"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["top", "--week", "2025-W29", "--month", "2025-07"], "not allowed with"),
        (["top", "--week", "2025-W54"], "year 2025 has no week 54"),
        (["top", "--week", "29"], "not a week: use YYYY-Www"),
        (["top", "--month", "2025-13"], "not a month: use YYYY-MM"),
        (["top", "--month", "2025-07", "--limit", "-1"], "--limit must be 0 or more"),
        (["top", "--month", "2025-07", "/no/such/path"], "no such file or directory"),
        (["author"], "the following arguments are required: NAME"),
        (["author", "  "], "NAME is empty"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capfd: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capfd, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ") and message in err


@pytest.mark.parametrize(
    ("argv", "missing"),
    [(["author"], "NAME"), (["note"], "ID"), (["tag"], "ID"), (["search"], "QUERY")],
)
def test_a_missing_argument_names_only_what_is_required(
    capfd: pytest.CaptureFixture[str], argv: list[str], missing: str
) -> None:
    code, _, err = run(capfd, *argv)
    assert code == 2 and missing in err
    for optional in ("PATH", "TEXT", "+TAG"):  # argparse called "*" positionals required
        assert optional not in err.split("(see")[0], err


def test_author_lists_every_paper_newest_first_in_any_spelling(
    capfd: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capfd, "author", "ＡＮＮ  lee", AUTHORS, "--json")
    assert code == 0
    document = json.loads(out)
    assert document["author"] == "Ann Lee"
    papers = document["papers"]
    assert document["count"] == len(papers) > 20
    days = [p["date"] for p in papers]
    assert days == sorted(days, reverse=True)
    assert (document["first"], document["last"]) == (days[-1], days[0])
    together = document["coauthors"]
    assert together and set(together[0]) == {"name", "papers"}
    counts = [c["papers"] for c in together]
    assert counts == sorted(counts, reverse=True)
    code, out, _ = run(capfd, "author", "Ann Lee", AUTHORS)
    assert code == 0
    assert f"Ann Lee: {len(papers)} papers, {days[-1]} – {days[0]}" in out
    assert "most often with: " in out


def test_an_unknown_author_has_no_papers(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "author", "Nobody", AUTHORS, "--json")
    assert code == 0
    assert json.loads(out)["count"] == 0


def test_top_without_a_period_shows_the_newest_week_with_papers(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, _ = run(capfd, "top", str(archive))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2025-W30 (2025-07-21 – 2025-07-27), the newest week with papers"
    assert "Next week" in out and "Thu top" not in out
    code, out, _ = run(capfd, "top", str(archive), "--json")
    assert (code, json.loads(out)["period"], json.loads(out)["total"]) == (0, "2025-W30", 1)


def test_top_of_a_period_without_papers_says_so(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, err = run(capfd, "top", "--week", "2025-W31", str(archive))
    assert (code, out) == (1, "")
    assert err == "paperdeck: no papers in 2025-W31 (2025-07-28 – 2025-08-03)\n"
    code, out, err = run(capfd, "top", "--month", "2025-06", str(archive), "--json")
    assert (code, err) == (1, "")
    assert json.loads(out)["total"] == 0 and json.loads(out)["papers"] == []
