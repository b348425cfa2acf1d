"""A paper being read: its fields as they arrive, until the next heading ends it."""

from __future__ import annotations

from typing import Any

from parsers.limits import MAX_ITEM
from parsers.paper_fields import arxiv_id_from_url

PaperFields = dict[str, Any]  # a Paper's fields, validated into a Paper by the caller


class Draft:
    """A paper being read: fields as they arrive, sections as [heading, items] pairs."""

    __slots__ = (
        "authors",
        "authors_open",
        "blank",
        "heading_only",
        "level",
        "line",
        "sections",
        "thumbnail",
        "title",
        "url",
        "video",
        "votes",
    )

    def __init__(self, title: str, url: str | None, level: int, line: int) -> None:
        self.title = title
        self.url = url
        self.level = level
        self.line = line
        self.votes: int | None = None
        self.authors: list[str] = []
        self.authors_open = False
        self.thumbnail: str | None = None
        self.video: str | None = None
        self.sections: list[tuple[str | None, list[str]]] = []
        self.blank = False
        self.heading_only = False  # the last bullet was a heading with no text of its own

    def add_item(self, text: str) -> None:
        if not self.sections:
            self.sections.append((None, []))
        self.sections[-1][1].append(text)

    def extend_item(self, text: str, separator: str) -> None:
        items = self.sections[-1][1] if self.sections else None
        if not items:
            self.add_item(text)
        elif len(items[-1]) <= MAX_ITEM:  # past it the item is cut: growing it copies it
            items[-1] = f"{items[-1]}{separator}{text}"

    def build(self) -> PaperFields:
        return {
            "title": self.title,
            "url": self.url,
            "arxiv_id": arxiv_id_from_url(self.url) if self.url else None,
            "votes": self.votes,
            "authors": self.authors,
            "thumbnail": self.thumbnail,
            "video": self.video,
            "sections": [{"heading": h, "items": items} for h, items in self.sections if items],
        }
