"""One series over time, drawn in the terminal: a name, a sparkline, the figures beside it.

Textual's Sparkline draws each bucket as a bar of block characters (▁ to █), coloured from
dim to bright; with ``ascii`` the bars are ASCII characters of growing weight instead, for
fonts without block elements. Without colours (NO_COLOR) the heights still tell the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderableType
from rich.console import RenderResult as RichResult
from rich.segment import Segment
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
from textual.message import Message
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widgets import Label, Sparkline

from tui.widgets.literal import literal

ASCII_BARS = str.maketrans("▁▂▃▄▅▆▇█", "_.:-=+*#")


class _AsciiBars:
    """A sparkline renderable with its block characters swapped for ASCII."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RichResult:
        for segment in console.render(self.inner, options):
            yield Segment(segment.text.translate(ASCII_BARS), segment.style, segment.control)


def per_bar(count: int, width: int) -> int:
    """How many of ``count`` figures one of ``width`` bars stands for (whole figures, so a
    bar is always the same span: a day, a week, or 4 weeks)."""
    return max(1, -(-count // max(width, 1)))


class TrendSparkline(Sparkline):
    """A sparkline of whole spans per bar, that can draw in ASCII.

    Textual's Sparkline cuts its data into as many buckets as it has cells, some a figure
    longer than others; here each bar holds the same number of figures (the busiest of
    them, as Sparkline summarises a bucket), so a bar can be named.
    """

    @dataclass
    class Grouped(Message):
        """The figures per bar changed (the width did)."""

        per_bar: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, type(self))

    def __init__(self, ascii_only: bool = False, *, classes: str | None = None) -> None:
        super().__init__([], classes=classes)
        self.ascii_only = ascii_only
        self.values: list[float] = []
        self.per_bar = 1

    def show(self, values: Sequence[float]) -> None:
        self.values = list(values)
        self._group()

    def on_resize(self) -> None:
        self._group()

    def _group(self) -> None:
        per = per_bar(len(self.values), self.size.width)
        values = self.values
        self.data = [max(values[i : i + per]) for i in range(0, len(values), per)]
        if per != self.per_bar:
            self.per_bar = per
            self.post_message(self.Grouped(per))

    def render(self) -> RenderResult:
        renderable = super().render()
        if self.ascii_only and isinstance(renderable, SparklineRenderable):
            return _AsciiBars(renderable)
        return renderable


class TrendLine(Horizontal):
    """``name  ▁▂▅█▃  figures``: one series, as wide as the screen allows."""

    def __init__(self, name: str, ascii_only: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="trend-line")
        self.series_name = name
        self.ascii_only = ascii_only

    def compose(self) -> ComposeResult:
        yield Label(literal(self.series_name), classes="trend-name")
        yield TrendSparkline(self.ascii_only, classes="trend-spark")
        yield Label(classes="trend-figure")

    @property
    def per_bar(self) -> int:
        """How many of the series' figures one bar stands for."""
        return self.query_one(TrendSparkline).per_bar

    def show(self, values: Sequence[float], figure: str) -> None:
        self.query_one(TrendSparkline).show(values)
        self.query_one(".trend-figure", Label).update(literal(figure))
