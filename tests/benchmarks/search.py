"""Search benchmark: typical queries over a whole archive's cache, with and without the
reader's notes and tags.

    uv run python -m tests.benchmarks.search [--days 3650] [--papers 30] [--notes 1000]
                                              [--archive DIR] [--runs 9]

Builds the archive's cache (timed: the reader does this once, in the background, and
``paperdeck search`` on a cold cache), then times each query (median of ``--runs``) as
the reader's ``/`` and ``paperdeck search`` run it: with no marks, then with ``--notes``
notes and tags on random papers (notes of summary words, so that words are found in notes
too), and prints each time with its ratio to the same query without notes, measured in
the same run. Target: ≤ 50 ms median for a Korean word, an English word, an author and a
votes filter.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.archive import generate_archive
from tui.archive.cache import ArchiveCache
from tui.archive.loading import update_cache
from tui.search.fts import search_cache
from tui.search.marks import Marks, SetMarks
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
    ("note word", "note:캐시"),
    ("tag", "tag:to-read"),
    ("has note", "has:note votes:>=50"),
]
NOTE_WORDS = "캐시 모델 추론 scaling transformer kv cache 다시 읽기 compare baseline".split()


def _marks(connection_pids: list[str], count: int) -> SetMarks:
    rng = random.Random(13)
    chosen = rng.sample(connection_pids, min(count, len(connection_pids)))
    notes = {pid: " ".join(rng.choices(NOTE_WORDS, k=rng.randint(5, 40))) for pid in chosen}
    tags = {pid: rng.sample(["to-read", "llm", "rl", "vision"], 2) for pid in chosen[::2]}
    return SetMarks(notes_by_id=notes, tags_by_id=tags)


def _time(cache: ArchiveCache, text: str, marks: list[Marks], runs: int) -> list[tuple[float, int]]:
    """Median time and total of ``text`` with each of ``marks``, taken in turns (so that the
    machine's load changes both alike)."""
    query = parse_query(text)
    times: list[list[float]] = [[] for _ in marks]
    totals = [0 for _ in marks]
    for _ in range(runs):
        for number, these in enumerate(marks):
            start = time.perf_counter()
            totals[number] = search_cache(cache.connection(), query, these).total or 0
            times[number].append(time.perf_counter() - start)
    return [(statistics.median(t), total) for t, total in zip(times, totals, strict=True)]


def run(archive: Path, runs: int, notes: int) -> None:
    with tempfile.TemporaryDirectory(prefix="paperdeck-cache-") as cache_dir:
        cache = ArchiveCache([str(archive)], Path(cache_dir))
        start = time.perf_counter()
        update_cache([str(archive)], cache)
        built = time.perf_counter() - start
        pids = [row[0] for row in cache.connection().execute("SELECT pid FROM papers")]
        print(f"{len(pids):,} papers; cache built in {built:.1f} s; {notes:,} notes")
        marked = _marks(pids, notes)
        for label, text in QUERIES:
            (plain, plain_total), (noted, noted_total) = _time(
                cache, text, [SetMarks(), marked], runs
            )
            print(f"{label:<24} {text!r:<26} {plain * 1000:7.1f} ms ({plain_total:,})  "
                  f"with notes {noted * 1000:7.1f} ms ({noted_total:,})  "
                  f"× {noted / plain:.2f}")  # fmt: skip
        cache.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=3650)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.archive:
        run(args.archive, args.runs, args.notes)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-search-") as tmp:
        generate_archive(Path(tmp), args.days, args.papers)
        run(Path(tmp), args.runs, args.notes)


if __name__ == "__main__":
    main()
