"""``paperdeck lists`` and ``paperdeck list``: reading lists for scripts, and lists in exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tui.userdata.bookmarks import bookmarks_file


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_add_show_and_count_lists(data: Path, capfd: pytest.CaptureFixture[str]) -> None:
    assert run(capfd, "list", "add", "Reading group", "2507.01234",
               "https://arxiv.org/abs/2507.01235v2") == (
        0, "added 2 to Reading group, already on it 0\n", "")  # fmt: skip
    assert run(capfd, "list", "add", "Reading group", "2507.01234")[1] == (
        "added 0 to Reading group, already on it 1\n"
    )
    assert run(capfd, "list", "add", "later", "2507.01234")[0] == 0
    code, out, err = run(capfd, "lists")
    assert (code, err) == (0, "") and out == "later          1\nReading group  2\n"
    code, out, _ = run(capfd, "lists", "--json")
    assert json.loads(out) == [
        {"name": "later", "count": 1},
        {"name": "Reading group", "count": 2},
    ]
    code, out, _ = run(capfd, "list", "Reading group", "--json")
    shown = json.loads(out)
    assert (code, shown["name"], shown["count"]) == (0, "Reading group", 2)
    assert {p["id"] for p in shown["papers"]} == {"2507.01234", "2507.01235"}
    assert all(not p["starred"] and "Reading group" in p["lists"] for p in shown["papers"])
    elsewhere = ["list", "--data-dir", str(data.parent / "other"), "Reading group"]
    assert run(capfd, *elsewhere) == (1, "", "paperdeck: no list named 'Reading group'\n")
    code, out, _ = run(capfd, "list", "Reading group")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        "2507.01235",
        "2507.01234",
    ]
    kept = bookmarks_file(data).read().bookmarks
    assert kept["2507.01234"].lists == ["later", "Reading group"]
    listed = run(capfd, "bookmarks", "list")[1].splitlines()
    assert "  [list: later]  [list: Reading group]  (not starred)  (added " in next(
        line for line in listed if line.startswith("2507.01234")
    )


def test_remove_drops_a_paper_kept_only_by_the_list(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    run(capfd, "list", "add", "todo", "2507.01234", "2507.01235")
    run(capfd, "bookmarks", "add", "2507.01235")
    assert run(capfd, "list", "remove", "todo", "2507.01234", "2507.01235", "2507.09999") == (
        1, "removed 2 from todo\n", "paperdeck: not on todo: 2507.09999\n")  # fmt: skip
    kept = bookmarks_file(data).read().bookmarks
    assert list(kept) == ["2507.01235"] and kept["2507.01235"].starred
    assert run(capfd, "list", "todo") == (1, "", "paperdeck: no list named 'todo'\n")
    assert run(capfd, "lists") == (0, "", "")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["list", "add", "todo", "bogus"], "not an arXiv id or a kept paper: 'bogus'"),
        (["list", "add", "todo", "2513.01234"], "not an arXiv id or a kept paper"),
        (["list", "add", "add", "2507.01234"], "'add' is a command of 'paperdeck list'"),
        (["list", "add", "a,b", "2507.01234"], "no ',' or ';'"),
        (["list", "add", "  ", "2507.01234"], "a list needs a name"),
        (["list", "add", "todo"], "the following arguments are required: ID..."),
        (["list"], "the following arguments are required: NAME"),
        (["list", "--data-dir", "elsewhere"], "the following arguments are required: NAME"),
        (["list", "todo", "extra"], "unrecognized arguments: extra"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    data: Path, capfd: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capfd, *argv)
    assert (code, out) == (2, "") and message in err and err.count("\n") == 1
    assert not (data / "bookmarks.json").exists()


def test_a_name_is_kept_as_typed_without_control_characters(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    assert run(capfd, "list", "add", "My\x1b[31m  list", "2507.01234")[0] == 0
    assert json.loads(run(capfd, "lists", "--json")[1]) == [{"name": "My list", "count": 1}]
    assert run(capfd, "list", "My list")[0] == 0


def test_every_export_format_carries_the_lists(
    data: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    run(capfd, "list", "add", "Reading group", "2507.01234")
    run(capfd, "list", "add", "later", "2507.01234")
    exported = {
        fmt: run(capfd, "bookmarks", "export", "--format", fmt)[1]
        for fmt in ("json", "csv", "bibtex", "md")
    }
    assert json.loads(exported["json"])[0]["lists"] == ["later", "Reading group"]
    [row] = csv.DictReader(io.StringIO(exported["csv"]))
    assert row["lists"] == "later; Reading group"
    assert "keywords = {list:later, list:Reading group}" in exported["bibtex"]
    assert "  Lists: later, Reading group" in exported["md"].splitlines()
