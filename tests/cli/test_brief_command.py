"""``paperdeck brief``: a Markdown brief of a period's (or the bookmarks') best papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.screens.helpers import write_papers

HOSTILE = "Tricky [Title](http://evil.example) *bold* `code`"
LONG = "첫 문장입니다. Second sentence here! A third one? Never shown."


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    write_papers(root / "2025-07-14.md", "2025-07-14", [
        ("2507.00001", "Monday Middle", 20, "Ann Lee, Bo Kim, Cy Park, Dee Roe", LONG),
        ("2507.00002", HOSTILE, 5, "Eve Fox", "Plain."),
    ])  # fmt: skip
    write_papers(root / "2025-07-17.md", "2025-07-17", [
        ("2507.00003", "Thursday Top", 90, "Gus Hay, Han Yu, Ivy Ko", "Best of the week."),
        ("2507.00001", "Monday Middle", 3, "Ann Lee, Bo Kim, Cy Park, Dee Roe", LONG),
    ])  # fmt: skip
    write_papers(root / "2025-08-04.md", "2025-08-04", [
        ("2508.00009", "August Paper", 40, "Jo Oh", "Later."),
    ])  # fmt: skip
    return root


def test_a_week_best_voted_first_each_paper_once_linked_with_votes_authors_and_summary(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    code, out, err = run(capfd, "brief", "--week", "2025-W29", str(archive))
    assert code == 0 and err == ""
    assert out.startswith(
        "# Brief: week 2025-W29 (2025-07-14 – 2025-07-20)\n\n"
        "3 papers, most votes first.\n\n"
        "## 1. [Thursday Top](https://arxiv.org/abs/2507.00003)\n\n"
        "90 votes · 2025-07-17 · Gus Hay, Han Yu, Ivy Ko\n\n"
        "Best of the week.\n\n"
        "## 2. [Monday Middle](https://arxiv.org/abs/2507.00001)\n\n"
        "20 votes · 2025-07-14 · Ann Lee, Bo Kim, Cy Park et al.\n\n"
        "첫 문장입니다. Second sentence here!\n\n"
        "## 3. "
    )
    assert out.count("Monday Middle") == 1  # listed on two days, briefed once (its best)


def test_a_title_cannot_break_its_link(capfd: pytest.CaptureFixture[str], archive: Path) -> None:
    code, out, _ = run(capfd, "brief", "--day", "2025-07-14", str(archive), "--no-cache")
    assert code == 0
    assert out.startswith("# Brief: day 2025-07-14\n\n2 papers, most votes first.\n")
    escaped = r"Tricky \[Title\](http://evil.example) \*bold\* \`code\`"
    assert f"## 2. [{escaped}](https://arxiv.org/abs/2507.00002)\n" in out


def test_a_month_with_top_and_the_users_note(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    assert run(capfd, "note", "2507.00001", "read this\nfor the *meeting*")[0] == 0
    code, out, _ = run(capfd, "brief", "--month", "2025-07", "--top", "2", str(archive))
    assert code == 0
    assert "The best 2 of 3 papers, most votes first." in out
    assert "## 1. [Thursday Top]" in out and "## 2. [Monday Middle]" in out
    assert "Tricky" not in out
    assert out.endswith(
        "첫 문장입니다. Second sentence here!\n\n> **Note:**\n> read this\n> for the *meeting*\n"
    )


def test_output_is_written_atomically_and_never_over_a_file_without_force(
    capfd: pytest.CaptureFixture[str], archive: Path, tmp_path: Path
) -> None:
    target = tmp_path / "brief.md"
    code, out, err = run(capfd, "brief", "--week", "2025-W29", str(archive), "-o", str(target))
    assert code == 0 and out == ""
    assert err == f"wrote a brief of 3 papers to {target}\n"
    assert target.read_text(encoding="utf-8").startswith("# Brief: week 2025-W29")
    assert [p.name for p in tmp_path.iterdir() if p.name != "archive"] == ["brief.md"]
    target.write_text("mine", encoding="utf-8")
    code, _, err = run(capfd, "brief", "--day", "2025-07-14", str(archive), "-o", str(target))
    assert code == 2 and "exists; pass --force to overwrite it" in err
    assert target.read_text(encoding="utf-8") == "mine"
    argv = ["brief", "--day", "2025-07-14", str(archive), "-o", str(target), "--force"]
    assert run(capfd, *argv)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Brief: day 2025-07-14")


def test_bookmarks_best_first_with_a_period_and_one_the_archive_lacks(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    assert run(capfd, "bookmarks", "add", "2507.00002", "2508.00009", "2601.00001")[0] == 0
    code, out, _ = run(capfd, "brief", "--bookmarks", str(archive))
    assert code == 0
    assert out.startswith("# Brief: bookmarks\n\n3 papers, most votes first.\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[0] == "## 1. [August Paper](https://arxiv.org/abs/2508.00009)"
    assert headings[1].startswith("## 2. [Tricky")
    assert headings[2] == "## 3. [arXiv:2601.00001](https://arxiv.org/abs/2601.00001)"
    code, out, _ = run(capfd, "brief", "--bookmarks", "--month", "2025-07", str(archive))
    assert code == 0 and out.startswith("# Brief: bookmarks of the month 2025-07 (2025-07-01")
    assert "1 paper, most votes first." in out and "Tricky" in out


def test_a_reading_list_best_first_and_of_a_period(
    capfd: pytest.CaptureFixture[str], archive: Path
) -> None:
    assert run(capfd, "list", "add", "Reading group", "2507.00002", "2508.00009")[0] == 0
    assert run(capfd, "bookmarks", "add", "2601.00001")[0] == 0  # starred, not on the list
    code, out, _ = run(capfd, "brief", "--list", "Reading group", str(archive))
    assert code == 0
    assert out.startswith("# Brief: list Reading group\n\n2 papers, most votes first.\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[0] == "## 1. [August Paper](https://arxiv.org/abs/2508.00009)"
    assert headings[1].startswith("## 2. [Tricky") and len(headings) == 2
    code, out, _ = run(
        capfd, "brief", "--list", "Reading group", "--month", "2025-07", str(archive)
    )
    assert code == 0 and out.startswith("# Brief: list Reading group of the month 2025-07")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--week", "2025-W31"],
         "paperdeck: no papers in the week 2025-W31 (2025-07-28 – 2025-08-03)"),
        (["--day", "2025-07-15"], "paperdeck: no papers in the day 2025-07-15"),
        (["--bookmarks"], "paperdeck: no bookmarked papers"),
        (["--list", "todo"], "paperdeck: no papers on the list 'todo'"),
    ],
)  # fmt: skip
def test_nothing_to_brief_is_one_line_and_exit_1(
    capfd: pytest.CaptureFixture[str], archive: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capfd, "brief", *argv, str(archive))
    assert (code, out, err) == (1, "", f"{message}\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "give one of --day, --week, --month, --bookmarks or --list"),
        (["--week", "2025-W29", "--month", "2025-07"], "not allowed with"),
        (
            ["--bookmarks", "--list", "todo"],
            "argument --list: not allowed with argument --bookmarks",
        ),
        (["--list", "add"], "argument --list: 'add' is a command of 'paperdeck list'"),
        (["--week", "29"], "not a week: use YYYY-Www"),
        (["--month", "2025-13"], "not a month: use YYYY-MM"),
        (["--day", "2025-02-30"], "invalid date '2025-02-30'"),
        (["--day", "2025-07-14", "--top", "0"], "invalid number '0'"),
        (["--day", "2025-07-14", "/no/such/path"], "no such file or directory"),
        (["--day", "2025-07-14", "-o", "/no/such/dir/brief.md"], "no such directory"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capfd: pytest.CaptureFixture[str], archive: Path, argv: list[str], message: str
) -> None:
    paths = [] if "/no/such/path" in argv else [str(archive)]
    code, out, err = run(capfd, "brief", *argv, *paths)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("paperdeck: error: ") and message in err
