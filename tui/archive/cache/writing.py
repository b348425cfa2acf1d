"""Writing parse results into the cache: copies per file, days merged again, the index.

Everything for a set of files happens in one transaction, so a reader (or a crash) sees the
cache before or after, never half of it. The full-text index is contentless: a paper is
taken out of it with the very text it was put in with, rebuilt from the rows that are
still there, so a day's old papers leave the index before their copies are replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from parsers import Problem, SourceFile
from parsers.merge import merge_paper, paper_key
from parsers.models import problem_from_json
from parsers.regular_files import UnusableFile, read_regular_file
from tui.archive.cache.indexing import INDEXED_TEXT, index_values
from tui.archive.cache.rows import (
    AUTHOR_SEPARATOR,
    CopyRef,
    PaperRecord,
    day_from_text,
    day_text,
    packed,
    paper_text,
    rank_key,
    record_from_json,
    refs_text,
    sections_text,
)
from tui.archive.cache.schema import write_transaction
from tui.archive.identity import paper_id
from tui.archive.text import author_key, searchable_texts

if TYPE_CHECKING:
    from parsers.loader import RawFileResult


@dataclass(frozen=True)
class FileStat:
    """A source file as found on disk now: what the cache is keyed on."""

    source: SourceFile
    resolved: str
    size: int
    mtime_ns: int
    rank: int  # its place in the order files are read (merges keep that order)


def remember_paths(connection: sqlite3.Connection, paths: list[str]) -> None:
    """Keep the archive's paths (resolved, as its key is made) in the cache, so that
    ``paperdeck cache info`` can say which archive a cache file belongs to."""
    text = json.dumps(sorted(os.path.realpath(path) for path in paths), ensure_ascii=False)
    if archive_paths(connection) != json.loads(text):
        with write_transaction(connection):
            connection.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('paths', ?)", (text,)
            )


def archive_paths(connection: sqlite3.Connection) -> list[str] | None:
    """The archive's paths as :func:`remember_paths` kept them (None: not kept)."""
    row = connection.execute("SELECT value FROM meta WHERE key = 'paths'").fetchone()
    return list(json.loads(row[0])) if row else None


def store_results(
    connection: sqlite3.Connection,
    results: Iterable[tuple[FileStat, RawFileResult]],
    index_now: bool,
) -> set[date | None]:
    """Replace what the cache holds for these files; returns the days that changed."""
    results = list(results)
    fresh: dict[CopyRef, PaperRecord] = {}
    with write_transaction(connection):
        ids = [_file_id(connection, stat) for stat, _ in results]
        days = _days_of(connection, ids)
        for _, result in results:
            days |= {digest["date"] for digest in result.digests}
        _drop_days(connection, days)
        copies: list[tuple[int, int, str | None, str, bytes]] = []
        for (stat, result), file_id in zip(results, ids, strict=True):
            copies += _replace_copies(connection, file_id, stat, result, fresh)
        blobs = packed([copy[4] for copy in copies])
        connection.executemany(
            "INSERT INTO copies (file_id, ordinal, day, merge_key, paper) VALUES (?, ?, ?, ?, ?)",
            [(*copy[:4], blob) for copy, blob in zip(copies, blobs, strict=True)],
        )
        _merge_days(connection, days, fresh, index_now)
    return days


def remove_files(connection: sqlite3.Connection, file_ids: list[int]) -> set[date | None]:
    """Forget files that are gone; returns the days that changed."""
    if not file_ids:
        return set()
    with write_transaction(connection):
        days = _days_of(connection, file_ids)
        _drop_days(connection, days)
        for file_id in file_ids:
            connection.execute("DELETE FROM copies WHERE file_id = ?", (file_id,))
            connection.execute("DELETE FROM files WHERE id = ?", (file_id,))
        _merge_days(connection, days, {}, index_now=True)
    return days


def file_digest(path: str) -> str:
    """SHA-1 of a file's bytes ("" when it cannot be read as a regular file)."""
    from parsers.loader import MAX_FILE_BYTES  # the parsers load when a file is read, not before

    try:
        return hashlib.sha1(read_regular_file(path, MAX_FILE_BYTES)).hexdigest()
    except (OSError, UnusableFile):
        return ""


