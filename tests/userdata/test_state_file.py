"""User data files: atomic writes, merging under a lock, bad files moved aside."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, Bookmarks, bookmarks_file

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2025, 7, 17, 9, 30)


def bare(arxiv_id: str) -> Bookmark:
    return Bookmark.bare(arxiv_id, NOW)


def test_missing_file_is_empty_and_first_write_creates_it(tmp_path: Path) -> None:
    file = bookmarks_file(tmp_path / "data")
    assert file.read().bookmarks == {}
    file.apply([bm.add(bare("2507.00001"))])
    saved = json.loads((tmp_path / "data" / "bookmarks.json").read_text())
    assert saved["schema_version"] == Bookmarks.CURRENT_VERSION == 3
    assert list(saved["bookmarks"]) == ["2507.00001"]
    assert [p.name for p in (tmp_path / "data").iterdir() if p.name.endswith(".tmp")] == []


def test_changes_merge_with_what_is_on_disk(tmp_path: Path) -> None:
    mine, theirs = bookmarks_file(tmp_path), bookmarks_file(tmp_path)
    mine.apply([bm.add(bare("2507.00001"))])
    theirs.apply([bm.add(bare("2507.00002"))])  # the other instance read mine first
    mine.apply([bm.remove("2507.00001")])
    assert set(bookmarks_file(tmp_path).read().bookmarks) == {"2507.00002"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"schema_version": 1, "bookmarks": {"2507.0', "not valid JSON"),
        (b"\x00\x01\x02garbage", "not valid JSON"),
        (b'{"schema_version": 99, "bookmarks": {}}', "newer paperdeck (format 99)"),
        (b'{"schema_version": "3", "bookmarks": {}}', "schema_version is not a whole number"),
        (b'{"schema_version": 2.5, "bookmarks": {}}', "schema_version is not a whole number"),
        (b'{"schema_version": 1, "bookmarks": {"x": {"id": 5}}}', "unexpected content"),
        (b"[]", "unexpected content"),
    ],
)
def test_bad_file_is_moved_aside_never_deleted(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bookmarks.json"
    path.write_bytes(content)
    file = bookmarks_file(tmp_path)
    assert file.read().bookmarks == {}
    [moved] = file.moved
    assert reason in moved.reason
    assert moved.moved_to.read_bytes() == content  # every byte kept
    assert moved.moved_to.name.startswith("bookmarks.json.unreadable-")
    assert str(moved.moved_to) in moved.message()
    file.apply([bm.add(bare("2507.00003"))])
    assert list(file.read().bookmarks) == ["2507.00003"]
    assert moved.moved_to.exists()


WRITER = """
import sys
from datetime import datetime
from pathlib import Path
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file

data, process, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
file = bookmarks_file(data)
for i in range(count):
    pid = f"2507.{process}{i:04d}"
    file.apply([bm.add(Bookmark.bare(pid, datetime.now()))])
    if i % 3 == 0:
        file.apply([bm.remove(pid)])
    if i % 5 == 0:
        file.apply([bm.add(Bookmark.bare(f"2507.9{i:04d}", datetime.now()))])  # shared
    if i % 10 == 0:
        file.apply([bm.remove(f"2507.9{i:04d}")])
"""


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    processes, count = 4, 40
    start = time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), str(p), str(count)], cwd=ROOT
        )
        for p in range(1, processes + 1)
    ]
    assert [child.wait(timeout=120) for child in children] == [0] * processes
    elapsed = time.perf_counter() - start
    expected = {f"2507.{p}{i:04d}" for p in range(1, processes + 1) for i in range(count) if i % 3}
    expected |= {f"2507.9{i:04d}" for i in range(count) if i % 5 == 0 and i % 10}
    final = set(bookmarks_file(tmp_path).read().bookmarks)
    assert final == expected
    writes = processes * sum(1 + (i % 3 == 0) + (i % 5 == 0) + (i % 10 == 0) for i in range(count))
    print(f"\n{processes} processes, {writes} locked writes in {elapsed:.2f} s; "
          f"{len(final)} bookmarks, exactly as expected")  # fmt: skip


def test_concurrent_cli_commands(tmp_path: Path) -> None:
    env = {**os.environ, "PAPERDECK_DATA_DIR": str(tmp_path)}
    add = [sys.executable, "-m", "tui", "bookmarks", "add"]
    children = [
        subprocess.Popen(
            [*add, *[f"2507.{p}{i:04d}" for i in range(5)]],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        for p in range(1, 4)
    ]
    assert [child.wait(timeout=60) for child in children] == [0, 0, 0]
    assert len(bookmarks_file(tmp_path).read().bookmarks) == 15


KILLED_WRITER = """
import sys
from datetime import datetime
from pathlib import Path
from tui.userdata import bookmarks as bm
from tui.userdata.bookmarks import Bookmark, bookmarks_file

file = bookmarks_file(Path(sys.argv[1]))
start = len(file.read().bookmarks)
authors = [f"Author {n}" for n in range(40)]
for i in range(start, start + 100000):
    bare = Bookmark.bare(f"2507.{i:05d}", datetime.now())
    mark = bare.copy(title="A title " * 20, authors=authors)
    file.apply([bm.add(mark)])
    print(i, flush=True)
"""


def test_kill_during_save_leaves_a_whole_file(tmp_path: Path) -> None:
    last = 0
    for round_ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
        )
        assert child.stdout is not None
        for _ in range(5 + round_ * 7):  # wait for some writes, then kill mid-stream
            child.stdout.readline()
        child.send_signal(signal.SIGKILL)
        child.wait()
        data = json.loads((tmp_path / "bookmarks.json").read_text())  # never half a file
        state = Bookmarks.validate(data)
        assert len(state.bookmarks) >= last
        last = len(state.bookmarks)
    assert last > 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".bookmarks.json.")]
    assert all(name.endswith((".lock", ".tmp")) for name in leftovers)


def test_reading_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    file = bookmarks_file(tmp_path / "not" / "there")
    assert file.read().bookmarks == {}
    assert not (tmp_path / "not").exists()
