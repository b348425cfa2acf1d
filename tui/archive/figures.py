"""What the archive says beyond a day: authors' pages and trends, read from the cache.

No Textual here; :class:`~tui.archive.store.ArchiveStore` has these methods. The trends
read the whole archive at worst: call them from a worker thread.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tui.archive.cache import ArchiveCache
from tui.archive.periods import Period

if TYPE_CHECKING:  # the queries load when first asked, not with the first frame
    from tui.archive.cache.authors import AuthorCount, AuthorPage
    from tui.archive.cache.trends import Trend


class ArchiveFigures:
    """Authors and trends of the archive in ``cache`` (any thread: a connection each)."""

    cache: ArchiveCache

    # -- authors -----------------------------------------------------------------------

    def author(self, name: str, together: bool = True) -> AuthorPage:
        """The papers of the author ``name`` across the archive (and, when ``together``,
        their co-authors)."""
        from tui.archive.cache.authors import author_page

        return author_page(self.cache.connection, name, together)

    def coauthors(self, name: str) -> list[AuthorCount]:
        """The authors most often on ``name``'s papers (from any thread)."""
        from tui.archive.cache.authors import coauthors

        return coauthors(self.cache.connection(), name)

    def author_counts(self, names: list[str]) -> list[int]:
        """How many papers each of ``names`` is on."""
        from tui.archive.cache.authors import paper_counts

        return paper_counts(self.cache.connection(), names)

    # -- trends ----------------------------------------------------------------------

    def trend(self, period: Period | None) -> Trend:
        """Papers and votes over ``period`` (None: the whole archive)."""
        from tui.archive.cache.trends import trend

        return trend(self.cache.connection(), *_bounds(period))

    def titles(self, period: Period | None) -> list[str]:
        from tui.archive.cache.trends import titles

        return list(titles(self.cache.connection(), *_bounds(period)))

    def top_authors(self, period: Period | None, limit: int = 12) -> list[AuthorCount]:
        from tui.archive.cache.authors import top_authors

        return top_authors(self.cache.connection(), *_bounds(period), limit)


def _bounds(period: Period | None) -> tuple[date | None, date | None]:
    return (period.start, period.end) if period else (None, None)
