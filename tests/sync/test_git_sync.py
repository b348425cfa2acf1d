"""Syncing a git repository of digests from a local bare repository (file://)."""

from __future__ import annotations

import errno
import json
import os
from datetime import date
from pathlib import Path

import pytest

from parsers import load
from tests.cli.helpers import run
from tests.screens.helpers import write_digest
from tests.sync.helpers import Upstream, git
from tui.archive.identity import archive_key
from tui.settings.locations import Locations
from tui.settings.sources import SourceConfig
from tui.sync import GitPolicy, SyncOptions, SyncProgress, sync_source
from tui.sync.git_source import CURRENT, STORE, TREES


@pytest.fixture
def upstream(tmp_path: Path) -> Upstream:
    up = Upstream(tmp_path / "remote")
    up.add_day("2025-07-14")
    return up


def source(upstream: Upstream, name: str = "ko") -> SourceConfig:
    return SourceConfig(kind="git", url=upstream.url, name=name)


def days(path: Path) -> list[date | None]:
    result = load([str(path)])
    assert result.problems == []
    return [digest.date for digest in result.digests]


def test_first_sync_is_a_shallow_clone_the_reader_can_open(
    tmp_path: Path, upstream: Upstream
) -> None:
    upstream.add_day("2025-07-15")
    root = tmp_path / "sources"
    stages: list[str] = []
    result = sync_source(source(upstream), root, lambda p: stages.append(p.stage))
    assert result.ok, result.message
    folder = root / "ko"
    assert result.path == folder
    assert (folder / STORE / "shallow").exists()  # only the newest commit was fetched
    assert os.readlink(folder / CURRENT) == f"{TREES}/{result.revision}"
    assert result.changed == [
        folder / CURRENT / "README.md",  # read like any digest (it may carry the newest day)
        folder / CURRENT / "paper_logs/2025/07/14.md",
        folder / CURRENT / "paper_logs/2025/07/15.md",
    ]  # main.py is no digest
    assert result.message == f"cloned at {result.revision[:7]}: 3 digest files"
    assert stages[0] == "fetching" and "checking out files" in stages
    assert days(root) == [date(2025, 7, 14), date(2025, 7, 15)]
    assert not (folder / CURRENT / ".git").exists()  # the reader sees digests only
    assert sorted(p.name for p in root.iterdir()) == [".ko.lock", "ko"]


def test_updates_fast_forward_into_a_new_tree_and_the_path_stays(
    tmp_path: Path, upstream: Upstream
) -> None:
    root = tmp_path / "sources"
    first = sync_source(source(upstream), root)
    folder = root / "ko"
    key_before = (archive_key([str(root.parent)]), archive_key([str(folder)]))
    old_tree = Path(os.path.realpath(folder / CURRENT))
    old_file = old_tree / "paper_logs/2025/07/14.md"
    held = old_file.read_text()  # a reader in the middle of reading the old tree
    upstream.add_day("2025-07-16")
    second = sync_source(source(upstream), root)
    assert second.ok, second.message
    assert second.changed == [folder / CURRENT / "paper_logs/2025/07/16.md"]
    assert second.removed == []
    assert second.message.startswith(f"updated {first.revision[:7]}..{second.revision[:7]}")
    assert old_file.read_text() == held  # the old tree is whole and still there
    assert days(folder) == [date(2025, 7, 14), date(2025, 7, 16)]
    assert (archive_key([str(root.parent)]), archive_key([str(folder)])) == key_before
    git(upstream.work, "rm", "-q", "paper_logs/2025/07/14.md")
    upstream.commit("drop a day")
    git(upstream.work, "push", "-q", "origin", "main")
    third = sync_source(source(upstream), root)
    assert third.removed == [folder / CURRENT / "paper_logs/2025/07/14.md"]
    assert not old_tree.exists()  # only the current and the previous tree are kept
    assert sorted(p.name for p in (folder / TREES).iterdir()) == sorted(
        [second.revision, third.revision]
    )
    again = sync_source(source(upstream), root)
    assert (again.ok, again.message, again.changed) == (
        True,
        f"up to date at {third.revision[:7]}",
        [],
    )


@pytest.mark.parametrize("change", ["edit", "add", "delete"])
def test_local_changes_are_never_thrown_away(
    tmp_path: Path, upstream: Upstream, change: str
) -> None:
    root = tmp_path / "sources"
    sync_source(source(upstream), root)
    current = root / "ko" / CURRENT
    digest = current / "paper_logs/2025/07/14.md"
    if change == "edit":
        digest.write_text(digest.read_text() + "\nmy note\n")
    elif change == "add":
        (current / "notes.md").write_text("mine\n")
    else:
        digest.unlink()
    before = os.readlink(current)
    upstream.add_day("2025-07-16")
    result = sync_source(source(upstream), root)
    assert not result.ok
    assert result.message.startswith(f"{current} has local changes (1 file, e.g. ")
    assert "not updated" in result.message
    assert os.readlink(current) == before


def test_a_rewritten_history_is_not_taken(tmp_path: Path, upstream: Upstream) -> None:
    root = tmp_path / "sources"
    sync_source(source(upstream), root)
    before = os.readlink(root / "ko" / CURRENT)
    upstream.rewrite_last()
    result = sync_source(source(upstream), root)
    assert not result.ok and "not a fast-forward" in result.message
    assert os.readlink(root / "ko" / CURRENT) == before


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        ("file:///no/such/repository.git", "git: "),
        ("NOT-A-REPO", "does not appear to be a git repository"),
    ],
)
def test_a_dead_or_non_git_url_leaves_nothing_behind(tmp_path: Path, url: str, needle: str) -> None:
    if url == "NOT-A-REPO":
        plain = tmp_path / "plain"
        plain.mkdir()
        (plain / "x.md").write_text("not git")
        url = plain.as_uri()
    root = tmp_path / "sources"
    result = sync_source(SourceConfig(kind="git", url=url, name="x"), root)
    assert not result.ok and needle in result.message and "\n" not in result.message
    assert [p.name for p in root.iterdir()] == [".x.lock"]  # no half-made folder


