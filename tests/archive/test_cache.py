"""The parse cache: the same answers as a plain parse, only changed files read again, and a
broken, foreign or half-written cache file rebuilt instead of trusted."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from parsers import discover, load
from tests.conftest import FIXTURES, SEEDS, TWO_SOURCES
from tests.screens.helpers import DEMO, write_digest
from tests.waiting import poll_until
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import all_days, file_problems, stat_sources
from tui.archive.cache.schema import FORMAT
from tui.archive.loading import update_cache
from tui.cli.digest_commands import dump_chunks, dump_document
from tui.search.fts import search_cache
from tui.search.marks import SetMarks
from tui.search.query import parse_query
from tui.settings.locations import Locations

ROOT = Path(__file__).resolve().parents[2]


def cache_dir() -> Path:
    return Path(os.environ["PAPERDECK_CACHE_DIR"])


def refreshed(paths: list[str], temporary: bool = False) -> ArchiveCache:
    cache = ArchiveCache(paths, None if temporary else cache_dir())
    update_cache(paths, cache)
    return cache


def dumped(cache: ArchiveCache, paths: list[str]) -> str:
    connection = cache.connection()
    problems = [*discover(paths)[1], *file_problems(connection)]
    return "".join(dump_chunks(all_days(connection), iter(problems)))


@pytest.mark.parametrize("archive", [SEEDS, Path(DEMO), FIXTURES / "bad-archive", TWO_SOURCES])
def test_the_cache_gives_what_a_plain_parse_gives(archive: Path) -> None:
    paths = [str(archive)]
    expected = json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    cold = refreshed(paths)
    assert dumped(cold, paths) == expected
    cold.close()
    warm = refreshed(paths)
    assert warm.check(stat_sources(discover(paths)[0])[0]).stale == []
    assert dumped(warm, paths) == expected
    warm.close()


def test_only_changed_added_or_removed_files_are_read_again(tmp_path: Path) -> None:
    for day in ("2025-07-14", "2025-07-15", "2025-07-16"):
        write_digest(tmp_path / f"{day}.md", day, [(f"Paper of {day}", 3)])
    paths = [str(tmp_path)]
    refreshed(paths).close()
    time.sleep(0.01)
    write_digest(tmp_path / "2025-07-15.md", "2025-07-15", [("Changed", 9)])
    write_digest(tmp_path / "2025-07-17.md", "2025-07-17", [("Added", 1)])
    (tmp_path / "2025-07-14.md").unlink()
    cache = ArchiveCache(paths, cache_dir())
    found = cache.check(stat_sources(discover(paths)[0])[0])
    assert sorted(Path(s.source.path).name for s in found.stale) == [
        "2025-07-15.md",
        "2025-07-17.md",
    ]
    assert found.removed_days == {date(2025, 7, 14)}
    update_cache(paths, cache)
    assert dumped(cache, paths) == (
        json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    )
    cache.close()


def test_each_file_keeps_its_place_in_the_reading_order_as_files_come_and_go(
    tmp_path: Path,
) -> None:
    for day in ("2025-07-14", "2025-07-16", "2025-07-17"):
        write_digest(tmp_path / f"{day}.md", day, [(f"Paper of {day}", 3)])
    paths = [str(tmp_path)]
    refreshed(paths).close()
    write_digest(tmp_path / "2025-07-15.md", "2025-07-15", [("Between", 2)])  # moves two on
    cache = ArchiveCache(paths, cache_dir())
    stats = stat_sources(discover(paths)[0])[0]
    found = cache.check(stats)
    assert sorted(found.ranks.values()) == [2, 3]  # the two files after the new one
    update_cache(paths, cache)
    places = dict(cache.connection().execute("SELECT path, rank FROM files"))
    assert places == {stat.resolved: stat.rank for stat in stats}
    assert cache.check(stats).ranks == {}  # nothing moved since
    cache.close()


def _cache_file(paths: list[str]) -> Path:
    cache = ArchiveCache(paths, cache_dir())
    path = cache.path
    cache.close()
    return path


@pytest.mark.parametrize("damage", ["truncate", "garbage", "foreign"])
def test_a_damaged_cache_is_rebuilt_not_trusted(damage: str) -> None:
    paths = [str(SEEDS)]
    expected = json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    refreshed(paths).close()
    path = _cache_file(paths)
    if damage == "truncate":
        with open(path, "r+b") as handle:
            handle.truncate(path.stat().st_size // 3)
    elif damage == "garbage":
        path.write_bytes(os.urandom(8192))
    else:  # written by another format
        connection = sqlite3.connect(path)
        with connection:
            connection.execute("UPDATE meta SET value = 'schema 0' WHERE key = 'format'")
        connection.close()
    for name in os.listdir(path.parent):  # the write-ahead log must not resurrect it
        if name.startswith(path.name) and name != path.name:
            os.remove(path.parent / name)
    cache = refreshed(paths)
    text = dumped(cache, paths)
    format_now = cache.connection().execute("SELECT value FROM meta").fetchone()[0]
    cache.close()
    assert format_now == FORMAT
    assert text == expected


def _refresh_in_process(paths: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    code = "import sys; from tui.cli import main; sys.exit(main(['dump', *sys.argv[1:]]))"
    return subprocess.Popen(
        [sys.executable, "-c", code, *paths], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_two_processes_on_a_cold_cache_both_work(tmp_path: Path) -> None:
    from tests.benchmarks.archive import generate_archive

    generate_archive(tmp_path / "a", days=60, papers=10)
    paths = [str(tmp_path / "a")]
    expected = json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    env = dict(os.environ)
    runs = [_refresh_in_process(paths, env) for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert out == expected


def test_killed_while_writing_then_read_again(tmp_path: Path) -> None:
    from tests.benchmarks.archive import generate_archive

    generate_archive(tmp_path / "a", days=120, papers=15)
    paths = [str(tmp_path / "a")]
    expected = json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    run = _refresh_in_process(paths, dict(os.environ))
    cache = Locations.resolve().cache

    def writing() -> bool:  # rows are going into the cache's write-ahead log
        return any(wal.stat().st_size > 0 for wal in cache.rglob("*-wal"))

    poll_until(lambda: writing() or run.poll() is not None, "the cache being written")
    assert run.poll() is None, "the dump ended before it could be killed mid-write"
    run.kill()
    run.wait()
    again = _refresh_in_process(paths, dict(os.environ))
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert out == expected


def test_the_same_files_behind_a_switched_link_are_not_read_again(tmp_path: Path) -> None:
    import shutil

    trees = tmp_path / "source" / ".trees"
    for day in ("2025-07-14", "2025-07-15"):
        write_digest(trees / "a" / f"{day}.md", day, [(f"Paper of {day}", 3)])
    link = tmp_path / "source" / "current"
    link.symlink_to(trees / "a")
    paths = [str(tmp_path / "source")]
    refreshed(paths).close()
    shutil.copytree(trees / "a", trees / "b", copy_function=shutil.copy)  # new files, new times
    write_digest(trees / "b" / "2025-07-16.md", "2025-07-16", [("New", 1)])
    link.unlink()
    link.symlink_to(trees / "b")  # what a sync does: the link now points at the new tree
    cache = ArchiveCache(paths, cache_dir())
    found = cache.check(stat_sources(discover(paths)[0])[0])
    assert [Path(stat.source.path).name for stat in found.stale] == ["2025-07-16.md"]
    assert len(found.moved) == 2 and found.removed_days == set()
    update_cache(paths, cache)
    assert dumped(cache, paths) == (
        json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    )
    cache.close()


def test_each_file_is_known_by_its_real_path_whatever_the_path_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders are resolved once for all their files: the paths are still those of
    ``os.path.realpath``, through a linked folder, a linked file, "..", a relative path."""
    archive, loose = tmp_path / "archive", tmp_path / "loose"
    for name in ("x.md", "y.md"):  # two files of one folder: resolved once for both
        write_digest(archive / ".trees" / "a" / "2025" / name, "2025-07-14", [(name, 1)])
    (archive / "current").symlink_to(Path(".trees") / "a")  # as a sync lays it out
    for name in ("a.md", "b.md", "target.md"):
        write_digest(loose / name, "2025-07-15", [(name, 1)])
    (loose / "alias.md").symlink_to("target.md")
    monkeypatch.chdir(loose)
    paths = [str(archive), str(loose / ".." / "loose" / "a.md"), "b.md", str(loose / "alias.md")]
    sources = discover(paths)[0]
    stats, problems = stat_sources(sources)
    assert problems == [] and len(stats) == len(sources) == 5
    for stat in stats:
        assert stat.resolved == os.path.realpath(stat.source.path), stat.source.path
        assert stat.size == os.stat(stat.source.path).st_size


