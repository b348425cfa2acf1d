"""Search benchmark: typical queries over a whole archive's cache.

    uv run python -m tests.benchmarks.search [--days 3650] [--archive DIR] [--runs 9]

Fills a cache from the archive (timed: the reader does this once, in the background, and
``paperdeck search`` on a cold cache), then times typical queries on it, median of
``--runs`` each, as the reader's ``/`` and ``paperdeck search`` run them.
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
    ("Korean, two syllables", "모델"),
    ("English word", "transformer"),
    ("author", "author:kim"),
    ("votes filter", "votes:>=100"),
    ("two words", "모델 scaling"),
    ("phrase", '"kv cache"'),
    ("date + words + exclusion", "date:2025 모델 -survey"),
]


def run(archive: Path, runs: int) -> None:
    cache = ArchiveCache([str(archive)], None)
    start = time.perf_counter()
    cache.refresh(stat_sources(discover([str(archive)])[0])[0])
    filled = time.perf_counter() - start
    papers = figures(cache.connection()).papers
    print(f"cache filled and indexed in {filled:.1f} s: {papers:,} papers")
    connection = cache.connection()
    for label, text in QUERIES:
        query = parse_query(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = search_cache(connection, query, NoMarks())
            times.append(time.perf_counter() - start)
        print(f"{label:<26} {text!r:<26} {statistics.median(times) * 1000:8.1f} ms median, "
              f"{result.total:,} results")  # fmt: skip
    cache.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--archive", type=Path, help="use this archive instead of generating")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.archive:
        run(args.archive, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-search-") as tmp:
        print(f"generating {args.days:,} days ...", flush=True)
        generate_archive(Path(tmp), args.days)
        run(Path(tmp), args.runs)


if __name__ == "__main__":
    main()
