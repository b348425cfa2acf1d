"""Every day of the archive, newest first, grouped under month headers; or weeks or months."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len
from textual.content import Content
from textual.message import Message

from tui.archive.periods import Period, PeriodKind
from tui.archive.store import DaySummary, PeriodSummary
from tui.widgets.line_list import LineList


@dataclass(frozen=True)
class _Row:
    header: str | None = None
    summary: DaySummary | None = None
    span: PeriodSummary | None = None


def period_label(period: Period) -> str:
    """A sidebar row's range: a week by its number and Monday (`` W29 07-14``, the same
    form in every month and width), a month by its days (`` Jul 01–31``)."""
    start, end = period.start, period.end
    if period.kind is PeriodKind.MONTH:
        return f" {start:%b} {start:%d}–{end:%d}"
    return f" W{start.isocalendar()[1]:02d} {start:%m-%d}"


class DateSidebar(LineList):
    """Days with their paper counts; moving the cursor shows that day."""

    @dataclass
    class DayHighlighted(Message):
        """The cursor moved to a day."""

        day: date | None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, type(self))

    @dataclass
    class DayOpened(Message):
        """The user pressed enter on a day."""

        day: date | None

    @dataclass
    class PeriodHighlighted(Message):
        """The cursor moved to a week or month."""

        period: Period

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, type(self))

    @dataclass
    class PeriodOpened(Message):
        """The user pressed enter on a week or month."""

        period: Period

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[_Row] = []
        self._row_of_day: dict[date | None, int] = {}
        self._row_of_period: dict[Period, int] = {}
        self.counts: Callable[[date | None], str] | None = None

    def show_days(self, summaries: list[DaySummary], current: date | None) -> None:
        """Replace the days listed, keeping the cursor on ``current``."""
        rows: list[_Row] = []
        month: tuple[int, int] | None = None
        for summary in summaries:
            day = summary.day
            if day is None:
                rows.append(_Row(header="Undated"))
            elif (day.year, day.month) != month:
                month = (day.year, day.month)
                rows.append(_Row(header=day.strftime("%B %Y")))
            rows.append(_Row(summary=summary))
        self._rows = rows
        self._row_of_day = {
            row.summary.day: index for index, row in enumerate(rows) if row.summary is not None
        }
        self._row_of_period = {}
        with self.prevent(self.DayHighlighted):
            self.rows_changed(self._row_of_day.get(current, self.cursor))

    def show_periods(self, summaries: list[PeriodSummary], current: Period | None) -> None:
        """List weeks or months under year headers, keeping the cursor on ``current``."""
        rows: list[_Row] = []
        year: int | None = None
        for summary in summaries:
            if summary.period.year != year:
                year = summary.period.year
                rows.append(_Row(header=str(year)))
            rows.append(_Row(span=summary))
        self._rows = rows
        self._row_of_day = {}
        self._row_of_period = {
            row.span.period: index for index, row in enumerate(rows) if row.span is not None
        }
        with self.prevent(self.PeriodHighlighted):
            self.rows_changed(self._row_of_period.get(current, self.cursor) if current else 0)

    def select_period(self, period: Period) -> None:
        """Put the cursor on ``period`` without announcing it."""
        index = self._row_of_period.get(period)
        if index is not None and index != self.cursor:
            with self.prevent(self.PeriodHighlighted):
                self.cursor = index

    def select_day(self, day: date | None) -> None:
        """Put the cursor on ``day`` without announcing it (the screen already knows)."""
        index = self._row_of_day.get(day)
        if index is not None and index != self.cursor:
            with self.prevent(self.DayHighlighted):
                self.cursor = index

    def restyle_day(self, day: date | None) -> None:
        index = self._row_of_day.get(day)
        if index is not None:
            self.restyle_row(index)

    @property
    def current(self) -> date | None:
        row = self._rows[self.cursor] if 0 <= self.cursor < len(self._rows) else None
        return row.summary.day if row and row.summary else None

    def row_count(self) -> int:
        return len(self._rows)

    def is_header(self, index: int) -> bool:
        return self._rows[index].header is not None

    def rows_to_keep_above(self, index: int) -> int:
        """Up to the row's month (or year) header, so scrolling never hides what it is under."""
        header = index
        while header > 0 and self._rows[header].header is None:
            header -= 1
        return index - header

    def row_content(self, index: int, width: int) -> Content:
        row = self._rows[index]
        if row.header is not None:
            return Content(row.header)
        if row.span is not None:
            papers = row.span.papers
            label, count = period_label(row.span.period), "…" if papers is None else f"{papers:,}"
        else:
            assert row.summary is not None
            day = row.summary.day
            label = f" {day:%d %a}" if day else " undated"
            count = self.counts(day) if self.counts else f"{row.summary.papers:,}"
        gap = max(1, width - cell_len(label) - cell_len(count) - 1)
        return Content.assemble(label, " " * gap, (count, self.part_style("line-list--muted")))

    def cursor_moved(self, index: int) -> None:
        row = self._rows[index]
        if row.summary is not None:
            self.post_message(self.DayHighlighted(row.summary.day))
        elif row.span is not None:
            self.post_message(self.PeriodHighlighted(row.span.period))

    def row_selected(self, index: int) -> None:
        row = self._rows[index]
        if row.summary is not None:
            self.post_message(self.DayOpened(row.summary.day))
        elif row.span is not None:
            self.post_message(self.PeriodOpened(row.span.period))
