"""A paper of the archive with its day and its identity: what lists, search and marks use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers import Paper
from tui.archive.cache.rows import BodyRef

__all__ = ["BodyRef", "Entry"]


@dataclass
class Entry:
    """One paper of the archive: the day it is listed on, the paper, its identity, and where
    in the cache its sections are, one copy per source (None: in ``paper`` already, or it
    has none)."""

    day: date | None
    paper: Paper
    pid: str
    body: BodyRef | None = None
