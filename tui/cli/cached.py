"""The archive's cache, brought up to date for a command (``--no-cache``: a throw-away one)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from parsers import Problem, discover
from tui.archive.cache import ArchiveCache, CacheUnusable
from tui.archive.cache.reading import stat_sources
from tui.cli.arguments import PROG
from tui.cli.output import safe
from tui.settings.locations import Locations

NO_CACHE_HELP = "parse every file now; read and write no parse cache"


@contextmanager
def fresh_cache(
    paths: list[str], locations: Locations, no_cache: bool = False
) -> Iterator[tuple[ArchiveCache, list[Problem]]]:
    """The cache of ``paths`` with every file read and indexed, and the problems of finding
    them (files that could not be found or stat'ed; each file's own are in the cache)."""
    try:
        cache = ArchiveCache(paths, None if no_cache else locations.cache)
    except CacheUnusable as exc:
        print(f"{PROG}: warning: {safe(str(exc))}; reading without it", file=sys.stderr)
        cache = ArchiveCache(paths, None)
    try:
        sources, problems = discover(paths)
        stats, unreadable = stat_sources(sources)
        cache.refresh(stats)
        yield cache, problems + unreadable
    finally:
        cache.close()
