"""Temporary tables a search fills on the cache's connection: the reader's marks, and the
papers its notes bring in or take out.

The marks are the user's, not the cache's, so the SQL of a term that asks about them
(``is:``, ``tag:``, ``has:``) reads them from a temporary table filled for that search.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tui.search.marks import Marks


@dataclass(frozen=True)
class MarksTable:
    """A temporary table ``temp.<name>`` of the reader's marks that a term's SQL reads."""

    name: str
    columns: tuple[str, ...]
    """Each column's name and type."""
    rows: Callable[[Marks], Iterable[Sequence[object]]]

    def fill(self, connection: sqlite3.Connection, marks: Marks) -> None:
        fill_temp_table(connection, self.name, self.columns, self.rows(marks))


BOOKMARKED = MarksTable(
    "marked", ("pid TEXT",), lambda marks: ((p,) for p in marks.bookmarked_ids())
)
READ = MarksTable("seen", ("pid TEXT",), lambda marks: ((p,) for p in marks.read_ids()))
NOTED = MarksTable("notes", ("pid TEXT",), lambda marks: ((p,) for p, _ in marks.notes()))
TAGGED = MarksTable(
    "tags",
    ("pid TEXT", "tag TEXT"),
    lambda marks: ((pid, tag) for pid, tags in marks.tagged() for tag in tags),
)


def fill_temp_table(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
) -> None:
    """The temporary table ``table`` of ``columns`` (each a name and a type) holding
    ``rows``; a table of one column is keyed on it (a value given twice is kept once)."""
    names = ", ".join(column.split()[0] for column in columns)
    declared = f"{columns[0]} PRIMARY KEY" if len(columns) == 1 else ", ".join(columns)
    connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({declared})")
    connection.execute(f"DELETE FROM temp.{table}")
    places = ", ".join("?" * len(columns))
    connection.executemany(f"INSERT OR IGNORE INTO temp.{table} ({names}) VALUES ({places})", rows)


def fill_key_table(
    connection: sqlite3.Connection, table: str, column: str, keys: Iterable[object]
) -> None:
    """The temporary table ``table`` of one ``column`` (name and type), holding ``keys``."""
    fill_temp_table(connection, table, (column,), ((key,) for key in keys))
