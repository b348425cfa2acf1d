"""Where the reader is and what it shows, in plain Python: no Textual, testable alone.

The state holds the scope shown (a day, a week or a month), its listing (order and
filter), what the sidebar lists, and the decisions the keys lead to: the next scope for
``[`` and ``]``, the next unread paper for ``n``, which day to open when the archive
arrives, where to reopen a saved position. The screen (:mod:`.screen`) binds the keys,
asks the state, and draws what it answers; the paper under the cursor is the list's, so
the state is told it (``cursor``) where it matters.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from tui.archive.entry import Entry
from tui.archive.order import PaperOrder
from tui.archive.periods import Period, PeriodKind, period_of
from tui.archive.store import ArchiveStore, Scope
from tui.archive.unread import Place, unread_places
from tui.screens.reader.listing import Listing, list_scope
from tui.userdata.session import Position

if TYPE_CHECKING:
    from tui.search.marks import Marks
    from tui.search.query import Query

MORE_DAYS = "More days are still being read; try again in a moment."


@dataclass(frozen=True)
class Shown:
    """A listing put on screen: where its cursor goes, and what changed on the way."""

    listing: Listing
    cursor: int
    first: bool  # the reader's very first listing
    filter_ended: bool  # the filter ended with the scope it was made on
    kind_changed: bool  # the sidebar lists another kind of scope now


@dataclass(frozen=True)
class Open:
    """Open ``day`` (its week or month when they are listed)."""

    day: date | None


class ReaderState:
    """The reader's position and the listing it shows."""

    def __init__(self, store: ArchiveStore, marks: Marks) -> None:
        self.store = store
        self.marks = marks
        self.listing: Listing | None = None
        self.order = PaperOrder.VOTES
        self.period_kind = PeriodKind.DAY  # what the sidebar lists (w cycles)
        self.filter: Query | None = None
        self.pinned = False  # the filter stays on when the scope changes
        self.unread_only = False  # read papers are hidden (H)
        self.result_note: tuple[str, str] | None = None  # (paper id, "search … n/m")
        self.return_to: str | None = None  # the paper opened from another screen (escape)
        self.navigated = False  # the user moved: the loader must not move them again
        self.shown_first = False
        self.restoring: Position | None = None  # where to reopen, once its day arrives

    # -- what is shown -----------------------------------------------------------------

    @property
    def scope(self) -> Scope:
        return self.listing.scope if self.listing is not None else None

    @property
    def period(self) -> Period | None:
        """The week or month shown (None: a day)."""
        return self.listing.period if self.listing is not None else None

    def entry(self, cursor: int) -> Entry | None:
        """The paper on row ``cursor`` of the listing."""
        entries = self.listing.entries if self.listing is not None else []
        return entries[cursor] if 0 <= cursor < len(entries) else None

    def day(self, cursor: int) -> date | None:
        """The day shown: the day listed, or in a week or month the day of the paper on row
        ``cursor`` (its first day when it has none)."""
        if self.listing is None:
            return None
        period = self.listing.period
        if period is None:
            return self.listing.day
        entry = self.entry(cursor)
        return entry.day if entry is not None and entry.day is not None else period.start

    def show(self, scope: Scope, keep: str | None = None, *, user: bool = True) -> Shown:
        """List ``scope`` with the cursor on paper ``keep`` when it is there (else the top).

        ``user``: the user asked for it (so the loader no longer picks the day). A filter
        ends with its scope, unless pinned.
        """
        if user:
            self.navigated = True
        ending = self.shown_first and scope != self.scope and self.filter is not None
        ending = ending and not self.pinned
        if ending:
            self.drop_filter()
        before = self.period
        self.listing = list_scope(
            self.store,
            scope,
            self.order,
            self.filter,
            self.marks,
            unread_only=self.unread_only,
            keep=keep,
        )
        now = self.period
        kind_changed = (before is None) != (now is None) or (
            before is not None and now is not None and before.kind is not now.kind
        )
        found = self.listing.index_of(keep) if keep is not None else None
        first = not self.shown_first
        self.shown_first = True
        return Shown(self.listing, found or 0, first, ending, kind_changed)

    def scope_of(self, day: date | None) -> Scope:
        """The scope holding ``day`` as the sidebar lists now: the day, its week or month."""
        if self.period_kind is PeriodKind.DAY or day is None:
            return day
        return period_of(day, self.period_kind)

    def drop_filter(self) -> None:
        self.filter = None
        self.pinned = False

    def set_filter(self, query: Query | None) -> None:
        self.filter = query
        self.pinned = self.pinned and query is not None

    def list_notes(self, cursor: int) -> list[str]:
        """What the list's title says besides the scope: the filter, the search result."""
        notes: list[str] = []
        listing = self.listing
        if self.on_result(cursor):  # first: a cut border keeps the result's position
            assert self.result_note is not None
            notes.append(self.result_note[1])
        if self.filter is not None and listing is not None:
            shown, total = len(listing.entries), len(listing.every_id or [])
            from tui.search.query import quoted  # loaded with the filter

            pinned = " (pinned)" if self.pinned else ""
            notes.append(f"filter {quoted(self.filter.text)}{pinned}: {shown:,} of {total:,}")
        if self.unread_only:
            notes.append("unread only")
        return notes

    def returns(self, cursor: int) -> bool:
        """Whether the paper on row ``cursor`` was opened from another screen (``escape``
        goes back there)."""
        entry = self.entry(cursor)
        return entry is not None and entry.pid == self.return_to

    def on_result(self, cursor: int) -> bool:
        """Whether the paper on row ``cursor`` is the search result last opened."""
        entry = self.entry(cursor)
        return (
            self.result_note is not None
            and entry is not None
            and (self.result_note[0] == entry.pid)
        )

    # -- moving ------------------------------------------------------------------------

    def step(self, older: bool, cursor: int) -> Scope | str:
        """The scope before (``older``) or after the one shown; or what to say at the end."""
        period = self.period
        if period is not None:
            found = self.store.step_period(period, older)
            if found is not None:
                return found
            return self.at_end(f"This is the {'oldest' if older else 'newest'} {period.kind}.")
        day = self.day(cursor)
        move = self.store.older_day(day) if older else self.store.newer_day(day)
        if move.exists:
            return move.day
        return self.at_end(f"This is the {'oldest' if older else 'newest'} day.")

    def at_end(self, text: str) -> str:
        """Nothing further that way: ``text``, unless more days may still come."""
        return MORE_DAYS if self.store.more_days_may_come else text

    def cycle_period(self, cursor: int) -> tuple[Scope, str | None] | str:
        """Days → weeks → months → days: the scope to show and the paper to keep there, or
        why it cannot be done."""
        kind = self.period_kind.next()
        entry = self.entry(cursor)
        anchor, pid = self.day(cursor), entry.pid if entry is not None else None
        if anchor is None:
            anchor = next((day for day in self.store.days() if day is not None), None)
            pid = None
        if kind is not PeriodKind.DAY and anchor is None:
            return "Weeks and months need dated papers."
        self.period_kind = kind
        return self.scope_of(anchor), pid

    def next_unread(self, forward: bool, cursor: int, from_list: bool) -> Place | str:
        """The next (or previous) unread paper: down this listing, then the other days; or
        what to say when there is none. ``from_list``: the list has focus, so its unread
        paper under the cursor comes first."""
        unread = self.unread
        listing = self.listing
        ids = listing.ids if listing is not None else []
        start = cursor if ids else (-1 if forward else 0)
        current = self.entry(cursor)
        if forward and current is not None and from_list and unread(current.pid):
            start -= 1
        day = self.day(cursor)
        places = unread_places(self.store, day, ids, start, self.order, unread, forward)
        place = next((p for p in places if self._kept(p, day)), None)
        if place is not None:
            return place
        where = "after this one, here or in older days" if forward else "before this one"
        later = "" if self.store.complete else " (more days are still being read)"
        return f"No unread paper {where}{later}."

    def newest_unread(self) -> Place | str:
        """The first unread paper of the newest day with one, in the order shown; or what to
        say when there is none."""
        newest = self.store.newest_day
        if newest is not None:
            loading = self.store.is_loading(newest)
            ids = [] if loading else [e.pid for e in self.store.entries(newest, self.order)]
            places = unread_places(self.store, newest, ids, -1, self.order, self.unread)
            place = next((p for p in places if self._kept(p, None)), None)
            if place is not None:
                return place
        later = "" if self.store.complete else " (more days are still being read)"
        return f"No unread paper in any day{later}."

    def unread(self, pid: str) -> bool:
        return not self.marks.is_read(pid)

    def _kept(self, place: Place, day: date | None) -> bool:
        """Whether a pinned filter keeps the paper (this listing is filtered already)."""
        query = self.filter
        if query is None or place.day == day:
            return True
        from tui.search.matching import paper_matches  # loaded with the filter

        entry = self.store.find(place.pid, place.day)
        return entry is not None and paper_matches(query, self.store.with_body(entry), self.marks)

    def archive_changed(self, changed: set[date | None] | None, wanted: date | None) -> Open | bool:
        """Days arrived or changed (None: all): the day to open (at first, or the day asked
        for while the user has not moved), True to list the scope shown again, or False
        when what is shown did not change."""
        if self.store.is_empty():
            return False
        if not self.shown_first or (not self.navigated and wanted is not None):
            target = self.store.nearest_day(wanted) if wanted else self.store.newest_day
            if target is None or target not in self.store:
                target = self.store.newest_day
            return Open(target)
        scope = self.scope
        if changed is None:
            return True
        if isinstance(scope, Period):
            return any(day in scope for day in changed)
        return scope in changed

    def mark_targets(self) -> tuple[str, list[str]]:
        """What ``m`` marks read: the scope's name and its papers."""
        period = self.period
        if period is not None:
            return period.label, [entry.pid for entry in self.store.entries(period)]
        day = self.listing.day if self.listing is not None else None
        return (day.isoformat() if day else "undated papers"), self.store.pids(day)

    # -- a position kept between runs --------------------------------------------------

    def restore_to(self, position: Position) -> None:
        """Reopen at ``position`` (day, paper, scroll, order, period) once its day arrives."""
        self.restoring = position
        with suppress(ValueError):
            self.order = PaperOrder(position.order)
        with suppress(ValueError):
            self.period_kind = PeriodKind(position.period)
        self.unread_only = position.unread_only

    def restore_arrived(self, arrived: date | None) -> Position | None:
        """The saved position, once its day has ``arrived`` and is the one shown."""
        position = self.restoring
        if position is None or position.day != arrived:
            return None
        self.restoring = None
        period = self.period
        shown = position.day in period if period else position.day == self.scope
        return position if shown and position.paper is not None else None

    def position(self, cursor: int, scroll: int) -> Position | None:
        """Where the reader is (None before anything is shown)."""
        if not self.shown_first or self.listing is None:
            return None
        entry = self.entry(cursor)
        return Position(
            day=self.day(cursor),
            paper=entry.pid if entry is not None else None,
            scroll=scroll,
            order=self.order.value,
            period=self.period_kind.value if self.period is not None else "day",
            unread_only=self.unread_only,
        )

    def start_over(self) -> None:
        """Another archive is coming: open its newest day when it arrives."""
        self.shown_first = False
        self.navigated = False
        self.restoring = None
        self.listing = None
