"""Reading the cache: which files are current, the days it holds, a day's papers, a body."""

from __future__ import annotations

import json
import os
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from stat import S_ISLNK
from typing import Any

from parsers import Paper, Problem, Section, SourceFile
from parsers.merge import merge_sections
from tui.archive.cache.rows import (
    HEAD_COLUMNS,
    BodyRef,
    body_refs,
    day_from_text,
    head_from_row,
    sections_json,
    unpack,
)
from tui.archive.cache.writing import FileStat, file_digest, problems_of


@dataclass
class Freshness:
    """The files found now, split by whether the cache holds them as they are."""

    current: list[FileStat] = field(default_factory=list)
    stale: list[FileStat] = field(default_factory=list)  # new or changed: to parse
    gone: list[int] = field(default_factory=list)  # file ids no longer found
    unreadable: list[Problem] = field(default_factory=list)
    ranks: dict[int, int] = field(default_factory=dict)  # file id → new place, current files
    removed_days: set[date | None] = field(default_factory=set)  # days of the gone files
    moved: list[tuple[int, FileStat]] = field(default_factory=list)  # same bytes, new path


def stat_sources(sources: list[SourceFile]) -> tuple[list[FileStat], list[Problem]]:
    """Resolved path, size and modification time of each file, in reading order."""
    stats: list[FileStat] = []
    problems: list[Problem] = []
    folders: dict[str, str] = {}  # a folder as the paths name it → its resolved path and /
    for rank, source in enumerate(sources):
        try:
            info, resolved = _stat_resolved(source.path, folders)
        except (OSError, ValueError) as exc:
            message = f"cannot read: {getattr(exc, 'strerror', None) or exc}"
            problems.append(Problem(path=source.path, severity="error", message=message))
            continue
        stats.append(FileStat(source, resolved, info.st_size, _int64(info.st_mtime_ns), rank))
    return stats, problems


def _stat_resolved(path: str, folders: dict[str, str]) -> tuple[os.stat_result, str]:
    """The status and resolved path of the file at ``path``. ``os.path.realpath`` checks
    every component of a path in Python (nine tenths of the time that stat-ing every file
    of a large archive took with it), so a folder is resolved once for all its files, and
    a file's own name is followed only when it is a link."""
    info = os.lstat(path)
    if S_ISLNK(info.st_mode):
        return os.stat(path), os.path.realpath(path)
    if os.altsep and os.altsep in path:  # "C:/papers/x.md" on Windows
        folder, name = os.path.split(path)
    else:
        head, sep, name = path.rpartition(os.sep)
        folder = head or sep  # "" for a name alone: the working directory
    prefix = folders.get(folder)
    if prefix is None:
        resolved = os.path.realpath(folder)
        prefix = folders[folder] = resolved if resolved.endswith(os.sep) else resolved + os.sep
    return info, prefix + name


def _int64(value: int) -> int:
    """``value`` wrapped into SQLite's signed 64 bits: a file time past April 2262 (or
    before 1678) in nanoseconds does not fit, and serves only to notice a change."""
    return (value + 2**63) % 2**64 - 2**63


def freshness(connection: sqlite3.Connection, stats: list[FileStat]) -> Freshness:
    """Compare the files on disk with what the cache holds.

    A file at a new resolved path with the size and bytes of a file the cache holds under
    the same shown path (a synced repository's new tree: ``current`` links elsewhere now)
    is the same file moved: it is not read again.
    """
    rows = connection.execute("SELECT id, path, shown, size, mtime_ns, digest, rank FROM files")
    known = {path: (file_id, shown, size, mtime, digest, rank) for file_id, path, shown, size,
             mtime, digest, rank in rows}  # fmt: skip
    by_shown = {entry[1]: (path, entry) for path, entry in known.items()}
    found = Freshness()
    seen: set[str] = set()
    for stat in stats:
        seen.add(stat.resolved)
        entry = known.get(stat.resolved)
        if entry is not None and entry[2:4] == (stat.size, stat.mtime_ns):
            found.current.append(stat)
            if entry[5] != stat.rank:
                found.ranks[entry[0]] = stat.rank
            continue
        elsewhere = by_shown.get(stat.source.path) if entry is None else None
        if elsewhere and elsewhere[1][2] == stat.size and _same_bytes(stat, elsewhere[1][4]):
            seen.add(elsewhere[0])
            found.moved.append((elsewhere[1][0], stat))
            found.current.append(stat)
            found.ranks[elsewhere[1][0]] = stat.rank
            continue
        found.stale.append(stat)
    found.gone = [entry[0] for path, entry in known.items() if path not in seen]
    return found


