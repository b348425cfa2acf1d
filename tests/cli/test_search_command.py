"""``paperdeck search`` prints the reader's results for scripts."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import run
from tests.conftest import SEEDS, TWO_SOURCES


def test_json_results_best_first(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "search", "mixture", str(SEEDS), "--json")
    assert code == 0
    document = json.loads(out)
    assert document["query"] == "mixture" and document["total"] >= 2
    first = document["results"][0]
    assert set(first) == {"date", "votes", "title", "authors", "arxiv_id", "url", "id", "in_title"}
    assert first["in_title"] and "Mixture of Experts" in first["title"]
    in_title = [r["in_title"] for r in document["results"]]
    assert in_title == sorted(in_title, reverse=True)  # title matches first


def test_table_and_filters(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "search", "votes:>=80 date:2024", str(SEEDS))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["date", "votes", "title", "id"]
    assert "Mixtral of Experts" in out and lines[-1] == "1 result"


def test_korean_query(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "search", "멀티모달 -비디오", str(SEEDS), "--json", "--limit", "0")
    assert code == 0
    document = json.loads(out)
    assert document["total"] == len(document["results"]) > 0


def test_every_sources_words_find_a_paper_both_carry(capfd: pytest.CaptureFixture[str]) -> None:
    for query in ("framebuffer", "신경망", "신경망 framebuffer", '"framebuffer contents"'):
        code, out, _ = run(capfd, "search", query, str(TWO_SOURCES), "--json")
        assert code == 0
        document = json.loads(out)
        assert [r["arxiv_id"] for r in document["results"]] == ["2507.08800"], query
        assert document["results"][0]["votes"] == 585


@pytest.mark.parametrize("argv", [["search", "votes:??"], ["search"], ["search", "x", "/no/path"]])
def test_bad_arguments_exit_2(capfd: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capfd, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_options_anywhere_and_a_leading_exclusion(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "search", "video", "--json", str(SEEDS))
    assert code == 0 and json.loads(out)["total"] > 0
    code, out, _ = run(capfd, "search", "-survey", str(SEEDS), "--limit", "1")
    assert code == 0 and out.splitlines()[-1].endswith("1 shown")
    code, _, err = run(capfd, "search")
    assert code == 2 and "a QUERY is needed" in err


def test_configured_archive_is_searched(capfd: pytest.CaptureFixture[str]) -> None:
    from tui.settings.locations import Locations

    config = Locations.resolve().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"archive = {str(SEEDS)!r}\n")
    code, out, _ = run(capfd, "search", "mixtral", "--json")
    assert code == 0 and json.loads(out)["results"][0]["title"] == "Mixtral of Experts"


def test_a_pasted_abstract_is_a_one_line_error(capfd: pytest.CaptureFixture[str]) -> None:
    abstract = " ".join(f"word{i}" for i in range(2000))
    code, out, err = run(capfd, "search", abstract, str(SEEDS))
    assert code == 2 and out == ""
    reason = "too many terms: a search holds at most 32 words and filters"
    assert err == f"paperdeck: error: bad query: {reason}\n"
    code, out, _ = run(capfd, "search", " ".join(["mixture"] * 1000), str(SEEDS), "--json")
    assert code == 0 and json.loads(out)["total"] >= 2  # one term, however often typed


def test_a_moved_aside_bookmarks_file_is_reported(capfd: pytest.CaptureFixture[str]) -> None:
    from tui.settings.locations import Locations

    data = Locations.resolve().data
    (data / "bookmarks.json").write_bytes(b"[" * 5000 + b"]" * 5000)
    code, _, err = run(capfd, "search", "is:bookmarked", str(SEEDS))
    assert code == 0
    assert "bookmarks.json could not be read (nested more than 64 levels deep)" in err


def test_notes_tags_and_stars_as_saved_are_searched(capfd: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capfd, "search", "mixture", str(SEEDS), "--json", "--limit", "0")
    mixtral = next(r for r in json.loads(out)["results"] if r["arxiv_id"])
    pid = mixtral["arxiv_id"]
    assert run(capfd, "note", pid, "zymurgy reading group")[0] == 0
    assert run(capfd, "tag", pid, "+moe")[0] == 0
    for query in ("zymurgy", "note:zymurgy", "has:note", "tag:moe", "has:tag mixture"):
        code, out, _ = run(capfd, "search", query, str(SEEDS), "--json")
        assert code == 0 and [r["id"] for r in json.loads(out)["results"]] == [pid], query
    code, out, _ = run(capfd, "search", "is:bookmarked", str(SEEDS), "--json")
    assert json.loads(out)["total"] == 0  # a note keeps the paper, it does not star it


def test_a_saved_search_runs_by_its_name(capfd: pytest.CaptureFixture[str]) -> None:
    from tui.settings.locations import Locations
    from tui.userdata.searches import save_search, searches_file

    searches_file(Locations.resolve().data).apply([save_search("moe", "mixture votes:>=80")])
    code, out, _ = run(capfd, "search", "--saved", "moe", str(SEEDS), "--json")
    assert code == 0
    document = json.loads(out)
    assert document["query"] == "mixture votes:>=80"
    assert document["total"] >= 1
    code, out, err = run(capfd, "search", "--saved", "nope", str(SEEDS))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "no saved search named 'nope'" in err