def move_files(connection: sqlite3.Connection, moved: list[tuple[int, FileStat]]) -> None:
    """The same files found at new resolved paths: remember where they are now."""
    if not moved:
        return
    with write_transaction(connection):
        connection.executemany(
            "UPDATE files SET path = ?, mtime_ns = ? WHERE id = ?",
            ((stat.resolved, stat.mtime_ns, file_id) for file_id, stat in moved),
        )


def set_ranks(connection: sqlite3.Connection, ranks: dict[int, int]) -> None:
    """Record the order files are read in now: ``ranks`` holds the files whose place changed."""
    if not ranks:
        return
    with write_transaction(connection):
        connection.executemany(
            "UPDATE files SET rank = ? WHERE id = ?",
            ((rank, file_id) for file_id, rank in ranks.items()),
        )


# -- inside a transaction ----------------------------------------------------------------


def _file_id(connection: sqlite3.Connection, stat: FileStat) -> int:
    row = connection.execute(
        "INSERT INTO files (path, shown, size, mtime_ns, rank, problems) "
        "VALUES (?, ?, ?, ?, ?, '[]') ON CONFLICT (path) DO UPDATE SET shown = excluded.shown "
        "RETURNING id",
        (stat.resolved, stat.source.path, stat.size, stat.mtime_ns, stat.rank),
    ).fetchone()
    return int(row[0])


def _days_of(connection: sqlite3.Connection, file_ids: list[int]) -> set[date | None]:
    marks = ",".join("?" * len(file_ids))
    rows = connection.execute(
        f"SELECT DISTINCT day FROM copies WHERE file_id IN ({marks})", file_ids
    ).fetchall()
    return {day_from_text(row[0]) for row in rows}


def _drop_days(connection: sqlite3.Connection, days: set[date | None]) -> None:
    """Take the merged papers of ``days`` out of the index and the ``papers`` table."""
    for day in days:
        where, args = _day_clause(day)
        indexed = connection.execute(
            f"{INDEXED_TEXT} WHERE p.indexed = 1 AND {where.replace('day', 'p.day')}", args
        ).fetchall()
        connection.executemany(
            "INSERT INTO fts (fts, rowid, title, authors, body) VALUES ('delete', ?, ?, ?, ?)",
            [index_values(connection, row) for row in indexed],
        )
        connection.execute(
            f"DELETE FROM authorship WHERE paper IN (SELECT id FROM papers WHERE {where})", args
        )
        connection.execute(f"DELETE FROM papers WHERE {where}", args)


def _replace_copies(
    connection: sqlite3.Connection,
    file_id: int,
    stat: FileStat,
    result: RawFileResult,
    fresh: dict[CopyRef, PaperRecord],
) -> list[tuple[int, int, str | None, str, bytes]]:
    """The file's row brought up to date, its old copies gone; its new copies' rows, the
    paper as :func:`paper_text` (compressed by the caller, all at once)."""
    connection.execute("DELETE FROM copies WHERE file_id = ?", (file_id,))
    problems = json.dumps([p.as_json() for p in result.problems], ensure_ascii=False)
    connection.execute(
        "UPDATE files SET size = ?, mtime_ns = ?, rank = ?, problems = ?, digest = ? WHERE id = ?",
        (stat.size, stat.mtime_ns, stat.rank, problems, file_digest(stat.source.path), file_id),
    )
    rows = []
    ordinal = 0
    for digest in result.digests:
        day = digest["date"]
        for fields in digest["papers"]:
            paper = PaperRecord.of(fields)
            fresh[(file_id, ordinal)] = paper
            rows.append((file_id, ordinal, day_text(day), paper_key(paper), paper_text(fields)))
            ordinal += 1
    return rows


