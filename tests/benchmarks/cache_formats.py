"""The two cache designs considered, measured on the same archive in one run.

    uv run python -m tests.benchmarks.cache_formats [--days 1000] [--archive DIR]

- **SQLite** (what paperdeck uses): one file per archive with each file's papers, each
  day's papers merged, and an FTS5 full-text index.
- **Per-file marshal** (the purpose-built alternative): one ``marshal`` file per digest
  holding what it parsed to, plus a manifest of the days in each file.

Both are filled from the same parse results (the parse itself is not timed), then timed on
what the reader needs: every day known and the newest day's papers (the first screen), a
word searched across the archive (the per-file design must read everything and match it in
memory, as it has no index on disk), and their size on disk.
"""

from __future__ import annotations

import argparse
import marshal
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from parsers import discover
from parsers.loader import RawFileResult, read_file_raw
from tests.benchmarks.archive import generate_archive
from tui.archive.cache import ArchiveCache
from tui.archive.cache.indexing import index_pending
from tui.archive.cache.reading import day_counts, day_papers, stat_sources
from tui.archive.cache.writing import FileStat, store_results
from tui.archive.text import normalize
from tui.search.fts import search_cache
from tui.search.marks import NoMarks
from tui.search.query import parse_query

WORD = "scaling"


def _median(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _plain(result: RawFileResult) -> list[dict[str, Any]]:
    return [
        {"date": d["date"].isoformat() if d["date"] else None, "papers": d["papers"]}
        for d in result.digests
    ]


def fill_marshal(folder: Path, parsed: list[tuple[FileStat, RawFileResult]]) -> None:
    manifest = {}
    for number, (_, result) in enumerate(parsed):
        data = _plain(result)
        temp = folder / f"{number}.tmp"
        temp.write_bytes(marshal.dumps(data))
        os.replace(temp, folder / f"{number}.bin")
        manifest[str(number)] = [digest["date"] for digest in data]
    (folder / "manifest.bin").write_bytes(marshal.dumps(manifest))


def marshal_first_screen(folder: Path) -> int:
    manifest = marshal.loads((folder / "manifest.bin").read_bytes())
    days = {day for days in manifest.values() for day in days if day}
    newest = max(days)
    papers = 0
    for number, file_days in manifest.items():
        if newest in file_days:
            for digest in marshal.loads((folder / f"{number}.bin").read_bytes()):
                papers += len(digest["papers"]) if digest["date"] == newest else 0
    return papers


def marshal_search(folder: Path) -> int:
    found = 0
    needle = f" {WORD}"
    for path in folder.glob("*.bin"):
        if path.name == "manifest.bin":
            continue
        for digest in marshal.loads(path.read_bytes()):
            for paper in digest["papers"]:
                body = " ".join(i for s in paper["sections"] for i in s["items"])
                text = normalize(f" {paper['title']} {' '.join(paper['authors'])} {body}")
                found += needle in text
    return found


def run(archive: Path, runs: int) -> None:
    sources = discover([str(archive)])[0]
    stats, _ = stat_sources(sources)
    parsed = [(stat, read_file_raw(stat.source)) for stat in stats]
    size = sum(stat.size for stat in stats)
    print(f"archive: {len(stats):,} files, {size / 2**20:,.1f} MiB")
    with tempfile.TemporaryDirectory(prefix="paperdeck-formats-") as tmp:
        folder = Path(tmp) / "marshal"
        folder.mkdir()
        start = time.perf_counter()
        fill_marshal(folder, parsed)
        marshal_write = time.perf_counter() - start
        cache = ArchiveCache([str(archive)], Path(tmp) / "sqlite")
        connection = cache.connection()
        start = time.perf_counter()
        for chunk in range(0, len(parsed), 32):
            store_results(connection, parsed[chunk : chunk + 32], index_now=False)
        sqlite_write = time.perf_counter() - start
        start = time.perf_counter()
        index_pending(connection)
        sqlite_index = time.perf_counter() - start

        def sqlite_first_screen() -> int:
            counts = day_counts(connection)
            return len(day_papers(connection, max(d for d in counts if d is not None)))

        query = parse_query(WORD)
        rows = [
            ("fill (parse results given)", sqlite_write + sqlite_index, marshal_write),
            ("first screen: every day + newest day", _median(runs, sqlite_first_screen),
             _median(runs, lambda: marshal_first_screen(folder))),
            (f"search {WORD!r} over everything",
             _median(runs, lambda: search_cache(connection, query, NoMarks())),
             _median(max(1, runs // 3), lambda: marshal_search(folder))),
        ]  # fmt: skip
        marshal_bytes = sum(p.stat().st_size for p in folder.iterdir())
        sqlite_bytes = sum(p.stat().st_size for p in cache.path.parent.iterdir())
        cache.close()
    print(f"{'':40} {'SQLite':>12} {'per-file marshal':>18}")
    for label, sqlite_seconds, marshal_seconds in rows:
        print(f"{label:40} {sqlite_seconds * 1000:10.0f} ms {marshal_seconds * 1000:15.0f} ms")
    print(f"{'size on disk':40} {sqlite_bytes / 2**20:9.1f} MiB {marshal_bytes / 2**20:14.1f} MiB")
    print(f"(SQLite fill: {sqlite_write:.1f} s storing, {sqlite_index:.1f} s indexing)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1000)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.archive:
        run(args.archive, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-formats-archive-") as tmp:
        generate_archive(Path(tmp), days=args.days, dumps=True)
        run(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