def _same_bytes(stat: FileStat, digest: str) -> bool:
    return bool(digest) and file_digest(stat.source.path) == digest


def holds_papers(connection: sqlite3.Connection) -> bool:
    """True when the cache holds at least one paper (a warm start)."""
    return connection.execute("SELECT 1 FROM papers LIMIT 1").fetchone() is not None


def day_counts(
    connection: sqlite3.Connection, days: Iterable[date | None] | None = None
) -> dict[date | None, int]:
    """Every day the cache holds (or those of ``days`` it holds), with how many papers it
    has."""
    if days is None:
        rows = connection.execute("SELECT day, count(*) FROM papers GROUP BY day").fetchall()
    else:
        wanted = set(days)
        texts = [day.isoformat() for day in wanted if day is not None]
        rows = []
        for start in range(0, len(texts), 500):
            chunk = texts[start : start + 500]
            rows += connection.execute(
                f"SELECT day, count(*) FROM papers WHERE day IN ({','.join('?' * len(chunk))}) "
                "GROUP BY day",
                chunk,
            ).fetchall()
        if None in wanted:
            rows += connection.execute(
                "SELECT NULL, count(*) FROM papers WHERE day IS NULL HAVING count(*) > 0"
            ).fetchall()
    return {day_from_text(day): count for day, count in rows}


def newest_day(connection: sqlite3.Connection) -> date | None:
    """The newest day the cache holds papers of (None: no dated paper)."""
    (day,) = connection.execute("SELECT max(day) FROM papers WHERE day IS NOT NULL").fetchone()
    return day_from_text(day) if day is not None else None


@dataclass(frozen=True)
class PaperRow:
    """A merged paper's header and where its body is."""

    key: int
    day: date | None
    pid: str
    paper: Paper
    body: BodyRef | None


def day_papers(connection: sqlite3.Connection, day: date | None) -> list[PaperRow]:
    """The papers of ``day`` in file order (headers only)."""
    where = "day IS NULL" if day is None else "day = ?"
    args = () if day is None else (day.isoformat(),)
    rows = connection.execute(
        f"SELECT {HEAD_COLUMNS} FROM papers WHERE {where} ORDER BY position", args
    ).fetchall()
    return [paper_row(row) for row in rows]


def range_papers(connection: sqlite3.Connection, start: date, end: date) -> list[PaperRow]:
    """The papers of the days ``start`` to ``end``: most votes first, ties newest first.

    Row ids are rank keys (votes, then day, then position), so ``ORDER BY id`` is the order.
    """
    rows = connection.execute(
        f"SELECT {HEAD_COLUMNS} FROM papers WHERE day BETWEEN ? AND ? ORDER BY id",
        (start.isoformat(), end.isoformat()),
    ).fetchall()
    return [paper_row(row) for row in rows]


def day_pids(connection: sqlite3.Connection, day: date | None) -> list[str]:
    """The identities of ``day``'s papers (nothing else read: cheap for a walk over days)."""
    where = "day IS NULL" if day is None else "day = ?"
    args = () if day is None else (day.isoformat(),)
    return [row[0] for row in connection.execute(f"SELECT pid FROM papers WHERE {where}", args)]


def papers_by_key(connection: sqlite3.Connection, keys: list[int]) -> dict[int, PaperRow]:
    """Papers by their row id (search results)."""
    found: dict[int, PaperRow] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in connection.execute(
            f"SELECT {HEAD_COLUMNS} FROM papers WHERE id IN ({marks})", chunk
        ):
            found[row[0]] = paper_row(row)
    return found