def _found(cache: ArchiveCache, text: str) -> list[str]:
    result = search_cache(cache.connection(), parse_query(text), SetMarks())
    return [hit.entry.paper.title.split(":")[0] for hit in result.hits]


def test_a_paper_of_two_sources_is_indexed_and_read_with_both(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(TWO_SOURCES, tmp_path / "archive")
    feed = tmp_path / "archive" / "hf" / "2025-07-14.json"
    paths = [str(tmp_path / "archive")]
    cache = refreshed(paths)
    assert _found(cache, "framebuffer") == ["NeuralOS"]  # the feed's abstract
    assert _found(cache, '"framebuffer contents"') == ["NeuralOS"]  # read back, checked
    assert _found(cache, "신경망 framebuffer") == ["NeuralOS"]  # a word of each source
    [row] = [row for _, papers in all_days(cache.connection()) for row in papers][:1]
    assert {section.source for section in row.sections} == {"daily_papers_ko", "Hugging Face"}
    cache.close()
    text = feed.read_text(encoding="utf-8")
    feed.write_text(text.replace("framebuffer", "pixel"), encoding="utf-8")  # a new size
    cache = refreshed(paths)
    assert _found(cache, "framebuffer") == []  # the old text left the index with the paper
    assert _found(cache, "pixel 신경망") == ["NeuralOS"]
    cache.close()
    feed.unlink()
    cache = refreshed(paths)
    assert _found(cache, "pixel") == [] and _found(cache, "신경망") == ["NeuralOS"]
    assert dumped(cache, paths) == (
        json.dumps(dump_document(load(paths)), ensure_ascii=False, indent=2) + "\n"
    )
    cache.close()


def _index_entries(connection: sqlite3.Connection) -> list[tuple[object, ...]]:
    connection.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING fts5vocab(main, fts, instance)"
    )
    return connection.execute("SELECT * FROM temp.words ORDER BY 1, 2, 3, 4").fetchall()


