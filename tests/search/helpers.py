"""An archive cache holding given papers, for search tests."""

from __future__ import annotations

import atexit
from collections import defaultdict
from datetime import date
from pathlib import Path

from parsers import SourceFile
from parsers.loader import RawFileResult
from tui.archive.cache import ArchiveCache
from tui.archive.cache.writing import FileStat, store_results
from tui.archive.entry import Entry


def cache_of(entries: list[Entry]) -> ArchiveCache:
    """A temporary cache holding ``entries``: one file per day, papers in list order."""
    cache = ArchiveCache([], None)
    atexit.register(cache.close)
    by_day: dict[date | None, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.day].append(entry)
    results = []
    for rank, (day, group) in enumerate(by_day.items()):
        name = f"/digests/{day or 'undated'}.md"
        source = SourceFile(path=name, explicit=False, path_date=day)
        stat = FileStat(source, str(Path(name)), 1, 1, rank)
        papers = [entry.paper.as_json() for entry in group]
        digest = {"date": day, "sources": [name], "papers": papers}
        results.append((stat, RawFileResult(source, [digest], [])))
    store_results(cache.connection(), results, index_now=True)
    return cache
