"""The reader: date sidebar, paper list and detail pane, and the keys that move between them."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from parsers import Paper
from tui.bookmark_export import to_bibtex
from tui.bookmarks import Bookmark
from tui.detail_render import abs_url, pdf_url
from tui.query import Query
from tui.search_index import paper_matches
from tui.session_state import Position
from tui.store import ArchiveStore, PaperOrder, Step
from tui.user_state import UserState
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.day_filter import DayFilter
from tui.widgets.detail_pane import DetailPane
from tui.widgets.paper_list import PaperList, PaperMarks

if TYPE_CHECKING:
    from tui.app import PaperdeckApp

NARROW_WIDTH = 100


class MainScreen(Screen[None]):
    """Owns the reading position and passes it down to the three panes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "older_day", "Older", tooltip="Older day", id="day.older"),
        Binding("right_square_bracket", "newer_day", "Newer", tooltip="Newer day", id="day.newer"),
        Binding("d", "goto_date", "Date", tooltip="Go to date", show=False, id="day.goto"),
        Binding("tab", "cycle_pane(1)", "Next pane", show=False, id="pane.next"),
        Binding("shift+tab", "cycle_pane(-1)", "Previous pane", show=False, id="pane.previous"),
        Binding("escape", "back", "Back a pane", show=False, id="pane.back"),
        Binding("space,pagedown", "page_detail(1)", "Page down", show=False, id="detail.page_down"),
        Binding("pageup", "page_detail(-1)", "Page up", show=False, id="detail.page_up"),
        Binding(
            "b", "toggle_bookmark", "Mark", tooltip="Bookmark / unbookmark", id="bookmark.toggle"
        ),
        Binding("u", "toggle_read", "Read/unread", show=False, id="read.toggle"),
        Binding("m", "mark_day_read", "Mark day read", show=False, id="read.mark_day"),
        Binding("z", "app.undo", "Undo", show=False, id="undo"),
        Binding("c", "copy_link", "Copy link", show=False, id="link.copy"),
        Binding("C", "copy_citation", "Copy BibTeX", show=False, id="link.copy_bibtex"),
        Binding("o", "open_link", "Open link", show=False, id="link.open"),
        Binding("p", "open_pdf", "Open PDF", show=False, id="link.open_pdf"),
        Binding("a", "toggle_authors", "All authors", show=False, id="detail.authors"),
        Binding("x", "more", "More of long items", show=False, id="detail.more"),
        Binding("s", "cycle_order", "Sort", show=False, id="order.cycle"),
        Binding("f", "filter_day", "Filter", show=False, id="filter.day"),
        Binding("t", "toggle_sidebar", "Days", tooltip="Show / hide the days", id="sidebar.toggle"),
        Binding("exclamation_mark", "show_problems", "Problems", show=False, id="problems.show"),
    ]

    @dataclass
    class DayShown(Message):
        """A day's papers are on screen (``first`` for the very first one)."""

        day: date | None
        first: bool

    def __init__(self, store: ArchiveStore, user_state: UserState) -> None:
        super().__init__()
        self.store = store
        self.user_state = user_state
        self.day: date | None = None
        self.order = PaperOrder.VOTES
        self.sidebar_open: bool | None = None  # None: decided by the width
        self.navigated = False  # the user moved; the loader must not move them again
        self.day_filter: Query | None = None
        self._restore: Position | None = None  # where to reopen, once its day arrives
        self._last_position: Position | None = None
        self._shown_first = False

    @property
    def deck(self) -> PaperdeckApp:
        return self.app  # type: ignore[return-value]

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
        self.paper_list.glyphs = self.detail.glyphs = self.deck.glyphs
        state = self.user_state
        self.paper_list.marks = PaperMarks(
            bookmarked=state.is_bookmarked, unread=lambda pid: not state.is_read(pid)
        )
        self.sidebar.counts = self._day_counts
        self.sidebar.border_title = "Days"
        self.paper_list.border_title = "Loading…"
        self.detail.border_title = "Paper"
        self.detail.empty_message = "Loading the newest day…"
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

    def _panes(self) -> list[Widget]:
        panes: list[Widget] = [self.paper_list, self.detail]
        if not self.has_class("-sidebar-hidden"):
            panes.insert(0, self.sidebar)
        return panes

    # -- the archive arrives ---------------------------------------------------------

    def restore_to(self, position: Position) -> None:
        """Reopen at ``position`` (day, paper, scroll, order) once its day is loaded."""
        self._restore = position
        with suppress(ValueError):
            self.order = PaperOrder(position.order)

    def position(self) -> Position | None:
        """Where the reader is now (or was, once the screen is gone); None before a day shows."""
        if not self._shown_first:
            return None
        try:
            paper_list, detail = self.paper_list, self.detail
        except NoMatches:  # the app is closing: the panes are gone
            return self._last_position
        pid = paper_list.ids[paper_list.cursor] if paper_list.current is not None else None
        self._last_position = Position(
            day=self.day, paper=pid, scroll=round(detail.scroll_y), order=self.order.value
        )
        return self._last_position

    def _apply_restore(self) -> None:
        position, self._restore = self._restore, None
        if position is None or position.day != self.day or position.paper is None:
            return
        index = self.paper_list.index_of(position.paper)
        if index is not None:
            self.paper_list.cursor = index
            self.detail.scroll_to(y=position.scroll, animate=False)
            self.call_after_refresh(self.detail.scroll_to, y=position.scroll, animate=False)

    def archive_changed(self, changed: set[date | None], wanted: date | None) -> None:
        """The store grew; refresh the sidebar and, at first, open the newest day."""
        self.sidebar.show_days(self.store.summaries(), self.day)
        if self.store.is_empty():
            return
        if not self._shown_first or (not self.navigated and wanted is not None):
            target = self.store.nearest_day(wanted) if wanted else self.store.newest_day
            if target is None or target not in self.store:
                target = self.store.newest_day
            if not self._shown_first or target != self.day:
                self.show_day(target, user=False)
            if self._restore is not None and self._restore.day == target:
                self._apply_restore()
        elif self.day in changed:
            self.show_day(self.day, keep_paper=True, user=False)

    def loading_progress(self, done: int, total: int) -> None:
        self.sidebar.border_subtitle = f"loading {done * 100 // max(total, 1)}%"

    def loading_finished(self) -> None:
        days = len(self.store.days())
        self.sidebar.border_subtitle = f"{days:,} day{'' if days == 1 else 's'}"
        if self.store.is_empty():
            self.paper_list.border_title = "No digests"
            self.detail.empty_message = (
                "No digests were found. Open a file or a directory: paperdeck PATH"
            )
            self.detail.show(None, None)

    # -- showing a day and a paper ---------------------------------------------------

    def show_day(
        self, day: date | None, *, keep_paper: bool = False, user: bool = True, read: bool = True
    ) -> None:
        """Show ``day``'s papers; the top paper, or the same one when ``keep_paper``.

        The paper shown counts as read unless ``read`` is False (only browsing a filter).
        """
        if user:
            self.navigated = True
        current = self.paper_list.current
        papers = self.store.papers(day, self.order)
        if self.day_filter is not None:
            query, state = self.day_filter, self.user_state
            entries = self.store.day_entries(day, self.order)
            papers = [e.paper for e in entries if paper_matches(query, e, state)]
        self.day = day
        cursor = 0
        if keep_paper and current is not None:
            cursor = next((i for i, paper in enumerate(papers) if paper is current), 0)
        with self.paper_list.prevent(PaperList.Highlighted):
            self.paper_list.show(day, papers, self.store.ids(day, papers), cursor)
        self.show_paper(self.paper_list.current, read=read)  # now: one frame shows it all
        self.sidebar.select_day(day)
        self._update_titles()
        first = not self._shown_first
        self._shown_first = True
        self.detail.empty_message = "No paper selected."
        self.post_message(self.DayShown(day, first))

    def _update_titles(self) -> None:
        day = self.day
        label = f"{day:%Y-%m-%d}" if day else "Undated"
        count = len(self.paper_list.papers)
        unread = sum(not self.user_state.is_read(pid) for pid in self.paper_list.ids)
        order = self.order.short
        self.paper_list.border_title = f"{label} · {unread:,}/{count:,} unread · {order}"
        filtered = self.day_filter is not None
        self.paper_list.empty_text = "No papers match the filter." if filtered else "No papers."
        if self.day_filter is not None:
            total = len(self.store.papers(day))
            self.paper_list.border_subtitle = f"filter: {count:,} of {total:,}"
        else:
            self.paper_list.border_subtitle = ""

    def _day_counts(self, day: date | None) -> str:
        """The sidebar's figures for a day: bookmarks, then unread/total."""
        ids = self.store.ids(day)
        state = self.user_state
        unread = sum(not state.is_read(pid) for pid in ids)
        marked = sum(state.is_bookmarked(pid) for pid in ids)
        bookmarks = f"{self.deck.glyphs.bookmark}{marked} " if marked else ""
        return f"{bookmarks}{unread}/{len(ids)}"

    def show_paper(self, paper: Paper | None, read: bool = True) -> None:
        """Show ``paper`` in the detail pane; a paper shown there counts as ``read``."""
        self.detail.show(paper, self.day)
        index = self.paper_list.cursor + 1
        total = len(self.paper_list.papers)
        self.detail.border_title = f"Paper {index}/{total}" if paper else "Paper"
        self.position()  # keeps the last known position up to date
        if paper is not None and read:
            pid = self.paper_list.ids[self.paper_list.cursor]
            if not self.user_state.is_read(pid):
                self.user_state.mark_read([pid])
                self.paper_marks_changed(pid)

    def marks_changed(self) -> None:
        """Bookmarks or read marks changed: redraw markers, counts and titles."""
        if self.is_mounted:
            self.paper_list.restyle()
            self.sidebar.restyle()
            self._update_titles()

    def paper_marks_changed(self, pid: str) -> None:
        """One paper of this day was (un)bookmarked or (un)read: redraw just its marks."""
        if self.is_mounted:
            self.paper_list.restyle_paper(pid)
            self.sidebar.restyle_day(self.day)
            self._update_titles()

    def open_paper(self, day: date | None, pid: str) -> None:
        """Show the paper ``pid`` of ``day`` with the detail pane focused."""
        self.show_day(day)
        if self.day_filter is not None and self.paper_list.index_of(pid) is None:
            self.clear_day_filter()  # the filter hides the paper asked for
        index = self.paper_list.index_of(pid)
        if index is not None:
            self.paper_list.cursor = index
        self.detail.focus()

    @on(DateSidebar.DayHighlighted)
    def _day_highlighted(self, event: DateSidebar.DayHighlighted) -> None:
        if event.day != self.day:
            self.show_day(event.day)

    @on(DateSidebar.DayOpened)
    def _day_opened(self, event: DateSidebar.DayOpened) -> None:
        if event.day != self.day:
            self.show_day(event.day)
        self.paper_list.focus()

    @on(PaperList.Highlighted)
    def _paper_highlighted(self, event: PaperList.Highlighted) -> None:
        self.show_paper(event.paper)

    @on(PaperList.Opened)
    def _paper_opened(self, event: PaperList.Opened) -> None:
        self.detail.focus()

    # -- actions ---------------------------------------------------------------------

    def action_older_day(self) -> None:
        self._step_day(self.store.older_day(self.day), "This is the oldest day.")

    def action_newer_day(self) -> None:
        self._step_day(self.store.newer_day(self.day), "This is the newest day.")

    def _step_day(self, step: Step, at_end: str) -> None:
        if not step.exists:
            self.notify(at_end, timeout=2)
            return
        self.show_day(step.day)

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
        self.show_day(day)

    def action_cycle_pane(self, step: int) -> None:
        panes = self._panes()
        focused = self.focused
        index = panes.index(focused) if focused in panes else 0
        panes[(index + step) % len(panes)].focus()

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id == "day-filter":
            self.clear_day_filter()
            return
        panes = self._panes()
        if self.focused in panes and panes.index(self.focused) > 0:
            panes[panes.index(self.focused) - 1].focus()

    def action_page_detail(self, direction: int) -> None:
        if direction > 0:
            self.detail.scroll_page_down(animate=False)
        else:
            self.detail.scroll_page_up(animate=False)

    def _current(self) -> tuple[str, Paper] | None:
        paper = self.paper_list.current
        if paper is None:
            return None
        return self.paper_list.ids[self.paper_list.cursor], paper

    def action_toggle_bookmark(self) -> None:
        current = self._current()
        if current is not None:
            self.deck.toggle_bookmark(current[0], current[1], self.day)
            self.paper_marks_changed(current[0])

    def action_toggle_read(self) -> None:
        current = self._current()
        if current is None:
            return
        pid = current[0]
        if self.user_state.is_read(pid):
            self.user_state.mark_unread([pid])
        else:
            self.user_state.mark_read([pid])
        self.paper_marks_changed(pid)

    def action_mark_day_read(self) -> None:
        ids = self.store.ids(self.day)
        before = {pid: self.user_state.read.get(pid) for pid in ids}
        unread = [pid for pid, when in before.items() if when is None]
        if not unread:
            self.notify("Every paper of this day is read already.", timeout=3)
            return
        self.user_state.mark_read(unread)
        label = self.day.isoformat() if self.day else "undated papers"
        self.deck.undo.push(
            f"marking {label} read", lambda: self.user_state.restore_reading(before)
        )
        self.notify(f"Marked {len(unread)} papers of {label} read. Press z to undo.", timeout=8)
        self.marks_changed()

    def _url(self, pdf: bool = False) -> str | None:
        """The selected paper's abstract page (or PDF); None, with a word why, if it has none."""
        paper = self.paper_list.current
        url = (pdf_url(paper) if pdf else abs_url(paper)) if paper else None
        if url is None and paper is not None:
            missing = "No PDF: this paper has no arXiv id." if pdf else "This paper has no link."
            self.notify(missing, severity="warning", timeout=3)
        return url

    def action_copy_link(self) -> None:
        if url := self._url():
            self.deck.copy_text(url, "link")

    def action_copy_citation(self) -> None:
        current = self._current()
        if current is not None:
            pid, paper = current
            citation = to_bibtex([Bookmark.of(pid, paper, self.day, datetime.now())])
            self.deck.copy_text(citation, "BibTeX")

    def action_open_link(self) -> None:
        if url := self._url():
            self.deck.open_link(url, "paper")

    def action_open_pdf(self) -> None:
        if url := self._url(pdf=True):
            self.deck.open_link(url, "PDF")

    def action_cycle_order(self) -> None:
        """Votes → title → file order → votes; the paper under the cursor stays."""
        self.order = self.order.next()
        self.show_day(self.day, keep_paper=True, user=False)
        self.notify(f"Papers {self.order.label}.", timeout=2)

    def action_filter_day(self) -> None:
        self.query_one(DayFilter).open()

    @on(DayFilter.Applied)
    def _filter_changed(self, event: DayFilter.Applied) -> None:
        self.day_filter = event.query
        self.show_day(self.day, keep_paper=True, user=False, read=False)  # only browsing

    @on(DayFilter.Done)
    def _filter_done(self, event: DayFilter.Done) -> None:
        self.paper_list.focus()
        self.show_paper(self.paper_list.current)  # now it is being read

    def clear_day_filter(self) -> None:
        self.query_one(DayFilter).close()
        self.day_filter = None
        self.show_day(self.day, keep_paper=True, user=False)
        self.paper_list.focus()

    def action_toggle_authors(self) -> None:
        self.detail.toggle_authors()

    def action_more(self) -> None:
        self.detail.show_more()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_open = self.has_class("-sidebar-hidden")
        self._apply_layout()
        if self.sidebar_open:
            self.sidebar.focus()

    def action_show_problems(self) -> None:
        from tui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.store.problems))
