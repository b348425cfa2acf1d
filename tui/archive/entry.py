"""A paper of the archive with its day and its identity: what lists, search and marks use."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from parsers import Paper


@dataclass
class Entry:
    """One paper of the archive: the day it is listed on, the paper, its identity."""

    day: date | None
    paper: Paper
    pid: str
