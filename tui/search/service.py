"""The archive's search as the app uses it: the cache's full-text index, from any thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from tui.archive.cache import ArchiveCache, CacheClosed
from tui.archive.cache.reading import body
from tui.search.marks import Marks

if TYPE_CHECKING:  # the search itself loads with the first search, not at start
    from tui.search.matching import SearchHit, SearchResult
    from tui.search.query import Query
    from tui.search.snippets import Snippet

CANCEL_CHECK_STEPS = 20_000  # SQLite steps between two looks at ``cancelled``


class ArchiveSearch:
    """Answers queries over the archive; ``ready`` once every paper is in the index."""

    def __init__(self, cache: ArchiveCache, marks: Marks) -> None:
        self.cache = cache
        self.marks = marks
        self.ready = False

    def search(
        self,
        query: Query,
        cancelled: Callable[[], bool] = lambda: False,
        limit: int | None = None,
        offset: int = 0,
    ) -> tuple[SearchResult, bool]:
        """Search (from any thread), ``limit`` results at most (None: the usual page);
        True when every paper was searched.

        Raises :class:`SearchCancelled` soon after ``cancelled()`` turns true.
        """
        from tui.search.fts import search_cache
        from tui.search.matching import DEFAULT_LIMIT, SearchCancelled

        limit = DEFAULT_LIMIT if limit is None else limit
        ready = self.ready
        try:
            with self.cache.borrowed():
                connection = self.cache.connection()
                connection.set_progress_handler(lambda: 1 if cancelled() else 0, CANCEL_CHECK_STEPS)
                try:
                    result = search_cache(connection, query, self.marks, limit, offset, cancelled)
                except sqlite3.OperationalError as exc:
                    if "interrupted" in str(exc):
                        raise SearchCancelled from exc
                    raise
                finally:
                    connection.set_progress_handler(None, 0)
        except CacheClosed as exc:  # the reader is closing
            raise SearchCancelled from exc
        return result, ready

    def snippet(self, hit: SearchHit, query: Query) -> Snippet | None:
        """Where ``hit`` matched ``query`` outside its title (its body read from the cache;
        from any thread). None when the reader is closing."""
        from tui.search.snippets import find_snippet

        paper = hit.entry.paper
        if not paper.sections and hit.body is not None:
            try:
                with self.cache.borrowed():
                    sections = body(self.cache.connection(), hit.body)
            except CacheClosed:
                return None
            paper = replace(paper, sections=sections)
        return find_snippet(paper, query, self.marks.note_of(hit.entry.pid))
