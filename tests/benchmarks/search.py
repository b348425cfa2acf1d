"""Search benchmark: one query over the whole synthetic archive.

    uv run python -m tests.benchmarks.search [--days 3650] [--papers 30] [--archive DIR]

Reads the archive into a temporary parse cache and builds its full-text index (timed: the
app does this in the background, after the first screen), then times typical queries over
the cache as the reader runs them, median of ``--runs`` each. Phrases with punctuation are
narrowed by the index and checked in Python (:mod:`tui.search.checked`); the plain phrase
"kv cache" is their baseline, measured in the same run.
Target: ≤ 50 ms median for a Korean word, an English word, an author and a votes filter.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from parsers import discover
from tests.benchmarks.archive import generate_archive
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import figures, stat_sources
from tui.search.fts import search_cache
from tui.search.matching import NoMarks
from tui.search.query import parse_query

QUERIES = [
    ("Korean word", "캐시"),
    ("English word", "transformer"),
    ("author", "author:kim"),
    ("votes filter", "votes:>=100"),
    ("two words", "모델 scaling"),
    ("phrase", '"kv cache"'),
    ("mixed", "date:2025-01 캐시 -모델"),
    ("punctuation", '"kv-cache"'),
    ("punctuation", '"GPT-4"'),
    ("excluded", 'cache -"kv-cache"'),
]


def run(archive: Path, runs: int) -> None:
    cache = ArchiveCache([str(archive)], None)
    try:
        start = time.perf_counter()
        stats, _ = stat_sources(discover([str(archive)])[0])
        cache.refresh(stats)
        built = time.perf_counter() - start
        papers = figures(cache.connection()).papers
        print(f"{papers:,} papers; read and indexed in {built:.1f} s")
        _time_queries(cache, runs)
    finally:
        cache.close()


def _time_queries(cache: ArchiveCache, runs: int) -> None:
    marks = NoMarks()
    for label, text in QUERIES:
        query = parse_query(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            found = search_cache(cache.connection(), query, marks)
            times.append(time.perf_counter() - start)
        total = f"{found.total:,}" if found.total is not None else f"{len(found.hits)}+"
        print(f"{label:<13} {text!r:<28} {statistics.median(times) * 1000:7.1f} ms median"
              f"  ({total} results)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.archive:
        run(args.archive, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-search-") as tmp:
        generate_archive(Path(tmp), args.days, args.papers)
        run(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
