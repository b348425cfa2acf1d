"""Long-query benchmark: does a query's cost stay bounded as it grows?

    uv run python -m tests.benchmarks.long_query [--days 183] [--papers 30] [--archive DIR]

Queries of 1, 32, 100, 500 and 2,000 words, searched paper by paper (the reference
matcher, and the day filter) and in the cache's full-text index (the reader and
``paperdeck search``): words taken in order from the archive's own summaries (an abstract
pasted into ``/``), and the archive's commonest word repeated (every paper holding it is
checked against every term). Each time is printed
with its ratio to the one-word query of the same kind and path, measured in the same run.
A query the parser refuses (too many terms) is timed too: refusing it is its cost.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from parsers import load
from tests.benchmarks.archive import generate_archive
from tests.search.helpers import cache_of
from tui.archive.entry import Entry
from tui.archive.identity import paper_id
from tui.search.fts import search_cache
from tui.search.marks import NoMarks
from tui.search.matching import linear_search
from tui.search.query import QueryError, parse_query

LENGTHS = (1, 32, 100, 500, 2000)


def _words(entries: list[Entry], count: int) -> str:
    """The first ``count`` words of the archive's summaries, in order (a pasted abstract)."""
    words: list[str] = []
    for entry in entries:
        for section in entry.paper.sections:
            for item in section.items:
                words += [word for word in item.split() if word.isalnum()]
                if len(words) >= count:
                    return " ".join(words[:count])
    return " ".join(words)


def _common(entries: list[Entry], count: int) -> str:
    """The archive's commonest summary word, ``count`` times."""
    seen = Counter(
        word for entry in entries[:200] for s in entry.paper.sections for item in s.items
        for word in item.split() if word.isalnum()
    )  # fmt: skip
    return " ".join([seen.most_common(1)[0][0]] * count)


def _timed(run: Callable[[], object]) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        outcome = run()
    except QueryError as exc:
        return time.perf_counter() - start, f"refused: {exc}"
    total = getattr(outcome, "total", None)
    return time.perf_counter() - start, f"{total} results"


def run(archive: Path) -> None:
    result = load([str(archive)])
    entries = [
        Entry(digest.date, paper, paper_id(paper, digest.date))
        for digest in result.digests
        for paper in digest.papers
    ]
    cache = cache_of(entries)
    print(f"{len(entries):,} papers")
    marks = NoMarks()
    searches: dict[str, Callable[[str], object]] = {
        "paper by paper": lambda text: linear_search(entries, parse_query(text), marks),
        "index": lambda text: search_cache(cache.connection(), parse_query(text), marks),
    }
    kinds = {"pasted": _words, "repeated": _common}
    for label, search in searches.items():
        for kind, make in kinds.items():
            baseline = None
            for length in LENGTHS:
                text = make(entries, length)
                seconds, outcome = _timed(lambda: search(text))  # noqa: B023 - called at once
                baseline = baseline or seconds
                print(f"{label:<15} {kind:<9} {length:>5} words {seconds * 1000:10.1f} ms "
                      f"x{seconds / baseline:8.1f}  {outcome[:60]}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=183)
    parser.add_argument("--papers", type=int, default=30)
    parser.add_argument("--archive", type=Path)
    args = parser.parse_args()
    if args.archive:
        run(args.archive)
        return
    with tempfile.TemporaryDirectory(prefix="paperdeck-long-query-") as tmp:
        generate_archive(Path(tmp), args.days, args.papers)
        run(Path(tmp))


if __name__ == "__main__":
    main()
