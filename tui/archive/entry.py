"""A paper of the archive with its day and its identity: what lists, search and marks use."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from parsers import Paper
from parsers.paper_fields import title_key


def paper_id(paper: Paper, day: date | None) -> str:
    """A paper's identity across re-parses and moved files.

    Its arXiv id when it has one; else a hash of its normalised title (with the date for
    titles derived from an abstract, which are not distinctive on their own).
    """
    if paper.arxiv_id:
        return paper.arxiv_id
    key = title_key(paper.title) or paper.title
    if paper.title_derived:
        key = f"{day.isoformat() if day else 'undated'}:{key}"
    return "t-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Entry:
    """One paper of the archive: the day it is listed on, the paper, its identity."""

    day: date | None
    paper: Paper
    pid: str
