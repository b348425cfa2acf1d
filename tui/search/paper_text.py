"""One paper's text as the search terms test it: each part normalised once, when asked."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from tui.archive.entry import Entry
from tui.archive.text import normalize, searchable, tokens

Part = Literal["title", "author", "body", "note"]
"""A part of a paper's text a term may look in (the note is the reader's, from the marks)."""


def _stream(text: str) -> str:
    """Normalised words joined by single spaces, with a space at each end."""
    return f" {' '.join(tokens(normalize(text)))} "


@lru_cache(maxsize=4096)
def note_stream(note: str) -> str:
    """A note's words as :func:`_stream` gives them (notes change rarely: kept)."""
    return _stream(note)


class PaperText:
    """One paper's searchable text, normalised once, and only the parts a term asks for.

    A search prepares each paper's text at most once however many terms test it, so a
    query's cost grows with its terms only by a substring test each.
    """

    __slots__ = ("_author", "_body", "_normal", "_title", "entry", "note_text")

    def __init__(self, entry: Entry, note: str | None = None) -> None:
        self.entry = entry
        self.note_text = note
        self._title: str | None = None
        self._author: str | None = None
        self._body: str | None = None
        self._normal: tuple[str, str, str] | None = None

    def words(self, part: Part) -> str:
        """The part's words, normalised, single spaces between them and at each end."""
        if part == "title":
            if self._title is None:
                self._title = _stream(self.entry.paper.title)
            return self._title
        if part == "author":
            if self._author is None:
                self._author = _stream(", ".join(self.entry.paper.authors))
            return self._author
        if part == "body":
            if self._body is None:
                paper = self.entry.paper
                self._body = _stream(" ".join(item for s in paper.sections for item in s.items))
            return self._body
        return note_stream(self.note_text) if self.note_text else " "

    def normal(self, part: Part) -> str:
        """The part normalised with its punctuation (for a phrase with punctuation)."""
        if part == "note":
            return normalize(self.note_text) if self.note_text else ""
        if self._normal is None:
            self._normal = searchable(self.entry.paper)
        title, author, body = self._normal
        return {"title": title, "author": author, "body": body}[part]
