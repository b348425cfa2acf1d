"""The reader's panes and what they show: a day in the list, a paper in the detail pane.

:class:`ReaderView` owns the reading position (day, order, filter) and passes it down to the
three panes; the keys that change it are in :mod:`tui.screens.reader.screen`.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from parsers import Paper
from tui.archive.order import PaperOrder
from tui.screens.services import ReaderServices
from tui.search.matching import paper_matches
from tui.search.query import Query
from tui.userdata.session import Position
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.day_filter import DayFilter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList, PaperMarks
from tui.widgets.paper_render import Annotation

NARROW_WIDTH = 100


@dataclass
class DayShown(Message):
    """A day's papers are on screen (``first`` for the very first one)."""

    day: date | None
    first: bool


@dataclass
class DayWanted(Message):
    """The reader shows a day whose files are still to be read: read them next."""

    day: date | None


class ReaderView(Screen[None]):
    """The three panes, the day and paper they show, and the marks drawn on them."""

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.store = services.store
        self.user_state = services.user_state
        self.day: date | None = None
        self.order = PaperOrder.VOTES
        self.sidebar_open: bool | None = None  # None: decided by the width
        self.navigated = False  # the user moved; the loader must not move them again
        self.day_filter: Query | None = None
        self._restore: Position | None = None  # where to reopen, once its day arrives
        self._last_position: Position | None = None
        self.shown_first = False

    # -- panes -----------------------------------------------------------------------

    @property
    def sidebar(self) -> DateSidebar:
        return self.query_one(DateSidebar)

    @property
    def paper_list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield DateSidebar(id="sidebar")
            with Vertical(id="reading"):
                with Vertical(id="list-column"):
                    yield DayFilter()
                    yield PaperList(id="papers")
                yield DetailPane(id="detail")
        yield Footer()

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
        self.sidebar.border_title = "Days"
        self.paper_list.border_title = "Loading…"
        self.detail.border_title = "Paper"
        self.detail.empty_message = "Loading the newest day…"
        self.services.marks_changed.subscribe(self, lambda _: self.marks_changed())
        self.paper_list.focus()

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)

    def _apply_layout(self, width: int | None = None) -> None:
        narrow = (width if width is not None else self.size.width) < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        open_ = (not narrow) if self.sidebar_open is None else self.sidebar_open
        self.set_class(not open_, "-sidebar-hidden")
        if not open_ and self.sidebar.has_focus:
            self.paper_list.focus()

    def panes(self) -> list[Widget]:
        """The panes on screen, left to right."""
        panes: list[Widget] = [self.paper_list, self.detail]
        if not self.has_class("-sidebar-hidden"):
            panes.insert(0, self.sidebar)
        return panes

    # -- where the reader is ---------------------------------------------------------

    def restore_to(self, position: Position) -> None:
        """Reopen at ``position`` (day, paper, scroll, order) once its day is loaded."""
        self._restore = position
        with suppress(ValueError):
            self.order = PaperOrder(position.order)

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
            day=self.day,
            paper=paper_list.current_id,
            scroll=round(detail.scroll_y),
            order=self.order.value,
        )
        return self._last_position

    def apply_restore(self, arrived: date | None) -> None:
        """Once the saved position's day has ``arrived``, put cursor and scroll back there."""
        position = self._restore
        if position is None or position.day != arrived:
            return
        self._restore = None
        if position.day != self.day or position.paper is None:
            return
        index = self.paper_list.index_of(position.paper)
        if index is not None:
            self.paper_list.cursor = index
            self.detail.scroll_to(y=position.scroll, animate=False)
            self.call_after_refresh(self.detail.scroll_to, y=position.scroll, animate=False)

    # -- showing a day and a paper ---------------------------------------------------

    def show_day(
        self, day: date | None, *, keep_paper: bool = False, user: bool = True, read: bool = True
    ) -> None:
        """Show ``day``'s papers; the top paper, or the same one when ``keep_paper``.

        ``user`` says the user asked for it. The paper shown counts as read unless ``read``
        is False (only browsing a filter).
        """
        if user:
            self.navigated = True
        current = self.paper_list.current
        papers = self.store.papers(day, self.order)
        total: int | None = None
        if self.day_filter is not None:
            query, state = self.day_filter, self.user_state
            entries = self.store.day_entries(day, self.order)
            kept = {e.pid for e in entries if paper_matches(query, e, state)}
            papers = [
                p for p, pid in zip(papers, self.store.ids(day, papers), strict=True) if pid in kept
            ]
            total = len(self.store.papers(day))
        self.day = day
        loading = self.store.is_loading(day)
        if loading:
            self.post_message(DayWanted(day))
        self.paper_list.loading = loading
        cursor = 0
        if keep_paper and current is not None:
            cursor = next((i for i, paper in enumerate(papers) if paper is current), 0)
        with self.paper_list.prevent(PaperList.Highlighted):
            self.paper_list.show(
                day,
                papers,
                self.store.ids(day, papers),
                cursor,
                order_label=self.order.short,
                filter_total=total,
            )
        self.show_paper(self.paper_list.current, read=read)  # now: one frame shows it all
        self.sidebar.select_day(day)
        first = not self.shown_first
        self.shown_first = True
        self.detail.empty_message = "Reading this day…" if loading else "No paper selected."
        self.post_message(DayShown(day, first))

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

    def show_paper(self, paper: Paper | None, read: bool = True) -> None:
        """Show ``paper`` in the detail pane; a paper shown there counts as ``read``."""
        paper_list = self.paper_list
        full = self.store.full(self.day, paper) if paper is not None else None
        mine = self._mine(paper_list.current_id)
        self.detail.show(full, self.day, paper_list.cursor + 1, len(paper_list.papers), mine)
        self.position()  # keeps the last known position up to date
        pid = paper_list.current_id
        if paper is not None and read and pid is not None and self.services.marking.mark_read(pid):
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
