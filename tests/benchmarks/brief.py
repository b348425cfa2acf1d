"""Brief benchmark: ``paperdeck brief`` of a week and a month of a ten-year archive.

    uv run python -m tests.benchmarks.brief [--days 3650] [--papers 30] [--runs 15]
                                            [--archive DIR] [--cache-dir DIR]

Builds the synthetic archive's cache (``--cache-dir`` keeps it), then times choosing the
top 10 papers of the newest week and month and writing their Markdown (median of
``--runs``), beside a plain search for one word in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.benchmarks.archive import add_archive_options, run_on_archive
from tui.archive.cache import ArchiveCache
from tui.archive.loading import update_cache
from tui.archive.periods import Period, PeriodKind, period_of
from tui.search.brief import brief_markdown, period_brief
from tui.search.fts import search_cache
from tui.search.marks import SetMarks
from tui.search.query import parse_query

NEWEST = date(2025, 7, 17)  # the synthetic archive's newest day


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(archive: Path, cache_dir: Path, runs: int) -> None:
    cache = ArchiveCache([str(archive)], cache_dir)
    update_cache([str(archive)], cache)
    connection = cache.connection()
    query = parse_query("캐시")
    baseline = _median(lambda: search_cache(connection, query, SetMarks()), runs)
    print(f"search '캐시' (baseline): {baseline * 1000:.1f} ms")
    for kind in (PeriodKind.WEEK, PeriodKind.MONTH):
        period = period_of(NEWEST, kind)

        def brief(period: Period = period) -> str:
            papers, total = period_brief(connection, period, {}, 10)
            return brief_markdown(period.label, papers, total)

        took = _median(brief, runs)
        print(f"brief of the {kind.value} {period.label}: {took * 1000:.1f} ms "
              f"({took / baseline:.1f}× the search)")  # fmt: skip
    cache.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_archive_options(parser)
    run_on_archive(parser.parse_args(), run)


if __name__ == "__main__":
    main()
