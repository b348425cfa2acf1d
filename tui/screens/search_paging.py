"""Paging through search results and stepping through them from the reader.

Results come a page at a time (:data:`~tui.search.matching.DEFAULT_LIMIT`): scrolling near
the end of those shown reads the next page, and so does stepping past them with the keys
for the next and previous result, which then open that result once it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from textual import work
from textual.message import Message
from textual.screen import Screen

from tui.screens.requests import OpenPaperRequested
from tui.search.matching import DEFAULT_LIMIT, SearchCancelled, SearchHit, SearchResult
from tui.search.query import Query
from tui.widgets.literal import literal
from tui.widgets.search_results import SearchResults

LOAD_AHEAD = 50
"""Rows before the end of the results shown at which the next page is read."""


class Searcher(Protocol):
    """Runs a query over the archive (in a worker thread); True when the index answered.

    ``cancelled`` says whether the search is still wanted: the searcher may stop with
    :class:`SearchCancelled` once it turns true. ``offset`` and ``limit`` choose a page."""

    def __call__(
        self, query: Query, cancelled: Callable[[], bool], limit: int = ..., offset: int = ...
    ) -> tuple[SearchResult, bool]: ...


class ResultPaging(Screen[None]):
    """The results of one search: how many there are, which was opened, more to read."""

    @dataclass
    class Page(Message):
        """More results of the search ``generation``, from ``offset`` on."""

        hits: list[SearchHit]
        generation: int
        offset: int

    search: Searcher
    _generation: int

    def __init__(self) -> None:
        super().__init__()
        self.total = 0  # results of the search shown (more than are loaded, maybe)
        self.opened: int | None = None  # the result last opened: where stepping starts
        self._loading_more = False
        self._step_to: int | None = None  # a result stepped to before its page arrived
        self._partial = False  # the results shown came before the index was complete

    @property
    def results(self) -> SearchResults:
        return self.query_one(SearchResults)

    def _count_title(self) -> None:
        shown, total = len(self.results.hits), self.total
        so_far = " so far" if self._partial else ""
        count = f"{total:,} result{'' if total == 1 else 's'}{so_far}"
        loaded = count if shown >= total else f"{count}, {shown:,} loaded"
        self.results.border_title = literal(loaded)

    def on_search_results_opened(self, message: SearchResults.Opened) -> None:
        hits = self.results.hits
        index = next((i for i, hit in enumerate(hits) if hit is message.hit), None)
        if index is not None:
            self._open(index)

    def _open(self, index: int) -> None:
        self.opened = index
        entry = self.results.hits[index].entry
        query = self.results.search_query
        # position first: a border too narrow for the query cuts the query, not the place
        typed = " ".join(query.text.split()) if query else ""
        note = f"search {index + 1:,}/{self.total:,}: {typed}"
        self.post_message(OpenPaperRequested(entry.day, entry.pid, note))

    # -- stepping through the results, a page at a time ------------------------------

    def step(self, direction: int) -> None:
        """Open the next (1) or previous (-1) result after the one last opened."""
        if self.opened is None:
            self.notify("Open a search result first (/ then enter).", timeout=3)
            return
        target = self.opened + direction
        if not 0 <= target < self.total:
            self.notify("That was the last result." if direction > 0 else "That was the first.")
            return
        if target < len(self.results.hits):
            self.results.cursor = self.results.row_of(target)
            self._open(target)
        else:
            self._step_to = target
            self._load_more()

    def _cursor_moved(self, cursor: int) -> None:
        hit = self.results.hit_at(cursor)
        if hit is not None and hit >= len(self.results.hits) - LOAD_AHEAD:
            self._load_more()

    def _load_more(self) -> None:
        query, offset = self.results.search_query, len(self.results.hits)
        if self._loading_more or query is None or query.empty or offset >= self.total:
            return
        self._loading_more = True
        self._more(query, self._generation, offset)

    @work(thread=True, group="more")
    def _more(self, query: Query, generation: int, offset: int) -> None:
        try:
            result, _ = self.search(query, lambda: False, DEFAULT_LIMIT, offset)
        except SearchCancelled:
            return
        self.post_message(self.Page(result.hits, generation, offset))

    def on_result_paging_page(self, message: Page) -> None:
        if message.generation != self._generation or message.offset != len(self.results.hits):
            return
        self._loading_more = False
        self.results.extend(message.hits)
        self._count_title()
        target, self._step_to = self._step_to, None
        if target is not None and target < len(self.results.hits):
            self.results.cursor = self.results.row_of(target)
            self._open(target)
