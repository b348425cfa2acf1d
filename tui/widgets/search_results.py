"""Search results, two lines each: day, votes and the title with the matching words lit;
below it, where else it matched (authors, or the summary section) with the match lit.

Snippets are asked for only for the rows drawn, so a search of 500 results reads the
bodies of the dozen on screen; the list never reads them itself (drawing never waits on the
disk): it posts :class:`SearchResults.SnippetsWanted`, draws the row empty, and draws it
again when :meth:`SearchResults.add_snippets` brings them. ``grouped`` puts the results
under their days, newest first, each day's best first.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content, Span
from textual.message import Message

from tui.search.highlight import match_spans
from tui.search.matching import SearchHit
from tui.search.query import Query
from tui.search.snippets import Snippet, window
from tui.widgets.line_list import LineList

INDENT = "                 "  # under the title: past the day and votes columns


@dataclass(frozen=True)
class _Row:
    kind: str  # "day" (a group header), "hit" or "snippet"
    hit: int  # index into hits (for "day": its first hit)


class SearchResults(LineList):
    """Result rows: a title row and a snippet row per hit, under day headers if grouped."""

    @dataclass
    class Opened(Message):
        hit: SearchHit

    @dataclass
    class SnippetsWanted(Message):
        """Rows drawn without their snippets: ``hits`` by number, for ``generation``."""

        hits: dict[int, SearchHit]
        query: Query
        generation: int

    def __init__(self) -> None:
        super().__init__(id="search-results")
        self.hits: list[SearchHit] = []
        self.search_query: Query | None = None
        self.grouped = False
        self._rows: list[_Row] = []
        self._snippets: dict[int, Snippet | None] = {}  # by hit number
        self._asked: set[int] = set()  # hit numbers asked for, not come yet
        self._wanted: dict[int, SearchHit] = {}  # drawn without a snippet, not asked yet
        self.generation = 0  # of the hits shown: snippets for older ones are dropped

    def show(self, hits: list[SearchHit], query: Query) -> None:
        self.hits = hits
        self.search_query = query
        self.generation += 1
        self._snippets, self._asked, self._wanted = {}, set(), {}
        self._layout()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.rows_changed(0)

    def extend(self, hits: list[SearchHit]) -> None:
        """More results, after those shown (the cursor and the view stay)."""
        current = self.cursor
        self.hits = self.hits + hits
        self._layout()
        self.rows_changed(current)

    def set_grouped(self, grouped: bool) -> None:
        """Group the results by day (or not), keeping the result under the cursor."""
        current = self.current
        self.grouped = grouped
        self._layout()
        row = next(
            (
                i
                for i, r in enumerate(self._rows)
                if r.kind == "hit" and self.hits[r.hit] is current
            ),
            0,
        )
        self.rows_changed(row)
        self.scroll_to_cursor()

    def _layout(self) -> None:
        order = list(range(len(self.hits)))
        rows: list[_Row] = []
        if self.grouped:
            order.sort(key=lambda i: -(d.toordinal() if (d := self.hits[i].entry.day) else 0))
        day: object = object()
        for index in order:
            if self.grouped and self.hits[index].entry.day != day:
                day = self.hits[index].entry.day
                rows.append(_Row("day", index))
            rows += [_Row("hit", index), _Row("snippet", index)]
        self._rows = rows

    @property
    def current(self) -> SearchHit | None:
        row = self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None
        return self.hits[row.hit] if row is not None and row.kind == "hit" else None

    @property
    def first_hit_row(self) -> int:
        """The row of the first result (below its day's header when grouped)."""
        return next((i for i, row in enumerate(self._rows) if row.kind == "hit"), 0)

    def row_of(self, hit: int) -> int:
        """The row of result number ``hit`` (its place shifts when grouped by day)."""
        return next(
            (i for i, row in enumerate(self._rows) if row.kind == "hit" and row.hit == hit), 0
        )

    def hit_at(self, row: int) -> int | None:
        """The number of the result on ``row`` (None for a day header)."""
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found.hit if found is not None else None

    def row_count(self) -> int:
        return len(self._rows)

    def is_header(self, index: int) -> bool:
        return self._rows[index].kind != "hit"

    def row_component(self, index: int) -> str:
        if self._rows[index].kind == "snippet":  # drawn as part of its result
            return super().row_component(index - 1) if index > 0 else "line-list--row"
        return super().row_component(index)

    def row_content(self, index: int, width: int) -> Content:
        row = self._rows[index]
        if row.kind == "day":
            group = self.hits[row.hit].entry.day
            count = sum(1 for hit in self.hits if hit.entry.day == group)
            label = group.isoformat() if group else "Undated"
            return Content(f"{label} · {count:,} result{'' if count == 1 else 's'}")
        if row.kind == "snippet":
            return self._snippet_row(row.hit, width)
        hit = self.hits[row.hit]
        entry = hit.entry
        if self.grouped:  # the day is its group's header
            day = " " * len("YYYY-MM-DD")
        else:
            day = entry.day.isoformat() if entry.day else "undated   "
        votes = f"{entry.paper.votes:>4}" if entry.paper.votes is not None else "   -"
        title = entry.paper.title
        spans = match_spans(title, self.search_query) if self.search_query else []
        accent = self.part_style("line-list--marker")
        highlighted = Content(title, spans=[Span(start, end, accent) for start, end in spans])
        muted = self.part_style("line-list--muted")
        return Content.assemble((day, muted), " ", (votes, muted), "  ", highlighted)

    def add_snippets(self, found: dict[int, Snippet | None], generation: int) -> None:
        """Snippets that were asked for (dropped when other results are shown since)."""
        if generation != self.generation:
            return
        self._snippets.update(found)
        self._asked.difference_update(found)
        for row, shown in enumerate(self._rows):
            if shown.kind == "snippet" and shown.hit in found:
                self.restyle_row(row)

    @property
    def snippets_pending(self) -> bool:
        """Whether a snippet row in view still waits for its snippet."""
        top = self.scroll_offset.y
        return any(
            row.kind == "snippet" and row.hit not in self._snippets
            for row in self._rows[top : top + self.scrollable_content_region.height]
        )

    def _ask_snippets(self) -> None:
        wanted, self._wanted = self._wanted, {}
        if wanted and self.search_query is not None:
            self._asked.update(wanted)
            self.post_message(self.SnippetsWanted(wanted, self.search_query, self.generation))

    def _snippet_row(self, index: int, width: int) -> Content:
        if index not in self._snippets:
            if index not in self._asked and index not in self._wanted:
                if not self._wanted:  # the first of this frame: ask once it is drawn
                    self.call_later(self._ask_snippets)
                self._wanted[index] = self.hits[index]
            return Content("")
        snippet = self._snippets[index]
        if snippet is None:
            return Content("")
        muted = self.part_style("line-list--muted")
        label = f"{snippet.where}: "
        room = max(10, width - len(INDENT) - cell_len(label))
        text, spans = window(snippet, room)
        accent = self.part_style("line-list--marker")
        lit = Content(text).stylize(muted)
        for start, end in spans:
            lit = lit.stylize(accent, start, end)
        return Content.assemble(INDENT, (label, muted), lit)

    def row_selected(self, index: int) -> None:
        hit = self.current
        if hit is not None:
            self.post_message(self.Opened(hit))
