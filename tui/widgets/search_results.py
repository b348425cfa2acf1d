"""Search results, one row each: day, votes, and the title with the matching words lit."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content, Span
from textual.message import Message

from tui.search.highlight import match_spans
from tui.search.matching import SearchHit
from tui.search.query import Query
from tui.widgets.line_list import LineList


class SearchResults(LineList):
    """Result rows: date, votes, title with the matching words highlighted."""

    @dataclass
    class Opened(Message):
        hit: SearchHit

    def __init__(self) -> None:
        super().__init__(id="search-results")
        self.hits: list[SearchHit] = []
        self.search_query: Query | None = None

    def show(self, hits: list[SearchHit], query: Query) -> None:
        self.hits = hits
        self.search_query = query
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed(0)

    def extend(self, hits: list[SearchHit]) -> None:
        """More results, after those shown (the cursor and the view stay)."""
        self.hits = self.hits + hits
        self.rows_changed()

    def row_count(self) -> int:
        return len(self.hits)

    def row_content(self, index: int, width: int) -> Content:
        hit = self.hits[index]
        entry = hit.entry
        day = entry.day.isoformat() if entry.day else "undated   "
        votes = f"{entry.paper.votes:>4}" if entry.paper.votes is not None else "   -"
        title = entry.paper.title
        spans = match_spans(title, self.search_query) if self.search_query else []
        accent = self.part_style("line-list--marker")
        highlighted = Content(title, spans=[Span(start, end, accent) for start, end in spans])
        muted = self.part_style("line-list--muted")
        where = "" if hit.in_title else "  (in text)"
        return Content.assemble(
            (day, muted), " ", (votes, muted), "  ", highlighted, (where, muted)
        )

    def row_selected(self, index: int) -> None:
        self.post_message(self.Opened(self.hits[index]))
