"""One archive's cache file, and who may use its SQLite connections.

Every connection is opened, used and closed by one thread. The thread that creates the
:class:`ArchiveCache` owns it and closes it (:meth:`ArchiveCache.close`); any other thread
borrows it for a piece of work (``with cache.borrowed():``), gets a connection of its own
inside, and closes that connection itself as the work ends. Closing the cache never closes
another thread's connection: it interrupts the statement that thread is running (SQLite's
``interrupt`` is made to be called from another thread), and that thread ends its work
with :class:`CacheClosed` and closes its own connection. A temporary cache's files go when
the last connection does.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path

from tui.archive.cache import reading, writing
from tui.archive.cache.indexing import index_pending
from tui.archive.cache.reading import Freshness
from tui.archive.cache.schema import (
    CacheUnusable,
    attach,
    begin_unsynced,
    end_unsynced,
    open_checked,
    remove_unused,
    write_failure,
)
from tui.archive.cache.writing import FileStat
from tui.archive.identity import archive_key
from tui.fileio.locking import FileLock

ARCHIVES_DIR = "archives"
SUFFIX = ".sqlite3"
KEEP_ARCHIVES = 20  # caches of other archives kept; the least recently used go first

__all__ = [
    "ArchiveCache",
    "CacheClosed",
    "CacheUnusable",
    "CacheWriteFailed",
    "cache_files",
    "wants_persistent_cache",
]


class CacheClosed(Exception):
    """The cache was closed (the reader is ending): the work on it stops here."""


class CacheWriteFailed(CacheUnusable):
    """The disk under the cache refused a write (full, read-only, failing)."""


def cache_files(cache_dir: Path) -> list[Path]:
    """Every archive's cache file under ``cache_dir``, most recently used first."""
    folder = cache_dir / ARCHIVES_DIR
    found: list[tuple[float, Path]] = []
    with suppress(OSError):
        for path in folder.iterdir():
            if path.name.endswith(SUFFIX):
                with suppress(OSError):
                    found.append((path.stat().st_mtime, path))
    return [path for _, path in sorted(found, key=lambda item: item[0], reverse=True)]


def wants_persistent_cache(paths: list[str]) -> bool:
    """Whether ``paths`` make an archive worth caching between runs: a folder among them.

    A file or two named on their own (``paperdeck check today.md``) is read in a moment and
    gets a temporary cache, rather than one more cache file kept for that set of paths.
    """
    return any(os.path.isdir(path) for path in paths)


