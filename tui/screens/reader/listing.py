"""What the reader's paper list shows: the papers of a scope, in an order, through a filter.

A scope is a day (None: the undated digest) or a week or month. No Textual here: the
reader state (:mod:`.state`) asks for a :class:`Listing`, the screen draws it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tui.archive.entry import Entry
from tui.archive.order import PaperOrder
from tui.archive.periods import Period
from tui.archive.store import ArchiveStore, Scope

if TYPE_CHECKING:
    from tui.search.marks import Marks
    from tui.search.query import Query


@dataclass(frozen=True)
class Listing:
    """The papers a scope shows, and what the list's title says about them."""

    scope: Scope
    order: PaperOrder
    entries: list[Entry]
    """The papers shown, in order."""
    every_id: list[str] | None
    """Every paper of the scope while a filter or ``unread_only`` hides some (the title
    counts their unread)."""
    loading: bool
    """Files of the scope are still being read: ``wanted`` is the day to read next."""
    wanted: date | None = None

    @property
    def period(self) -> Period | None:
        return self.scope if isinstance(self.scope, Period) else None

    @property
    def day(self) -> date | None:
        """The day listed; a period's first day."""
        return self.scope.start if isinstance(self.scope, Period) else self.scope

    @property
    def label(self) -> str:
        """``2025-07-14``, ``Undated``, ``2025-W29 (07-14–07-20)``."""
        period = self.period
        if period is not None:
            return f"{period.label} ({period.start:%m-%d}–{period.end:%m-%d})"
        return f"{self.scope:%Y-%m-%d}" if self.scope else "Undated"

    @property
    def order_label(self) -> str:
        if self.period is not None and self.order is PaperOrder.FILE:
            return "by day"
        return self.order.short

    @property
    def ids(self) -> list[str]:
        return [entry.pid for entry in self.entries]

    def index_of(self, pid: str | None) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry.pid == pid), None)


def list_scope(
    store: ArchiveStore,
    scope: Scope,
    order: PaperOrder,
    query: Query | None = None,
    marks: Marks | None = None,
    *,
    unread_only: bool = False,
    keep: str | None = None,
) -> Listing:
    """The papers of ``scope`` in ``order``, those that ``query`` matches when one is given
    (it sees each paper's sections and the reader's ``marks``); with ``unread_only``, the
    unread ones and paper ``keep`` (the one being read stays while it is read)."""
    entries = store.entries(scope, order)
    every_id: list[str] | None = None
    if query is not None or unread_only:
        assert marks is not None, "a filter needs the reader's marks"
        every_id = [entry.pid for entry in entries]
    if unread_only:
        assert marks is not None
        entries = [e for e in entries if e.pid == keep or not marks.is_read(e.pid)]
    if query is not None:
        from tui.search.matching import paper_matches  # with the first filter, not at start

        assert marks is not None
        entries = [e for e in entries if paper_matches(query, store.with_body(e), marks)]
    if isinstance(scope, Period):
        wanted = store.period_loading(scope)
        return Listing(scope, order, entries, every_id, wanted is not None, wanted)
    return Listing(scope, order, entries, every_id, store.is_loading(scope), scope)
