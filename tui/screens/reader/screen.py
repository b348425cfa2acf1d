"""The reader screen: the keys that move through days and papers, and the archive arriving."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import ClassVar

from textual import on
from textual.binding import BindingType

from parsers import Paper
from tui.archive.links import abs_url, pdf_url
from tui.archive.store import Step
from tui.screens.annotating import AnnotatingScreen, Target
from tui.screens.date_prompt import DatePrompt
from tui.screens.problems import ProblemsScreen
from tui.screens.reader.bindings import READER_BINDINGS
from tui.screens.reader.flow import ReadingFlow
from tui.screens.requests import CopyRequested, OpenLinkRequested, ResultsRequested
from tui.userdata.bookmarks import Bookmark
from tui.userdata.export import to_bibtex
from tui.userdata.marking import Notice
from tui.widgets.date_sidebar import DateSidebar
from tui.widgets.day_filter import DayFilter
from tui.widgets.literal import literal
from tui.widgets.paper_list import PaperList


class ReaderScreen(ReadingFlow, AnnotatingScreen):
    """Owns the reading position; every key of the reader acts here."""

    BINDINGS: ClassVar[list[BindingType]] = READER_BINDINGS

    # -- the archive arrives ---------------------------------------------------------

    def archive_changed(self, changed: set[date | None] | None, wanted: date | None) -> None:
        """Days arrived or changed (None: all); refresh them and, at first, open a day."""
        self.refresh_sidebar()
        if self.store.is_empty():
            return
        first = not self.shown_first
        if first or (not self.navigated and wanted is not None):
            target = self.store.nearest_day(wanted) if wanted else self.store.newest_day
            if target is None or target not in self.store:
                target = self.store.newest_day
            if first or target != self.day:
                self.show_at(target, user=False)
            self.apply_restore(target)
        elif changed is None or self.day in changed or self.period_touched(changed):
            self.show_current()

    def loading_progress(self, done: int, total: int) -> None:
        self.sidebar.border_subtitle = literal(f"loading {done * 100 // max(total, 1)}%")

    def loading_finished(self) -> None:
        days = len(self.store.days())
        self.sidebar.border_subtitle = literal(f"{days:,} day{'' if days == 1 else 's'}")
        if self.store.is_empty():
            self.detail.empty_message = (
                "No digests were found. Open a file or a directory: paperdeck PATH"
            )
            self.detail.show(None, None)
            self.paper_list.border_title = literal("No digests")

    # -- what the panes say ----------------------------------------------------------

    @on(DateSidebar.DayHighlighted)
    def _day_highlighted(self, event: DateSidebar.DayHighlighted) -> None:
        if event.day != self.day:
            self.show_day(event.day)

    @on(DateSidebar.DayOpened)
    def _day_opened(self, event: DateSidebar.DayOpened) -> None:
        if event.day != self.day:
            self.show_day(event.day)
        self.paper_list.focus()

    @on(DateSidebar.PeriodHighlighted)
    def _period_highlighted(self, event: DateSidebar.PeriodHighlighted) -> None:
        if event.period != self.period:
            self.show_period(event.period)

    @on(DateSidebar.PeriodOpened)
    def _period_opened(self, event: DateSidebar.PeriodOpened) -> None:
        if event.period != self.period:
            self.show_period(event.period)
        self.paper_list.focus()

    @on(PaperList.Highlighted)
    def _paper_highlighted(self, event: PaperList.Highlighted) -> None:
        self.show_paper(event.paper)

    @on(PaperList.Opened)
    def _paper_opened(self, event: PaperList.Opened) -> None:
        self.detail.focus()
        self.mark_shown_read(opened=True)

    @on(DayFilter.Applied)
    def _filter_changed(self, event: DayFilter.Applied) -> None:
        self.day_filter = event.query
        self.filter_pinned = self.filter_pinned and event.query is not None
        self.show_current()

    @on(DayFilter.Done)
    def _filter_done(self, event: DayFilter.Done) -> None:
        self.paper_list.focus()

    @on(DayFilter.Cleared)
    def _filter_cleared(self, event: DayFilter.Cleared) -> None:
        self.clear_day_filter()

    def clear_day_filter(self) -> None:
        self.drop_filter()
        self.show_current()
        self.paper_list.focus()

    # -- moving ----------------------------------------------------------------------

    def action_older_day(self) -> None:
        if not self.step(older=True):
            self._step_day(self.store.older_day(self.day), "This is the oldest day.")

    def action_newer_day(self) -> None:
        if not self.step(older=False):
            self._step_day(self.store.newer_day(self.day), "This is the newest day.")

    def action_cycle_period(self) -> None:
        self.cycle_period()

    def _step_day(self, step: Step, at_end: str) -> None:
        if not step.exists:
            self.say_at_end(at_end)
            return
        self.show_day(step.day)

    def action_goto_date(self) -> None:
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

    def action_cycle_pane(self, step: int) -> None:
        panes = self.panes()
        focused = self.focused
        index = panes.index(focused) if focused in panes else 0
        panes[(index + step) % len(panes)].focus()

    def action_back(self) -> None:
        """Back to the search results on the result opened; else clear a filter; else a pane."""
        if self.on_result():
            self.post_message(ResultsRequested())
            return
        if self.focused is self.paper_list and self.day_filter is not None:
            self.clear_day_filter()
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
        self.app.push_screen(ProblemsScreen(self.store.problems))

    # -- the paper under the cursor --------------------------------------------------

    def _current(self) -> tuple[str, Paper] | None:
        paper, pid = self.paper_list.current, self.paper_list.current_id
        return None if paper is None or pid is None else (pid, paper)

    def _tell(self, notice: Notice) -> None:
        self.notify(
            notice.text,
            timeout=notice.timeout,
            severity="warning" if notice.warning else "information",
            markup=False,
        )

    def action_toggle_bookmark(self) -> None:
        if current := self._current():
            pid, paper = current
            notice = self.services.marking.toggle_bookmark(pid, paper, self.paper_list.current_day)
            self._tell(notice)
            self.paper_marks_changed(pid)

    def action_toggle_read(self) -> None:
        if current := self._current():
            self.services.marking.toggle_read(current[0])
            self.paper_marks_changed(current[0])

    def annotation_target(self) -> Target | None:
        if (current := self._current()) is None:
            return None
        pid, paper = current
        return Target(pid, paper.title, Bookmark.of(pid, paper, self.day, datetime.now(UTC)))

    def action_mark_day_read(self) -> None:
        if self.period is not None:
            label, ids = self.period.label, [row.pid for row in self.store.span_rows(self.period)]
        else:
            label = self.day.isoformat() if self.day else "undated papers"
            ids = self.store.ids(self.day)
        self._tell(self.services.marking.mark_all_read(ids, label))
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
            self.post_message(CopyRequested(url, "link"))

    def action_copy_citation(self) -> None:
        if current := self._current():
            pid, paper = current
            day = self.paper_list.current_day
            citation = to_bibtex([Bookmark.of(pid, paper, day, datetime.now(UTC))])
            self.post_message(CopyRequested(citation, "BibTeX"))

    def action_open_link(self) -> None:
        if url := self._url():
            self.post_message(OpenLinkRequested(url, "paper"))

    def action_open_pdf(self) -> None:
        if url := self._url(pdf=True):
            self.post_message(OpenLinkRequested(url, "PDF"))

    def action_cycle_order(self) -> None:
        """Votes → title → file order → votes; the paper under the cursor stays."""
        self.order = self.order.next()
        self.show_current()
        self.notify(f"Papers {self.order.label}.", timeout=2)

    def action_filter_day(self) -> None:
        self.query_one(DayFilter).open()

    def action_pin_filter(self) -> None:
        """Keep the filter on from day to day, or let it end with its day again."""
        if self.day_filter is None:
            self.notify("No filter to pin: press f to filter this day first.", timeout=3)
            return
        self.filter_pinned = not self.filter_pinned
        self.update_list_title()
        if self.filter_pinned:
            self.notify("Filter pinned: it stays on from day to day (F again to unpin).")
        else:
            self.notify("Filter unpinned: it ends when you change day.", timeout=3)

    def action_toggle_authors(self) -> None:
        self.detail.toggle_authors()

    def action_more(self) -> None:
        self.detail.show_more()
