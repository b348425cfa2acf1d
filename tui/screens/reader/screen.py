"""The reader screen: the date sidebar, the paper list and the detail pane, and every key.

What is shown and where the reader is lives in :class:`~.state.ReaderState` (plain
Python); this screen binds the keys to it, draws what it answers into the widgets, and
hears what the widgets say. A paper counts as read when it is opened (``enter``, a search
result or bookmark opened on it, ``n``/``N``, ``space`` past its end) and, with
``mark_read = "shown"``, whenever the detail pane shows it while focused; never by moving
through the list or the days. What it opens (the date prompt, the problems, authors,
trends, the note and tag editors, a BibTeX citation) is imported when first used: the first
frame does not wait for it.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from tui.archive.entry import Entry
from tui.archive.links import abs_url, pdf_url
from tui.archive.periods import Period, PeriodKind
from tui.archive.store import Scope
from tui.screens.paper_actions import PaperActions
from tui.screens.reader.bindings import READER_BINDINGS
from tui.screens.reader.panes import DetailColumn, ListColumn
from tui.screens.reader.state import ReaderState, Shown
from tui.screens.requests import (
    CopyRequested,
    OpenLinkRequested,
    OpenPdfRequested,
    ResultsRequested,
    ReturnRequested,
)
from tui.screens.selection import Selection
from tui.screens.services import ReaderServices, so_far
from tui.userdata.bookmarks import Bookmark
from tui.userdata.marking import Notice
from tui.userdata.session import Position
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.day_filter import DayFilter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.paper_list import PaperList
from tui.widgets.paper_render import Annotation
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.screens.annotating import Target

NARROW_WIDTH = 100
"""Below this many columns the list sits above the detail and the sidebar hides."""


@dataclass
class DayShown(Message):
    """A day's papers are on screen (``first`` for the very first one)."""

    day: date | None
    first: bool


@dataclass
class DayWanted(Message):
    """The reader shows a day whose files are still to be read: read them next."""

    day: date | None


