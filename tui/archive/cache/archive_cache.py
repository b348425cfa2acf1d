"""One archive's cache file, and a connection to it for each thread that asks."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path

from parsers.loader import read_file_raw
from tui.archive.cache import reading, writing
from tui.archive.cache.indexing import index_pending
from tui.archive.cache.reading import Freshness
from tui.archive.cache.schema import CacheUnusable, connect, remove
from tui.archive.cache.writing import FileStat
from tui.archive.identity import archive_key

ARCHIVES_DIR = "archives"
SUFFIX = ".sqlite3"
KEEP_ARCHIVES = 20  # caches of other archives kept; the least recently used go first
PARSE_BATCH = 32

__all__ = ["ArchiveCache", "CacheUnusable", "cache_files"]


def cache_files(cache_dir: Path) -> list[Path]:
    """Every archive's cache file under ``cache_dir``, most recently used first."""
    folder = cache_dir / ARCHIVES_DIR
    try:
        files = [path for path in folder.iterdir() if path.name.endswith(SUFFIX)]
    except OSError:
        return []
    return sorted(files, key=lambda path: path.stat().st_mtime, reverse=True)


class ArchiveCache:
    """The cache of the archive under ``paths``; ``cache_dir`` None keeps it temporary.

    A temporary cache (``--no-cache``) lives in a private temp directory for this run
    only: nothing is read from or written to the user's cache directory.
    """

    def __init__(self, paths: list[str], cache_dir: Path | None) -> None:
        self._temp: str | None = None
        if cache_dir is None:
            self._temp = tempfile.mkdtemp(prefix="paperdeck-cache-")
            self.path = Path(self._temp) / f"archive{SUFFIX}"
        else:
            self.path = cache_dir / ARCHIVES_DIR / f"{archive_key(paths)}{SUFFIX}"
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        self.connection()  # create (or rebuild) it now, so that problems show at once
        if cache_dir is not None:
            with suppress(OSError):
                os.utime(self.path)  # used now: the least recently used are forgotten first
            _forget_old(cache_dir, keep=self.path)

    @property
    def temporary(self) -> bool:
        return self._temp is not None

    def connection(self) -> sqlite3.Connection:
        """This thread's connection (SQLite connections are not shared between threads)."""
        found: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if found is None:
            found = connect(self.path)
            self._local.connection = found
            with self._guard:
                self._all.append(found)
        return found

    def close(self) -> None:
        """Close every connection; a temporary cache is deleted."""
        with self._guard:
            for connection in self._all:
                connection.close()
            self._all.clear()
        self._local = threading.local()
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)

    # -- bringing it up to date -------------------------------------------------------

    def check(self, stats: list[FileStat]) -> Freshness:
        """Which files are current; forgets the files that are gone (``removed_days``)."""
        connection = self.connection()
        found = reading.freshness(connection, stats)
        found.removed_days = writing.remove_files(connection, found.gone)
        writing.move_files(connection, found.moved)
        writing.set_ranks(connection, found.ranks)
        return found

    def parse(self, stats: list[FileStat], index_now: bool) -> set[date | None]:
        """Parse ``stats`` and store them (one transaction); returns the days changed."""
        results = [(stat, read_file_raw(stat.source)) for stat in stats]
        return writing.store_results(self.connection(), results, index_now)

    def index(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Put every paper into the full-text index; False when ``cancelled`` stopped it."""
        return index_pending(self.connection(), cancelled)

    def refresh(
        self, stats: list[FileStat], cancelled: Callable[[], bool] = lambda: False
    ) -> Freshness:
        """Bring the whole cache up to date now (commands for scripts)."""
        found = self.check(stats)
        stale = found.stale
        for start in range(0, len(stale), PARSE_BATCH):
            if cancelled():
                break
            self.parse(stale[start : start + PARSE_BATCH], index_now=False)
        self.index(cancelled)
        return found


def _forget_old(cache_dir: Path, keep: Path) -> None:
    for stale in cache_files(cache_dir)[KEEP_ARCHIVES:]:
        if stale != keep:
            remove(stale)
