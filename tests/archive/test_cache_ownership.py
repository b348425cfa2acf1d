"""Who may use and close the cache's connections, and when a cache file may be removed.

Each connection is opened, used and closed by one thread: closing the cache interrupts the
work of other threads instead of closing their connections under them. A cache another
paperdeck has open is never removed, and a disk that refuses writes is reported, not
crashed on.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.screens.helpers import write_digest
from tui.archive.cache import (
    ArchiveCache,
    CacheClosed,
    CacheWriteFailed,
    archive_cache,
    cache_files,
    schema,
    wants_persistent_cache,
)
from tui.archive.loading import update_cache

ROOT = Path(__file__).resolve().parents[2]
SLOW_QUERY = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 50000000) "
    "SELECT max(slow(x)) FROM n"
)


def cache_dir() -> Path:
    return Path(os.environ["PAPERDECK_CACHE_DIR"])


def test_closing_interrupts_another_threads_work_and_leaves_it_its_connection(
    tmp_path: Path,
) -> None:
    cache = ArchiveCache([str(tmp_path)], cache_dir())
    inside, outcome = threading.Event(), {}

    def slow(x: int) -> int:
        inside.set()
        return x

    def work() -> None:
        try:
            with cache.borrowed():
                connection = cache.connection()
                outcome["connection"] = connection
                connection.create_function("slow", 1, slow)
                connection.execute(SLOW_QUERY).fetchone()
                outcome["result"] = "finished"
        except CacheClosed:
            outcome["result"] = "closed"
        except sqlite3.Error as exc:  # e.g. "Cannot operate on a closed database"
            outcome["result"] = f"{type(exc).__name__}: {exc}"

    thread = threading.Thread(target=work)
    thread.start()
    assert inside.wait(30)
    cache.close()
    thread.join(30)
    assert not thread.is_alive()
    assert outcome["result"] == "closed"
    with pytest.raises(sqlite3.ProgrammingError):  # closed, by its own thread, at the end
        outcome["connection"].execute("SELECT 1")
    with pytest.raises(CacheClosed), cache.borrowed():
        cache.connection()


def test_only_the_owner_closes_and_other_threads_borrow(tmp_path: Path) -> None:
    cache = ArchiveCache([str(tmp_path)], None)
    errors: list[str] = []

    def stray() -> None:
        for attempt in (cache.connection, cache.close):
            try:
                attempt()
            except RuntimeError as exc:
                errors.append(str(exc))

    thread = threading.Thread(target=stray)
    thread.start()
    thread.join()
    assert len(errors) == 2
    cache.close()


def test_a_temporary_cache_goes_when_its_last_connection_does(tmp_path: Path) -> None:
    cache = ArchiveCache([str(tmp_path)], None)
    folder = cache.path.parent
    borrowed, release = threading.Event(), threading.Event()

    def work() -> None:
        with cache.borrowed():
            cache.connection().execute("SELECT 1")
            borrowed.set()
            release.wait(30)

    thread = threading.Thread(target=work)
    thread.start()
    assert borrowed.wait(30)
    cache.close()
    assert folder.exists()  # the other thread's connection is still open
    release.set()
    thread.join(30)
    assert not folder.exists()


# -- removing caches ---------------------------------------------------------------------

HOLD_OPEN = """
import sys, time
from tui.archive.cache import ArchiveCache
from pathlib import Path
cache = ArchiveCache([sys.argv[1]], Path(sys.argv[2]))
print("open", flush=True)
sys.stdin.readline()
cache.close()
"""


@contextmanager
def held_open(archive: Path) -> Iterator[None]:
    """Another paperdeck process with the cache of ``archive`` open, for the block."""
    reader = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(archive), str(cache_dir())],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline() == "open\n"
        yield
    finally:
        assert reader.stdin is not None
        reader.stdin.close()
        reader.wait(30)


def test_a_cache_another_paperdeck_has_open_is_never_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_cache, "KEEP_ARCHIVES", 1)
    folder = cache_dir()
    held = tmp_path / "held"
    held.mkdir()
    with held_open(held):
        [held_file] = cache_files(folder)
        os.utime(held_file, (1, 1))  # the least recently used of all
        for name in ("a", "b", "c"):
            (tmp_path / name).mkdir()
            ArchiveCache([str(tmp_path / name)], folder).close()
        kept = cache_files(folder)
        assert held_file in kept  # open in the other process: kept
        assert len(kept) == 2  # the newest and the held one; a and b were forgotten
    (tmp_path / "d").mkdir()
    ArchiveCache([str(tmp_path / "d")], folder).close()
    assert held_file not in cache_files(folder)  # closed, it may go like any other


def test_files_named_alone_get_no_cache_kept_between_runs(tmp_path: Path) -> None:
    write_digest(tmp_path / "2025-07-14.md", "2025-07-14", [("A", 3)])
    assert not wants_persistent_cache([str(tmp_path / "2025-07-14.md")])
    assert wants_persistent_cache([str(tmp_path / "2025-07-14.md"), str(tmp_path)])
    result = subprocess.run(
        [sys.executable, "-m", "tui", "check", str(tmp_path / "2025-07-14.md")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert cache_files(cache_dir()) == []


# -- a disk that refuses the cache -------------------------------------------------------


def full_disk(monkeypatch: pytest.MonkeyPatch, spare_pages: int = 4) -> None:
    """Caches in the user's cache directory fill up after a few pages, as on a full disk
    (SQLite's own 'database or disk is full'); temporary caches are unaffected."""
    attach = schema.attach
    user_caches = str(cache_dir())

    def attach_small(path: Path) -> sqlite3.Connection:
        connection = attach(path)
        if str(path).startswith(user_caches):
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            room = max(pages, 20) + spare_pages  # the tables take 19 pages
            connection.execute(f"PRAGMA max_page_count = {room}")
        return connection

    monkeypatch.setattr(schema, "attach", attach_small)
    monkeypatch.setattr(archive_cache, "attach", attach_small)


def test_a_full_disk_is_a_failed_write_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(10, 30):
        write_digest(tmp_path / f"2025-07-{day}.md", f"2025-07-{day}", [("Paper " * 40, 3)] * 20)
    full_disk(monkeypatch)
    cache = ArchiveCache([str(tmp_path)], cache_dir())
    with pytest.raises(CacheWriteFailed, match="the disk is full"):
        update_cache([str(tmp_path)], cache)
    cache.close()


def test_commands_on_a_full_disk_warn_once_and_answer_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from tests.cli.helpers import run

    for day in range(10, 30):
        write_digest(tmp_path / f"2025-07-{day}.md", f"2025-07-{day}", [("Paper " * 40, 3)] * 20)
    expected = run(capfd, "dump", "--no-cache", str(tmp_path))
    assert expected[0] == 0
    full_disk(monkeypatch)
    for argv in (("dump",), ("check",), ("search", "paper"), ("top", "--week", "2025-W29")):
        code, out, err = run(capfd, *argv, str(tmp_path))
        assert code == 0, err
        assert err.count("warning:") == 1 and "the disk is full" in err, err
        if argv == ("dump",):
            assert out == expected[1]
        else:
            assert out


def test_cache_clear_keeps_a_cache_in_use(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from tests.cli.helpers import run

    folder = cache_dir()
    for name in ("held", "idle"):
        (tmp_path / name).mkdir()
    ArchiveCache([str(tmp_path / "idle")], folder).close()
    with held_open(tmp_path / "held"):
        code, out, _ = run(capfd, "cache", "clear")
        assert code == 0
        assert "removed 1 archive cache" in out and "1 in use by a running paperdeck kept" in out
        assert len(cache_files(folder)) == 1