class ArchiveCache:
    """The cache of the archive under ``paths``; ``cache_dir`` None keeps it temporary.

    A temporary cache (``--no-cache``) lives in a private temp directory for this run
    only: nothing is read from or written to the user's cache directory.
    """

    def __init__(self, paths: list[str], cache_dir: Path | None) -> None:
        self.paths = paths
        self._temp: str | None = None
        if cache_dir is None:
            self._temp = tempfile.mkdtemp(prefix="paperdeck-cache-")
            self.path = Path(self._temp) / f"archive{SUFFIX}"
        else:
            self.path = cache_dir / ARCHIVES_DIR / f"{archive_key(paths)}{SUFFIX}"
        self._owner = threading.get_ident()
        self._local = threading.local()
        self._open: dict[int, sqlite3.Connection] = {}  # thread id → its connection
        self._guard = threading.Lock()  # guards _open and _closed, and each interrupt
        self._closed = False
        self._hold: FileLock | None = None  # the shared lock that says the cache is in use
        try:
            first, self._hold = open_checked(self.path)
        except BaseException:
            self._remove_temp()
            raise
        self._adopt(first)
        if cache_dir is not None:
            with suppress(sqlite3.Error):  # only for cache info; the cache works without
                writing.remember_paths(first, paths)
            with suppress(OSError):
                os.utime(self.path)  # used now: the least recently used are forgotten first
            forget_old(cache_dir, keep=self.path)

    @property
    def temporary(self) -> bool:
        return self._temp is not None

    @property
    def closed(self) -> bool:
        return self._closed

    # -- connections, one per thread ---------------------------------------------------

    def connection(self) -> sqlite3.Connection:
        """This thread's connection: the owner's, or one borrowed for a piece of work."""
        found: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if found is not None:
            return found
        if threading.get_ident() != self._owner and not getattr(self._local, "depth", 0):
            raise RuntimeError("a thread uses the cache only inside cache.borrowed()")
        if self._closed:
            raise CacheClosed
        try:
            found = attach(self.path)
        except sqlite3.Error as exc:
            raise CacheUnusable(f"cannot use the cache {self.path}: {exc}") from exc
        self._adopt(found)
        return found

    def _adopt(self, connection: sqlite3.Connection) -> None:
        with self._guard:
            if self._closed:
                connection.close()
                raise CacheClosed
            self._open[threading.get_ident()] = connection
        self._local.connection = connection

    @contextmanager
    def borrowed(self) -> Iterator[None]:
        """Use the cache from this thread for the ``with`` block; its connection (made on
        first use) is closed at the end, by this thread. An interruption because the cache
        was closed meanwhile comes out as :class:`CacheClosed`."""
        depth = getattr(self._local, "depth", 0)
        self._local.depth = depth + 1
        try:
            yield
        except sqlite3.OperationalError as exc:
            if self._closed:
                raise CacheClosed from exc
            raise
        finally:
            self._local.depth = depth
            if depth == 0 and threading.get_ident() != self._owner:
                self._release()

    def _release(self) -> None:
        """Close this thread's connection (only ever by this thread)."""
        found = self._local.__dict__.pop("connection", None)
        if found is None:
            return
        with self._guard:
            self._open.pop(threading.get_ident(), None)
            found.close()
            last = self._closed and not self._open
        if last:
            self._finish()

    def interrupt(self) -> None:
        """Stop the statements other threads are running now (they see CacheClosed once the
        cache is closed; else an interrupted statement, which they treat as cancelled)."""
        me = threading.get_ident()
        with self._guard:
            for ident, connection in self._open.items():
                if ident != me:
                    connection.interrupt()

    def close(self) -> None:
        """End the cache (by its owner): other threads' work is interrupted, and each of
        them closes its own connection; a temporary cache is deleted once all are closed."""
        if threading.get_ident() != self._owner:
            raise RuntimeError("only the thread that opened the cache closes it")
        with self._guard:
            self._closed = True
        self.interrupt()
        found = self._local.__dict__.pop("connection", None)
        with self._guard:
            self._open.pop(self._owner, None)
            if found is not None:
                found.close()
            last = not self._open
        if last:
            self._finish()

    def _finish(self) -> None:
        """The last connection is closed: let go of the cache."""
        hold, self._hold = self._hold, None
        if hold is not None:
            hold.release()
        self._remove_temp()

    def _remove_temp(self) -> None:
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)

    # -- bringing it up to date -------------------------------------------------------

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection for a write; a disk that refuses it raises
        :class:`CacheWriteFailed`."""
        try:
            yield self.connection()
        except sqlite3.OperationalError as exc:
            why = write_failure(exc)
            if why is None or self._closed:
                raise
            raise CacheWriteFailed(f"cannot write the cache {self.path}: {why}") from exc

    def check(self, stats: list[FileStat]) -> Freshness:
        """Which files are current; forgets the files that are gone (``removed_days``)."""
        with self._writing() as connection:
            found = reading.freshness(connection, stats)
            found.removed_days = writing.remove_files(connection, found.gone)
            writing.move_files(connection, found.moved)
            writing.set_ranks(connection, found.ranks)
        return found

    def parse(
        self, stats: list[FileStat], index_now: bool, cancelled: Callable[[], bool] = lambda: False
    ) -> set[date | None] | None:
        """Parse ``stats`` and store them (one transaction); returns the days changed, or
        None when ``cancelled`` stopped it before it stored anything."""
        from parsers.loader import read_file_raw  # a warm start reads no file: no parser

        results = []
        for stat in stats:
            if cancelled():
                return None
            results.append((stat, read_file_raw(stat.source)))
        with self._writing() as connection:
            return writing.store_results(connection, results, index_now)

    @contextmanager
    def unsynced(self, wanted: bool, cancelled: Callable[[], bool]) -> Iterator[None]:
        """This thread's writes in the block do not wait for the disk (``wanted``: a long
        fill); at its end they are put on the disk, unless ``cancelled`` (the reader is
        closing: it would wait for them) — see :func:`~.schema.begin_unsynced`."""
        began = False
        if wanted:
            with self._writing() as connection:
                began = begin_unsynced(connection)
        try:
            yield
        finally:
            if began and not cancelled() and not self._closed:
                with suppress(sqlite3.Error, OSError):
                    end_unsynced(self.connection(), self.path)

    def index(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Put every paper into the full-text index; False when ``cancelled`` stopped it."""
        with self._writing() as connection:
            return index_pending(connection, cancelled)


def forget_old(cache_dir: Path, keep: Path) -> None:
    """Remove the caches of archives used least recently, beyond :data:`KEEP_ARCHIVES`;
    never one that a paperdeck has open."""
    for stale in cache_files(cache_dir)[KEEP_ARCHIVES:]:
        if stale != keep:
            with suppress(OSError):
                remove_unused(stale, stale.stat().st_mtime)
