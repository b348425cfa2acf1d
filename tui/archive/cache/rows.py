"""Papers in and out of the cache's rows: JSON for copies, columns for merged headers.

A merged paper's row id is its rank key: votes (most first), then day (newest first), then
a serial number. The full-text index returns row ids in ascending order, so the first
matches it gives are the best ones, and a ``votes:>=N`` term is a row id bound.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from parsers import Paper, Section

MAX_VOTES = 1 << 20
DAY_BITS = 20
SERIAL_BITS = 22
_NO_DAY = 0
AUTHOR_SEPARATOR = "\x1f"

HEAD_COLUMNS = (
    "id, day, position, pid, title, title_derived, url, arxiv_id, votes, authors, "
    "thumbnail, video, body_file, body_ordinal"
)


def rank_key(votes: int | None, day: date | None, serial: int) -> int:
    """The row id ordering papers best first: most votes, then newest day."""
    vote_rank = MAX_VOTES - 1 - min(max(votes if votes is not None else -1, -1) + 1, MAX_VOTES - 1)
    day_rank = (1 << DAY_BITS) - 1 - (day.toordinal() if day else _NO_DAY)
    return (
        (vote_rank << (DAY_BITS + SERIAL_BITS))
        | (day_rank << SERIAL_BITS)
        | (serial & ((1 << SERIAL_BITS) - 1))
    )


def votes_bound(votes: int) -> int:
    """The largest row id of papers with at least ``votes`` votes."""
    return rank_key(votes, date.min, 0) | ((1 << (DAY_BITS + SERIAL_BITS)) - 1)


def day_of_key(key: int) -> date | None:
    """The day a rank key was made for."""
    ordinal = (1 << DAY_BITS) - 1 - ((key >> SERIAL_BITS) & ((1 << DAY_BITS) - 1))
    return date.fromordinal(ordinal) if ordinal > 0 else None


def paper_json(fields: dict[str, Any]) -> str:
    """A parsed paper (plain data, as the parsers give it) for the ``copies`` table."""
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))


def paper_from_json(text: str) -> Paper:
    """A paper from ``paper_json`` (trusted: written by this program, not validated)."""
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        raise ValueError("not a paper")
    data["sections"] = sections_from(data.get("sections") or [])
    data["authors"] = list(data.get("authors") or [])
    return Paper.model_construct(**data)


def sections_from(raw: list[Any]) -> list[Section]:
    return [
        Section.model_construct(heading=s.get("heading"), items=list(s.get("items") or []))
        for s in raw
        if isinstance(s, dict)
    ]


def sections_json(text: str) -> list[Section]:
    """The sections of a copy's JSON."""
    data = json.loads(text)
    return sections_from(data.get("sections") or []) if isinstance(data, dict) else []


def head_from_row(row: tuple[Any, ...]) -> Paper:
    """A merged paper's header (no sections) from a ``papers`` row in HEAD_COLUMNS order."""
    return Paper.model_construct(
        title=row[4],
        title_derived=bool(row[5]),
        url=row[6],
        arxiv_id=row[7],
        votes=row[8],
        authors=row[9].split(AUTHOR_SEPARATOR) if row[9] else [],
        thumbnail=row[10],
        video=row[11],
        sections=[],
    )


def day_text(day: date | None) -> str | None:
    return day.isoformat() if day else None


def day_from_text(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
