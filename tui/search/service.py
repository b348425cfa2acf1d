"""The archive's search as the app uses it: paper by paper until the index is built."""

from __future__ import annotations

from collections.abc import Callable

from tui.archive.entry import Entry
from tui.search.index import IndexBuildCancelled, SearchIndex
from tui.search.matching import Marks, SearchResult, linear_search
from tui.search.query import Query


class ArchiveSearch:
    """Answers queries over every loaded paper; faster once :meth:`build` has run."""

    def __init__(self, entries: list[Entry], marks: Marks) -> None:
        self._entries = entries  # the store's own list: it only ever grows
        self._marks = marks
        self.index: SearchIndex | None = None

    def build(self, cancelled: Callable[[], bool] = lambda: False) -> SearchIndex | None:
        """Build the index over the papers loaded now (slow: run it in a thread).

        Returns None when ``cancelled`` said stop; the index is used once :meth:`use` is
        called with it, from the thread that asks the questions.
        """
        try:
            return SearchIndex(list(self._entries), cancelled=cancelled)
        except IndexBuildCancelled:
            return None

    def use(self, index: SearchIndex) -> None:
        self.index = index

    def search(
        self, query: Query, cancelled: Callable[[], bool] = lambda: False
    ) -> tuple[SearchResult, bool]:
        """Search every loaded paper (call from a worker thread); True when indexed.

        Paper by paper (before the index is built) the search stops with
        :class:`SearchCancelled` soon after ``cancelled()`` turns true.
        """
        index = self.index
        if index is not None:
            return index.search(query, self._marks), True
        entries = list(self._entries)
        return linear_search(entries, query, self._marks, cancelled=cancelled), False
