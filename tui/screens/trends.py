"""Trends (``T``): papers and votes over a week, a month or the whole archive, drawn in the
terminal, with the period's most frequent title keywords and authors.

A keyword opens its search (limited to the period), an author their page. The figures are
counted in a worker thread: over ten years of papers that takes a moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label

from tui.archive.cache.authors import AuthorCount
from tui.archive.cache.trends import Trend
from tui.archive.keywords import top_keywords
from tui.archive.periods import Period
from tui.screens.authors import AuthorScreen
from tui.screens.requests import SearchRequested
from tui.screens.services import ReaderServices, reading_in_worker, so_far
from tui.terminal.glyphs import ASCII
from tui.widgets.key_footer import KeyFooter
from tui.widgets.literal import literal
from tui.widgets.name_list import NamedFigure, NameList
from tui.widgets.trend_line import TrendLine, TrendSparkline


def _figure(values: list[float], unit: str) -> str:
    if not values:
        return ""
    return f"max {max(values):,.0f}{unit}"


class TrendsScreen(Screen[None]):
    """The trends of ``period`` (None: the whole archive)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="trends.close"),
    ]

    @dataclass
    class Counted(Message):
        """The figures are ready."""

        trend: Trend
        keywords: list[tuple[str, int]]
        authors: list[AuthorCount]

    def __init__(self, services: ReaderServices, period: Period | None) -> None:
        super().__init__()
        self.services = services
        self.period = period
        self.trend: Trend | None = None

    def compose(self) -> ComposeResult:
        ascii_only = self.services.glyphs == ASCII
        yield Label(id="trends-head")
        yield TrendLine("Papers", ascii_only, id="trend-papers")
        yield TrendLine("Top votes", ascii_only, id="trend-top")
        yield TrendLine("Median votes", ascii_only, id="trend-median")
        with Horizontal(id="trend-axis"):
            yield Label(classes="trend-name")
            yield Label(id="trend-start")
            yield Label(id="trend-end")
        with Horizontal(id="trend-lists"):
            yield NameList(id="trend-keywords")
            yield NameList(id="trend-authors")
        yield KeyFooter()

    @property
    def scope(self) -> str:
        period = self.period
        return f"{period.label} ({period.range_text})" if period else "the whole archive"

    def on_mount(self) -> None:
        self._head(f"Trends of {self.scope} · counting…")
        keywords = self.query_one("#trend-keywords", NameList)
        keywords.border_title = literal("Title keywords")
        keywords.border_subtitle = literal("enter: search")
        authors = self.query_one("#trend-authors", NameList)
        authors.border_title = literal("Authors")
        authors.border_subtitle = literal("enter: their page")
        keywords.focus()
        self._count()

    def _head(self, text: str) -> None:
        self.query_one("#trends-head", Label).update(literal(text))

    @work(thread=True, exclusive=True, group="trends")
    def _count(self) -> None:
        store = self.services.store
        with reading_in_worker(store):
            trend = store.trend(self.period)
            keywords = top_keywords(store.titles(self.period), limit=20)
            self.post_message(self.Counted(trend, keywords, store.top_authors(self.period, 20)))

    def on_trends_screen_counted(self, message: Counted) -> None:
        trend = self.trend = message.trend
        per = trend.bucket
        self.query_one("#trend-papers", TrendLine).show(
            trend.papers, _figure([float(n) for n in trend.papers], f"/{per}")
        )
        self._name_the_bars()
        top = [float(n) for n in trend.top]
        self.query_one("#trend-top", TrendLine).show(top, _figure(top, ""))
        self.query_one("#trend-median", TrendLine).show(trend.median, _figure(trend.median, ""))
        if trend.starts:
            self.query_one("#trend-start", Label).update(literal(trend.starts[0].isoformat()))
            self.query_one("#trend-end", Label).update(literal(trend.starts[-1].isoformat()))
        self.query_one("#trend-keywords", NameList).show(
            [NamedFigure(word, f"{n:,}") for word, n in message.keywords]
        )
        self.query_one("#trend-authors", NameList).show(
            [NamedFigure(author.name, f"{author.papers:,}") for author in message.authors]
        )

    @on(TrendSparkline.Grouped)
    def _name_the_bars(self) -> None:
        """Say what one bar is: a day, a week, or several (``one bar per 4 weeks``)."""
        trend = self.trend
        if trend is None:
            return
        count = self.query_one("#trend-papers", TrendLine).per_bar
        bar = trend.bucket if count == 1 else f"{count} {trend.bucket}s"
        partial = so_far(self.services.store)
        self._head(f"Trends of {self.scope} · {trend.total:,} papers · one bar per {bar}{partial}")

    @on(NameList.Opened, "#trend-keywords")
    def _keyword_opened(self, event: NameList.Opened) -> None:
        period = self.period
        span = f" date:{period.start}..{period.end}" if period else ""
        self.post_message(SearchRequested(f"{event.name}{span}"))

    @on(NameList.Opened, "#trend-authors")
    def _author_opened(self, event: NameList.Opened) -> None:
        self.app.push_screen(AuthorScreen(self.services, event.name))