def stored_texts(
    connection: sqlite3.Connection, keys: list[int]
) -> list[tuple[int, str, str, str | None]]:
    """Row id, title, authors (one string) and body (a copy's JSON text) of each paper.

    A body of several copies is given as one: its sections, merged, as JSON text.
    """
    marks = ",".join("?" * len(keys))
    rows = connection.execute(
        "SELECT p.id, p.title, p.authors, c.paper, p.body_file, p.body_ordinal, p.more_bodies "
        "FROM papers p LEFT JOIN copies c "
        f"ON c.file_id = p.body_file AND c.ordinal = p.body_ordinal WHERE p.id IN ({marks})",
        keys,
    ).fetchall()
    found: list[tuple[int, str, str, str | None]] = []
    for key, title, authors, blob, file_id, ordinal, more in rows:
        if more is None:
            found.append((key, title, authors, _text(blob)))
        else:
            sections = body(connection, body_refs(file_id, ordinal, more))
            merged = {"sections": [asdict(section) for section in sections]}
            found.append((key, title, authors, json.dumps(merged, ensure_ascii=False)))
    return found


def _text(blob: bytes | None) -> str | None:
    try:
        return unpack(blob) if blob is not None else None
    except (ValueError, zlib.error):  # a damaged row: read as no summary
        return None


def keys_of_pids(connection: sqlite3.Connection, pids: list[str]) -> set[int]:
    """Row ids of the papers with these identities (marks in search)."""
    keys: set[int] = set()
    for start in range(0, len(pids), 500):
        chunk = pids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(f"SELECT id FROM papers WHERE pid IN ({marks})", chunk)
        keys.update(row[0] for row in rows)
    return keys


def paper_row(row: tuple[Any, ...]) -> PaperRow:
    body = body_refs(row[12], row[13], row[14])
    return PaperRow(int(row[0]), day_from_text(row[1]), str(row[3]), head_from_row(row), body)


def body(connection: sqlite3.Connection, refs: BodyRef | None) -> list[Section]:
    """The sections of a paper's body copies, every source's (none when it has no summary)."""
    sections: list[Section] = []
    for ref in refs or ():
        row = connection.execute(
            "SELECT paper FROM copies WHERE file_id = ? AND ordinal = ?", ref
        ).fetchone()
        try:
            merge_sections(sections, sections_json(row[0]) if row else [])
        except (ValueError, zlib.error):  # a damaged row: the paper shows without it
            continue
    return sections


def file_problems(connection: sqlite3.Connection) -> Iterator[Problem]:
    """The problems recorded for every file, in reading order."""
    rows = connection.execute("SELECT problems FROM files WHERE problems != '[]' ORDER BY rank, id")
    for (text,) in rows:
        yield from problems_of(text)


def unindexed(connection: sqlite3.Connection) -> int:
    """How many papers are not in the full-text index yet."""
    return int(connection.execute("SELECT count(*) FROM papers WHERE indexed = 0").fetchone()[0])


def arxiv_papers(connection: sqlite3.Connection, arxiv_ids: list[str]) -> list[PaperRow]:
    """Papers with these arXiv ids (to complete bookmarks made from a bare id)."""
    found: list[PaperRow] = []
    for start in range(0, len(arxiv_ids), 500):
        chunk = arxiv_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found += [
            paper_row(row)
            for row in connection.execute(
                f"SELECT {HEAD_COLUMNS} FROM papers WHERE arxiv_id IN ({marks}) ORDER BY day DESC",
                chunk,
            )
        ]
    return found


def all_days(connection: sqlite3.Connection) -> Iterator[tuple[date | None, list[Paper]]]:
    """Every day oldest first (the undated one last), each with its papers in full."""
    days = sorted(day_counts(connection), key=lambda day: (day is None, day or date.min))
    for day in days:
        rows = day_papers(connection, day)
        yield (
            day,
            [replace(row.paper, sections=body(connection, row.body)) for row in rows],
        )


@dataclass(frozen=True)
class CacheFigures:
    """What a cache holds, for ``paperdeck check`` and ``paperdeck cache info``."""

    files: int
    files_with_papers: int
    days: int
    papers: int


def figures(connection: sqlite3.Connection) -> CacheFigures:
    files = connection.execute("SELECT count(*) FROM files").fetchone()[0]
    with_papers = connection.execute("SELECT count(DISTINCT file_id) FROM copies").fetchone()[0]
    days, papers = connection.execute(
        "SELECT count(DISTINCT coalesce(day, '')), count(*) FROM papers"
    ).fetchone()
    return CacheFigures(int(files), int(with_papers), int(days), int(papers))