@pytest.mark.parametrize("archive", [SEEDS, Path(DEMO), FIXTURES / "bad-archive", TWO_SOURCES])
def test_papers_indexed_with_their_rows_are_indexed_as_the_rows_say(archive: Path) -> None:
    """The index is filled from the copies just read; a paper leaves it with the text
    rebuilt from its rows, so both must give the index the very same words."""
    from tui.archive.cache.indexing import index_pending
    from tui.archive.cache.schema import write_transaction

    cache = refreshed([str(archive)], temporary=True)
    connection = cache.connection()
    assert connection.execute("SELECT count(*) FROM papers WHERE indexed = 0").fetchone() == (0,)
    with_rows = _index_entries(connection)
    assert with_rows
    with write_transaction(connection):
        connection.execute("INSERT INTO fts (fts) VALUES ('delete-all')")
        connection.execute("UPDATE papers SET indexed = 0")
    index_pending(connection)
    assert _index_entries(connection) == with_rows
    cache.close()


def _setting(connection: sqlite3.Connection, pragma: str) -> object:
    return connection.execute(f"PRAGMA {pragma}").fetchone()[0]


def test_a_long_fill_waits_for_the_disk_again_once_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fill of many files writes without waiting for the disk; while it does, the cache
    says so in itself, and once done every write is on the disk and the mark is gone."""
    from tests.benchmarks.archive import generate_archive
    from tui.archive.cache import schema

    monkeypatch.setattr(schema, "boot_id", lambda: "this boot")
    generate_archive(tmp_path / "archive", days=80, papers=3)
    seen: list[tuple[object, object]] = []
    store = schema.write_transaction

    def watching(connection: sqlite3.Connection):  # type: ignore[no-untyped-def]
        mark = connection.execute("SELECT value FROM meta WHERE key = 'unsynced'").fetchone()
        seen.append((_setting(connection, "synchronous"), mark and mark[0]))
        return store(connection)

    monkeypatch.setattr("tui.archive.cache.writing.write_transaction", watching)
    cache = refreshed([str(tmp_path / "archive")])
    assert (0, "this boot") in seen  # OFF, marked
    connection = cache.connection()
    assert connection.execute("SELECT count(*) FROM meta WHERE key = 'unsynced'").fetchone() == (0,)
    assert _setting(connection, "synchronous") == 1  # NORMAL
    assert len(list(all_days(connection))) == 80
    cache.close()


@pytest.mark.parametrize("boot", ["this boot", "an earlier boot"])
def test_a_cache_a_fill_left_unsynced_is_rebuilt_after_the_machine_stopped(
    boot: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Marked by a fill of this boot (paperdeck stopped, or another one is filling it) the
    cache is whole; marked by an earlier boot, the machine stopped meanwhile: rebuilt."""
    from tui.archive.cache import schema

    monkeypatch.setattr(schema, "boot_id", lambda: "this boot")
    paths = [str(SEEDS)]
    cache = refreshed(paths)
    papers = cache.connection().execute("SELECT count(*) FROM papers").fetchone()[0]
    with schema.write_transaction(cache.connection()):
        cache.connection().execute("INSERT INTO meta (key, value) VALUES ('unsynced', ?)", (boot,))
    cache.close()
    cache = ArchiveCache(paths, cache_dir())
    found = cache.connection().execute("SELECT count(*) FROM papers").fetchone()[0]
    assert found == (papers if boot == "this boot" else 0)
    cache.close()
