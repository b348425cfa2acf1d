"""One series over time, drawn in the terminal: a name, a sparkline, the figures beside it.

Textual's Sparkline draws each bucket as a bar of block characters (▁ to █), coloured from
dim to bright; with ``ascii`` the bars are ASCII characters of growing weight instead, for
fonts without block elements. Without colours (NO_COLOR) the heights still tell the story.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType
from rich.console import RenderResult as RichResult
from rich.segment import Segment
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal
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


class TrendSparkline(Sparkline):
    """A sparkline that can draw in ASCII."""

    def __init__(self, ascii_only: bool = False, *, classes: str | None = None) -> None:
        super().__init__([], classes=classes)
        self.ascii_only = ascii_only

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

    def show(self, values: Sequence[float], figure: str) -> None:
        self.query_one(TrendSparkline).data = list(values)
        self.query_one(".trend-figure", Label).update(literal(figure))
