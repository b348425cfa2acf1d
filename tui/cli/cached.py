"""The archive's cache, brought up to date for a command (``--no-cache``: a throw-away one)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from parsers import Problem
from tui.archive.cache import ArchiveCache, CacheUnusable, CacheWriteFailed, wants_persistent_cache
from tui.archive.loading import update_cache
from tui.cli.arguments import PROG
from tui.cli.output import safe
from tui.settings.locations import Locations


def _warn(problem: CacheUnusable) -> None:
    print(f"{PROG}: warning: {safe(str(problem))}; reading without it", file=sys.stderr)


@contextmanager
def fresh_cache(
    paths: list[str], locations: Locations, no_cache: bool = False, memory_map: bool = True
) -> Iterator[tuple[ArchiveCache, list[Problem]]]:
    """The cache of ``paths`` with every file read and indexed, and the problems of finding
    them (files that could not be found or stat'ed; each file's own are in the cache).

    A cache directory that cannot be used, or a disk that refuses the writes (full,
    read-only), is said once on stderr; the command then reads into a temporary cache.
    """
    persistent = not no_cache and wants_persistent_cache(paths)
    try:
        cache = ArchiveCache(paths, locations.cache if persistent else None)
    except CacheUnusable as exc:
        _warn(exc)
        cache = _temporary(paths)
    try:
        if not memory_map:
            _unmapped(cache)
        try:
            problems = update_cache(paths, cache)
        except CacheWriteFailed as exc:
            if cache.temporary:
                _give_up(exc)
            _warn(exc)
            cache.close()
            cache = _temporary(paths)
            if not memory_map:
                _unmapped(cache)
            try:
                problems = update_cache(paths, cache)
            except CacheWriteFailed as again:
                _give_up(again)
        yield cache, problems
    finally:
        cache.close()


def _unmapped(cache: ArchiveCache) -> None:
    cache.connection().execute("PRAGMA mmap_size = 0")


def _temporary(paths: list[str]) -> ArchiveCache:
    try:
        return ArchiveCache(paths, None)
    except (CacheUnusable, OSError) as exc:
        _give_up(exc)


def _give_up(problem: Exception) -> NoReturn:
    """Not even a temporary cache can be written (the temp directory's disk is full too)."""
    print(f"{PROG}: error: {safe(str(problem))} (no room for a temporary cache either)",
          file=sys.stderr)  # fmt: skip
    raise SystemExit(1)