def test_a_folder_paperdeck_did_not_make_is_not_touched(tmp_path: Path, upstream: Upstream) -> None:
    root = tmp_path / "sources"
    (root / "ko").mkdir(parents=True)
    (root / "ko" / "mine.md").write_text("mine")
    result = sync_source(source(upstream), root)
    assert not result.ok and "is not a synced repository" in result.message
    other = Upstream(tmp_path / "other")
    sync_source(source(other, "two"), root)
    clash = sync_source(source(upstream, "two"), root)
    assert not clash.ok and f"syncs {other.url}" in clash.message


def test_without_git_it_says_so(
    tmp_path: Path, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tui.sync.git_command.shutil.which", lambda name: None)
    result = sync_source(source(upstream), tmp_path)
    assert (result.ok, result.message) == (
        False,
        "the git program is not installed; install git to sync git sources",
    )


def test_a_full_disk_during_an_update_keeps_the_current_tree(
    tmp_path: Path, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "sources"
    sync_source(source(upstream), root)
    before = os.readlink(root / "ko" / CURRENT)
    upstream.add_day("2025-07-16")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("tui.sync.git_source.os.rename", full)
    result = sync_source(source(upstream), root)
    assert (result.ok, result.message) == (
        False,
        "cannot write the files: No space left on device",
    )
    assert os.readlink(root / "ko" / CURRENT) == before
    assert [p.name for p in (root / "ko" / TREES).iterdir()] == [Path(before).name]
    monkeypatch.undo()
    assert sync_source(source(upstream), root).ok
    assert days(root) == [date(2025, 7, 14), date(2025, 7, 16)]


def test_progress_counts_objects(tmp_path: Path, upstream: Upstream) -> None:
    for day in range(15, 19):
        upstream.add_day(f"2025-07-{day}")
    seen: list[SyncProgress] = []
    sync_source(source(upstream), tmp_path, seen.append)
    counted = [p for p in seen if p.total]
    assert counted and all(p.unit == "objects" and p.done <= p.total for p in counted)


def test_links_in_a_repository_arrive_as_plain_files(
    tmp_path: Path, upstream: Upstream, capfd: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    write_digest(outside / "secret.md", "2025-01-01", [("Theirs", 9)])
    (upstream.work / "escape").symlink_to(outside)
    (upstream.work / "escape.md").symlink_to(outside / "secret.md")
    (upstream.work / "rootlink").symlink_to("/")
    (upstream.work / "loop").symlink_to(".")
    (upstream.work / "chain.md").symlink_to("escape.md")
    upstream.add_day("2025-07-15")
    code, _, err = run(capfd, "sync", "--git", upstream.url, "--name", "ko")
    assert code == 0, err
    current = Locations.resolve().sources / "ko" / CURRENT
    links = [
        name
        for folder, dirs, files in os.walk(current)
        for name in dirs + files
        if os.path.islink(os.path.join(folder, name))
    ]
    assert links == []
    assert (current / "escape").read_text() == str(outside)  # the link's target, as text
    assert (current / "rootlink").read_text() == "/"
    code, out, _ = run(capfd, "search", "Theirs", "--json")
    assert (code, json.loads(out)["results"]) == (0, [])
    code, out, _ = run(capfd, "dump")
    titles = [p["title"] for d in json.loads(out)["digests"] for p in d["papers"]]
    assert titles == ["Paper A", "Paper B", "Paper A", "Paper B"]
    upstream.add_day("2025-07-16")  # an update compares the files with the links as git does
    code, _, err = run(capfd, "sync", "--git", upstream.url, "--name", "ko")
    assert code == 0, err


def test_a_commit_too_large_to_check_out_is_refused_and_the_files_on_disk_stay(
    tmp_path: Path, upstream: Upstream
) -> None:
    root = tmp_path / "sources"
    small = SyncOptions(git=GitPolicy(max_checkout_bytes=2**20, max_checkout_files=10))
    assert sync_source(source(upstream), root, options=small).ok
    current = root / "ko" / CURRENT
    before = os.readlink(current)
    (upstream.work / "bomb.md").write_bytes(b"\0" * 3 * 2**20)  # a few kB in the repository
    commit = upstream.add_day("2025-07-15")
    result = sync_source(source(upstream), root, options=small)
    assert (result.ok, result.message) == (
        False,
        f"{commit[:7]} holds 5 files of 3 MiB, more than a sync may write "
        "(10 files, 1 MiB); not checked out",
    )
    assert os.readlink(current) == before
    assert [p.name for p in (root / "ko" / TREES).iterdir()] == [Path(before).name]
    (upstream.work / "bomb.md").unlink()
    for number in range(10):
        (upstream.work / f"note-{number}.md").write_text("#")
    upstream.add_day("2025-07-16")
    result = sync_source(source(upstream), root, options=small)
    assert result.message.endswith("holds 15 files of 834 bytes, more than a sync may write "
                                   "(10 files, 1 MiB); not checked out")  # fmt: skip
    assert os.readlink(current) == before
    other = sync_source(source(upstream, "other"), root, options=small)  # a first sync
    assert not other.ok and other.message.endswith("not checked out")
    assert sorted(p.name for p in root.iterdir()) == [".ko.lock", ".other.lock", "ko"]
    assert sync_source(source(upstream), root).ok  # the default limits: 2 GiB, 200,000 files
