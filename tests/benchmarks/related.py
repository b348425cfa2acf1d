"""Related-papers benchmark: ``related`` on a ten-year archive, against a plain search.

    uv run python -m tests.benchmarks.related [--days 3650] [--papers 30] [--runs 15]
                                              [--archive DIR] [--cache-dir DIR]

Builds the synthetic archive's cache (``--cache-dir`` keeps it for the next run), then, in
turns so that the machine's load changes both alike, times :func:`related_papers` on
``--runs`` papers drawn at random and a plain search for one word (``캐시``, in two
thirds of the papers) as the reader's ``/`` runs it. Prints the medians, their ratio, and
where the related time goes (weighing the paper's words, the BM25 query). The synthetic
archive is a hard case: its titles and summaries draw on a vocabulary of about a hundred
words, so every paper shares words with most others.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from tests.benchmarks.archive import add_archive_options, run_on_archive
from tui.archive.cache import ArchiveCache
from tui.archive.cache.reading import body
from tui.archive.loading import update_cache
from tui.search import related as rel
from tui.search.fts import search_cache
from tui.search.marks import SetMarks
from tui.search.query import parse_query

BASELINE = "캐시"


def _parts(cache: ArchiveCache, pid: str) -> tuple[float, float]:
    """Seconds weighing the paper's words, and running its BM25 query."""
    connection = cache.connection()
    copies = rel.paper_copies(connection, pid)
    text = " ".join(item for s in body(connection, copies[0].body) for item in s.items)
    start = time.perf_counter()
    weighed = rel._weighed_terms(connection, copies[0].paper.title, text, len(copies))
    middle = time.perf_counter()
    rel._text_scores(connection, [t for t, _ in weighed[: rel.TOP_TERMS]], rel.CANDIDATES)
    return middle - start, time.perf_counter() - middle


def run(archive: Path, cache_dir: Path, runs: int) -> None:
    cache = ArchiveCache([str(archive)], cache_dir)
    start = time.perf_counter()
    update_cache([str(archive)], cache)
    built = time.perf_counter() - start
    connection = cache.connection()
    pids = [row[0] for row in connection.execute("SELECT pid FROM papers")]
    print(f"{len(pids):,} papers; cache ready in {built:.1f} s")
    chosen = random.Random(5).sample(pids, runs)
    query = parse_query(BASELINE)
    related: list[float] = []
    searched: list[float] = []
    found = 0
    for pid in chosen:
        start = time.perf_counter()
        found += len(rel.related_papers(connection, pid).papers)
        related.append(time.perf_counter() - start)
        start = time.perf_counter()
        search_cache(connection, query, SetMarks())
        searched.append(time.perf_counter() - start)
    parts = [_parts(cache, pid) for pid in chosen]
    cache.close()
    median, baseline = statistics.median(related), statistics.median(searched)
    print(f"related, median of {runs}: {median * 1000:.1f} ms "
          f"(min {min(related) * 1000:.1f}, max {max(related) * 1000:.1f}; "
          f"{found / runs:.1f} papers each)")  # fmt: skip
    print(f"search {BASELINE!r} (baseline, same run): {baseline * 1000:.1f} ms")
    print(f"ratio: {median / baseline:.1f}×")
    weigh = statistics.median(p[0] for p in parts)
    query_time = statistics.median(p[1] for p in parts)
    print(f"where it goes: weighing words {weigh * 1000:.1f} ms, BM25 query "
          f"{query_time * 1000:.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_archive_options(parser)
    run_on_archive(parser.parse_args(), run)


if __name__ == "__main__":
    main()
