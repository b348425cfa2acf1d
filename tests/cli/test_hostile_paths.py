"""Hostile paths for the commands: planted links, FIFOs, devices, names that forge lines."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.cli.helpers import run, run_process
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv("PAPERDECK_DATA_DIR", str(path))
    bookmarks_file(path).apply([bm.add(Bookmark.bare("2507.00001", _now()))])
    return path


def _now() -> datetime:
    return datetime(2025, 7, 17, 9, 30, tzinfo=UTC)


def test_export_never_writes_through_a_planted_link(
    data: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    for name in (".out.md.partial", ".out.md.tmp", "out.md.tmp"):  # the names a writer might use
        (shared / name).symlink_to(victim)
    code, _, err = run(capfd, "bookmarks", "export", "--format", "md", "-o", str(shared / "out.md"))
    assert code == 0, err
    assert victim.read_text() == "precious\n"
    out = shared / "out.md"
    assert not out.is_symlink() and out.read_text().startswith("# Bookmarks")


def test_a_failed_export_leaves_nothing_behind(
    data: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target_dir = tmp_path / "out"
    target_dir.mkdir()

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    code, _, err = run(capfd, "bookmarks", "export", "--format", "md",
                       "-o", str(target_dir / "out.md"))  # fmt: skip
    assert code == 1 and "No space left on device" in err and err.count("\n") == 1
    assert list(target_dir.iterdir()) == []


def test_check_does_not_block_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "digest.md"
    os.mkfifo(fifo)
    done = run_process("check", str(fifo), timeout=20)
    assert done.returncode == 1
    assert f"{fifo}:0: error: not a regular file (a FIFO); not read" in done.stdout


def test_check_does_not_read_a_device(tmp_path: Path) -> None:
    device = tmp_path / "zero.md"
    device.symlink_to("/dev/zero")
    done = run_process("check", str(device), timeout=20, memory_bytes=2**30)
    assert done.returncode == 1
    assert "not a regular file (a character device); not read" in done.stdout


def test_bookmarks_json_as_a_fifo_is_moved_aside(data: Path) -> None:
    (data / "bookmarks.json").unlink()
    os.mkfifo(data / "bookmarks.json")
    done = run_process("bookmarks", "list", timeout=20)
    assert done.returncode == 0 and done.stdout.endswith("0 bookmarks\n")
    assert "not a regular file (a FIFO)" in done.stderr
    assert len(list(data.glob("bookmarks.json.unreadable-*"))) == 1


def test_bookmarks_json_linked_to_dev_zero_is_not_read_whole(data: Path) -> None:
    (data / "bookmarks.json").unlink()
    (data / "bookmarks.json").symlink_to("/dev/zero")
    done = run_process("bookmarks", "list", timeout=20, memory_bytes=2**30)
    assert done.returncode == 0, done.stderr[-500:]
    assert "not a regular file (a character device)" in done.stderr
    moved = list(data.glob("bookmarks.json.unreadable-*"))
    assert len(moved) == 1 and moved[0].is_symlink()  # the link itself, kept as it was


def test_a_newline_in_a_path_cannot_forge_check_lines(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    name = "x\nfake.md:1: error: FORGED LINE\n.md"
    (tmp_path / name).write_text("")  # an empty file: one warning naming it
    code, out, _ = run(capfd, "check", str(tmp_path / name))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2, lines  # the warning and the summary
    assert not any(line.startswith("fake.md") for line in lines)
    assert "x\\nfake.md:1: error: FORGED LINE\\n.md:1: warning: file is empty" in lines[0]
