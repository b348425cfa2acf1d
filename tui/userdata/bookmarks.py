"""Bookmarks: what the reader keeps, with a snapshot of each paper.

The snapshot (title, link, arXiv id, date, votes, authors, when bookmarked) lets the
bookmarks screen and exports work when the paper's digest is no longer loaded.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field

from parsers import Paper
from tui.archive.links import abs_url, abs_url_for
from tui.userdata.state_file import Change, StateFile, UtcDateTime, VersionedState

BOOKMARKS_FILE = "bookmarks.json"


class Bookmark(BaseModel):
    """A bookmarked paper, as it was when bookmarked (filled in later if unknown then)."""

    id: str
    """The paper's identity: its arXiv id, else a hash of its title (see ``paper_id``)."""
    title: str | None = None
    """The title, or None for an arXiv id bookmarked before any digest held it."""
    title_derived: bool = False
    """The title was taken from the abstract (a digest of abstracts without titles)."""
    url: str | None = None
    """The paper's link (the arXiv abstract page for arXiv papers)."""
    arxiv_id: str | None = None
    """The arXiv id without version."""
    date: Date | None = None
    """The digest day the paper was listed on."""
    votes: int | None = None
    """Votes on that day."""
    authors: list[str] = Field(default_factory=list)
    """Author names in order."""
    bookmarked_at: UtcDateTime
    """When the bookmark was made (UTC; a time without a zone is read as UTC)."""

    @classmethod
    def of(cls, pid: str, paper: Paper, day: Date | None, when: datetime) -> Bookmark:
        return cls(
            id=pid,
            title=paper.title,
            title_derived=paper.title_derived,
            url=abs_url(paper),
            arxiv_id=paper.arxiv_id,
            date=day,
            votes=paper.votes,
            authors=list(paper.authors),
            bookmarked_at=when,
        )

    @classmethod
    def bare(cls, arxiv_id: str, when: datetime) -> Bookmark:
        """A bookmark for an arXiv id no loaded digest holds (yet)."""
        return cls(id=arxiv_id, arxiv_id=arxiv_id, url=abs_url_for(arxiv_id), bookmarked_at=when)

    @property
    def complete(self) -> bool:
        return self.title is not None

    @property
    def added_local(self) -> datetime:
        """When the bookmark was made, in local time (UTC at the ends of the calendar)."""
        try:
            return self.bookmarked_at.astimezone()
        except (OverflowError, OSError):
            return self.bookmarked_at

    @property
    def display_title(self) -> str:
        return self.title or f"arXiv {self.arxiv_id or self.id} (not in a loaded digest yet)"

    @property
    def export_title(self) -> str:
        return self.title or f"arXiv:{self.arxiv_id or self.id}"


class Bookmarks(VersionedState):
    """The bookmarks file."""

    bookmarks: dict[str, Bookmark] = Field(default_factory=dict)
    """Bookmarks by paper identity."""


def bookmarks_file(data_dir: Path) -> StateFile[Bookmarks]:
    return StateFile(data_dir / BOOKMARKS_FILE, Bookmarks)


# -- changes, applied to the file's current state under its lock ------------------------


def add(bookmark: Bookmark) -> Change[Bookmarks]:
    """Bookmark a paper; bookmarking it again keeps the first bookmark."""

    def change(state: Bookmarks) -> None:
        state.bookmarks.setdefault(bookmark.id, bookmark)

    return change


def remove(pid: str) -> Change[Bookmarks]:
    def change(state: Bookmarks) -> None:
        state.bookmarks.pop(pid, None)

    return change


def fill_in(pid: str, paper: Paper, day: Date | None) -> Change[Bookmarks]:
    """Complete a bare bookmark once a digest with its paper is loaded."""

    def change(state: Bookmarks) -> None:
        kept = state.bookmarks.get(pid)
        if kept is not None and not kept.complete:
            state.bookmarks[pid] = Bookmark.of(pid, paper, day, kept.bookmarked_at)

    return change


def sorted_bookmarks(bookmarks: dict[str, Bookmark], by: str = "added") -> list[Bookmark]:
    """Newest first: by when bookmarked (``added``) or by the paper's day (``date``)."""
    items = list(bookmarks.values())
    if by == "date":
        items.sort(key=lambda b: (b.date is not None, b.date or Date.min, b.bookmarked_at))
    else:
        items.sort(key=lambda b: b.bookmarked_at)
    return list(reversed(items))
