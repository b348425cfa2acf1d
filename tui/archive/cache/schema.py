"""The parse cache's SQLite file: its tables, its format, and opening it safely.

One file per archive (a set of paths the reader was opened on). It holds what each source
file parsed to (``files``, ``copies``), the papers of each day merged across files
(``papers``: headers only; a body is read from its copy when shown), who wrote what
(``authorship``, for author pages) and a full-text index (``fts``). A file written by
another format (parser, normaliser or Python version) or one SQLite cannot read is removed
and built again: it is a cache, every byte of it can be recomputed from the digests.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from parsers import PARSER_VERSION
from tui.fileio.locking import FileLock

SCHEMA_VERSION = 6  # 6: a body from several copies (more_bodies); 5: the authorship table
FORMAT = f"schema {SCHEMA_VERSION}, parser {PARSER_VERSION}, python {sys.version_info[:2]}"
"""Everything the stored bytes depend on; any change means a rebuild."""
BUSY_TIMEOUT_MS = 10_000
JOURNAL_LIMIT = 16 * 2**20  # bytes the write-ahead log keeps after a checkpoint
MMAP_BYTES = 256 * 1024 * 1024

TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,        -- resolved path
    shown TEXT NOT NULL,              -- the path as the user named it (problems show it)
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    rank INTEGER NOT NULL,            -- its place in the order files are read
    digest TEXT NOT NULL DEFAULT '',  -- SHA-1 of its bytes: the same file found elsewhere
    problems TEXT NOT NULL            -- JSON: the problems met parsing it
);
CREATE TABLE IF NOT EXISTS copies (   -- each paper as one file gives it
    file_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    day TEXT,                         -- ISO date; NULL for the undated digest
    merge_key TEXT NOT NULL,          -- parsers.merge.paper_key: the same paper of a day
    paper BLOB NOT NULL,              -- zlib JSON: the paper's fields, sections included
    PRIMARY KEY (file_id, ordinal)
);
CREATE INDEX IF NOT EXISTS copies_by_day ON copies (day);
CREATE TABLE IF NOT EXISTS papers (   -- a day's papers merged across files, in file order
    id INTEGER PRIMARY KEY,           -- the rank key (see rows.rank_key): best first
    day TEXT,
    position INTEGER NOT NULL,
    pid TEXT NOT NULL,
    title TEXT NOT NULL,
    title_derived INTEGER NOT NULL,
    url TEXT,
    arxiv_id TEXT,
    votes INTEGER,
    authors TEXT NOT NULL,            -- names joined by U+001F
    thumbnail TEXT,
    video TEXT,
    body_file INTEGER,                -- the first copy whose sections are the body
    body_ordinal INTEGER,
    more_bodies TEXT,                 -- other sources' copies adding sections ("file:ordinal …")
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS papers_by_day ON papers (day, position);
CREATE INDEX IF NOT EXISTS papers_by_pid ON papers (pid);
CREATE INDEX IF NOT EXISTS papers_by_arxiv ON papers (arxiv_id);
CREATE INDEX IF NOT EXISTS papers_to_index ON papers (id) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS authorship (  -- who wrote which paper, by normalised name
    key TEXT NOT NULL,                -- text.author_key: NFKC, case-folded, single spaces
    paper INTEGER NOT NULL,           -- papers.id
    PRIMARY KEY (key, paper)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS authorship_by_paper ON authorship (paper);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    title, authors, body,
    content = '',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
"""


class CacheUnusable(Exception):
    """The cache file cannot be opened, created or written (the directory is unusable)."""


OPEN_WAIT = 30.0
"""Seconds to wait for another paperdeck that is creating or rebuilding the cache."""
FAILED_WRITES = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "a disk error",
    sqlite3.SQLITE_READONLY: "it is read-only",
    sqlite3.SQLITE_CANTOPEN: "it cannot be opened",
}


def write_failure(exc: sqlite3.Error) -> str | None:
    """Why a write failed when the disk is at fault (full, read-only…), not the file."""
    return FAILED_WRITES.get(getattr(exc, "sqlite_errorcode", -1) & 0xFF)


