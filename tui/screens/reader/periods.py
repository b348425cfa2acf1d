"""Weeks and months in the reader: the sidebar lists them (``w``), the list ranks their papers.

A period's papers come from the cache best first (votes, ties newer first); each row shows
the paper's own day, and marks, the filter and search work on them as on a day's.
"""

from __future__ import annotations

from datetime import date

from parsers.paper_fields import title_key
from tui.archive.cache.reading import PaperRow
from tui.archive.entry import Entry
from tui.archive.order import PaperOrder
from tui.archive.periods import Period, PeriodKind, period_of
from tui.screens.reader.view import DayShown, DayWanted, ReaderView
from tui.search.matching import paper_matches
from tui.widgets.literal import literal
from tui.widgets.paper_list import PaperList


def _ordered(rows: list[PaperRow], order: PaperOrder) -> list[PaperRow]:
    """A period's rows (best first as read) in ``order``: by title, or by day, newest first."""
    if order is PaperOrder.TITLE:
        return sorted(rows, key=lambda row: title_key(row.paper.title))
    if order is PaperOrder.FILE:
        return sorted(rows, key=lambda row: -(row.day.toordinal() if row.day else 0))
    return rows


class PeriodView(ReaderView):
    """Shows a week or a month when the sidebar lists them; else a day, as the reader does."""

    def show_current(self, *, keep_paper: bool = True, user: bool = False) -> None:
        """Show again what is shown (after a change of order, filter or data)."""
        if self.period is not None:
            self.show_period(self.period, keep_paper=keep_paper, user=user)
        else:
            self.show_day(self.day, keep_paper=keep_paper, user=user)

    def show_at(
        self, day: date | None, *, user: bool = True, pid: str | None = None, passing: bool = False
    ) -> None:
        """Show ``day``, or the week or month holding it; with paper ``pid`` selected."""
        if self.period_kind is PeriodKind.DAY or day is None:
            listed_periods = self.period is not None
            self.show_day(day, user=user, passing=passing)
            if listed_periods:
                self.refresh_sidebar()
        else:
            kind = self.period_kind
            self.show_period(period_of(day, kind), user=user, pid=pid, passing=passing)
        if pid is not None and (index := self.paper_list.index_of(pid)) is not None:
            self.paper_list.cursor = index

    def refresh_sidebar(self) -> None:
        """List days, or weeks or months, as the reader shows them now."""
        if self.period is None:
            self.sidebar.show_days(self.store.summaries(), self.day)
        else:
            self.sidebar.show_periods(self.store.periods(self.period.kind), self.period)
            self.sidebar.border_title = literal(self.period.kind.plural.capitalize())
            return
        self.sidebar.border_title = literal("Days")

    def show_period(
        self,
        period: Period,
        *,
        keep_paper: bool = False,
        user: bool = True,
        passing: bool = False,
        pid: str | None = None,
    ) -> None:
        """Show the papers of ``period``, best first; the same paper when ``keep_paper``.

        A filter ends with its period unless pinned; ``passing`` as for a day.
        """
        if user:
            self.navigated = True
        if period != self.period and self.day_filter is not None and not self.filter_pinned:
            self.drop_filter()
        kept = pid or (self.paper_list.current_id if keep_paper else None)
        changed = self.period is None or self.period.kind is not period.kind
        self.period = period
        rows = _ordered(self.store.span_rows(period), self.order)
        all_ids: list[str] | None = None
        if self.day_filter is not None:
            query, state = self.day_filter, self.user_state
            all_ids = [row.pid for row in rows]
            rows = [
                row
                for row in rows
                if paper_matches(query, Entry(row.day, self.store.full_row(row), row.pid), state)
            ]
        waiting = self.store.period_loading(period)
        if waiting is not None:
            self.post_message(DayWanted(waiting))
        paper_list = self.paper_list
        paper_list.loading = waiting is not None
        ids = [row.pid for row in rows]
        cursor = ids.index(kept) if kept in ids else 0
        label = f"{period.label} ({period.start:%m-%d}–{period.end:%m-%d})"
        order = "by day" if self.order is PaperOrder.FILE else self.order.short
        with paper_list.prevent(PaperList.Highlighted):
            paper_list.show(
                None,
                [row.paper for row in rows],
                ids,
                cursor,
                order_label=order,
                day_ids=all_ids,
                days=[row.day for row in rows],
                label=label,
            )
        self.day = paper_list.current_day or period.start
        self.show_paper(paper_list.current, passing)
        if changed:
            self.refresh_sidebar()
        self.sidebar.select_period(period)
        first = not self.shown_first
        self.shown_first = True
        self.detail.empty_message = "Reading these days…" if waiting else "No paper selected."
        self.post_message(DayShown(self.day, first))

    def period_touched(self, days: set[date | None]) -> bool:
        """True when the week or month shown holds one of ``days``."""
        period = self.period
        return period is not None and any(day in period for day in days)

    def cycle_period(self) -> None:
        """Days → weeks → months → days, keeping the paper under the cursor."""
        kind = self.period_kind.next()
        anchor = self.paper_list.current_day or self.day
        pid = self.paper_list.current_id
        if anchor is None:
            anchor = next((day for day in self.store.days() if day is not None), None)
            pid = None
        if kind is not PeriodKind.DAY and anchor is None:
            self.notify("Weeks and months need dated papers.", severity="warning", timeout=3)
            return
        self.period_kind = kind
        self.show_at(anchor, pid=pid)  # the sidebar's title says what it lists

    def say_at_end(self, at_end: str) -> None:
        """Nothing further that way: say so, or that more days may still come."""
        still = "More days are still being read; try again in a moment."
        self.notify(still if self.store.more_days_may_come else at_end, timeout=2)

    def step(self, older: bool) -> bool:
        """Move to the older or newer week or month; False when showing days."""
        if self.period is None:
            return False
        found = self.store.step_period(self.period, older)
        if found is None:
            self.say_at_end(
                f"This is the {'oldest' if older else 'newest'} {self.period.kind.value}."
            )
        else:
            self.show_period(found)
        return True
