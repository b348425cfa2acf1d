"""What the reader's panes show: a day in the list, a paper in the detail pane.

:class:`ReaderView` owns the reading position (day, order, filter) and passes it down to the
three panes (:mod:`tui.screens.reader.panes`); the keys that change it are in
:mod:`tui.screens.reader.screen` and :mod:`tui.screens.reader.flow`.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from textual.css.query import NoMatches
from textual.message import Message

from parsers import Paper
from tui.archive.order import PaperOrder
from tui.archive.periods import Period, PeriodKind
from tui.screens.reader.panes import ReaderPanes
from tui.screens.services import ReaderServices
from tui.search.matching import paper_matches
from tui.search.query import Query, quoted
from tui.userdata.session import Position
from tui.widgets.day_filter import DayFilter
from tui.widgets.literal import literal
from tui.widgets.paper_list import PaperList, PaperMarks
from tui.widgets.paper_render import Annotation
from tui.widgets.status_line import StatusLine


@dataclass
class DayShown(Message):
    """A day's papers are on screen (``first`` for the very first one)."""

    day: date | None
    first: bool


@dataclass
class DayWanted(Message):
    """The reader shows a day whose files are still to be read: read them next."""

    day: date | None


class ReaderView(ReaderPanes):
    """The day and paper the panes show, and the marks drawn on them."""

    def __init__(self, services: ReaderServices) -> None:
        super().__init__(services)
        self.day: date | None = None
        self.order = PaperOrder.VOTES
        self.period_kind = PeriodKind.DAY  # what the sidebar lists (w cycles)
        self.period: Period | None = None  # the week or month shown (None: a day)
        self.navigated = False  # the user moved; the loader must not move them again
        self.day_filter: Query | None = None
        self.filter_pinned = False  # the filter stays on when the day changes
        self.result_note: tuple[str, str] | None = None  # (paper id, "search … n/m")
        self._restore: Position | None = None  # where to reopen, once its day arrives
        self._last_position: Position | None = None
        self.shown_first = False

    def on_mount(self) -> None:
        glyphs = self.services.glyphs
        self.paper_list.glyphs = self.detail.glyphs = glyphs
        state = self.user_state
        self.paper_list.marks = PaperMarks(
            bookmarked=state.is_bookmarked,
            unread=lambda pid: not state.is_read(pid),
            noted=lambda pid: state.note_of(pid) is not None,
            tags=state.tags_of,
        )
        self.sidebar.counts = self._day_counts
        self.sidebar.border_title = literal("Days")
        self.paper_list.border_title = literal("Loading…")
        self.detail.border_title = literal("Paper")
        self.detail.empty_message = "Loading the newest day…"
        self.services.marks_changed.subscribe(self, lambda _: self.marks_changed())
        self.paper_list.focus()

    def show_status(self, text: str) -> None:
        """Work in progress (a sync) on the status line; "" hides it."""
        with suppress(NoMatches):
            self.query_one(StatusLine).show(text)

    def start_over(self) -> None:
        """Another archive is coming: show its newest day when it arrives."""
        self.shown_first = False
        self.navigated = False
        self._restore = None
        self.day = None

    # -- where the reader is ---------------------------------------------------------

    def restore_to(self, position: Position) -> None:
        """Reopen at ``position`` (day, paper, scroll, order) once its day is loaded."""
        self._restore = position
        with suppress(ValueError):
            self.order = PaperOrder(position.order)
        with suppress(ValueError):
            self.period_kind = PeriodKind(position.period)

    @property
    def last_position(self) -> Position | None:
        """The position last seen (safe to read from any thread)."""
        return self._last_position

    def position(self) -> Position | None:
        """Where the reader is now (or was, once the screen is gone); None before a day shows."""
        if not self.shown_first:
            return None
        try:
            paper_list, detail = self.paper_list, self.detail
        except NoMatches:  # the app is closing: the panes are gone
            return self._last_position
        self._last_position = Position(
            day=self.day if self.period is None else paper_list.current_day or self.period.start,
            paper=paper_list.current_id,
            scroll=round(detail.scroll_y),
            order=self.order.value,
            period=self.period_kind.value if self.period is not None else "day",
        )
        return self._last_position

    def apply_restore(self, arrived: date | None) -> None:
        """Once the saved position's day has ``arrived``, put cursor and scroll back there."""
        position = self._restore
        if position is None or position.day != arrived:
            return
        self._restore = None
        shown = position.day in self.period if self.period else position.day == self.day
        if not shown or position.paper is None:
            return
        index = self.paper_list.index_of(position.paper)
        if index is not None:
            self.paper_list.cursor = index
            self.detail.scroll_to(y=position.scroll, animate=False)
            self.call_after_refresh(self.detail.scroll_to, y=position.scroll, animate=False)

    # -- showing a day and a paper ---------------------------------------------------

    def show_day(
        self,
        day: date | None,
        *,
        keep_paper: bool = False,
        user: bool = True,
        passing: bool = False,
    ) -> None:
        """Show ``day``'s papers; the top paper, or the same one when ``keep_paper``.

        ``user`` says the user asked for it; ``passing``, that the paper shown is only on
        the way to another one (it cannot count as read). A filter ends with its day
        unless pinned.
        """
        if user:
            self.navigated = True
        leaving = self.shown_first and day != self.day
        if leaving and self.day_filter is not None and not self.filter_pinned:
            self.drop_filter()  # a filter is the day's, unless pinned
        current = self.paper_list.current_id
        papers = self.store.papers(day, self.order)
        day_ids: list[str] | None = None
        if self.day_filter is not None:
            query, state = self.day_filter, self.user_state
            entries = self.store.day_entries(day, self.order)
            kept = {e.pid for e in entries if paper_matches(query, e, state)}
            day_ids = self.store.ids(day, papers)
            papers = [p for p, pid in zip(papers, day_ids, strict=True) if pid in kept]
        self.day = day
        loading = self.store.is_loading(day)
        if loading:
            self.post_message(DayWanted(day))
        self.paper_list.loading = loading
        self.period = None
        cursor = 0
        ids = self.store.ids(day, papers)
        if keep_paper and current is not None and current in ids:
            cursor = ids.index(current)  # by identity: the day may have been read again
        with self.paper_list.prevent(PaperList.Highlighted):
            self.paper_list.show(
                day,
                papers,
                ids,
                cursor,
                order_label=self.order.short,
                day_ids=day_ids,
            )
        self.show_paper(self.paper_list.current, passing)  # now: one frame shows it all
        self.sidebar.select_day(day)
        first = not self.shown_first
        self.shown_first = True
        self.detail.empty_message = "Reading this day…" if loading else "No paper selected."
        self.post_message(DayShown(day, first))

    def drop_filter(self) -> None:
        """End the filter: the box empties and hides (the caller shows the day again)."""
        self.query_one(DayFilter).close()
        self.day_filter = None
        self.filter_pinned = False

    def list_notes(self) -> list[str]:
        """What the list's title says besides the day: the filter, the search result shown."""
        notes: list[str] = []
        if self.day_filter is not None:
            shown = len(self.paper_list.papers)
            total = len(self.paper_list.day_ids or [])
            pinned = " (pinned)" if self.filter_pinned else ""
            notes.append(f"filter {quoted(self.day_filter.text)}{pinned}: {shown:,} of {total:,}")
        if self.result_note is not None and self.result_note[0] == self.paper_list.current_id:
            notes.append(self.result_note[1])
        return notes

    def update_list_title(self) -> None:
        self.paper_list.notes = self.list_notes()
        self.paper_list.update_titles()

    def _day_counts(self, day: date | None) -> str:
        """The sidebar's figures for a day: bookmarks, then unread/total."""
        if self.store.is_loading(day):
            return "…"
        ids = self.store.ids(day)
        state = self.user_state
        unread = sum(not state.is_read(pid) for pid in ids)
        marked = sum(state.is_bookmarked(pid) for pid in ids)
        bookmarks = f"{self.services.glyphs.bookmark}{marked} " if marked else ""
        return f"{bookmarks}{unread}/{len(ids)}"

    def show_paper(self, paper: Paper | None, passing: bool = False) -> None:
        """Show ``paper`` in the detail pane; it counts as read as ``mark_read`` says, unless
        it is only ``passing`` by on the way to another paper."""
        paper_list = self.paper_list
        day = paper_list.current_day
        full = self.store.full(day, paper) if paper is not None else None
        mine = self._mine(paper_list.current_id)
        self.detail.show(full, day, paper_list.cursor + 1, len(paper_list.papers), mine)
        self.position()  # keeps the last known position up to date
        self.update_list_title()
        if not passing and self.detail.has_focus and self.services.mark_read == "shown":
            self.mark_shown_read()

    def mark_shown_read(self, opened: bool = False) -> None:
        """The paper in the detail pane was read (``opened``: the user opened it)."""
        mode = self.services.mark_read
        if mode == "manual" or not (opened or (mode == "shown" and self.detail.has_focus)):
            return
        pid = self.paper_list.current_id
        if pid is not None and self.services.marking.mark_read(pid):
            self.paper_marks_changed(pid)

    def _mine(self, pid: str | None) -> Annotation | None:
        """The reader's note and tags on paper ``pid``."""
        if pid is None:
            return None
        state = self.user_state
        return Annotation(state.note_of(pid), tuple(state.tags_of(pid)))

    def marks_changed(self) -> None:
        """Bookmarks, notes, tags or read marks changed: redraw markers, counts and titles."""
        if self.is_mounted:
            self.paper_list.restyle()
            self.sidebar.restyle()
            self.detail.show_mine(self._mine(self.paper_list.current_id))

    def paper_marks_changed(self, pid: str) -> None:
        """One paper of this day was (un)bookmarked or (un)read: redraw just its marks."""
        if self.is_mounted:
            self.paper_list.restyle_paper(pid)
            self.sidebar.restyle_day(self.day)
