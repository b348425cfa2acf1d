"""The archive's search as the app uses it: the cache's full-text index, from any thread."""

from __future__ import annotations

from tui.archive.cache import ArchiveCache
from tui.search.fts import search_cache
from tui.search.matching import DEFAULT_LIMIT, Marks, SearchResult
from tui.search.query import Query


class ArchiveSearch:
    """Answers queries over the archive; ``ready`` once every paper is in the index."""

    def __init__(self, cache: ArchiveCache, marks: Marks) -> None:
        self.cache = cache
        self.marks = marks
        self.ready = False

    def search(
        self, query: Query, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> tuple[SearchResult, bool]:
        """Search (call from a worker thread); True when every paper was searched."""
        ready = self.ready
        result = search_cache(self.cache.connection(), query, self.marks, limit, offset)
        return result, ready
