"""The reader's notes in the cache's search: which papers a note puts in or takes out.

Notes are the user's, not the cache's, and few next to the archive. A word found in no
note leaves the full-text query as it is. The noted papers whose note holds a searched
word (found with the term's own test, :meth:`tui.search.terms.TextTerm.notes_holding`)
are the only ones a note can bring in: each of them matches when every word is in its
text (asked of the full-text index, among those papers alone) or in its note, and no
excluded one is in its text. A note holding an excluded word takes its paper out.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from tui.search.marks import Marks
from tui.search.query import Query
from tui.search.temp_tables import fill_key_table
from tui.search.terms import TextTerm

IN_TEXT = (  # both sides in row id order: merged, not every match put in a B-tree first
    "SELECT rowid FROM fts WHERE fts MATCH ? INTERSECT SELECT id FROM temp.note_candidates "
    "ORDER BY 1"
)


@dataclass
class NotedMatches:
    """What the notes change in a query's text terms."""

    excluded: set[str] = field(default_factory=set)
    """Papers whose note holds an excluded word or phrase."""
    found: list[int] = field(default_factory=list)
    """Row ids of noted papers holding every word in their text or their note."""


def noted_matches(
    connection: sqlite3.Connection,
    query: Query,
    marks: Marks,
    where: tuple[str, list[object]] = ("1", []),
) -> NotedMatches:
    """The papers the notes bring in and take out; ``where`` is the query's other
    conditions on ``papers p`` (only papers meeting them count)."""
    included = [t for t in query.include if isinstance(t, TextTerm)]
    excluded = [t for t in query.exclude if isinstance(t, TextTerm)]
    in_note = {t: t.notes_holding(marks) for t in included + excluded}
    matches = NotedMatches()
    for term in excluded:
        matches.excluded |= in_note[term]
    candidates = set().union(*(in_note[t] for t in included))
    if not candidates:
        return matches
    condition, args = where
    rows = connection.execute(
        "SELECT p.id, p.pid FROM papers p WHERE p.pid IN (SELECT value FROM json_each(?)) "
        f"AND {condition}",
        [json.dumps(sorted(candidates)), *args],
    )
    ids = dict(rows.fetchall())
    for term in included:  # each word: in the note, else in the text
        ids = _in_text(connection, term, ids, in_note[term], True)
    for term in excluded:  # and no excluded word in the text (phrases with punctuation
        if not term.literal:  # are checked after the index: see tui.search.checked)
            ids = _in_text(connection, term, ids, set(), False)
    matches.found = sorted(ids)
    return matches


def _in_text(
    connection: sqlite3.Connection,
    term: TextTerm,
    ids: dict[int, str],
    noted: set[str],
    wanted: bool,
) -> dict[int, str]:
    """Of the papers ``ids`` (row id: identity), those holding ``term`` in their note
    (``noted``) or text, when ``wanted``; else those not holding it in their text. The
    full-text index is asked only about the papers whose note does not settle it."""
    kept = {key: pid for key, pid in ids.items() if pid in noted}
    ask = [key for key, pid in ids.items() if pid not in noted]
    if not ask or not term.in_index:
        found: set[int] = set()
    else:
        fill_key_table(connection, "note_candidates", "id INTEGER", ask)
        found = {row[0] for row in connection.execute(IN_TEXT, (term.fts(),))}
    kept.update((key, ids[key]) for key in ask if (key in found) == wanted)
    return kept
