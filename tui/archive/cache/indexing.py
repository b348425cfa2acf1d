"""The full-text index of the cache: papers put in best first, taken out word for word.

The index is contentless (it keeps no copy of the text), so a paper leaves it with the very
text it was put in with, rebuilt from the rows that are still there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from tui.archive.cache.rows import AUTHOR_SEPARATOR, body_text, more_refs
from tui.archive.cache.schema import write_transaction
from tui.archive.text import searchable_texts

INDEX_BATCH = 2000
PENDING = "SELECT id FROM papers WHERE indexed = 0 ORDER BY id"


def index_pending(
    connection: sqlite3.Connection, cancelled: Callable[[], bool] = lambda: False
) -> bool:
    """Put the papers not in the full-text index yet into it, best first.

    Returns False when ``cancelled`` stopped it (what was indexed stays indexed).
    """
    keys = [row[0] for row in connection.execute(PENDING)]
    for start in range(0, len(keys), INDEX_BATCH):
        if cancelled():
            return False
        chunk = keys[start : start + INDEX_BATCH]
        with write_transaction(connection):
            index_range(connection, chunk[0], chunk[-1])
    return True


INDEXED_TEXT = (
    "SELECT p.id, p.title, p.authors, c.paper, p.more_bodies FROM papers p LEFT JOIN copies c "
    "ON c.file_id = p.body_file AND c.ordinal = p.body_ordinal"
)
"""What a paper's entry in the index is made of (its first body copy joined; the others
are read by :func:`index_values`)."""


def index_range(connection: sqlite3.Connection, first: int, last: int) -> None:
    """Index the unindexed papers with row ids from ``first`` to ``last``."""
    rows = connection.execute(
        f"{INDEXED_TEXT} WHERE p.id BETWEEN ? AND ? AND p.indexed = 0 ORDER BY p.id",
        (first, last),
    ).fetchall()
    connection.executemany(
        "INSERT INTO fts (rowid, title, authors, body) VALUES (?, ?, ?, ?)",
        [index_values(connection, row) for row in rows],
    )
    connection.execute(
        "UPDATE papers SET indexed = 1 WHERE id BETWEEN ? AND ? AND indexed = 0", (first, last)
    )


def index_values(
    connection: sqlite3.Connection, row: tuple[object, ...]
) -> tuple[object, str, str, str]:
    """What the index holds for an :data:`INDEXED_TEXT` row: every source's body."""
    rowid, title, authors, copy, more = row
    bodies = [copy] if isinstance(copy, bytes) else []
    for file_id, ordinal in more_refs(more):
        found = connection.execute(
            "SELECT paper FROM copies WHERE file_id = ? AND ordinal = ?", (file_id, ordinal)
        ).fetchone()
        if found:
            bodies.append(found[0])
    body = " ".join(body_text(blob) for blob in bodies)
    names = str(authors).split(AUTHOR_SEPARATOR) if authors else []
    return (rowid, *searchable_texts(str(title), names, body))
