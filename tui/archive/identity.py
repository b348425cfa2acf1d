"""Identities that survive re-parsing: of a paper, and of an archive (a set of paths)."""

from __future__ import annotations

import hashlib
import os
from datetime import date

from parsers.merge import PaperLike
from parsers.paper_fields import title_key


def paper_id(paper: PaperLike, day: date | None) -> str:
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


def archive_key(paths: list[str]) -> str:
    """The same archive opened from anywhere gets the same key."""
    resolved = sorted(os.path.realpath(path) for path in paths)
    return hashlib.sha1("\n".join(resolved).encode("utf-8")).hexdigest()[:16]
