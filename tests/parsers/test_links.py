"""Symbolic links met while walking a folder: only what lies inside the folder is read."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsers import discover, load
from tests.screens.helpers import write_digest

LEAVES = "link leaves the archive; not followed"
LOOPS = "link loops back to a folder above it; not followed"


@pytest.fixture
def walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every folder the walk lists; listing one outside ``tmp_path`` fails the test at once."""
    seen: list[str] = []
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        resolved = os.path.realpath(path)
        assert resolved.startswith(str(tmp_path.resolve())), f"walked outside: {resolved}"
        seen.append(resolved)
        return real_scandir(path)

    monkeypatch.setattr("parsers.discovery.os.scandir", scandir)
    yield seen


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A repository with one day of its own, beside a folder with a day of someone else's."""
    repo = tmp_path / "repo"
    write_digest(repo / "paper_logs" / "2025" / "07" / "14.md", "2025-07-14", [("Ours", 3)])
    write_digest(tmp_path / "outside" / "secret.md", "2025-01-01", [("Theirs", 9)])
    return repo


def listed(root: Path) -> tuple[list[str], list[tuple[str, str, str]]]:
    files, problems = discover([str(root)])
    found = [os.path.relpath(f.path, root) for f in files]
    said = [(os.path.relpath(p.path, root), p.severity, p.message) for p in problems]
    return found, said


def test_a_link_to_a_folder_outside_is_not_followed(
    archive: Path, tmp_path: Path, walked: list[str]
) -> None:
    (archive / "escape").symlink_to(tmp_path / "outside")
    (archive / "escape.md").symlink_to(tmp_path / "outside" / "secret.md")
    found, said = listed(archive)
    assert found == ["paper_logs/2025/07/14.md"]
    assert said == [("escape", "warning", LEAVES), ("escape.md", "warning", LEAVES)]
    result = load([str(archive)])
    assert [p.title for d in result.digests for p in d.papers] == ["Ours"]


def test_a_link_to_the_root_of_the_filesystem_is_not_walked(
    archive: Path, walked: list[str]
) -> None:
    (archive / "rootlink").symlink_to("/")
    found, said = listed(archive)
    assert found == ["paper_logs/2025/07/14.md"]
    assert said == [("rootlink", "warning", LEAVES)]
    assert len(walked) == 4  # repo, paper_logs, 2025, 07


def test_a_link_back_to_the_folder_or_above_never_loops(archive: Path, walked: list[str]) -> None:
    (archive / "loop").symlink_to(".")
    (archive / "paper_logs" / "2025" / "up").symlink_to("../..")
    found, said = listed(archive)
    assert found == ["paper_logs/2025/07/14.md"]
    assert said == [("loop", "warning", LOOPS), ("paper_logs/2025/up", "warning", LOOPS)]
    assert len(walked) == 4


def test_links_inside_the_folder_are_read_once(archive: Path, tmp_path: Path) -> None:
    day = archive / "paper_logs" / "2025" / "07" / "14.md"
    (archive / "alias.md").symlink_to(day)
    (archive / "chain-1.md").symlink_to("chain-2.md")
    (archive / "chain-2.md").symlink_to("paper_logs/2025/07/14.md")
    (archive / "zz-days").symlink_to("paper_logs/2025")
    (archive / "chain-out.md").symlink_to("chain-out-2.md")
    (archive / "chain-out-2.md").symlink_to(tmp_path / "outside" / "secret.md")
    found, said = listed(archive)
    assert found == ["paper_logs/2025/07/14.md"]  # one file, under its own name
    assert said == [("chain-out-2.md", "warning", LEAVES), ("chain-out.md", "warning", LEAVES)]
    result = load([str(archive)])
    assert [p.title for d in result.digests for p in d.papers] == ["Ours"]


def test_a_link_to_something_not_a_file_is_named_and_never_read(archive: Path) -> None:
    os.mkfifo(archive / "pipe")
    (archive / "pipe.md").symlink_to("pipe")  # reading it would wait for a writer for ever
    (archive / "zero.md").symlink_to("/dev/zero")
    result = load([str(archive)])
    assert [(Path(p.path).name, p.message) for p in result.problems] == [
        ("zero.md", LEAVES),  # the walk's problems come first
        ("pipe.md", "not a regular file (a FIFO); not read"),
    ]
    assert [p.title for d in result.digests for p in d.papers] == ["Ours"]


def test_a_link_named_on_the_command_line_is_the_users_choice(
    archive: Path, tmp_path: Path
) -> None:
    (archive / "escape").symlink_to(tmp_path / "outside")
    (archive / "escape.md").symlink_to(tmp_path / "outside" / "secret.md")
    files, problems = discover([str(archive / "escape"), str(archive / "escape.md")])
    assert [f.path for f in files] == [str(archive / "escape" / "secret.md")]  # read once
    assert problems == []


def test_a_synced_tree_behind_its_current_link_is_read(tmp_path: Path) -> None:
    source = tmp_path / "data" / "sources" / "ko"
    write_digest(source / ".trees" / "abc" / "2025-07-14.md", "2025-07-14", [("Synced", 1)])
    (source / "current").symlink_to(".trees/abc")
    write_digest(tmp_path / "data" / "mine.md", "2025-07-15", [("Mine", 1)])
    found, said = listed(tmp_path / "data")
    assert (found, said) == (["mine.md", "sources/ko/current/2025-07-14.md"], [])
