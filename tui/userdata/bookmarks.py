"""Bookmarks: what the reader keeps, with a snapshot of each paper, its note and its tags.

The snapshot (title, link, arXiv id, date, votes, authors, when bookmarked) lets the
bookmarks screen and exports work when the paper's digest is no longer loaded. A paper is
kept while it is starred (bookmarked), has a note or has a tag; notes and tags are
changed by :mod:`tui.userdata.annotations`.

Format 2 added ``starred``, ``tags``, ``note`` and ``note_saved_at``; a format 1 file (stars
only) migrates with every bookmark starred. Format 3 added ``lists``, the reading lists a
paper is on (a format 2 file reads as it is; an older paperdeck, which would drop the
lists, moves a format 3 file aside instead).
"""

from __future__ import annotations

from dataclasses import field
from datetime import date as Date
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from parsers import Paper, is_web_link
from tui.archive.links import abs_url, abs_url_for
from tui.fileio.records import Record
from tui.userdata.cleaning import clean_list_names, clean_note, clean_tags
from tui.userdata.state_file import Change, StateFile, UtcDateTime, VersionedState

BOOKMARKS_FILE = "bookmarks.json"


class Bookmark(Record):
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
    authors: list[str] = field(default_factory=list)
    """Author names in order."""
    bookmarked_at: UtcDateTime
    """When the bookmark was made (UTC; a time without a zone is read as UTC)."""
    starred: bool = False
    """Bookmarked (★). A paper with a note or tags is kept even when it is not."""
    tags: list[str] = field(default_factory=list)
    """The reader's tags: cleaned (see :func:`clean_tag`), each once, sorted."""
    note: str | None = None
    """The reader's note: plain text, lines separated by newlines."""
    note_saved_at: UtcDateTime | None = None
    """When the note was last saved."""
    lists: list[str] = field(default_factory=list)
    """The reading lists the paper is on, by name (see :func:`list_name_problem`), sorted."""

    def __post_init__(self) -> None:
        super().__post_init__()
        # A snapshot saved from a digest before its links were checked may hold a link
        # that is no web address: it is read as no link, so nothing shows or exports it.
        if self.url is not None and not is_web_link(self.url):
            self.url = None
        self.tags = clean_tags(self.tags)
        self.lists = clean_list_names(self.lists)
        self.note = clean_note(self.note)

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
    def kept(self) -> bool:
        """Whether anything keeps the paper: a star, a note, a tag or a reading list."""
        return self.starred or bool(self.tags) or self.note is not None or bool(self.lists)

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
    """The bookmarks file: every kept paper (starred, noted, tagged or on a list)."""

    CURRENT_VERSION: ClassVar[int] = 3

    bookmarks: dict[str, Bookmark] = field(default_factory=dict)
    """Kept papers by paper identity."""

    @classmethod
    def migrate(cls, raw: dict[str, Any], version: int) -> dict[str, Any]:
        """Format 1 held stars only: each of its bookmarks is a starred paper."""
        kept = raw.get("bookmarks")
        if version == 1 and isinstance(kept, dict):
            for bookmark in kept.values():
                if isinstance(bookmark, dict):
                    bookmark.setdefault("starred", True)
        return raw


def bookmarks_file(data_dir: Path) -> StateFile[Bookmarks]:
    return StateFile(data_dir / BOOKMARKS_FILE, Bookmarks)


# -- changes, applied to the file's current state under its lock ------------------------


def add(bookmark: Bookmark) -> Change[Bookmarks]:
    """Star a paper; a paper kept already keeps its snapshot, note and tags."""

    def change(state: Bookmarks) -> None:
        kept = state.bookmarks.get(bookmark.id)
        if kept is None:
            state.bookmarks[bookmark.id] = bookmark.copy(starred=True)
        else:
            kept.starred = True

    return change


def remove(pid: str) -> Change[Bookmarks]:
    """Remove the star; a paper with a note or tags stays kept."""

    def change(state: Bookmarks) -> None:
        kept = state.bookmarks.get(pid)
        if kept is not None:
            kept.starred = False
            if not kept.kept:
                del state.bookmarks[pid]

    return change


def fill_in(pid: str, paper: Paper, day: Date | None) -> Change[Bookmarks]:
    """Complete a bare bookmark once a digest with its paper is loaded."""

    def change(state: Bookmarks) -> None:
        kept = state.bookmarks.get(pid)
        if kept is not None and not kept.complete:
            mine = kept.dump(include={"bookmarked_at", "starred", "tags", "note",
                                      "note_saved_at", "lists"})  # fmt: skip
            state.bookmarks[pid] = Bookmark.of(pid, paper, day, kept.bookmarked_at).copy(**mine)

    return change


def sorted_bookmarks(bookmarks: dict[str, Bookmark], by: str = "added") -> list[Bookmark]:
    """Newest first: by when bookmarked (``added``) or by the paper's day (``date``)."""
    items = list(bookmarks.values())
    if by == "date":
        items.sort(key=lambda b: (b.date is not None, b.date or Date.min, b.bookmarked_at))
    else:
        items.sort(key=lambda b: b.bookmarked_at)
    return list(reversed(items))
