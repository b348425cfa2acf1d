"""The orders the paper list can show a day in."""

from __future__ import annotations

from enum import StrEnum

from parsers import Paper
from parsers.paper_fields import title_key
from tui.archive.entry import Entry


class PaperOrder(StrEnum):
    """Orders the paper list can show a day in."""

    VOTES = "votes"
    TITLE = "title"
    FILE = "file"

    @property
    def label(self) -> str:
        return {"votes": "by votes", "title": "by title", "file": "in file order"}[self.value]

    @property
    def short(self) -> str:
        return {"votes": "votes", "title": "title", "file": "file order"}[self.value]

    def next(self) -> PaperOrder:
        members = list(PaperOrder)
        return members[(members.index(self) + 1) % len(members)]


def order_papers(papers: list[Paper], order: PaperOrder) -> list[Paper]:
    """``papers`` in ``order``; ties (and papers without votes, last) keep file order."""
    if order is PaperOrder.VOTES:
        return sorted(papers, key=lambda p: (p.votes is None, -(p.votes or 0)))
    if order is PaperOrder.TITLE:
        return sorted(papers, key=lambda p: title_key(p.title))
    return list(papers)


def order_entries(entries: list[Entry], order: PaperOrder) -> list[Entry]:
    """``entries`` (a day's in file order, a period's best first) in ``order``.

    By votes: most first, ties as they came (a day: file order; a period: the newer day
    first). By title. In file order: a day as it came; a period day by day, newest first.
    """
    if order is PaperOrder.VOTES:
        return sorted(entries, key=lambda e: (e.paper.votes is None, -(e.paper.votes or 0)))
    if order is PaperOrder.TITLE:
        return sorted(entries, key=lambda e: title_key(e.paper.title))
    return sorted(entries, key=lambda e: -(e.day.toordinal() if e.day else 0))