class ReaderScreen(Screen[None]):
    """Every key of the reader acts here, on the reader's state."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS
    ALLOW_IN_MAXIMIZED_VIEW = "KeyFooter, StatusLine"  # the detail on the whole screen (Z)
    AUTO_FOCUS = "#papers"  # as it mounts: not the sidebar first, then restyled for the list

    def __init__(self, services: ReaderServices) -> None:
        super().__init__()
        self.services = services
        self.store = services.store
        self.state = ReaderState(services.store, services.user_state)
        self.sidebar_open: bool | None = None  # None: decided by the width
        self._last_position: Position | None = None
        self._loaded = False  # the sidebar's footer counts its rows once loading ends
        self._focus_before_full: Widget | None = None  # the pane focused before Z
        self.actions = PaperActions(self, services, lambda: self.paper_list)

    # -- the panes ---------------------------------------------------------------------

    @property
    def sidebar(self) -> DateSidebar:
        return self.query_one(DateSidebar)

    @property
    def paper_list(self) -> PaperList:
        return self.query_one(PaperList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def day_filter(self) -> DayFilter:
        return self.query_one(DayFilter)

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield DateSidebar(id="sidebar")
            with Vertical(id="reading"):
                with ListColumn(id="list-column"):
                    yield DayFilter()
                    yield PaperList(id="papers")
                with DetailColumn(id="detail-column"):
                    yield DetailPane(id="detail")
        yield StatusLine(id="status-line")
        yield KeyFooter()

    def on_mount(self) -> None:
        glyphs = self.services.glyphs
        self.paper_list.glyphs = self.detail.glyphs = glyphs
        self.paper_list.marks = self.actions.marks(with_annotations=True)
        self.sidebar.counts = self._day_counts
        self.sidebar.border_title = literal("Days")
        self.paper_list.border_title = literal("Loading…")
        self.detail.border_title = literal("Paper")
        self.detail.empty_message = "Loading the newest day…"
        self.services.marks_changed.subscribe(self, lambda _: self.marks_changed())
        if self.focused is None:  # AUTO_FOCUS waits while the terminal has no focus
            self.paper_list.focus()

    def on_resize(self, event: events.Resize) -> None:
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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A paper being read (the detail focused) gets the width, and is read; else the
        list gets the width."""
        self.set_class(event.widget is self.detail, "-reading")
        if event.widget is self.detail and self.services.mark_read == "shown":
            self.mark_shown_read()

    def show_archive_facts(self, tag: str, last_sync: str) -> None:
        """``tag`` first in the list's title ("demo"), ``last_sync`` under the detail pane
        ("synced 5 min ago"); "" shows nothing."""
        if tag != self.paper_list.archive_tag:
            self.paper_list.archive_tag = tag
            self.paper_list.update_titles()
        self.detail.border_subtitle = literal(last_sync)

    def show_status(self, text: str) -> None:
        """Work in progress (a sync) on the status line; "" hides it."""
        with suppress(NoMatches):
            self.query_one(StatusLine).show(text)

    # -- where the reader is -----------------------------------------------------------

    @property
    def cursor(self) -> int:
        return self.paper_list.cursor

    @property
    def day(self) -> date | None:
        """The day shown (in a week or month: the day of the paper under the cursor)."""
        return self.state.day(self.cursor) if self.is_mounted else None

    @property
    def current(self) -> Entry | None:
        return self.paper_list.current

    def restore_to(self, position: Position) -> None:
        """Reopen at ``position`` once its day has arrived."""
        self.state.restore_to(position)

    def start_over(self) -> None:
        """Another archive is coming: show its newest day when it arrives."""
        self.state.start_over()

    @property
    def last_position(self) -> Position | None:
        """The position last seen (safe to read from any thread)."""
        return self._last_position

    def position(self) -> Position | None:
        """Where the reader is now (or was, once the screen is gone)."""
        try:
            scroll = round(self.detail.scroll_y)
            cursor = self.cursor
        except NoMatches:  # the app is closing: the panes are gone
            return self._last_position
        found = self.state.position(cursor, scroll)
        if found is not None:
            self._last_position = found
        return self._last_position if found is None else found

    # -- showing -----------------------------------------------------------------------

    def show(
        self,
        scope: Scope,
        keep: str | None = None,
        *,
        user: bool = True,
        passing: bool = False,
    ) -> None:
        """Show the papers of ``scope`` with paper ``keep`` under the cursor when it is there.

        ``user``: the user asked for it. ``passing``: the paper shown is only on the way to
        another one (it does not count as read).
        """
        shown = self.state.show(scope, keep, user=user)
        self._draw(shown, passing)

    def show_at(
        self, day: date | None, pid: str | None = None, *, user: bool = True, passing: bool = False
    ) -> None:
        """Show ``day``, or the week or month holding it, with paper ``pid`` selected."""
        self.show(self.state.scope_of(day), pid, user=user, passing=passing)

    def show_again(self) -> None:
        """List what is shown once more (a new order, filter or data), the paper kept."""
        self.show(self.state.scope, self.paper_list.current_id, user=False)

    def _draw(self, shown: Shown, passing: bool) -> None:
        listing, paper_list = shown.listing, self.paper_list
        if shown.filter_ended:
            self.day_filter.close()
        if listing.loading:
            self.post_message(DayWanted(listing.wanted))
        paper_list.loading = listing.loading
        paper_list.hidden_text = (
            "No unread papers here: H shows the read ones too."
            if self.state.unread_only and self.state.filter is None
            else "No papers match the filter."
        )
        with paper_list.prevent(PaperList.Highlighted):
            paper_list.show(
                listing.entries,
                shown.cursor,
                label=listing.label,
                order_label=listing.order_label,
                every_id=listing.every_id,
                row_days=listing.period is not None,
            )
        self.show_paper(passing)  # now: one frame shows it all
        if shown.kind_changed:
            self.refresh_sidebar()
        if listing.period is not None:
            self.sidebar.select_period(listing.period)
        else:
            self.sidebar.select_day(listing.day)
        loading = "Reading these days…" if listing.period else "Reading this day…"
        self.detail.empty_message = loading if listing.loading else "No paper selected."
        self.post_message(DayShown(self.day, shown.first))

    def refresh_sidebar(self) -> None:
        """List days, or weeks or months, as the reader shows them now."""
        period = self.state.period
        if period is None:
            self.sidebar.show_days(self.store.summaries(), self.day)
            self.sidebar.border_title = literal("Days")
        else:
            self.sidebar.show_periods(self.store.periods(period.kind), period)
            self.sidebar.border_title = literal(period.kind.plural.capitalize())
        if self._loaded:
            self._count_in_sidebar()

    def _count_in_sidebar(self) -> None:
        """The sidebar's footer: how many days, weeks or months it lists."""
        period = self.state.period
        kind = PeriodKind.DAY if period is None else period.kind
        count = len(self.store.days()) if period is None else len(self.store.periods(kind))
        name = kind.value if count == 1 else kind.plural
        self.sidebar.border_subtitle = literal(f"{count:,} {name}")

    def show_paper(self, passing: bool = False) -> None:
        """Show the paper under the cursor in the detail pane; it counts as read as
        ``mark_read`` says, unless it is only ``passing`` by on the way to another."""
        entry = self.current
        full = self.store.with_body(entry) if entry is not None else None
        paper_list = self.paper_list
        self.detail.show(
            full.paper if full else None,
            full.day if full else None,
            paper_list.cursor + 1,
            len(paper_list.entries),
            self._mine(entry.pid if entry else None),
        )
        self.position()  # keeps the last known position up to date
        self.update_list_title()
        if not passing and self.detail.has_focus and self.services.mark_read == "shown":
            self.mark_shown_read()

    def update_list_title(self) -> None:
        self.paper_list.notes = self.state.list_notes(self.cursor)
        self.paper_list.update_titles()

    def mark_shown_read(self, opened: bool = False) -> None:
        """The paper in the detail pane was read (``opened``: the user opened it)."""
        mode = self.services.mark_read
        if mode == "manual" or not (opened or (mode == "shown" and self.detail.has_focus)):
            return
        pid = self.paper_list.current_id
        if pid is not None and self.services.marking.mark_read(pid):
            self.paper_marks_changed(pid)

    def _mine(self, pid: str | None) -> Annotation | None:
        """The reader's note, tags and lists on paper ``pid``."""
        if pid is None:
            return None
        state = self.services.user_state
        return Annotation(state.note_of(pid), tuple(state.tags_of(pid)), tuple(state.lists_of(pid)))

    def _day_counts(self, day: date | None) -> str:
        """The sidebar's figures for a day: bookmarks, then unread/total."""
        if self.store.is_loading(day):
            return "…"
        ids = self.store.pids(day)
        state = self.services.user_state
        unread = sum(not state.is_read(pid) for pid in ids)
        marked = sum(state.is_bookmarked(pid) for pid in ids)
        bookmarks = f"{self.services.glyphs.bookmark}{marked} " if marked else ""
        return f"{bookmarks}{unread}/{len(ids)}"

    def marks_changed(self) -> None:
        """Bookmarks, notes, tags or read marks changed: redraw markers, counts and titles."""
        if self.is_mounted:
            self.paper_list.restyle()
            self.sidebar.restyle()
            self.detail.show_mine(self._mine(self.paper_list.current_id))

    def paper_marks_changed(self, pid: str) -> None:
        """One paper shown was (un)bookmarked or (un)read: redraw just its marks."""
        if self.is_mounted:
            self.paper_list.restyle_paper(pid)
            self.sidebar.restyle_day(self.day)

    # -- the archive arrives -----------------------------------------------------------

    def archive_changed(self, changed: set[date | None] | None, wanted: date | None) -> None:
        """Days arrived or changed (None: all); refresh them and, at first, open a day."""
        self.refresh_sidebar()
        decision = self.state.archive_changed(changed, wanted)
        if isinstance(decision, bool):
            if decision:
                self.show_again()
            return
        target = decision.day
        if not self.state.shown_first or self.state.scope_of(target) != self.state.scope:
            self.show_at(target, user=False)
        position = self.state.restore_arrived(target)
        if position is not None and position.paper is not None:
            index = self.paper_list.index_of(position.paper)
            if index is not None:
                self.paper_list.cursor = index
                self.detail.scroll_to(y=position.scroll, animate=False)
                self.call_after_refresh(self.detail.scroll_to, y=position.scroll, animate=False)

    def loading_progress(self, done: int, total: int) -> None:
        self._loaded = False
        self.sidebar.border_subtitle = literal(f"loading {done * 100 // max(total, 1)}%")

    def loading_finished(self) -> None:
        self._loaded = True
        self._count_in_sidebar()
        if self.store.is_empty():
            self.detail.empty_message = (
                "No digests were found. Open a file or a directory: paperdeck PATH"
            )
            self.detail.show(None, None)
            self.paper_list.border_title = literal("No digests")

    # -- what the panes say ------------------------------------------------------------

    @on(DateSidebar.DayHighlighted)
    def _day_highlighted(self, event: DateSidebar.DayHighlighted) -> None:
        if event.day != self.state.scope:
            self.show(event.day)

    @on(DateSidebar.DayOpened)
    def _day_opened(self, event: DateSidebar.DayOpened) -> None:
        if event.day != self.state.scope:
            self.show(event.day)
        self.paper_list.focus()

    @on(DateSidebar.PeriodHighlighted)
    def _period_highlighted(self, event: DateSidebar.PeriodHighlighted) -> None:
        if event.period != self.state.scope:
            self.show(event.period)

    @on(DateSidebar.PeriodOpened)
    def _period_opened(self, event: DateSidebar.PeriodOpened) -> None:
        if event.period != self.state.scope:
            self.show(event.period)
        self.paper_list.focus()

    @on(PaperList.Highlighted)
    def _paper_highlighted(self, event: PaperList.Highlighted) -> None:
        self.show_paper()

    @on(PaperList.Opened)
    def _paper_opened(self, event: PaperList.Opened) -> None:
        self.detail.focus()
        self.mark_shown_read(opened=True)

    @on(DayFilter.Applied)
    def _filter_changed(self, event: DayFilter.Applied) -> None:
        self.state.set_filter(event.query)
        self.show_again()

    @on(DayFilter.Done)
    def _filter_done(self, event: DayFilter.Done) -> None:
        self.paper_list.focus()

    @on(DayFilter.Cleared)
    def _filter_cleared(self, event: DayFilter.Cleared) -> None:
        self.clear_filter()

    def clear_filter(self) -> None:
        self.day_filter.close()
        self.state.drop_filter()
        self.show_again()
        self.paper_list.focus()

    # -- moving ------------------------------------------------------------------------

    def action_older_day(self) -> None:
        self._step(older=True)

    def action_newer_day(self) -> None:
        self._step(older=False)

    def _step(self, older: bool) -> None:
        found = self.state.step(older, self.cursor)
        if isinstance(found, str):
            self.notify(found, timeout=2)
        else:
            self.show(found)

    def action_cycle_period(self) -> None:
        """Days → weeks → months → days, keeping the paper under the cursor."""
        found = self.state.cycle_period(self.cursor)
        if isinstance(found, str):
            self.notify(found, severity="warning", timeout=3)
            return
        scope, pid = found
        self.show(scope, pid)
        self.refresh_sidebar()  # its title says what it lists

    def action_goto_date(self) -> None:
        from tui.screens.date_prompt import DatePrompt

        self.app.push_screen(DatePrompt(self.day), self.goto_date)

    def goto_date(self, target: date | None) -> None:
        if target is None:
            return
        day = self.store.nearest_day(target)
        if day is None:
            self.notify("No dated digests are loaded.", severity="warning")
            return
        if day != target:
            self.notify(f"No papers on {target}; showing {day}, the nearest day.", timeout=4)
        self.show_at(day)

    def action_toggle_full_detail(self) -> None:
        """The paper on the whole screen, or the panes back as they were (``escape`` too)."""
        if self.maximized is not None:
            self.minimize()
            return
        self._focus_before_full = self.focused
        self.maximize(self.detail, container=False)
        self.detail.focus()

    def watch_maximized(self, maximized: Widget | None) -> None:
        """The panes are back: the focus goes back where it was before the full screen."""
        if maximized is not None:
            return
        before, self._focus_before_full = self._focus_before_full, None
        if before is not None and before in self.panes():
            before.focus()

    def action_cycle_pane(self, step: int) -> None:
        if self.maximized is not None:  # the other panes come back, the focus moves on
            self._focus_before_full = None
            self.minimize()
        panes = self.panes()
        focused = self.focused
        index = panes.index(focused) if focused in panes else 0
        panes[(index + step) % len(panes)].focus()

    def action_back(self) -> None:
        """Clear the selection; else back to the screens the paper was opened from (trends,
        an author, the results); else clear a filter; else a pane."""
        if self.actions.clear():
            return
        if self.state.returns(self.cursor):
            self.state.return_to = None  # once: back here, escape is a pane back again
            self.post_message(ReturnRequested())
            return
        if self.state.on_result(self.cursor):
            self.post_message(ResultsRequested())
            return
        if self.focused is self.paper_list and self.state.filter is not None:
            self.clear_filter()
            return
        panes = self.panes()
        if self.focused in panes and panes.index(self.focused) > 0:
            panes[panes.index(self.focused) - 1].focus()

    def action_page_detail(self, direction: int) -> None:
        if direction > 0:
            self.detail.scroll_page_down(animate=False)
        else:
            self.detail.scroll_page_up(animate=False)

    def action_toggle_sidebar(self) -> None:
        self.sidebar_open = self.has_class("-sidebar-hidden")
        self._apply_layout()
        if self.sidebar_open:
            self.sidebar.focus()

    def action_show_problems(self) -> None:
        if not self.store.problems:
            done = "" if self.store.complete else " so far (the archive is still being read)"
            self.notify(f"No problems while loading{done}.", timeout=3)
            return
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.store.problems))

    # -- reading on ----------------------------------------------------------------------

    def open_paper(
        self, day: date | None, pid: str, note: str = "", *, returns: bool = False
    ) -> None:
        """Show the paper ``pid`` of ``day`` with the detail pane focused: it is opened.

        ``note`` (a search result's place, say) is shown in the list's title while the
        paper stays under the cursor. ``returns``: it was opened from another screen, and
        ``escape`` on it goes back there.
        """
        self.state.result_note = (pid, note) if note else None
        self.state.return_to = pid if returns else None
        self.show_at(day, pid, passing=True)  # in its week or month when they are listed
        if self.state.filter is not None and self.paper_list.index_of(pid) is None:
            self.day_filter.close()
            self.state.drop_filter()  # the filter hides the paper asked for
            self.show_at(day, pid, user=False, passing=True)
        self.detail.focus()
        self.mark_shown_read(opened=True)
        self.update_list_title()

    def action_next_unread(self, forward: bool = True) -> None:
        """Open the next (or previous) unread paper: this listing, then other days."""
        found = self.state.next_unread(forward, self.cursor, not self.detail.has_focus)
        if isinstance(found, str):
            self.notify(found, timeout=3)
        else:
            self.open_paper(found.day, found.pid)

    def action_newest_unread(self) -> None:
        """Open the newest unread paper: the first unread one of the newest day with one."""
        found = self.state.newest_unread()
        if isinstance(found, str):
            self.notify(found, timeout=3)
        else:
            self.open_paper(found.day, found.pid)

    def action_read_on(self) -> None:
        """A page down the paper; at its end, it is read and the next unread one opens."""
        detail = self.detail
        if detail.paper is not None and detail.scroll_offset.y < detail.max_scroll_y:
            detail.scroll_page_down(animate=False)
            return
        self.mark_shown_read(opened=True)
        self.action_next_unread()

    # -- the paper under the cursor ------------------------------------------------------

    def _tell(self, notice: Notice) -> None:
        self.notify(
            notice.text,
            timeout=notice.timeout,
            severity="warning" if notice.warning else "information",
            markup=False,
        )

    # -- the selection: several papers at once -----------------------------------------

    @property
    def selection(self) -> Selection:
        return self.actions.selection

    def action_paper(self, name: str) -> None:
        """``v``, ``V``, ``+``: see :class:`PaperActions`."""
        self.actions.run(name)

    # -- the paper under the cursor (or the selection) ---------------------------------

    def action_toggle_bookmark(self) -> None:
        if self.selection:
            self.actions.toggle_bookmark()
            return
        if (entry := self.current) is not None:
            self._tell(self.services.marking.toggle_bookmark(entry.pid, entry.paper, entry.day))
            self.paper_marks_changed(entry.pid)

    def action_toggle_read(self) -> None:
        if self.selection:
            self.actions.toggle_read()
            return
        if (entry := self.current) is not None:
            self.services.marking.toggle_read(entry.pid)
            self.paper_marks_changed(entry.pid)

    def action_mark_day_read(self) -> None:
        label, ids = self.state.mark_targets()
        self._tell(self.services.marking.mark_all_read(ids, label))
        self.marks_changed()

    def _target(self) -> Target | None:
        from tui.screens.annotating import Target

        entry = self.current
        if entry is None:
            return None
        snapshot = Bookmark.of(entry.pid, entry.paper, entry.day, datetime.now(UTC))
        return Target(entry.pid, entry.paper.title, snapshot)

    def action_edit_note(self) -> None:
        if target := self._target():
            from tui.screens.annotating import edit_note

            edit_note(self, self.services, target)

    def action_edit_tags(self) -> None:
        self.actions.edit_tags()  # the paper's, or the selection's

    def _url(self, pdf: bool = False) -> str | None:
        """The selected paper's abstract page (or PDF); None, with a word why, if it has none."""
        entry = self.current
        if entry is None:
            return None
        url = pdf_url(entry.paper) if pdf else abs_url(entry.paper)
        if url is None:
            missing = "No PDF: this paper has no arXiv id." if pdf else "This paper has no link."
            self.notify(missing, severity="warning", timeout=3)
        return url

    def action_copy_link(self) -> None:
        if self.selection:
            self.actions.copy_link()
            return
        if url := self._url():
            self.post_message(CopyRequested(url, "link"))

    def action_copy_citation(self) -> None:
        self.actions.copy_citation()  # the paper's, or the selection's

    def action_open_link(self) -> None:
        if url := self._url():
            self.post_message(OpenLinkRequested(url, "paper"))

    def action_open_pdf(self) -> None:
        entry = self.current
        if self._url(pdf=True) and entry is not None and entry.paper.arxiv_id:  # else: said why
            self.post_message(OpenPdfRequested(entry.paper.arxiv_id))

    def action_cycle_order(self) -> None:
        """Votes → title → file order → votes; the paper under the cursor stays."""
        self.state.order = self.state.order.next()
        self.show_again()
        self.notify(f"Papers {self.state.order.label}.", timeout=2)

    def action_toggle_hide_read(self) -> None:
        """Hide the read papers from the list, or show them again; the paper under the
        cursor stays either way."""
        state = self.state
        state.unread_only = not state.unread_only
        self.show_again()
        if state.unread_only:
            self.notify("Unread papers only (H shows the read ones again).", timeout=2)
        else:
            self.notify("Every paper, read or not.", timeout=2)

    def action_filter_day(self) -> None:
        self.day_filter.open()

    def action_pin_filter(self) -> None:
        """Keep the filter on from day to day, or let it end with its day again."""
        state = self.state
        if state.filter is None:
            self.notify("No filter to pin: press f to filter this day first.", timeout=3)
            return
        state.pinned = not state.pinned
        self.update_list_title()
        if state.pinned:
            self.notify("Filter pinned: it stays on from day to day (F again to unpin).")
        else:
            self.notify("Filter unpinned: it ends when you change day.", timeout=3)

    def action_toggle_authors(self) -> None:
        self.detail.toggle_authors()

    def action_more(self) -> None:
        self.detail.show_more()

    # -- beyond the day: authors, related papers and trends ------------------------------

    def action_pick_author(self) -> None:
        """List the selected paper's authors; the one chosen opens their page."""
        entry = self.current
        if entry is None:
            return
        names = [name for name in entry.paper.authors if name.strip()]
        if not names:
            self.notify("This paper names no authors.", severity="warning", timeout=3)
            return
        counts = self.store.author_counts(names)
        from tui.screens.authors import AuthorPicker

        picker = AuthorPicker(entry.paper.title, names, counts, so_far(self.store))
        self.app.push_screen(picker, self.open_author)

    def open_author(self, name: str | None) -> None:
        if name:
            from tui.screens.authors import AuthorScreen

            self.app.push_screen(AuthorScreen(self.services, name))

    def action_show_related(self) -> None:
        """The papers most like the selected one, across the archive."""
        entry = self.current
        if entry is None:
            return
        from tui.screens.related import RelatedScreen

        self.app.push_screen(RelatedScreen(self.services, entry))

    def action_show_trends(self) -> None:
        """Trends of the week or month shown; of the whole archive when showing days."""
        self.show_trends(self.state.period)

    def show_trends(self, period: Period | None) -> None:
        from tui.screens.trends import TrendsScreen

        self.app.push_screen(TrendsScreen(self.services, period))
