"""Atomic writes: exclusive temp files, nothing left on failure, links written through."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tui.fileio import WriteRefused, remove_stale_temps, write_atomic
from tui.fileio import writing as writing_module


def _names(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir())


def test_a_new_file_is_private_unless_asked(tmp_path: Path) -> None:
    state = write_atomic(tmp_path / "state.json", b"{}")
    assert state == tmp_path / "state.json" and state.read_bytes() == b"{}"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    old = os.umask(0o022)
    try:
        export = write_atomic(tmp_path / "out.md", b"# x", private=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE(export.stat().st_mode) == 0o644
    assert _names(tmp_path) == ["out.md", "state.json"]


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "out.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_planted_names_are_never_opened(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious")
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in (".out.md.partial", ".out.md.tmp", ".out.md.aaaaaaaa.tmp", "out.md.tmp"):
        (shared / name).symlink_to(victim)
    write_atomic(shared / "out.md", b"mine")
    assert victim.read_text() == "precious"
    assert (shared / "out.md").read_bytes() == b"mine" and not (shared / "out.md").is_symlink()


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(b"old")

    def fail(_fd: int) -> None:
        raise failure

    monkeypatch.setattr(writing_module.os, "fsync", fail)
    with pytest.raises(type(failure)):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and _names(tmp_path) == ["state.json"]


def test_a_link_is_written_through_and_kept(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "bookmarks.json").write_bytes(b"old")
    link = tmp_path / "bookmarks.json"
    link.symlink_to(synced / "bookmarks.json")
    assert write_atomic(link, b"new") == synced / "bookmarks.json"
    assert link.is_symlink() and (synced / "bookmarks.json").read_bytes() == b"new"
    assert _names(synced) == ["bookmarks.json"]
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(synced / "new.json")
    write_atomic(dangling, b"made")
    assert dangling.is_symlink() and (synced / "new.json").read_bytes() == b"made"


def test_loops_and_special_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(WriteRefused, match="loops"):
        write_atomic(tmp_path / "a", b"x")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(WriteRefused, match=r"not a regular file \(a FIFO\); not replaced"):
        write_atomic(fifo, b"x")
    (tmp_path / "out").symlink_to("/dev/null")
    with pytest.raises(WriteRefused, match=r"\(a character device\)"):
        write_atomic(tmp_path / "out", b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and (tmp_path / "out").is_symlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="planting another user's link needs root")
def test_another_users_link_in_a_sticky_shared_directory_is_not_followed(tmp_path: Path) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "victim"
    victim.write_text("precious")
    link = shared / "out.md"
    link.symlink_to(victim)
    os.lchown(link, 12345, 12345)
    with pytest.raises(WriteRefused, match="another user made in a shared directory"):
        write_atomic(link, b"x")
    assert victim.read_text() == "precious"
    os.lchown(link, os.getuid(), os.getgid())  # one's own link there is followed
    write_atomic(link, b"mine")
    assert victim.read_text() == "mine"


def test_only_our_own_stale_temps_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_bytes(b"{}")
    stale, fresh = tmp_path / ".state.json.k3j_9x2a.tmp", tmp_path / ".state.json.q8w7e6r5.tmp"
    users = tmp_path / ".state.json.my-backup.tmp"
    for temp in (stale, fresh, users):
        temp.write_bytes(b"")
    long_ago = time.time() - 2 * writing_module.STALE_TEMP_SECONDS
    for temp in (stale, users):
        os.utime(temp, (long_ago, long_ago))
    remove_stale_temps(path)
    assert _names(tmp_path) == sorted([fresh.name, users.name, "state.json"])
