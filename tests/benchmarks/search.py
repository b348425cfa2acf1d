"""Search benchmark: one query over the whole synthetic archive.

    uv run python -m tests.benchmarks.search [--days 3650] [--papers 30] [--archive DIR]

Loads the archive, builds the search index (timed: the app does this in the background,
after the first screen), then times typical queries, median of ``--runs`` each.
Target: ≤ 50 ms median for a Korean word, an English word, an author and a votes filter.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tui.search.index import Entry, NoMarks, SearchIndex

from parsers import load
from tests.benchmarks.archive import generate_archive
from tui.archive.store import paper_id
from tui.search.query import parse_query

QUERIES = [
    ("Korean word", "캐시"),
    ("English word", "transformer"),
    ("author", "author:kim"),
    ("votes filter", "votes:>=100"),
    ("two words", "모델 scaling"),
    ("phrase", '"kv cache"'),
    ("mixed", "date:2025-01 캐시 -모델"),
]


def run(archive: Path, runs: int) -> None:
    start = time.perf_counter()
    result = load([str(archive)])
    loaded = time.perf_counter() - start
    entries = [
        Entry(digest.date, paper, paper_id(paper, digest.date))
        for digest in result.digests
        for paper in digest.papers
    ]
    start = time.perf_counter()
    index = SearchIndex(entries)
    built = time.perf_counter() - start
    print(f"{len(entries):,} papers; load {loaded:.1f} s; index built in {built:.1f} s")
    marks = NoMarks()
    for label, text in QUERIES:
        query = parse_query(text)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            found = index.search(query, marks)
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