def open_checked(path: Path) -> tuple[sqlite3.Connection, FileLock]:
    """Open (or create) the cache at ``path``, holding a shared lock on it while in use.

    A foreign or broken file is rebuilt, under the exclusive lock: of two paperdecks
    starting at once on a new or broken cache, one creates (or rebuilds) it while the other
    waits, then opens it. A file another paperdeck holds open is never removed: the shared
    lock says it is in use (see :func:`remove_unused`).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        hold = FileLock.take(lock_path(path), exclusive=False, wait=OPEN_WAIT)
        if hold is None:
            raise CacheUnusable(f"cannot use the cache {path}: another paperdeck is rebuilding it")
        try:
            return _open_held(path, hold)
        except BaseException:
            hold.release()
            raise
    except OSError as exc:
        raise CacheUnusable(f"cannot use the cache {path}: {exc.strerror or exc}") from exc


def _open_held(path: Path, hold: FileLock) -> tuple[sqlite3.Connection, FileLock]:
    if path.exists():
        try:
            connection = attach(path)
        except sqlite3.Error:
            connection = None
        if connection is not None:
            try:
                if _format(connection) == FORMAT and not _unsynced_before_a_crash(connection):
                    return connection, hold
            except sqlite3.Error:
                pass
            connection.close()
    # New, foreign or broken: made again by one paperdeck alone.
    hold.release()
    exclusive = FileLock.take(lock_path(path), exclusive=True, wait=OPEN_WAIT)
    if exclusive is None:
        raise CacheUnusable(
            f"cannot use the cache {path}: another paperdeck (of another version?) has it open"
        )
    try:
        connection = _connect(path)
    finally:
        exclusive.release()
    # Between the exclusive lock and the shared one another paperdeck may open the cache;
    # none removes it meanwhile: its file was just used (see remove_unused).
    shared = FileLock.take(lock_path(path), exclusive=False, wait=OPEN_WAIT)
    if shared is None:
        connection.close()
        raise CacheUnusable(f"cannot use the cache {path}: another paperdeck is rebuilding it")
    return connection, shared


def lock_path(path: Path) -> Path:
    """The lock file beside the cache at ``path``: shared while open, exclusive to change."""
    return path.with_name(f"{path.name}.lock")


def remove_unused(path: Path, seen_mtime: float | None = None) -> bool:
    """Delete the cache at ``path`` unless a paperdeck has it open; True when deleted.

    ``seen_mtime``: the modification time it was chosen by; a cache used since (opened
    again, so touched) is kept.
    """
    lock = FileLock.take(lock_path(path), exclusive=True, wait=0)
    if lock is None:
        return False
    try:
        if seen_mtime is not None:
            try:
                if path.stat().st_mtime != seen_mtime:
                    return False
            except FileNotFoundError:
                pass
        remove(path)
        lock.remove()
        return True
    finally:
        lock.release()


def _connect(path: Path) -> sqlite3.Connection:
    try:
        return _open(path)
    except sqlite3.OperationalError as exc:  # locked, read-only, full: the file is not at fault
        raise CacheUnusable(f"cannot use the cache {path}: {exc}") from exc
    except sqlite3.DatabaseError:
        remove(path)  # corrupt, truncated, or not a database at all
    try:
        return _open(path)
    except sqlite3.Error as exc:
        raise CacheUnusable(f"cannot use the cache {path}: {exc}") from exc


def attach(path: Path) -> sqlite3.Connection:
    """Another connection to the checked cache at ``path`` (for another thread)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute(f"PRAGMA journal_size_limit = {JOURNAL_LIMIT}")
        # Read through a memory map: an author's or a month's papers lie all over the file,
        # and page by page through read() calls they cost ten times as much.
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    except BaseException:
        connection.close()
        raise
    return connection


def _open(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CacheUnusable(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    connection = attach(path)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        found = _format(connection)
        if found is not None and (found != FORMAT or _unsynced_before_a_crash(connection)):
            connection.close()
            remove(path)
            return _open(path)
        if found is None:
            with connection:
                connection.executescript(TABLES)
                connection.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?)", (FORMAT,)
                )
    except BaseException:
        connection.close()
        raise
    return connection


def _format(connection: sqlite3.Connection) -> str | None:
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return row[0] if row else None


def remove(path: Path) -> None:
    """Delete the cache file and its companions (write-ahead log, shared memory)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


@contextmanager
def write_transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, holding the write lock from its start (readers go on)."""
    if connection.in_transaction:  # an implicit one (temporary tables) left on this thread
        connection.commit()
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.rollback()
        raise
    connection.commit()


# -- a long fill that does not wait for the disk --------------------------------------------

UNSYNCED = "unsynced"
"""The ``meta`` key saying a fill writes without waiting for the disk; its value is the
boot it began in (see :func:`unsynced_writes`)."""
BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def boot_id() -> str:
    """This boot of the machine ("" when the system does not say: Linux does)."""
    try:
        return BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _unsynced_before_a_crash(connection: sqlite3.Connection) -> bool:
    """True when a fill wrote without waiting for the disk in an earlier boot and never
    said it was done: the machine stopped meanwhile, and the file may be damaged."""
    try:
        row = connection.execute("SELECT value FROM meta WHERE key = ?", (UNSYNCED,)).fetchone()
    except sqlite3.OperationalError:
        return False
    return row is not None and row[0] != boot_id()


def begin_unsynced(connection: sqlite3.Connection) -> bool:
    """Let this connection's writes go on without waiting for the disk (a cold fill:
    every commit waiting for the disk made it a third longer). False when it cannot be
    made safe (the boot is unknown, the file is busy): writes wait for the disk as usual.

    Readers still see whole transactions only: this changes what a crash of the *machine*
    may leave, not what other connections see, nor what a crash of paperdeck may leave.
    A mark saying so is made durable first, in the file itself (checkpointed), on a page
    the fill never writes; :func:`end_unsynced` clears it once every write is on the disk.
    A cache found marked by an earlier boot is rebuilt (see :func:`open_checked`).
    """
    boot = boot_id()
    if not boot:
        return False
    connection.execute("PRAGMA synchronous = FULL")
    with write_transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (UNSYNCED, boot)
        )
    # Copied into the file and the file synced, unless a reader holds older pages (a
    # passive checkpoint waits for no one): then the writes stay synced.
    busy, logged, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    if busy or logged != copied:
        end_unsynced(connection, synced=False)
        return False
    connection.execute("PRAGMA synchronous = OFF")
    return True


def end_unsynced(
    connection: sqlite3.Connection, path: Path | None = None, synced: bool = True
) -> None:
    """Every write so far onto the disk (``path``: the cache file), then the mark of
    :func:`begin_unsynced` cleared and writes waiting for the disk again."""
    if synced and path is not None:
        for name in (str(path), f"{path}-wal"):
            with suppress(FileNotFoundError):
                descriptor = os.open(name, os.O_RDONLY)
                try:
                    os.fsync(descriptor)
                finally:
                    os.close(descriptor)
    connection.execute("PRAGMA synchronous = FULL")
    with write_transaction(connection):
        connection.execute("DELETE FROM meta WHERE key = ?", (UNSYNCED,))
    connection.execute("PRAGMA synchronous = NORMAL")