def _merge_days(
    connection: sqlite3.Connection,
    days: set[date | None],
    fresh: dict[CopyRef, PaperRecord],
    index_now: bool,
) -> None:
    """Merge each day's copies, in file order, into its ``papers`` rows, with their authors
    and (``index_now``) their entries in the full-text index.

    The index is given each paper's text from the copies read here (the same text
    :func:`~tui.archive.cache.indexing.index_values` rebuilds from the rows), so that
    indexing with the rows costs no second read of the copies.
    """
    keys: dict[str, str] = {}  # author_key of each spelling met: names recur day after day
    authorship: set[tuple[str, object]] = set()
    entries: list[tuple[object, str, str, str]] = []
    for day in days:
        where, args = _day_clause(day)
        copies = connection.execute(
            "SELECT c.file_id, c.ordinal, c.merge_key, c.paper FROM copies c "
            f"JOIN files f ON f.id = c.file_id WHERE {where.replace('day', 'c.day')} "
            "ORDER BY f.rank, c.file_id, c.ordinal",
            args,
        ).fetchall()
        merged: dict[str, PaperRecord] = {}
        body: dict[str, list[CopyRef]] = {}
        texts: dict[str, list[str]] = {}  # each body copy's text, before merging changes it
        for file_id, ordinal, key, text in copies:
            paper = fresh.get((file_id, ordinal)) or _record(text)
            if paper is None:
                continue
            kept = merged.get(key)
            if kept is None:
                merged[key] = paper
                body[key] = [(file_id, ordinal)] if paper.sections else []
                texts[key] = [sections_text(paper.sections)] if index_now and paper.sections else []
            else:
                added = sections_text(paper.sections) if index_now else ""
                if merge_paper(kept, paper):  # its sections join the body
                    body[key].append((file_id, ordinal))
                    texts[key].append(added)
        rows = [
            _paper_row(day, position, paper, body[key], index_now)
            for position, (key, paper) in enumerate(merged.items())
        ]
        connection.executemany(
            "INSERT INTO papers (id, day, position, pid, title, title_derived, url, arxiv_id, "
            "votes, authors, thumbnail, video, body_file, body_ordinal, more_bodies, indexed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        authorship |= _authorship(rows, merged.values(), keys)
        if index_now:
            entries += [
                _index_row(row, " ".join(texts[key])) for row, key in zip(rows, merged, strict=True)
            ]
    add_authorship(connection, authorship)
    add_to_index(connection, entries)


def add_authorship(connection: sqlite3.Connection, rows: set[tuple[str, object]]) -> None:
    """Who wrote which of the papers just merged (in key order: B-tree pages filled one
    after another rather than all over the table)."""
    connection.executemany(
        "INSERT OR IGNORE INTO authorship (key, paper) VALUES (?, ?)", sorted(rows)
    )


def add_to_index(
    connection: sqlite3.Connection, entries: list[tuple[object, str, str, str]]
) -> None:
    """The papers just merged into the full-text index, by rising row id: the index keeps
    its pending entries in memory only while row ids rise (a lower one flushes them)."""
    entries.sort(key=lambda entry: entry[0])  # type: ignore[arg-type, return-value]
    connection.executemany(
        "INSERT INTO fts (rowid, title, authors, body) VALUES (?, ?, ?, ?)", entries
    )


def _index_row(row: tuple[object, ...], body: str) -> tuple[object, str, str, str]:
    """A paper's entry in the index from its ``papers`` row, as :func:`index_values` makes
    it from the stored row (title and authors as the columns hold them)."""
    authors = str(row[9])
    names = authors.split(AUTHOR_SEPARATOR) if authors else []
    return (row[0], *searchable_texts(str(row[4]), names, body))


def _authorship(
    rows: list[tuple[object, ...]], papers: Iterable[PaperRecord], keys: dict[str, str]
) -> set[tuple[str, object]]:
    """The ``authorship`` rows of merged papers (``keys``: author keys already made)."""
    found = set()
    for row, paper in zip(rows, papers, strict=True):
        for name in paper.authors:
            key = keys.get(name)
            if key is None:
                key = keys[name] = author_key(name) if name.strip() else ""
            if key:
                found.add((key, row[0]))
    return found


def _record(blob: bytes) -> PaperRecord | None:
    try:
        return record_from_json(blob)
    except (ValueError, zlib.error):  # a damaged row: that copy is left out of the day
        return None


def _paper_row(
    day: date | None, position: int, paper: PaperRecord, body: list[CopyRef], indexed: bool
) -> tuple[object, ...]:
    return (
        rank_key(paper.votes, day, position),
        day_text(day),
        position,
        paper_id(paper, day),
        paper.title,
        int(paper.title_derived),
        paper.url,
        paper.arxiv_id,
        paper.votes,
        AUTHOR_SEPARATOR.join(paper.authors),
        paper.thumbnail,
        paper.video,
        body[0][0] if body else None,
        body[0][1] if body else None,
        refs_text(tuple(body)),
        int(indexed),
    )


def _day_clause(day: date | None) -> tuple[str, tuple[str, ...]]:
    return ("day IS NULL", ()) if day is None else ("day = ?", (day.isoformat(),))


def problems_of(text: str) -> list[Problem]:
    """The problems a ``files`` row records."""
    return [problem_from_json(item) for item in json.loads(text)]
